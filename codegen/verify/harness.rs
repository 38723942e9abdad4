// The harness `graph-docs-codegen verify` adds to the crate it generates, built with
// `--cfg graph_docs_verify` (open types' catch-all maps then keep nothing, so a property a
// type does not list is lost instead of kept). It reads the examples file, checks each
// example with the checker its key names and prints one JSON line per example:
// `{"id": 3, "problems": [{"path": ["value", 0, "x"], "cause": "…", "detail": "…"}]}`.
// The registry below this file maps each key to `roundtrip::<T>` for one Rust type: the
// only generic code, so each type costs one instantiation of its serde code.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::io::Write;

/// Reads a value as one type and writes it back; the reading error otherwise.
type Roundtrip = fn(Value) -> Result<Value, String>;

fn roundtrip<T: DeserializeOwned + Serialize>(value: Value) -> Result<Value, String> {
    let typed = T::deserialize(value).map_err(|e| e.to_string())?;
    // Writing a value read from JSON cannot fail (map keys are strings).
    Ok(serde_json::to_value(&typed).unwrap_or_default())
}

/// One step into a JSON value.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

// Written as JSON by hand: the generated crate's serde has no derive feature.
#[derive(Debug)]
struct Problem {
    path: Vec<Step>,
    cause: &'static str,
    detail: String,
}

impl Problem {
    fn new(path: &[Step], cause: &'static str, detail: impl Into<String>) -> Self {
        Problem { path: path.to_vec(), cause, detail: detail.into() }
    }

    fn to_json(&self) -> Value {
        let path: Vec<Value> = self
            .path
            .iter()
            .map(|step| match step {
                Step::Key(key) => Value::from(key.as_str()),
                Step::Index(i) => Value::from(*i),
            })
            .collect();
        serde_json::json!({ "path": path, "cause": self.cause, "detail": self.detail })
    }
}

