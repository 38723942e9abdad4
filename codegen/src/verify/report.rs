//! Verdicts from the harness's problems, named by the docs type that holds each field;
//! the printed lines, the closing summary and the markdown report grouped by cause.

use super::cases::{Case, Shape, Skip, State};
use super::scratch::{Problem, Step};
use crate::ir::{ExampleKind, Model, Property, RequestBody, TypeDef};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;

#[derive(Debug, Clone)]
pub enum Verdict {
    Passed,
    Failed(Vec<Failure>),
    Skipped(Skip),
}

#[derive(Debug, Clone)]
pub struct Failure {
    /// A JSON pointer into the example's body (`/value/0/userType`); empty for the body.
    pub path: String,
    /// The docs type whose field the path names (or the body's type).
    pub owner: String,
    pub cause: Cause,
    pub detail: String,
}

/// Why an example fails, in the order the report lists them. Those up to `FieldCase` are
/// defects of the docs whatever the generator does; the rest point at a type, which the
/// report's reader judges (a property the docs forgot, or one the generator lost).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cause {
    /// The body cannot be read as JSON even with the repairs.
    UnreadableJson,
    /// A collection response whose annotation does not mark it as one.
    UnmarkedCollection,
    /// A derived type's field in an object whose `@odata.type` does not name that type.
    MissingODataType,
    /// An object whose `@odata.type` names a type the docs do not derive from the declared one.
    UndeclaredDerivation,
    /// A field the type has, spelled in another case.
    FieldCase,
    /// A field an open type does not list: kept aside by the type, counted as a miss.
    OpenTypeProperty,
    /// A field the type's docs do not list.
    UnknownField,
    /// A value the field's type does not read.
    WrongValue,
    /// A value written back differently.
    Changed,
    /// A field written back that the example does not have.
    Added,
    /// What was written reads back as something else.
    Unstable,
    /// The harness could not check the example.
    Harness,
}

impl Cause {
    pub fn name(self) -> &'static str {
        match self {
            Cause::UnreadableJson => "unreadable-json",
            Cause::UnmarkedCollection => "unmarked-collection",
            Cause::MissingODataType => "missing-odata-type",
            Cause::UndeclaredDerivation => "undeclared-derivation",
            Cause::FieldCase => "field-case",
            Cause::OpenTypeProperty => "open-type-property",
            Cause::UnknownField => "unknown-field",
            Cause::WrongValue => "wrong-value",
            Cause::Changed => "changed",
            Cause::Added => "added",
            Cause::Unstable => "unstable",
            Cause::Harness => "harness",
        }
    }

    /// A failure that still reads as the type, without some of the example's fields: the
    /// type has no field for them, or reads them as the declared type's. The others do
    /// not read at all, or not back to the same value.
    pub fn only_loses_fields(self) -> bool {
        matches!(
            self,
            Cause::MissingODataType
                | Cause::UndeclaredDerivation
                | Cause::FieldCase
                | Cause::OpenTypeProperty
                | Cause::UnknownField
                | Cause::Added
        )
    }

    pub fn meaning(self) -> &'static str {
        match self {
            Cause::UnreadableJson => "the body is not JSON even after the repairs (docs defect)",
            Cause::UnmarkedCollection => {
                "a collection (`{\"value\": […]}`) the annotation does not mark with `isCollection` (docs defect)"
            }
            Cause::MissingODataType => {
                "a derived type's field in an object whose `@odata.type` does not name that type (docs defect)"
            }
            Cause::UndeclaredDerivation => {
                "an object whose `@odata.type` names a type the docs do not derive from the declared type (docs defect)"
            }
            Cause::FieldCase => "a field of the type spelled in another case (docs defect)",
            Cause::OpenTypeProperty => {
                "a property an open type does not list; the type keeps it aside, verify counts it as a miss"
            }
            Cause::UnknownField => "a field the type's docs do not list",
            Cause::WrongValue => "a value the field's type does not read",
            Cause::Changed => "a value written back differently",
            Cause::Added => "a field written back that the example does not have",
            Cause::Unstable => "what was written reads back as something else",
            Cause::Harness => "the harness could not check the example",
        }
    }
}

