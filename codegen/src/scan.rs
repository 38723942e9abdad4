//! Stage 1: find the pages of one docs version and read them, tolerating anything the
//! file system can hold.

use crate::diag::{Diagnostic, Span};
use crate::parse::markdown::heading_level;
use std::path::{Path, PathBuf};

/// Pages larger than this are not docs pages; reading them would only slow a run down.
pub const MAX_PAGE_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Folder {
    Api,
    Resources,
}

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the docs root, with `/` separators: what diagnostics print.
    pub path: String,
    pub folder: Folder,
    pub text: String,
    /// Files the page includes where the model needs their content, read with the page:
    /// see `permission_includes`.
    pub includes: Vec<SourceFile>,
}

/// A file read: its path, and the SHA-256 of its bytes as they are on disk, taken as it is
/// read so that the lock file's hash of the docs reads nothing again.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReadFile {
    pub path: PathBuf,
    pub sha256: [u8; 32],
}

pub struct Scan {
    pub files: Vec<SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every file read, for `cargo:rerun-if-changed`.
    pub read: Vec<ReadFile>,
}

/// The folder holding one version's pages, or None when the docs root lacks it.
pub fn version_dir(root: &Path, version: &str) -> PathBuf {
    root.join("api-reference").join(version)
}

/// A page found by `list_version`, not read yet.
#[derive(Debug, Clone)]
pub struct PageEntry {
    pub path: PathBuf,
    /// Relative to the docs root, with `/` separators.
    pub rel: String,
    pub folder: Folder,
}

impl PageEntry {
    /// The page's text and the files it includes, with every path read (for
    /// `rerun-if-changed`), or None (with a diagnostic) when it cannot be a page. `root`
    /// is the docs root the entry was listed under: includes never reach outside it.
    pub fn read(self, root: &Path, diags: &mut Vec<Diagnostic>) -> Option<(SourceFile, Vec<ReadFile>)> {
        let (text, sha256) = read_text(&self.path, &Span::file_start(&self.rel), diags)?;
        let mut read = vec![ReadFile { path: self.path, sha256 }];
        let mut includes = Vec::new();
        for (line, target) in permission_includes(&text) {
            if let Some((file, path)) = read_include(root, &self.rel, line, target, self.folder, diags) {
                includes.push(file);
                read.push(path);
            }
        }
        Some((SourceFile { path: self.rel, folder: self.folder, text, includes }, read))
    }
}

/// DocFX includes (`[!INCLUDE [label](path)]` lines) in a Permissions section, with their
/// 1-based line: newer docs keep each operation's permissions table in such a file. Other
/// includes (SDK snippets, notes, disclaimers) hold nothing the model reads. Only the
/// Permissions sections' lines are looked at: this runs on every page as it is read.
fn permission_includes(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut section_end = 0;
    // "Permission" or "permission", in a heading line.
    for at in memchr::memmem::find_iter(text.as_bytes(), b"ermission") {
        if at < section_end {
            continue;
        }
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let Some(level) = heading_level(text[start..].trim_start()) else { continue };
        let mut line_number = memchr::memchr_iter(b'\n', &text.as_bytes()[..start]).count() + 1;
        section_end = text.len();
        let mut offset = start;
        for line in text[start..].split_inclusive('\n').skip(1) {
            offset += line.len();
            line_number += 1;
            let line = line.trim();
            if heading_level(line).is_some_and(|l| l <= level) {
                section_end = offset;
                break;
            }
            let target = line.strip_prefix("[!INCLUDE").and_then(|rest| rest.split_once("](")).map(|(_, rest)| rest);
            if let Some((target, _)) = target.and_then(|rest| rest.split_once(')')) {
                if !target.trim().is_empty() {
                    out.push((line_number, target.trim()));
                }
            }
        }
    }
    out
}

/// Reads the file an include at `line` of page `page` names, relative to the page, under
/// `root`; a target outside the root, missing, or not a regular file is reported instead.
fn read_include(
    root: &Path,
    page: &str,
    line: usize,
    target: &str,
    folder: Folder,
    diags: &mut Vec<Diagnostic>,
) -> Option<(SourceFile, ReadFile)> {
    let at = Span { file: page.to_string(), line, column: 1 };
    let not_read = |diags: &mut Vec<Diagnostic>, why: &str| {
        diags.push(
            Diagnostic::warning(
                "include-not-read",
                &at,
                format!("include `{target}` in the Permissions section {why}; not read"),
            )
            .with_help(
                "newer docs keep the permissions table in such a file: the operation's permissions stay empty unless the page lists them itself",
            ),
        );
    };
    let Some(rel) = relative_target(page, target) else {
        not_read(diags, "points outside the docs root");
        return None;
    };
    let Some(path) = regular_file(root, &rel) else {
        not_read(diags, "is not a file under the docs root");
        return None;
    };
    let (text, sha256) = read_text(&path, &Span::file_start(&rel), diags)?;
    Some((SourceFile { path: rel, folder, text, includes: Vec::new() }, ReadFile { path, sha256 }))
}

