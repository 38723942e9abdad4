//! Stage 6: write the generated files so that a reader never sees a half-written tree:
//! everything goes to a sibling folder first, which is then swapped in.

use crate::emit::GeneratedFile;
use std::io;
use std::path::{Path, PathBuf};

fn sibling(out: &Path, tag: &str) -> PathBuf {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    out.with_file_name(format!(".{name}.{tag}-{}", std::process::id()))
}

/// Replaces `out` with exactly `files`. On error the previous contents stay in place.
pub fn write_tree(out: &Path, files: &[GeneratedFile]) -> io::Result<()> {
    let staging = sibling(out, "new");
    if staging.exists() {
        std::fs::remove_dir_all(&staging)?;
    }
    let result = (|| {
        for file in files {
            let path = staging.join(&file.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, &file.contents)?;
        }
        Ok(())
    })();
    if let Err(err) = result {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(err);
    }
    if out.exists() {
        let old = sibling(out, "old");
        std::fs::rename(out, &old)?;
        if let Err(err) = std::fs::rename(&staging, out) {
            std::fs::rename(&old, out)?;
            return Err(err);
        }
        std::fs::remove_dir_all(&old)?;
    } else {
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::rename(&staging, out)?;
    }
    Ok(())
}

/// Makes `out` hold exactly `files`, rewriting only the files that differ: the others keep
/// their times, so cargo rebuilds only what changed. `Cargo.lock` and `target/` are left
/// alone. Not atomic: for scratch crates, which no one reads half-written.
pub fn update_tree(out: &Path, files: &[GeneratedFile]) -> io::Result<()> {
    for rel in stale_files(out, files) {
        let path = out.join(&rel);
        match files.iter().find(|f| f.path == rel) {
            Some(file) => {
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(&path, &file.contents)?;
            }
            None => std::fs::remove_file(&path)?,
        }
    }
    Ok(())
}

/// Files under `out` that differ from `files`, are missing, or are extra.
pub fn stale_files(out: &Path, files: &[GeneratedFile]) -> Vec<String> {
    let mut stale: Vec<String> = files
        .iter()
        .filter(|f| std::fs::read_to_string(out.join(&f.path)).ok().as_deref() != Some(f.contents.as_str()))
        .map(|f| f.path.clone())
        .collect();
    let expected: std::collections::HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for entry in walkdir::WalkDir::new(out).into_iter().filter_map(Result::ok) {
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(out).unwrap_or(entry.path());
        let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        if !expected.contains(rel.as_str()) && !rel.starts_with("target/") && rel != "Cargo.lock" {
            stale.push(rel);
        }
    }
    stale.sort();
    stale
}
