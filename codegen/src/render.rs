//! How the command line shows diagnostics: rustc-style snippets for people (colored only
//! on a terminal), one JSON object per line for tools, and a count by code at the end.

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor};
use graph_docs_codegen::diag::{Diagnostic, Severity};
use graph_docs_codegen::diff::{Tally, Verdict};
use graph_docs_codegen::ir::Model;
use graph_docs_codegen::scan;
use graph_docs_codegen::snapshot::ApiChange;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub enum MessageFormat {
    /// Snippets with the source line and a caret, on stderr.
    Human,
    /// One JSON object per line on stdout, nothing on stderr.
    Json,
}

/// One line of `--message-format json`.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
enum Message<'a> {
    Diagnostic {
        version: &'a str,
        #[serde(flatten)]
        diagnostic: &'a Diagnostic,
    },
    Summary {
        version: &'a str,
        types: usize,
        operations: usize,
        errors: usize,
        warnings: usize,
        by_code: BTreeMap<&'a str, usize>,
    },
    Written {
        out: String,
        files: usize,
    },
    Stale {
        file: &'a str,
    },
    UpToDate {
        out: String,
    },
    /// What changed since the lock file; see `snapshot::ApiChange`.
    ApiChange {
        lock: String,
        verdict: Verdict,
        release: Verdict,
        crate_version: Option<&'a str>,
        next_version: Option<&'a str>,
        other_generator: Option<&'a str>,
        diffs: Vec<Tally<'a>>,
    },
    /// Stale output with no lock to tell what changed.
    NoLock {
        lock: String,
        reason: &'a str,
    },
    Error {
        message: &'a str,
    },
}

/// Which diagnostics are listed one by one; all of them are counted.
pub struct Listing {
    pub verbose: bool,
    /// Only these codes, when not empty.
    pub codes: Vec<String>,
}

impl Listing {
    fn lists(&self, d: &Diagnostic) -> bool {
        if self.codes.is_empty() {
            self.verbose
        } else {
            self.codes.iter().any(|c| c == d.code)
        }
    }
}

pub struct Reporter<W: WriteColor> {
    format: MessageFormat,
    listing: Listing,
    sources: Sources,
    /// Human output; JSON always goes to stdout.
    stderr: W,
}

impl<W: WriteColor> Reporter<W> {
    pub fn new(format: MessageFormat, listing: Listing, docs: &Path, stderr: W) -> Self {
        Reporter { format, listing, sources: Sources::new(docs), stderr }
    }

    /// Lists the diagnostics asked for, then the count by code. Output errors are ignored:
    /// a closed pipe must not turn a finished run into a failure.
    pub fn diagnostics(&mut self, model: &Model) {
        for d in model.diagnostics.iter().filter(|d| self.listing.lists(d)) {
            match self.format {
                MessageFormat::Json => json_line(&Message::Diagnostic { version: &model.version, diagnostic: d }),
                MessageFormat::Human => {
                    let report = self.sources.report(d);
                    let _ = term::emit_to_write_style(
                        &mut self.stderr,
                        &term::Config::default(),
                        &self.sources.files,
                        &report,
                    );
                }
            }
        }
        let mut by_code: BTreeMap<&str, usize> = BTreeMap::new();
        let mut severity_of: HashMap<&str, Severity> = HashMap::new();
        for d in &model.diagnostics {
            *by_code.entry(d.code).or_default() += 1;
            severity_of.entry(d.code).or_insert(d.severity);
        }
        let errors = model.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        let warnings = model.diagnostics.len() - errors;
        if self.format == MessageFormat::Json {
            let (version, types, operations) = (&model.version, model.types.len(), model.operations.len());
            json_line(&Message::Summary { version, types, operations, errors, warnings, by_code });
            return;
        }
        let _ = writeln!(
            self.stderr,
            "{}: {} types, {} operations; {errors} errors, {warnings} warnings",
            model.version,
            model.types.len(),
            model.operations.len()
        );
        let mut counts: Vec<(&str, usize)> = by_code.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        for (code, n) in counts {
            let severity = if severity_of.get(code) == Some(&Severity::Error) { "error" } else { "warning" };
            let _ = writeln!(self.stderr, "  {n:>6} {severity}[{code}]");
        }
    }