fn main() {
    let Some(file) = std::env::args().nth(1) else {
        eprintln!("usage: verify-examples EXAMPLES.json");
        std::process::exit(2);
    };
    let cases: Vec<Value> = match std::fs::read_to_string(&file).map(|t| serde_json::from_str(&t)) {
        Ok(Ok(cases)) => cases,
        Ok(Err(e)) => fail(&format!("{file}: {e}")),
        Err(e) => fail(&format!("{file}: {e}")),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for case in &cases {
        let key = case["key"].as_str().unwrap_or_default();
        let problems = match checker(key) {
            Some(roundtrip) => std::panic::catch_unwind(|| check(roundtrip, &case["value"]))
                .unwrap_or_else(|_| vec![Problem::new(&[], "panic", "the check panicked")]),
            None => vec![Problem::new(&[], "no-checker", format!("no checker for `{key}`"))],
        };
        let problems: Vec<Value> = problems.iter().map(Problem::to_json).collect();
        let line = serde_json::json!({ "id": case["id"], "problems": problems });
        if writeln!(out, "{line}").is_err() {
            fail("cannot write the results");
        }
    }
    if out.flush().is_err() {
        fail("cannot write the results");
    }
}

fn fail(message: &str) -> ! {
    eprintln!("verify-examples: {message}");
    std::process::exit(2)
}

/// Whether a value reads as the type: the reading error otherwise.
fn reads(roundtrip: Roundtrip, value: &Value) -> Result<(), String> {
    roundtrip(value.clone()).map(|_| ())
}

/// Reads the example as its type, writes it back, reads and writes that again (it must
/// give the same JSON), and compares what was written with the example: every field must
/// survive.
fn check(roundtrip: Roundtrip, input: &Value) -> Vec<Problem> {
    let mut problems = unreadable(roundtrip, input, &mut Vec::new(), &mut Vec::new());
    if problems.iter().any(|p| p.path.is_empty()) {
        return problems;
    }
    // The parts that do not read are left out, so the rest is still checked; taken out
    // last first, the paths of the others stay right.
    let mut readable = input.clone();
    for problem in problems.iter().rev() {
        remove(&mut readable, &problem.path);
    }
    let written = match roundtrip(readable.clone()) {
        Ok(written) => written,
        Err(e) => {
            problems.push(Problem::new(&[], "does-not-read", e));
            return problems;
        }
    };
    match roundtrip(written.clone()) {
        Ok(again) if again == written => {}
        Ok(again) => problems.push(Problem::new(&[], "unstable", format!("written {written}, then {again}"))),
        Err(e) => problems.push(Problem::new(&[], "unstable", format!("what was written does not read: {e}"))),
    }
    let mut vanished_nulls = Vec::new();
    compare(&readable, &written, &mut Vec::new(), &mut problems, &mut vanished_nulls);
    for path in vanished_nulls {
        if !null_is_a_field(roundtrip, &readable, &path) {
            problems.push(Problem::new(&path, "unknown-field", "not a field of the type (its value is null)"));
        }
    }
    problems
}

/// The smallest parts of the example that stop it from reading, with the error each gives.
/// A part is tried alone in its object or array (keeping `@odata.type`, which picks the
/// derived type): the place is at fault when it fails even emptied, else its children that
/// fail alone are searched. `root` is the example cut down to the parts being searched, `at`
/// the place in it, `path` the same place in the example.
fn unreadable(roundtrip: Roundtrip, root: &Value, at: &mut Vec<Step>, path: &mut Vec<Step>) -> Vec<Problem> {
    let error = match reads(roundtrip, root) {
        Ok(_) => return Vec::new(),
        Err(e) => e,
    };
    let node = pointer(root, at).cloned().unwrap_or(Value::Null);
    let children: Vec<Step> = match &node {
        Value::Object(map) => map.keys().filter(|k| *k != "@odata.type").map(|k| Step::Key(k.clone())).collect(),
        Value::Array(items) => (0..items.len()).map(Step::Index).collect(),
        _ => Vec::new(),
    };
    if children.is_empty() || reads(roundtrip, &replaced(root, at, keep_only(&node, None))).is_err() {
        return vec![Problem::new(path, "does-not-read", error)];
    }
    let mut problems = Vec::new();
    for child in children {
        let trial = replaced(root, at, keep_only(&node, Some(&child)));
        if reads(roundtrip, &trial).is_ok() {
            continue;
        }
        // Alone in its array, an item is the first.
        let step = if matches!(child, Step::Index(_)) { Step::Index(0) } else { child.clone() };
        at.push(step);
        path.push(child);
        problems.extend(unreadable(roundtrip, &trial, at, path));
        at.pop();
        path.pop();
    }
    if problems.is_empty() {
        // Only parts together fail: the place is reported as a whole.
        problems.push(Problem::new(path, "does-not-read", error));
    }
    problems
}

/// `node` with only `child` left (objects keep `@odata.type` too); an item alone in its array.
fn keep_only(node: &Value, child: Option<&Step>) -> Value {
    match node {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| *k == "@odata.type" || matches!(child, Some(Step::Key(c)) if c == *k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        Value::Array(items) => match child {
            Some(Step::Index(i)) => Value::Array(items.get(*i).cloned().into_iter().collect()),
            _ => Value::Array(Vec::new()),
        },
        other => other.clone(),
    }
}

/// A copy of `root` with `node` at `at`.
fn replaced(root: &Value, at: &[Step], node: Value) -> Value {
    let mut copy = root.clone();
    set(&mut copy, at, node);
    copy
}

fn pointer<'a>(value: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get(k),
        Step::Index(i) => v.get(i),
    })
}

fn pointer_mut<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get_mut(k),
        Step::Index(i) => v.get_mut(i),
    })
}

fn set(root: &mut Value, path: &[Step], value: Value) {
    if let Some(place) = pointer_mut(root, path) {
        *place = value;
    }
}

