//! The two renderings: markdown for people (a full report, and a summary that fits a
//! pull request comment) and JSON for tools.

use super::{verdict, ApiDiff, Change, ChangeKind, Class, Counts, Verdict};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Lists longer than this are folded into `<details>` in markdown.
const FOLD_OVER: usize = 10;

/// Inline code that survives any text: no line breaks, fences longer than any backtick run.
fn code(text: &str) -> String {
    let text: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if longest > 0 { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

fn change_line(c: &Change) -> String {
    let mut line = format!("- {}", code(&c.subject));
    match (&c.old, &c.new) {
        (Some(o), Some(n)) => {
            let _ = write!(line, ": {} → {}", code(o), code(n));
        }
        (None, Some(n)) => {
            let _ = write!(line, ": {}", code(n));
        }
        (Some(o), None) => {
            let _ = write!(line, ": was {}", code(o));
        }
        (None, None) => {}
    }
    if let Some(note) = &c.note {
        let _ = write!(line, " ({note})");
    }
    line
}

/// GitHub refuses a comment longer than 65,536 characters; this leaves room for a line of
/// the bot's own.
pub const COMMENT_LIMIT: usize = 65_000;

/// The changes of one kind and class in one diff, as list lines, of which the first
/// `shown` are listed.
struct Block {
    diff: usize,
    class: Class,
    kind: ChangeKind,
    lines: Vec<String>,
    shown: usize,
}

/// Every change as a list line, grouped in report order: by diff, class, then kind.
fn blocks(diffs: &[ApiDiff]) -> Vec<Block> {
    let mut blocks = Vec::new();
    for (i, d) in diffs.iter().enumerate() {
        for class in Class::ALL {
            for &kind in ChangeKind::ALL {
                let lines: Vec<String> =
                    d.changes.iter().filter(|c| c.class == class && c.kind == kind).map(change_line).collect();
                if !lines.is_empty() {
                    blocks.push(Block { diff: i, class, kind, shown: lines.len(), lines });
                }
            }
        }
    }
    blocks
}

/// Per diff, the verdict, a table of counts per kind and class, then the changes by class
/// (breaking first) and kind, long lists folded, lines not shown counted.
fn render(diffs: &[ApiDiff], blocks: &[Block]) -> String {
    let mut out = String::from("## API diff\n\n");
    let _ = writeln!(out, "Semver verdict: **{}**", verdict(diffs).id());
    for (i, d) in diffs.iter().enumerate() {
        let title = if d.old_version == d.new_version {
            d.old_version.clone()
        } else {
            format!("{} → {}", d.old_version, d.new_version)
        };
        let _ = writeln!(out, "\n### {}: {}\n", code(&title), d.verdict.id());
        if d.changes.is_empty() {
            out.push_str("No API changes.\n");
            continue;
        }
        out.push_str("| change | breaking | additive | patch |\n|:--|--:|--:|--:|\n");
        let mut total = Counts::default();
        for (kind, n) in &d.counts() {
            let _ = writeln!(out, "| `{}` | {} | {} | {} |", kind.id(), n.breaking, n.additive, n.patch);
            total.breaking += n.breaking;
            total.additive += n.additive;
            total.patch += n.patch;
        }
        let _ = writeln!(out, "| **total** | **{}** | **{}** | **{}** |", total.breaking, total.additive, total.patch);
        for class in Class::ALL {
            let in_class: Vec<&Block> = blocks.iter().filter(|b| b.diff == i && b.class == class).collect();
            if in_class.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n#### {} ({})", class.id(), in_class.iter().map(|b| b.lines.len()).sum::<usize>());
            for b in in_class {
                let mut list = b.lines[..b.shown].join("\n");
                match b.shown {
                    0 => {
                        let _ = write!(list, "- all {} in the full report", b.lines.len());
                    }
                    n if n < b.lines.len() => {
                        let _ = write!(list, "\n- … {} more in the full report", b.lines.len() - n);
                    }
                    _ => {}
                }
                if b.lines.len() > FOLD_OVER {
                    let _ = writeln!(
                        out,
                        "\n<details><summary><code>{}</code> ({})</summary>\n",
                        b.kind.id(),
                        b.lines.len()
                    );
                    let _ = writeln!(out, "{list}\n\n</details>");
                } else {
                    let _ = writeln!(out, "\n`{}` ({})\n\n{list}", b.kind.id(), b.lines.len());
                }
            }
        }
    }
    out
}

/// The full report: every change listed.
pub fn markdown(diffs: &[ApiDiff]) -> String {
    render(diffs, &blocks(diffs))
}

/// A pull request comment of at most `COMMENT_LIMIT` characters: the full report's verdict
/// and tables, and as many changes as fit, breaking ones first. Each class's room is
/// shared fairly between its kinds (a kind needing less than its share leaves the rest to
/// the others); what is left over goes to the next class. Ends with how many changes are
/// listed and where the full report is (`report`, the file `--report` wrote).
pub fn summary(diffs: &[ApiDiff], report: Option<&str>) -> String {
    let mut blocks = blocks(diffs);
    let total: usize = blocks.iter().map(|b| b.lines.len()).sum();
    let trailer = |listed: usize| {
        let mut out = format!("\n---\n\n{listed} of {total} changes listed.");
        match report {
            Some(file) => {
                let _ = write!(out, " The full report: {}.", code(file));
            }
            None if listed < total => out.push_str(" `diff --report FILE` writes them all."),
            None => {}
        }
        out + "\n"
    };
    for b in &mut blocks {
        b.shown = 0;
    }
    // The frame of every list, and the trailer, as they are with nothing listed; a list cut
    // after some lines ends in "\n- … n more" instead of "- all n", 4 characters longer.
    let frame = render(diffs, &blocks).chars().count() + trailer(0).chars().count() + 4 * blocks.len();
    let mut room = COMMENT_LIMIT.saturating_sub(frame);
    for class in Class::ALL {
        let mut in_class: Vec<&mut Block> = blocks.iter_mut().filter(|b| b.class == class).collect();
        let need = |b: &Block| b.lines.iter().map(|l| l.chars().count() + 1).sum::<usize>();
        in_class.sort_by_key(|b| need(b));
        let mut left = in_class.len();
        for b in in_class {
            let mut share = room / left;
            left -= 1;
            for line in &b.lines {
                let cost = line.chars().count() + 1;
                if cost > share {
                    break;
                }
                share -= cost;
                room -= cost;
                b.shown += 1;
            }
        }
    }
    let listed = blocks.iter().map(|b| b.shown).sum();
    render(diffs, &blocks) + &trailer(listed)
}

#[derive(Serialize)]
struct JsonReport<'a> {
    verdict: Verdict,
    diffs: Vec<JsonDiff<'a>>,
}

/// A diff's versions, verdict and counts by kind, without the changes.
#[derive(Serialize)]
pub struct Tally<'a> {
    pub old_version: &'a str,
    pub new_version: &'a str,
    pub verdict: Verdict,
    pub counts: BTreeMap<ChangeKind, Counts>,
}

impl ApiDiff {
    pub fn tally(&self) -> Tally<'_> {
        Tally {
            old_version: &self.old_version,
            new_version: &self.new_version,
            verdict: self.verdict,
            counts: self.counts(),
        }
    }
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    #[serde(flatten)]
    tally: Tally<'a>,
    changes: &'a [Change],
}

/// For bots: `{verdict, diffs: [{old_version, new_version, verdict, counts, changes}]}`;
/// `counts` maps each kind present to `{breaking, additive, patch}`.
pub fn json(diffs: &[ApiDiff]) -> Result<String, serde_json::Error> {
    let report = JsonReport {
        verdict: verdict(diffs),
        diffs: diffs.iter().map(|d| JsonDiff { tally: d.tally(), changes: &d.changes }).collect(),
    };
    serde_json::to_string_pretty(&report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_hold_backticks_and_line_breaks() {
        assert_eq!(code("a"), "`a`");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(code("a\nb"), "`a b`");
    }
}