    /// A closing hint for people when diagnostics were only counted.
    pub fn hint(&mut self, models: &[Model]) {
        let counted_only = !self.listing.verbose && self.listing.codes.is_empty();
        if self.format == MessageFormat::Human && counted_only && models.iter().any(|m| !m.diagnostics.is_empty()) {
            let _ = writeln!(self.stderr, "(--verbose lists each diagnostic; --code CODE lists one kind)");
        }
    }

    pub fn written(&mut self, out: &Path, files: usize) {
        match self.format {
            MessageFormat::Json => json_line(&Message::Written { out: out.display().to_string(), files }),
            MessageFormat::Human => {
                let _ = writeln!(self.stderr, "wrote {files} files to {}", out.display());
            }
        }
    }

    pub fn stale(&mut self, out: &Path, stale: &[String]) {
        if stale.is_empty() {
            match self.format {
                MessageFormat::Json => json_line(&Message::UpToDate { out: out.display().to_string() }),
                MessageFormat::Human => {
                    let _ = writeln!(self.stderr, "{} is up to date", out.display());
                }
            }
        }
        for file in stale {
            match self.format {
                MessageFormat::Json => json_line(&Message::Stale { file }),
                MessageFormat::Human => {
                    let _ = writeln!(self.stderr, "stale: {}", out.join(file).display());
                }
            }
        }
    }

    /// What changed since `lock`: the verdict, the counts by kind, and the version a bump
    /// gives.
    pub fn api_change(&mut self, lock: &Path, change: &ApiChange) {
        let versions = change.versions.as_ref();
        if self.format == MessageFormat::Json {
            json_line(&Message::ApiChange {
                lock: lock.display().to_string(),
                verdict: change.verdict,
                release: change.release,
                crate_version: versions.map(|(old, _)| old.as_str()),
                next_version: versions.map(|(_, new)| new.as_str()),
                other_generator: change.other_generator.as_deref(),
                diffs: change.diffs.iter().map(|d| d.tally()).collect(),
            });
            return;
        }
        let out = &mut self.stderr;
        let _ = write!(out, "API change since {}: {}", lock.display(), change.verdict.id());
        match versions {
            Some((old, new)) => {
                let _ = writeln!(out, "; release {}: version {old} → {new}", change.release.id());
            }
            None => {
                let _ = writeln!(out, "; release {}", change.release.id());
            }
        }
        for d in &change.diffs {
            let tally = d.tally();
            let title = if d.old_version == d.new_version {
                d.old_version.clone()
            } else {
                format!("{} → {}", d.old_version, d.new_version)
            };
            let total =
                |class: fn(&graph_docs_codegen::diff::Counts) -> usize| tally.counts.values().map(class).sum::<usize>();
            let _ = writeln!(
                out,
                "  {title}: {}; {} breaking, {} additive, {} patch",
                d.verdict.id(),
                total(|c| c.breaking),
                total(|c| c.additive),
                total(|c| c.patch)
            );
            for (kind, n) in &tally.counts {
                let classes = [("breaking", n.breaking), ("additive", n.additive), ("patch", n.patch)];
                let shown: Vec<String> =
                    classes.iter().filter(|(_, k)| *k > 0).map(|(class, k)| format!("{k} {class}")).collect();
                let _ = writeln!(out, "    {:<38} {}", kind.id(), shown.join(", "));
            }
        }
        if let Some(generator) = &change.other_generator {
            let _ = writeln!(out, "  the lock was written by {generator}: its output may differ beyond the model");
        }
    }