/// The verdict of one case from the harness's problems (None: it was not checked).
pub fn verdict(models: &[Model], case: &Case, problems: Option<Vec<Problem>>) -> Verdict {
    match (&case.state, problems) {
        (State::Skipped(skip), _) => Verdict::Skipped(*skip),
        (State::Unreadable(message), _) => Verdict::Failed(vec![Failure {
            path: String::new(),
            owner: case.expected.clone(),
            cause: Cause::UnreadableJson,
            detail: message.clone(),
        }]),
        (State::Checked { .. }, Some(problems)) if problems.is_empty() => Verdict::Passed,
        (State::Checked { shape, body, .. }, problems) => {
            let model = models.iter().find(|m| m.version == case.version);
            let problems = problems.unwrap_or_else(|| {
                vec![Problem { path: Vec::new(), cause: "missing".into(), detail: "the harness gave no result".into() }]
            });
            let failures = problems.into_iter().map(|p| failure(model, shape, body, p)).collect();
            Verdict::Failed(failures)
        }
    }
}

fn failure(model: Option<&Model>, shape: &Shape, body: &Value, problem: Problem) -> Failure {
    let value = pointer(body, &problem.path);
    let (parent, field) = match problem.path.split_last() {
        Some((Step::Key(field), parent)) => (parent, Some(field.as_str())),
        Some((Step::Index(_), parent)) => (parent, None),
        None => (&problem.path[..], None),
    };
    let owner = model.and_then(|m| Some((m, owner_type(m, shape, body, parent)?)));
    let read_as = owner.as_ref().map_or_else(|| shape.to_string(), |(m, o)| o.read_as(m).to_string());
    let mut detail = problem.detail;
    let cause = match problem.cause.as_str() {
        "does-not-read" => {
            if let Some(value) = value {
                detail = format!("{} {detail}", shortened(value));
            }
            Cause::WrongValue
        }
        "unknown-field" => match (&owner, shape, model) {
            (Some((m, o)), ..) => {
                unknown_field(m, o, shape, parent.is_empty(), field.unwrap_or_default(), value, &mut detail)
            }
            (None, Shape::Parameters(id), Some(m)) if parent.is_empty() => {
                parameter_case(m, id, field.unwrap_or_default(), &mut detail)
            }
            _ => Cause::UnknownField,
        },
        "changed" => Cause::Changed,
        "added" => Cause::Added,
        "unstable" => Cause::Unstable,
        _ => Cause::Harness,
    };
    Failure { path: json_pointer(&problem.path), owner: read_as, cause, detail }
}

/// Why `field` of an object read as `owner` is unknown, from the most specific docs defect
/// to the plain miss; `detail` gets what tells it.
fn unknown_field(
    m: &Model,
    o: &Owner,
    shape: &Shape,
    at_root: bool,
    field: &str,
    value: Option<&Value>,
    detail: &mut String,
) -> Cause {
    let read_as = o.read_as(m);
    if at_root && matches!(shape, Shape::One(_)) && field == "value" && value.is_some_and(Value::is_array) {
        return Cause::UnmarkedCollection;
    }
    if let Some(sent) = o.sent.filter(|s| !derives(m, s, o.declared) && property(m, s, field).is_some()) {
        detail.push_str(&format!("; `@odata.type` names {sent}, which the docs do not derive from {}", o.declared));
        return Cause::UndeclaredDerivation;
    }
    if let Some(derived) = derived_with(m, read_as, field) {
        detail.push_str(&format!("; {derived} has it, and `@odata.type` does not name it"));
        return Cause::MissingODataType;
    }
    if let Some(listed) = lineage(m, read_as).flat_map(|t| &t.properties).find(|p| p.name.eq_ignore_ascii_case(field)) {
        detail.push_str(&format!("; the type has `{}`", listed.name));
        return Cause::FieldCase;
    }
    if lineage(m, read_as).any(|t| t.open) {
        Cause::OpenTypeProperty
    } else {
        Cause::UnknownField
    }
}

/// An action's parameter spelled in another case than the page's table (`Message` in the
/// table, `message` in the example), or an unknown one.
fn parameter_case(m: &Model, operation: &str, field: &str, detail: &mut String) -> Cause {
    let op = m.operations.iter().find(|o| o.id == operation);
    let Some(RequestBody::Parameters { parameters }) = op.and_then(|o| o.request_body.as_ref()) else {
        return Cause::UnknownField;
    };
    match parameters.iter().find(|p| p.name.eq_ignore_ascii_case(field)) {
        Some(listed) => {
            detail.push_str(&format!("; the parameters have `{}`", listed.name));
            Cause::FieldCase
        }
        None => Cause::UnknownField,
    }
}

