//! Dev check for emitter changes: two generated crates (or two single files) hold the same
//! code. `cargo run --release -p graph-docs-tests --example same_tokens -- OLD NEW`
//!
//! Every `.rs` file of OLD must parse with syn in both trees and give the same tokens (doc
//! comments included), up to what formatters change as they break lines: the trailing
//! comma of a list, and braces around a match arm's body (see `normalized`). Other files
//! must be byte-identical, and NEW must hold no extra file. A module kept in one file in
//! one tree and as a folder in the other (`endpoints.rs`, or `endpoints/mod.rs` declaring
//! `pub mod users;` in `endpoints/users.rs`) is compared as the one file it would be with
//! its submodules inline. Prints each file that differs with the first differing tokens;
//! exits 1 then.

use proc_macro2::{Delimiter, Group, Punct, Spacing, TokenStream, TokenTree};
use quote::ToTokens;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn is_punct(tree: Option<&TokenTree>, c: char) -> bool {
    matches!(tree, Some(TokenTree::Punct(p)) if p.as_char() == c)
}

/// The tokens up to what formatters change without changing the code: the trailing comma
/// of a list is dropped (of brackets, of generic arguments, and of parentheses after a name
/// or `>`: arguments and parameters, not a tuple such as `(x,)`), and a match arm's body in
/// braces, `=> { x }`, becomes `=> x,`.
fn normalized(stream: TokenStream) -> TokenStream {
    let mut out: Vec<TokenTree> = Vec::new();
    for tree in stream {
        match tree {
            TokenTree::Group(group) => {
                let after_name = matches!(out.last(), Some(TokenTree::Ident(_))) || is_punct(out.last(), '>');
                let arm_body = group.delimiter() == Delimiter::Brace && is_punct(out.last(), '>') && {
                    let n = out.len();
                    n >= 2 && is_punct(out.get(n - 2), '=')
                };
                let list = match group.delimiter() {
                    Delimiter::Bracket => true,
                    Delimiter::Parenthesis => after_name,
                    _ => false,
                };
                let mut inner: Vec<TokenTree> = normalized(group.stream()).into_iter().collect();
                if list && is_punct(inner.last(), ',') {
                    inner.pop();
                }
                if arm_body {
                    out.extend(inner);
                    out.push(TokenTree::Punct(Punct::new(',', Spacing::Alone)));
                } else {
                    out.push(TokenTree::Group(Group::new(group.delimiter(), inner.into_iter().collect())));
                }
            }
            TokenTree::Punct(p) if p.as_char() == '>' && is_punct(out.last(), ',') => {
                out.pop();
                out.push(TokenTree::Punct(p));
            }
            // A comma after an arm body in braces that was already given one.
            TokenTree::Punct(p) if p.as_char() == ',' && is_punct(out.last(), ',') => {}
            other => out.push(other),
        }
    }
    out.into_iter().collect()
}

fn parsed(path: &Path) -> Result<syn::File, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    syn::parse_file(&text).map_err(|e| format!("{}: does not parse: {e}", path.display()))
}

/// The module of `path` (`x.rs`, or `x/mod.rs` when there is no `x.rs`), with each
/// `pub mod y;` it declares given inline from `x/y.rs`.
fn module(path: &Path) -> Result<syn::File, String> {
    let folder = path.with_extension("");
    let mut file = if path.exists() { parsed(path)? } else { parsed(&folder.join("mod.rs"))? };
    for item in &mut file.items {
        let syn::Item::Mod(m) = item else { continue };
        let child = folder.join(format!("{}.rs", m.ident));
        if m.content.is_none() && folder.is_dir() && (child.exists() || child.with_extension("").is_dir()) {
            let inner = module(&child)?;
            m.attrs.extend(inner.attrs);
            m.content = Some((Default::default(), inner.items));
            m.semi = None;
        }
    }
    Ok(file)
}

fn tokens(path: &Path) -> Result<String, String> {
    Ok(normalized(module(path)?.to_token_stream()).to_string())
}

/// Where two token strings part, with some tokens of context.
fn first_difference(old: &str, new: &str) -> String {
    let (old, new): (Vec<&str>, Vec<&str>) = (old.split(' ').collect(), new.split(' ').collect());
    let at = old.iter().zip(&new).position(|(a, b)| a != b).unwrap_or(old.len().min(new.len()));
    let window = |t: &[&str]| t[at.saturating_sub(30).min(t.len())..(at + 30).min(t.len())].join(" ");
    format!("old: …{}…\n  new: …{}…", window(&old), window(&new))
}

fn compare(old: &Path, new: &Path) -> Option<String> {
    if old.extension().is_some_and(|e| e == "rs") {
        return match (tokens(old), tokens(new)) {
            (Ok(a), Ok(b)) if a == b => None,
            (Ok(a), Ok(b)) => Some(format!("{}: tokens differ\n  {}", new.display(), first_difference(&a, &b))),
            (Err(e), _) | (_, Err(e)) => Some(e),
        };
    }
    match (std::fs::read(old), std::fs::read(new)) {
        (Ok(a), Ok(b)) if a == b => None,
        (Ok(_), Ok(_)) => Some(format!("{}: bytes differ", new.display())),
        (Err(e), _) | (_, Err(e)) => Some(format!("{}: {e}", new.display())),
    }
}

fn files(root: &Path) -> Vec<PathBuf> {
    if root.is_file() {
        return vec![PathBuf::new()];
    }
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        for entry in std::fs::read_dir(root.join(&rel)).into_iter().flatten().flatten() {
            let rel = rel.join(entry.file_name());
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(rel);
            } else {
                out.push(rel);
            }
        }
    }
    out.sort();
    out
}

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [old, new] = args.as_slice() else {
        eprintln!("usage: same_tokens OLD NEW (two crate folders or two .rs files)");
        return ExitCode::from(2);
    };
    let (old_files, new_files) = (files(old), files(new));
    // A file given as itself is listed as the empty path.
    let at = |root: &Path, rel: &Path| if rel.as_os_str().is_empty() { root.to_path_buf() } else { root.join(rel) };
    let mut problems: Vec<String> =
        old_files.par_iter().filter_map(|rel| compare(&at(old, rel), &at(new, rel))).collect();
    // A file of a module that OLD keeps in one file was compared with that file.
    let compared = |f: &PathBuf| {
        old_files.contains(f) || f.ancestors().skip(1).any(|a| old_files.contains(&a.with_extension("rs")))
    };
    problems.extend(new_files.iter().filter(|f| !compared(f)).map(|f| format!("{}: only in NEW", f.display())));
    for problem in &problems {
        println!("{problem}");
    }
    println!("{} files compared, {} differ", old_files.len(), problems.len());
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