    /// Stale output whose changes cannot be told: no lock, or one that does not read.
    pub fn no_lock(&mut self, lock: &Path, reason: &str) {
        match self.format {
            MessageFormat::Json => json_line(&Message::NoLock { lock: lock.display().to_string(), reason }),
            MessageFormat::Human => {
                let _ = writeln!(self.stderr, "what changed cannot be told: {}: {reason}", lock.display());
            }
        }
    }
}

/// A run that could not start or finish: bad arguments, an unreadable docs root, an
/// unwritable output.
pub fn fatal(format: MessageFormat, message: &str) {
    match format {
        MessageFormat::Json => json_line(&Message::Error { message }),
        MessageFormat::Human => eprintln!("error: {message}"),
    }
}

fn json_line(message: &Message) {
    if let Ok(line) = serde_json::to_string(message) {
        let _ = writeln!(std::io::stdout().lock(), "{line}");
    }
}

/// Page texts for snippets, read again through the scanner so that lines match the ones the
/// diagnostics count, and so that nothing the scan refused (a link, a huge file) is read.
struct Sources {
    docs: PathBuf,
    files: SimpleFiles<String, String>,
    ids: HashMap<String, Option<usize>>,
}

impl Sources {
    fn new(docs: &Path) -> Self {
        Sources { docs: docs.to_path_buf(), files: SimpleFiles::new(), ids: HashMap::new() }
    }

    fn id(&mut self, file: &str) -> Option<usize> {
        if let Some(id) = self.ids.get(file) {
            return *id;
        }
        let id = scan::page_text(&self.docs, file).map(|text| self.files.add(file.to_string(), text));
        self.ids.insert(file.to_string(), id);
        id
    }

    fn report(&mut self, d: &Diagnostic) -> Report<usize> {
        let report = match d.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
        };
        let mut report = report.with_code(d.code).with_message(&d.message);
        let mut notes = Vec::new();
        let place = self.id(&d.file).and_then(|id| {
            let text = self.files.get(id).ok()?.source();
            Some((id, caret(text, d.line, d.column)?))
        });
        match place {
            Some((id, range)) => report = report.with_labels(vec![Label::primary(id, range)]),
            None => notes.push(format!("at {}:{}:{}", d.file, d.line, d.column)),
        }
        if let Some(help) = &d.help {
            notes.push(format!("help: {help}"));
        }
        report.with_notes(notes)
    }
}