/// A JSON value for a message, cut after 80 characters.
fn shortened(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

/// `ty` and its base types, nearest first.
fn lineage<'m>(model: &'m Model, ty: &str) -> impl Iterator<Item = &'m TypeDef> + 'm {
    std::iter::successors(find_type(model, ty), |t| t.base.as_deref().and_then(|b| find_type(model, b))).take(64)
}

/// Whether `ty` is `base` or derives from it.
fn derives(model: &Model, ty: &str, base: &str) -> bool {
    lineage(model, ty).any(|t| t.name == base)
}

/// A type derived from `ty` that has the property `field`.
fn derived_with<'m>(model: &'m Model, ty: &str, field: &str) -> Option<&'m str> {
    model
        .types
        .iter()
        .filter(|t| t.name != ty && derives(model, &t.name, ty))
        .find(|t| t.properties.iter().any(|p| p.name == field))
        .map(|t| t.name.as_str())
}

fn pointer<'a>(value: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get(k),
        Step::Index(i) => v.get(i),
    })
}

fn json_pointer(path: &[Step]) -> String {
    path.iter()
        .map(|step| match step {
            Step::Key(k) => format!("/{}", k.replace('~', "~0").replace('/', "~1")),
            Step::Index(i) => format!("/{i}"),
        })
        .collect()
}

/// The object at a place of a body: the type declared for it, and the model type its
/// `@odata.type` names, if any.
struct Owner<'a> {
    declared: &'a str,
    sent: Option<&'a str>,
}

impl<'a> Owner<'a> {
    /// The type the generated code reads the object as: the one `@odata.type` names when
    /// it derives from the declared type.
    fn read_as(&self, model: &Model) -> &'a str {
        self.sent.filter(|s| derives(model, s, self.declared)).unwrap_or(self.declared)
    }
}

/// The object at `path` of a body read as `shape`, following the declared type of each
/// field on the way (or the type an object's `@odata.type` names, where it derives from it).
fn owner_type<'a>(model: &'a Model, shape: &'a Shape, body: &Value, path: &[Step]) -> Option<Owner<'a>> {
    enum At<'a> {
        One(&'a str),
        Many(&'a str),
        Page(&'a str),
        Wrapped(&'a str),
        Parameters(&'a str),
    }
    let one_or_many = |ty: &'a str, collection: bool| if collection { At::Many(ty) } else { At::One(ty) };
    let mut at = match shape {
        Shape::One(ty) => At::One(ty),
        Shape::List(ty) => At::Many(ty),
        Shape::Page(ty) => At::Page(ty),
        Shape::Value(ty) => At::Wrapped(ty),
        Shape::Parameters(id) => At::Parameters(id),
    };
    let mut node = body;
    for step in path {
        at = match (at, step) {
            (At::Page(ty), Step::Key(k)) if k == "value" => At::Many(ty),
            (At::Wrapped(ty), Step::Key(k)) if k == "value" => At::One(ty),
            (At::Many(ty), Step::Index(_)) => At::One(ty),
            (At::One(ty), Step::Key(k)) => {
                let owner = Owner { declared: ty, sent: sent_type(model, node) };
                let property = property(model, owner.read_as(model), k)?;
                one_or_many(&property.ty, property.collection)
            }
            (At::Parameters(id), Step::Key(k)) => {
                let op = model.operations.iter().find(|o| o.id == id)?;
                let Some(RequestBody::Parameters { parameters }) = &op.request_body else { return None };
                let parameter = parameters.iter().find(|p| p.name == *k)?;
                one_or_many(&parameter.ty, parameter.collection)
            }
            _ => return None,
        };
        node = match step {
            Step::Key(k) => node.get(k)?,
            Step::Index(i) => node.get(i)?,
        };
    }
    match at {
        At::One(ty) => Some(Owner { declared: ty, sent: sent_type(model, node) }),
        At::Many(ty) | At::Page(ty) | At::Wrapped(ty) => Some(Owner { declared: ty, sent: None }),
        At::Parameters(_) => None,
    }
}

fn find_type<'m>(model: &'m Model, name: &str) -> Option<&'m TypeDef> {
    model.types.binary_search_by(|t| t.name.as_str().cmp(name)).ok().map(|i| &model.types[i])
}

/// The model type an object's `@odata.type` names.
fn sent_type<'m>(model: &'m Model, node: &Value) -> Option<&'m str> {
    let sent = node.get("@odata.type").and_then(Value::as_str)?.trim_start_matches('#');
    find_type(model, sent).map(|t| t.name.as_str())
}