/// Takes the part at `path` out of its object or array.
fn remove(root: &mut Value, path: &[Step]) {
    let Some((last, parent)) = path.split_last() else { return };
    match (pointer_mut(root, parent), last) {
        (Some(Value::Object(map)), Step::Key(k)) => {
            map.remove(k);
        }
        (Some(Value::Array(items)), Step::Index(i)) if *i < items.len() => {
            items.remove(*i);
        }
        _ => {}
    }
}

/// OData control information (`@odata.context`, `@odata.etag`, `x@odata.type`,
/// `members@odata.bind`, `@microsoft.graph.downloadUrl`) is not a field: it may vanish.
/// `@odata.type` itself is a field of every type.
fn is_control_information(key: &str) -> bool {
    key != "@odata.type" && key.contains('@')
}

/// Every field of `input` must be in `output` with the same value, up to the forms a type
/// legitimately rewrites; fields whose value is null vanish as unset options and are
/// collected to be probed.
fn compare(input: &Value, output: &Value, path: &mut Vec<Step>, problems: &mut Vec<Problem>, nulls: &mut Vec<Vec<Step>>) {
    match (input, output) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                if is_control_information(key) {
                    continue;
                }
                path.push(Step::Key(key.clone()));
                match b.get(key) {
                    Some(written) => compare(value, written, path, problems, nulls),
                    None if value.is_null() => nulls.push(path.clone()),
                    None => problems.push(Problem::new(path, "unknown-field", "not a field of the type")),
                }
                path.pop();
            }
            for key in b.keys().filter(|k| !a.contains_key(*k)) {
                path.push(Step::Key(key.clone()));
                problems.push(Problem::new(path, "added", format!("written as {}", b[key])));
                path.pop();
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                path.push(Step::Index(i));
                compare(x, y, path, problems, nulls);
                path.pop();
            }
        }
        (a, b) if a == b || same_value(a, b) => {}
        (a, b) => problems.push(Problem::new(path, "changed", format!("{a} was written as {b}"))),
    }
}

/// Two forms of one value: numbers (`1` and `1.0`, a decimal as a string), timestamps,
/// dates and times with other fractions or offset spellings, durations, GUIDs in either
/// case, base64 in either alphabet.
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Number(n), Value::String(s)) | (Value::String(s), Value::Number(n)) => {
            s.parse::<f64>().ok() == n.as_f64()
        }
        (Value::String(x), Value::String(y)) => same_text_value(x, y),
        _ => false,
    }
}

fn same_text_value(x: &str, y: &str) -> bool {
    fn same<T: PartialEq>(parse: impl Fn(&str) -> Option<T>, x: &str, y: &str) -> bool {
        matches!((parse(x), parse(y)), (Some(a), Some(b)) if a == b)
    }
    use base64::Engine;
    same(|s| chrono::DateTime::parse_from_rfc3339(s).ok(), x, y)
        || same(|s| s.parse::<chrono::NaiveDate>().ok(), x, y)
        || same(|s| s.parse::<chrono::NaiveTime>().ok(), x, y)
        || same(|s| s.parse::<crate::graph::runtime::Duration>().ok(), x, y)
        || same(|s| s.parse::<uuid::Uuid>().ok(), x, y)
        || same(|s| s.parse::<f64>().ok().filter(|f| f.is_finite()), x, y)
        || same(
            |s| {
                use base64::engine::general_purpose::{STANDARD, URL_SAFE};
                STANDARD.decode(s).or_else(|_| URL_SAFE.decode(s)).ok()
            },
            x,
            y,
        )
}

/// Whether a key whose value is null, and which the type did not write back, is a field: a
/// value no field type reads (an object holding one unknown key) fails to read, or is
/// written back as `{}` or as it is, when the key is a field; a key that is not a field
/// just vanishes again.
fn null_is_a_field(roundtrip: Roundtrip, input: &Value, path: &[Step]) -> bool {
    let mut probe = input.clone();
    set(&mut probe, path, serde_json::json!({ "graph_docs_verify_probe": [] }));
    match roundtrip(probe) {
        Ok(written) => pointer(&written, path).is_some(),
        Err(_) => true,
    }
}