/// A link target resolved against the folder of `page` (both relative to the docs root,
/// with `/`), without `..` or `.` parts; None when it leaves the root or is absolute.
fn relative_target(page: &str, target: &str) -> Option<String> {
    let target = target.split(['#', '?']).next().unwrap_or_default();
    if target.starts_with('/') || target.contains(':') || target.contains('\\') {
        return None;
    }
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            _ => parts.push(part),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The pages of a version, in a fixed order, and what listing them reported.
pub struct Listing {
    pub pages: Vec<PageEntry>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Lists the pages of a version in a fixed order, then reads them in parallel.
pub fn scan_version(root: &Path, version: &str) -> Scan {
    use rayon::prelude::*;
    let listing = list_version(root, version);
    let read: Vec<_> = listing
        .pages
        .into_par_iter()
        .map(|entry| {
            let mut d = Vec::new();
            (entry.read(root, &mut d), d)
        })
        .collect();
    let mut scan = Scan { files: Vec::new(), diagnostics: listing.diagnostics, read: Vec::new() };
    for (file, d) in read {
        scan.diagnostics.extend(d);
        if let Some((file, paths)) = file {
            scan.read.extend(paths);
            scan.files.push(file);
        }
    }
    scan
}

/// Finds the pages of a version without reading them: symbolic links, hidden paths and
/// anything that is not a regular file are reported and left out.
pub fn list_version(root: &Path, version: &str) -> Listing {
    let mut scan = Listing { pages: Vec::new(), diagnostics: Vec::new() };
    let pages = &mut scan.pages;
    for (folder, name) in [(Folder::Api, "api"), (Folder::Resources, "resources")] {
        let dir = version_dir(root, version).join(name);
        if !dir.is_dir() {
            continue;
        }
        // Symbolic links are never followed, not even the folder's own: a link can point
        // outside the docs root or loop. Entries are sorted by name within their folder;
        // siblings' paths differ only in the name, and comparing the paths whole is cheaper
        // than taking each name apart from its path.
        let mut walk = walkdir::WalkDir::new(&dir)
            .follow_links(false)
            .follow_root_links(false)
            .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
            .into_iter();
        while let Some(entry) = walk.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err.path().map(|p| relative(root, p)).unwrap_or_default();
                    scan.diagnostics.push(Diagnostic::warning(
                        "unreadable-path",
                        &Span::file_start(&path),
                        format!("cannot list this path: {err}"),
                    ));
                    continue;
                }
            };
            let rel = relative(root, entry.path());
            let at = Span::file_start(&rel);
            let is_page = is_page_name(entry.path());
            if entry.path_is_symlink() {
                scan.diagnostics.push(Diagnostic::warning(
                    "symlink-skipped",
                    &at,
                    "symbolic link: not followed, so nothing is read through it",
                ));
                continue;
            }
            let is_dir = entry.file_type().is_dir();
            // Editor and tool folders (`.vscode`, `.git`) hold no pages and may be large.
            if entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.') && (is_dir || is_page) {
                if is_dir {
                    walk.skip_current_dir();
                }
                scan.diagnostics.push(Diagnostic::warning(
                    "hidden-path-skipped",
                    &at,
                    "hidden path: not docs; skipped",
                ));
                continue;
            }
            if !is_page {
                continue;
            }
            if !entry.file_type().is_file() {
                let what = if is_dir { "a folder" } else { "not a regular file" };
                scan.diagnostics.push(Diagnostic::warning(
                    "not-a-file",
                    &at,
                    format!("named like a page but {what}; not read as a page"),
                ));
                continue;
            }
            pages.push(PageEntry { path: entry.into_path(), rel, folder });
        }
    }
    scan
}

fn is_page_name(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("md" | "txt"))
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// A page's text as the parser saw it, for showing source lines. None for anything the
/// scan would refuse or not follow: a link, a path leaving the root, a binary or huge file.
pub fn page_text(root: &Path, rel: &str) -> Option<String> {
    read_text(&regular_file(root, rel)?, &Span::file_start(rel), &mut Vec::new()).map(|(text, _)| text)
}

/// The path of `rel` under `root` when it is a regular file there (not a link), reached
/// by a path that cannot leave the root.
fn regular_file(root: &Path, rel: &str) -> Option<PathBuf> {
    let rel_path = Path::new(rel);
    if rel.is_empty() || !rel_path.components().all(|c| matches!(c, std::path::Component::Normal(_))) {
        return None;
    }
    let path = root.join(rel_path);
    std::fs::symlink_metadata(&path).ok()?.file_type().is_file().then_some(path)
}