/// A property of `ty` or of one of its base types, by JSON name.
fn property<'m>(model: &'m Model, ty: &str, name: &str) -> Option<&'m Property> {
    lineage(model, ty).flat_map(|t| &t.properties).find(|p| p.name == name)
}

/// The counts of a run, per version and in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub total: usize,
    /// Bodies that are JSON after normalization, checked by the harness.
    pub json: usize,
    pub passed: usize,
    /// Passed, or failed only by fields the type does not keep (`Cause::only_loses_fields`):
    /// the examples that a lenient reader, as serde is by default, reads as their type.
    pub reads: usize,
    pub failed: usize,
    pub skipped: BTreeMap<&'static str, usize>,
    pub failed_by_cause: BTreeMap<&'static str, usize>,
}

impl Summary {
    pub fn of<'a>(verdicts: impl IntoIterator<Item = &'a (Case, Verdict)>) -> Self {
        let mut s = Summary::default();
        for (case, verdict) in verdicts {
            s.total += 1;
            s.json += matches!(case.state, State::Checked { .. }) as usize;
            match verdict {
                Verdict::Passed => {
                    s.passed += 1;
                    s.reads += 1;
                }
                Verdict::Failed(failures) => {
                    s.failed += 1;
                    s.reads += failures.iter().all(|f| f.cause.only_loses_fields()) as usize;
                    let mut causes: Vec<Cause> = failures.iter().map(|f| f.cause).collect();
                    causes.sort();
                    causes.dedup();
                    for cause in causes {
                        *s.failed_by_cause.entry(cause.name()).or_default() += 1;
                    }
                }
                Verdict::Skipped(skip) => *s.skipped.entry(skip.reason()).or_default() += 1,
            }
        }
        s
    }

    pub fn skipped_count(&self) -> usize {
        self.skipped.values().sum()
    }

    /// Passed among the examples that are JSON after normalization, in percent.
    pub fn strict_rate(&self) -> f64 {
        if self.json == 0 {
            100.0
        } else {
            100.0 * self.passed as f64 / self.json as f64
        }
    }

    /// Read as their type, strictly or not, among the examples that are JSON, in percent.
    pub fn read_rate(&self) -> f64 {
        if self.json == 0 {
            100.0
        } else {
            100.0 * self.reads as f64 / self.json as f64
        }
    }

    /// `examples: N passed, M failed, K skipped (reason n, …)`.
    pub fn closing_line(&self) -> String {
        let reasons: Vec<String> = self.skipped.iter().map(|(r, n)| format!("{r} {n}")).collect();
        let reasons = if reasons.is_empty() { String::new() } else { format!(" ({})", reasons.join(", ")) };
        format!("examples: {} passed, {} failed, {} skipped{reasons}", self.passed, self.failed, self.skipped_count())
    }
}

fn kind_name(kind: ExampleKind) -> &'static str {
    match kind {
        ExampleKind::Response => "response",
        ExampleKind::RequestBody => "request body",
    }
}

/// One line per failure: `file:line: response microsoft.graph.user: /path: cause: detail`.
pub fn failure_lines(case: &Case, failures: &[Failure]) -> Vec<String> {
    failures
        .iter()
        .map(|f| {
            let path = if f.path.is_empty() { "(body)" } else { &f.path };
            format!(
                "{}:{}: {} {}: {} in {}: {}: {}",
                case.source.file,
                case.source.line,
                kind_name(case.kind),
                case.expected,
                path,
                f.owner,
                f.cause.name(),
                f.detail
            )
        })
        .collect()
}