/// The byte range to underline: the word at 1-based `line` and byte `column` (past leading
/// spaces, up to a space or a table cell's end), clamped to the line and to character
/// boundaries. None when the line is not in the text.
fn caret(text: &str, line: usize, column: usize) -> Option<Range<usize>> {
    let start_of_line: usize = text.split_inclusive('\n').take(line.checked_sub(1)?).map(str::len).sum();
    if start_of_line >= text.len() && line > 1 {
        return None;
    }
    let line_text = text[start_of_line..].split('\n').next().unwrap_or("");
    let mut at = column.saturating_sub(1).min(line_text.len());
    while !line_text.is_char_boundary(at) {
        at -= 1;
    }
    at += line_text[at..].len() - line_text[at..].trim_start().len();
    let word = line_text[at..].find(|c: char| c.is_whitespace() || c == '|').unwrap_or(line_text.len() - at);
    let width = if word > 0 { word } else { line_text[at..].chars().next().map_or(0, char::len_utf8) };
    Some(start_of_line + at..start_of_line + at + width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use codespan_reporting::term::termcolor::NoColor;

    fn diagnostic(file: &str, line: usize, column: usize) -> Diagnostic {
        Diagnostic {
            code: "unknown-type",
            severity: Severity::Warning,
            file: file.into(),
            line,
            column,
            message: "type `x` is not defined".into(),
            help: Some("it is generated as untyped JSON".into()),
        }
    }

    fn model(diagnostics: Vec<Diagnostic>) -> Model {
        Model {
            version: "v1.0".into(),
            types: Vec::new(),
            operations: Vec::new(),
            diagnostics,
            example_requests: Default::default(),
        }
    }

    fn human(docs: &Path, listing: Listing, diagnostics: Vec<Diagnostic>) -> String {
        let mut reporter = Reporter::new(MessageFormat::Human, listing, docs, NoColor::new(Vec::new()));
        reporter.diagnostics(&model(diagnostics));
        String::from_utf8(reporter.stderr.into_inner()).expect("UTF-8 output")
    }

    #[test]
    fn snippet_shows_the_line_and_a_caret_under_the_word() {
        let docs = tempfile::tempdir().expect("temporary folder");
        let page = docs.path().join("api-reference/v1.0/resources/a.md");
        std::fs::create_dir_all(page.parent().expect("folder")).expect("create folder");
        std::fs::write(&page, "\u{feff}# a\r\n\r\n| name | mystery |\r\n").expect("write page");
        let verbose = Listing { verbose: true, codes: Vec::new() };
        let out = human(docs.path(), verbose, vec![diagnostic("api-reference/v1.0/resources/a.md", 3, 10)]);
        assert!(out.contains("warning[unknown-type]: type `x` is not defined"), "{out}");
        assert!(out.contains("api-reference/v1.0/resources/a.md:3:10"), "{out}");
        assert!(out.contains("3 │ | name | mystery |"), "{out}");
        assert!(out.contains("│          ^^^^^^^"), "{out}");
        assert!(out.contains("= help: it is generated as untyped JSON"), "{out}");
        assert!(out.contains("1 warnings") && out.contains("1 warning[unknown-type]"), "{out}");
    }

    #[test]
    fn without_the_page_the_place_is_a_note() {
        let docs = tempfile::tempdir().expect("temporary folder");
        let listing = Listing { verbose: false, codes: vec!["unknown-type".into()] };
        let out = human(docs.path(), listing, vec![diagnostic("api-reference/v1.0/resources/gone.md", 7, 2)]);
        assert!(out.contains("= at api-reference/v1.0/resources/gone.md:7:2"), "{out}");
    }

    #[test]
    fn only_counts_unless_asked() {
        let docs = tempfile::tempdir().expect("temporary folder");
        let quiet = Listing { verbose: false, codes: Vec::new() };
        let out = human(docs.path(), quiet, vec![diagnostic("x.md", 1, 1), diagnostic("y.md", 1, 1)]);
        assert!(!out.contains("is not defined"), "{out}");
        assert!(out.contains("2 warning[unknown-type]"), "{out}");
        let other = Listing { verbose: true, codes: vec!["no-type".into()] };
        assert!(!human(docs.path(), other, vec![diagnostic("x.md", 1, 1)]).contains("is not defined"));
    }

    #[test]
    fn caret_stays_inside_the_text() {
        assert_eq!(caret("ab cd\nef", 1, 4), Some(3..5));
        assert_eq!(caret("|  name| type |", 1, 2), Some(3..7));
        assert_eq!(caret("ab cd\nef", 2, 99), Some(8..8));
        assert_eq!(caret("ab cd\nef", 3, 1), None);
        assert_eq!(caret("ab cd\nef", 0, 1), None);
        assert_eq!(caret("é", 1, 2), Some(0..2));
        assert_eq!(caret("", 1, 1), Some(0..0));
    }

    #[test]
    fn json_messages_are_tagged_objects() {
        let d = diagnostic("x.md", 2, 3);
        let line = serde_json::to_value(Message::Diagnostic { version: "beta", diagnostic: &d }).expect("serializes");
        assert_eq!(line["type"], "diagnostic");
        assert_eq!(line["version"], "beta");
        assert_eq!(line["code"], "unknown-type");
        assert_eq!(line["severity"], "warning");
        assert_eq!((line["line"].as_u64(), line["column"].as_u64()), (Some(2), Some(3)));
    }
}