/// Reads one page and normalizes what the parser should never see: a BOM and CR line ends.
/// At most `MAX_PAGE_BYTES` are read, whatever the file claims its size is.
fn read_text(path: &Path, at: &Span, diags: &mut Vec<Diagnostic>) -> Option<(String, [u8; 32])> {
    use std::io::Read;
    let unreadable = |diags: &mut Vec<Diagnostic>, err: std::io::Error| {
        diags.push(Diagnostic::error("unreadable-file", at, format!("cannot read page: {err}")));
    };
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(err) => {
            unreadable(diags, err);
            return None;
        }
    };
    let too_large = |diags: &mut Vec<Diagnostic>| {
        diags.push(Diagnostic::error(
            "page-too-large",
            at,
            format!("page is over the {MAX_PAGE_BYTES} byte limit; skipped"),
        ));
    };
    // The size on disk refuses a huge page without reading it; the bounded read covers
    // files whose size is not known in advance.
    let size = file.metadata().map_or(0, |m| m.len());
    if size > MAX_PAGE_BYTES {
        too_large(diags);
        return None;
    }
    // Sized up front, the page is read in one call rather than in growing chunks.
    let mut bytes = Vec::with_capacity(size as usize + 1);
    if let Err(err) = file.take(MAX_PAGE_BYTES + 1).read_to_end(&mut bytes) {
        unreadable(diags, err);
        return None;
    }
    if bytes.len() as u64 > MAX_PAGE_BYTES {
        too_large(diags);
        return None;
    }
    use sha2::Digest;
    let sha256 = sha2::Sha256::digest(&bytes).into();
    Some((decode_page(bytes, at, diags)?, sha256))
}

/// Bytes to page text: binary files are refused, invalid UTF-8 is replaced and reported.
/// Valid UTF-8 becomes the text without a copy.
pub fn decode_page(mut bytes: Vec<u8>, at: &Span, diags: &mut Vec<Diagnostic>) -> Option<String> {
    if bytes.contains(&0) {
        diags.push(Diagnostic::error("binary-file", at, "page holds NUL bytes: not a text page; skipped"));
        return None;
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).unwrap_or_else(|err| {
        let lossy = String::from_utf8_lossy(err.as_bytes()).into_owned();
        let (line, column) = crate::diag::LineIndex::new(&lossy).position(err.utf8_error().valid_up_to());
        let at = Span { file: at.file.clone(), line, column };
        diags.push(
            Diagnostic::warning("invalid-utf8", &at, "page is not valid UTF-8; invalid bytes were replaced")
                .with_help("save the page as UTF-8"),
        );
        lossy
    });
    Some(if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn include_targets_resolve_against_the_page_folder_and_stay_under_the_root() {
        let page = "api-reference/beta/api/gadget-get.md";
        let resolved = relative_target(page, "../includes/permissions/gadget-get-permissions.md#table");
        assert_eq!(resolved.as_deref(), Some("api-reference/beta/includes/permissions/gadget-get-permissions.md"));
        assert_eq!(relative_target(page, "./x.md").as_deref(), Some("api-reference/beta/api/x.md"));
        for outside in ["../../../../x.md", "/etc/passwd", "https://example.com/x.md", "..\\..\\x.md"] {
            assert_eq!(relative_target(page, outside), None, "{outside}");
        }
    }

    #[test]
    fn permission_includes_are_those_under_a_permissions_heading_and_its_subheadings() {
        let text = "# Get gadget\n[!INCLUDE [a](a.md)]\n## Permissions\n[!INCLUDE [b](b.md)]\n\n\
                    ### Roles\n[!INCLUDE [c]( c.md )]\n## HTTP request\n[!INCLUDE [d](d.md)]\n";
        assert_eq!(permission_includes(text), [(4, "b.md"), (7, "c.md")]);
    }

    #[test]
    fn a_read_error_is_an_unreadable_file_diagnostic() {
        // Reading a folder fails for every user, root included, unlike a chmod 000 file.
        let dir = std::env::temp_dir();
        let mut diags = Vec::new();
        assert!(read_text(&dir, &Span::file_start("x.md"), &mut diags).is_none());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "unreadable-file");
    }

    #[test]
    fn bom_and_carriage_returns_are_removed() {
        let mut diags = Vec::new();
        let text = decode_page(b"\xEF\xBB\xBF# a\r\nb\rc\n".to_vec(), &Span::file_start("x.md"), &mut diags);
        assert_eq!(text.as_deref(), Some("# a\nb\nc\n"));
        assert!(diags.is_empty());
    }

    #[test]
    fn page_text_refuses_paths_leaving_the_root() {
        let root = std::env::temp_dir();
        assert_eq!(page_text(&root, "../etc/passwd"), None);
        assert_eq!(page_text(&root, "/etc/passwd"), None);
        assert_eq!(page_text(&root, ""), None);
    }
}