/// The markdown report: counts per version (request bodies apart), then every failure
/// grouped by cause, every skipped example by reason, the repairs made.
pub fn markdown(verdicts: &[(Case, Verdict)]) -> String {
    let mut out = String::from("# Examples checked against the generated code\n\n");
    out.push_str("Made by `graph-docs-codegen verify`. \"JSON\" counts the examples whose body is JSON after the repairs; the strict rate is passed over JSON. \"Reads\" counts the examples that read as their type when fields the type does not keep may be lost (passed, or failed only by such fields): what a lenient reader such as serde's default gets.\n\n");
    out.push_str("| version | bodies | examples | JSON | passed | failed | skipped | strict rate | reads | read rate |\n|---|---|---|---|---|---|---|---|---|---|\n");
    let mut versions: Vec<&str> = verdicts.iter().map(|(c, _)| c.version.as_str()).collect();
    versions.dedup();
    for version in &versions {
        for (label, kind) in [
            ("all", None),
            ("responses", Some(ExampleKind::Response)),
            ("request bodies", Some(ExampleKind::RequestBody)),
        ] {
            let s =
                Summary::of(verdicts.iter().filter(|(c, _)| c.version == *version && kind.is_none_or(|k| c.kind == k)));
            let _ = writeln!(
                out,
                "| {version} | {label} | {} | {} | {} | {} | {} | {:.2} % | {} | {:.2} % |",
                s.total,
                s.json,
                s.passed,
                s.failed,
                s.skipped_count(),
                s.strict_rate(),
                s.reads,
                s.read_rate()
            );
        }
    }
    let all = Summary::of(verdicts);
    let _ = writeln!(out, "\n{}\n", all.closing_line());
    // Examples per cause (an example with several causes counts under each) and per reason.
    let per_version: Vec<Summary> =
        versions.iter().map(|v| Summary::of(verdicts.iter().filter(|(c, _)| c.version == *v))).collect();
    let _ = writeln!(out, "| examples | {} |\n|---|{}", versions.join(" | "), "---|".repeat(versions.len()));
    let rows = |label: &str, of: fn(&Summary) -> &BTreeMap<&'static str, usize>, out: &mut String| {
        let mut keys: Vec<&str> = per_version.iter().flat_map(|s| of(s).keys().copied()).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            let counts: Vec<String> =
                per_version.iter().map(|s| of(s).get(key).copied().unwrap_or(0).to_string()).collect();
            let _ = writeln!(out, "| {label} {key} | {} |", counts.join(" | "));
        }
    };
    rows("failed:", |s| &s.failed_by_cause, &mut out);
    rows("skipped:", |s| &s.skipped, &mut out);

    let mut by_cause: BTreeMap<Cause, Vec<String>> = BTreeMap::new();
    for (case, verdict) in verdicts {
        let Verdict::Failed(failures) = verdict else { continue };
        for (failure, line) in failures.iter().zip(failure_lines(case, failures)) {
            by_cause.entry(failure.cause).or_default().push(line);
        }
    }
    out.push_str("\n## Failures by cause\n");
    for (cause, lines) in &by_cause {
        let _ = writeln!(out, "\n### `{}`: {} ({})\n", cause.name(), cause.meaning(), lines.len());
        for line in lines {
            let _ = writeln!(out, "- {}", line.replace('|', "\\|"));
        }
    }
    out.push_str("\n## Skipped by reason\n");
    let mut by_reason: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (case, verdict) in verdicts {
        if let Verdict::Skipped(skip) = verdict {
            let what = if case.expected.is_empty() { String::new() } else { format!(" {}", case.expected) };
            by_reason.entry(skip.reason()).or_default().push(format!(
                "{}:{}: {}{what}",
                case.source.file,
                case.source.line,
                kind_name(case.kind)
            ));
        }
    }
    for (reason, lines) in &by_reason {
        let _ = writeln!(out, "\n### {reason} ({})\n", lines.len());
        for line in lines {
            let _ = writeln!(out, "- {line}");
        }
    }
    let mut done: BTreeMap<&str, usize> = BTreeMap::new();
    for (case, _) in verdicts {
        for normalization in &case.normalizations {
            *done.entry(normalization).or_default() += 1;
        }
    }
    out.push_str("\n## Normalizations (examples)\n\n");
    for (normalization, n) in &done {
        let _ = writeln!(out, "- {normalization}: {n}");
    }
    out
}
