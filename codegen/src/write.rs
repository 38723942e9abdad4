//! Stage 6: write the generated files so that a reader never sees a half-written tree:
//! everything goes to a sibling folder first, which is then swapped in.

use crate::emit::GeneratedFile;
use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

fn sibling(out: &Path, tag: &str) -> PathBuf {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    out.with_file_name(format!(".{name}.{tag}-{}", std::process::id()))
}

/// A crate being written: files go into a sibling staging folder as they come, and
/// `commit` swaps it in for `out` unless `out` already holds exactly these files. Dropped
/// uncommitted, it removes the staging folder and `out` is untouched. Files may be written
/// from several threads at once: only the record of them is behind a lock, not the I/O.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    record: Mutex<Record>,
    committed: bool,
}

struct Record {
    /// The paths written, relative to the crate root.
    written: Vec<String>,
    /// Every file written so far is already in `out` with the same contents.
    unchanged: bool,
}

impl Staging {
    pub fn new(out: &Path) -> io::Result<Staging> {
        let dir = sibling(out, "new");
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        let record = Mutex::new(Record { written: Vec::new(), unchanged: true });
        Ok(Staging { out: out.to_path_buf(), dir, record, committed: false })
    }

    fn record(&self) -> std::sync::MutexGuard<'_, Record> {
        self.record.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn write(&self, file: &GeneratedFile) -> io::Result<()> {
        // Once one file differs, the others need not be compared.
        let compare = self.record().unchanged;
        let same = compare && std::fs::read(self.out.join(&file.path)).is_ok_and(|old| old == file.contents.as_bytes());
        let path = self.dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, &file.contents)?;
        let mut record = self.record();
        record.written.push(file.path.clone());
        record.unchanged &= same;
        Ok(())
    }

    /// Replaces `out` with the files written, unless it holds exactly them already (so an
    /// unchanged build stays fresh); returns how many files there are and whether `out` was
    /// replaced.
    pub fn commit(mut self) -> io::Result<(usize, bool)> {
        let record = self.record.get_mut().unwrap_or_else(PoisonError::into_inner);
        let files = record.written.len();
        let expected: HashSet<&str> = record.written.iter().map(String::as_str).collect();
        if record.unchanged && extra_files(&self.out, &expected).is_empty() {
            return Ok((files, false));
        }
        let out = &self.out;
        if out.exists() {
            let old = sibling(out, "old");
            std::fs::rename(out, &old)?;
            if let Err(err) = std::fs::rename(&self.dir, out) {
                std::fs::rename(&old, out)?;
                return Err(err);
            }
            std::fs::remove_dir_all(&old)?;
        } else {
            if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::rename(&self.dir, out)?;
        }
        self.committed = true;
        Ok((files, true))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Replaces `out` with exactly `files`. On error the previous contents stay in place.
pub fn write_tree(out: &Path, files: &[GeneratedFile]) -> io::Result<()> {
    let staging = Staging::new(out)?;
    for file in files {
        staging.write(file)?;
    }
    staging.commit().map(drop)
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
    let expected: HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    stale.extend(extra_files(out, &expected));
    stale.sort();
    stale
}

/// Files under `out` that are not `expected` (a build's `target/` and `Cargo.lock` aside).
fn extra_files(out: &Path, expected: &HashSet<&str>) -> Vec<String> {
    let mut extra = Vec::new();
    for entry in walkdir::WalkDir::new(out).into_iter().filter_map(Result::ok) {
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(out).unwrap_or(entry.path());
        let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        if !expected.contains(rel.as_str()) && !rel.starts_with("target/") && rel != "Cargo.lock" {
            extra.push(rel);
        }
    }
    extra
}
