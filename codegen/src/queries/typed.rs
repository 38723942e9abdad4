//! A docs query as the Rust calls of the typed builders: `$filter=startsWith(displayName,'A')`
//! on a user is `User::DISPLAY_NAME.starts_with("A")`. What the notes do not allow is
//! written through `unchecked()` and reported; what the builders cannot write is said.

use super::{canonical, ExampleQuery, Plan};
use crate::emit::ItemPaths;
use crate::ir::{FilterNote, Property};
use crate::odata::{self, CompareOp, Expr, Literal, Quantifier};
use std::collections::HashMap;
use std::rc::Rc;

/// A type's struct path and its properties with their consts.
struct Fields {
    path: String,
    properties: Vec<(Property, String)>,
}

/// Why a query is not planned as code.
enum Stop {
    Unknown(String),
    Inexpressible(String),
}

/// A property (or a lambda's item) as code, with what decides its operators.
struct Resolved {
    code: String,
    ty: String,
    collection: bool,
    navigation: bool,
    /// The operators its notes list; `None` when the type decides.
    listed: Option<Vec<String>>,
    name: String,
}

pub struct Typer<'a> {
    paths: &'a ItemPaths<'a>,
    fields: HashMap<String, Option<Rc<Fields>>>,
    /// Qualified type names by their lowercase form, for casts.
    names: HashMap<String, String>,
}

impl<'a> Typer<'a> {
    pub fn new(paths: &'a ItemPaths<'a>, model: &crate::ir::Model) -> Self {
        let names = model.types.iter().map(|t| (t.name.to_ascii_lowercase(), t.name.clone())).collect();
        Typer { paths, fields: HashMap::new(), names }
    }

    fn fields(&mut self, ty: &str) -> Option<Rc<Fields>> {
        let paths = self.paths;
        self.fields
            .entry(ty.to_string())
            .or_insert_with(|| {
                paths.query_fields(ty).map(|(path, properties)| {
                    Rc::new(Fields { path, properties: properties.into_iter().map(|(p, c)| (p.clone(), c)).collect() })
                })
            })
            .clone()
    }

    pub fn plan(&mut self, query: &ExampleQuery, ty: &str, findings: &mut Vec<String>) -> Plan {
        let canonical = match canonical(query.option, &query.text) {
            Ok(c) => c,
            Err(e) => return Plan::Unparsable(e.to_string()),
        };
        let Some(root) = self.fields(ty) else { return Plan::NoType };
        let mut undocumented = false;
        let code = match query.option {
            "$filter" => {
                odata::parse_filter(&query.text).map_err(|e| Stop::Inexpressible(e.to_string())).and_then(|e| {
                    let mut context =
                        Context { root: &root, scope: Vec::new(), findings, undocumented: &mut undocumented };
                    let code = self.filter(&e, &mut context)?;
                    Ok(format!("rt::Filter::<{}>::from({code}).to_string()", root.path))
                })
            }
            option => {
                odata::parse_list(&query.text).map_err(|e| Stop::Inexpressible(e.to_string())).and_then(|items| {
                    let mut context =
                        Context { root: &root, scope: Vec::new(), findings, undocumented: &mut undocumented };
                    let tuple = self.list(option, &items, &mut context)?;
                    let trait_name = match option {
                        "$select" => "Selection",
                        "$orderby" => "Ordering",
                        _ => "Expansion",
                    };
                    Ok(format!("rt::{trait_name}::<{}>::names({tuple}).join(\",\")", root.path))
                })
            }
        };
        match code {
            Ok(code) => Plan::Typed { code, canonical, undocumented },
            Err(Stop::Unknown(name)) => {
                findings.push(format!("`{name}` is not a property of `{ty}`"));
                Plan::UnknownProperty(name)
            }
            Err(Stop::Inexpressible(what)) => Plan::NotExpressible(what),
        }
    }

    fn property(&mut self, fields: &Fields, name: &str) -> Result<(Property, String), Stop> {
        fields
            .properties
            .iter()
            .find(|(p, _)| p.name.eq_ignore_ascii_case(name))
            .map(|(p, c)| (p.clone(), format!("{}::{c}", fields.path)))
            .ok_or_else(|| Stop::Unknown(name.to_string()))
    }

    /// `$select`, `$orderby` or `$expand` on `cx.root` as a tuple of fields.
    fn list(&mut self, option: &str, items: &[odata::Item], cx: &mut Context) -> Result<String, Stop> {
        let mut codes = Vec::new();
        for item in items {
            if item.path.iter().any(|s| s == "*") {
                return Err(Stop::Inexpressible(format!("`*` in {option}")));
            }
            // `lastUsed/lastAccessedDateTime` (a complex value's property) and
            // `microsoft.graph.itemAttachment/item` (a derived type's) as one field.
            let field = self.resolve(&Expr::Path(item.path.clone()), cx)?;
            let (name, mut code) = (&field.name, field.code.clone());
            match option {
                "$orderby" if item.descending => code.push_str(".desc()"),
                "$expand" if !field.navigation => {
                    cx.finding(format!("`{name}` is a structural property, which `$expand` does not take"));
                    return Err(Stop::Inexpressible("$expand of a structural property".into()));
                }
                "$expand" if !item.options.is_empty() => {
                    let target = self
                        .fields(&field.ty)
                        .ok_or_else(|| Stop::Inexpressible("$expand of a type without properties".into()))?;
                    for (nested, value) in &item.options {
                        let nested = nested.to_ascii_lowercase();
                        let argument = match nested.as_str() {
                            "$select" | "$expand" => {
                                let items = odata::parse_list(value).map_err(|e| Stop::Inexpressible(e.to_string()))?;
                                let mut inner = Context {
                                    root: &target,
                                    scope: Vec::new(),
                                    findings: cx.findings,
                                    undocumented: cx.undocumented,
                                };
                                self.list(&nested, &items, &mut inner)?
                            }
                            "$filter" => {
                                let expr =
                                    odata::parse_filter(value).map_err(|e| Stop::Inexpressible(e.to_string()))?;
                                let mut inner = Context {
                                    root: &target,
                                    scope: Vec::new(),
                                    findings: cx.findings,
                                    undocumented: cx.undocumented,
                                };
                                self.filter(&expr, &mut inner)?
                            }
                            other => return Err(Stop::Inexpressible(format!("{other} in $expand"))),
                        };
                        code = format!("{code}.{}({argument})", &nested[1..]);
                    }
                }
                _ => {}
            }
            codes.push(code);
        }
        Ok(tuple(&codes))
    }

    fn filter(&mut self, expr: &Expr, cx: &mut Context) -> Result<String, Stop> {
        let root = cx.root.path.clone();
        Ok(match expr {
            Expr::Or(a, b) | Expr::And(a, b) => {
                let word = if matches!(expr, Expr::Or(..)) { "or" } else { "and" };
                let (a, b) = (self.filter(a, cx)?, self.filter(b, cx)?);
                format!("rt::Filter::<{root}>::from({a}).{word}({b})")
            }
            Expr::Not(inner) => {
                let listed = match inner.as_ref() {
                    Expr::Compare(left, ..) | Expr::In(left, _) => Some(self.resolve(left, cx)?),
                    Expr::Call(_, args) if !args.is_empty() => Some(self.resolve(&args[0], cx)?),
                    _ => None,
                };
                let code = self.filter(inner, cx)?;
                match listed {
                    Some(r) if allows(&r, "not") => format!("{code}.not()"),
                    Some(r) => {
                        cx.finding(format!("`not` on `{}`, whose notes do not list it", r.name));
                        format!("rt::Filter::<{root}>::from({code}).not()")
                    }
                    None => format!("rt::Filter::<{root}>::from({code}).not()"),
                }
            }
            Expr::Compare(left, op, right) => {
                let field = self.resolve(left, cx)?;
                let Expr::Literal(literal) = right.as_ref() else {
                    return Err(Stop::Inexpressible("a comparison with something other than a value".into()));
                };
                let (method, note) = match (op, literal) {
                    (CompareOp::Eq, Literal::Null) => ("is_null", "eq null"),
                    (CompareOp::Ne, Literal::Null) => ("is_not_null", "ne"),
                    (CompareOp::Has, _) => return Err(Stop::Inexpressible("`has`".into())),
                    (op, _) => (op.name(), op.name()),
                };
                let ordered = matches!(op, CompareOp::Gt | CompareOp::Ge | CompareOp::Lt | CompareOp::Le);
                if ordered && !is_ordered(&field.ty) {
                    return Err(Stop::Inexpressible(format!("`{}` on a {}", op.name(), field.ty)));
                }
                let receiver = self.checked(&field, note, cx);
                match literal {
                    Literal::Null => format!("{receiver}.{method}()"),
                    _ => format!("{receiver}.{method}({})", self.literal(&field, literal)?),
                }
            }
            Expr::In(left, values) => {
                let field = self.resolve(left, cx)?;
                if values.is_empty() {
                    return Err(Stop::Inexpressible("an empty `in` list".into()));
                }
                let values = values
                    .iter()
                    .map(|v| match v {
                        Expr::Literal(l) => self.literal(&field, l),
                        _ => Err(Stop::Inexpressible("an `in` list of expressions".into())),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                format!("{}.is_in([{}])", self.checked(&field, "in", cx), values.join(", "))
            }
            Expr::Call(name, args) => {
                let method = match name.to_ascii_lowercase().as_str() {
                    "startswith" => ("starts_with", "startsWith"),
                    "endswith" => ("ends_with", "endsWith"),
                    "contains" => ("contains", "contains"),
                    other => return Err(Stop::Inexpressible(format!("the function `{other}`"))),
                };
                let [subject, Expr::Literal(Literal::String(text))] = args.as_slice() else {
                    return Err(Stop::Inexpressible(format!(
                        "`{name}` with other arguments than a property and a string"
                    )));
                };
                let field = self.resolve(subject, cx)?;
                if field.ty != "Edm.String" {
                    return Err(Stop::Inexpressible(format!("`{name}` on a {}", field.ty)));
                }
                format!("{}.{}({text:?})", self.checked(&field, method.1, cx), method.0)
            }
            Expr::Lambda(path, quantifier, variable, body) => {
                let field = self.resolve(&Expr::Path(path.clone()), cx)?;
                if !field.collection {
                    return Err(Stop::Inexpressible("a lambda over a single value".into()));
                }
                let receiver = self.checked(&field, "any", cx);
                let ident = format!("v{}", cx.scope.len());
                cx.scope.push(Item { variable: variable.clone(), ident: ident.clone(), ty: field.ty.clone() });
                let body = self.filter(body, cx);
                cx.scope.pop();
                let method = if *quantifier == Quantifier::Any { "any" } else { "all" };
                format!("{receiver}.{method}(|{ident}| rt::Filter::<{root}>::from({}))", body?)
            }
            Expr::Path(_) => return Err(Stop::Inexpressible("a property alone as a condition".into())),
            Expr::Literal(_) => return Err(Stop::Inexpressible("a value alone as a condition".into())),
        })
    }

    /// The field a path names: a property of the root type, of a complex value through
    /// `at`, or a lambda's item.
    fn resolve(&mut self, expr: &Expr, cx: &Context) -> Result<Resolved, Stop> {
        let Expr::Path(path) = expr else {
            return Err(Stop::Inexpressible("an operand that is not a property".into()));
        };
        // The value the next segment is a property of (none: the root type), and a cast
        // (`microsoft.graph.derived`) that segment goes through.
        let mut current: Option<Resolved> = None;
        let mut cast: Option<Rc<Fields>> = None;
        for (i, segment) in path.iter().enumerate() {
            if segment.contains('.') {
                let ty = self.names.get(&segment.to_ascii_lowercase()).cloned();
                cast = Some(ty.and_then(|t| self.fields(&t)).ok_or_else(|| Stop::Unknown(segment.clone()))?);
                continue;
            }
            if segment.starts_with('$') {
                return Err(Stop::Inexpressible(format!("`{segment}` in a path")));
            }
            let variable = (i == 0).then(|| cx.scope.iter().rev().find(|v| &v.variable == segment)).flatten();
            if let Some(item) = variable {
                current = Some(Resolved {
                    code: item.ident.clone(),
                    ty: item.ty.clone(),
                    collection: false,
                    navigation: false,
                    listed: None,
                    name: segment.clone(),
                });
                continue;
            }
            let base = match &current {
                None => Rc::clone(cx.root),
                Some(c) if c.collection => return Err(Stop::Inexpressible("a path through a collection".into())),
                Some(c) => self
                    .fields(&c.ty)
                    .ok_or_else(|| Stop::Inexpressible("a path into a value without properties".into()))?,
            };
            let owner = cast.take();
            let (p, mut code) = self.property(owner.as_deref().unwrap_or(&base), segment)?;
            if owner.is_some() {
                code = format!("{code}.through_cast::<{}>()", base.path);
            }
            let inner = resolved(p, code);
            current = Some(match current {
                Some(outer) => Resolved { code: format!("{}.at({})", outer.code, inner.code), ..inner },
                None => inner,
            });
        }
        match (current, cast) {
            (Some(field), None) => Ok(field),
            _ => Err(Stop::Inexpressible("a path ending in a cast".into())),
        }
    }

    /// The field, through `unchecked()` when its notes list operators and not `op`.
    fn checked(&self, field: &Resolved, op: &str, cx: &mut Context) -> String {
        if allows(field, op) {
            field.code.clone()
        } else {
            let listed = field.listed.as_deref().unwrap_or_default().join(", ");
            cx.finding(format!("`{op}` on `{}`, whose notes list {listed}", field.name));
            format!("{}.unchecked()", field.code)
        }
    }

    /// A value of the field's type as Rust: the literal, or a helper of the scratch
    /// program that reads it (`dto("2021-…")?`).
    fn literal(&self, field: &Resolved, literal: &Literal) -> Result<String, Stop> {
        let mismatch = || Stop::Inexpressible(format!("a {} value for a {} property", kind(literal), field.ty));
        let integer = |n: &str, suffix: &str| match n.chars().all(|c| c.is_ascii_digit() || c == '-') {
            true => Ok(format!("{n}{suffix}")),
            false => Err(mismatch()),
        };
        match (field.ty.as_str(), literal) {
            ("Edm.String", Literal::String(s)) => Ok(format!("{s:?}")),
            ("Edm.Boolean", Literal::Bool(b)) => Ok(b.to_string()),
            ("Edm.Int16", Literal::Number(n)) => integer(n, "i16"),
            ("Edm.Int32", Literal::Number(n)) => integer(n, "i32"),
            ("Edm.Int64", Literal::Number(n)) => integer(n, "i64"),
            ("Edm.Byte", Literal::Number(n)) => integer(n, "u8"),
            ("Edm.SByte", Literal::Number(n)) => integer(n, "i8"),
            ("Edm.Double" | "Edm.Single", Literal::Number(n)) => Ok(format!("rt::Double({n}f64)")),
            ("Edm.Decimal", Literal::Number(n)) => Ok(format!("parse::<rt::Decimal>({n:?})?")),
            ("Edm.DateTimeOffset", Literal::DateTime(d)) => Ok(format!("parse::<rt::DateTimeOffset>({d:?})?")),
            ("Edm.Date", Literal::Date(d)) => Ok(format!("parse::<rt::Date>({d:?})?")),
            ("Edm.Guid", Literal::Guid(g)) => Ok(format!("parse::<rt::Guid>({g:?})?")),
            (ty, Literal::String(v) | Literal::Enum(_, v)) if self.paths.is_enum(ty) => {
                Ok(format!("{}::from({v:?})", self.paths.value_type(ty)))
            }
            _ => Err(mismatch()),
        }
    }
}

/// A lambda's variable: its name in the docs, in the code, and its item type.
struct Item {
    variable: String,
    ident: String,
    ty: String,
}

struct Context<'c> {
    root: &'c Rc<Fields>,
    scope: Vec<Item>,
    findings: &'c mut Vec<String>,
    undocumented: &'c mut bool,
}

impl Context<'_> {
    fn finding(&mut self, text: String) {
        *self.undocumented = true;
        self.findings.push(text);
    }
}

fn resolved(p: Property, code: String) -> Resolved {
    let listed = p.query.as_ref().and_then(|q| match &q.filter {
        Some(FilterNote::Operators(ops)) => Some(ops.clone()),
        Some(FilterNote::Stated(false)) => Some(Vec::new()),
        _ => None,
    });
    Resolved { code, ty: p.ty, collection: p.collection, navigation: p.navigation, listed, name: p.name }
}

/// Whether the notes allow `op` (`any` stands for `all` too); silence allows all.
fn allows(field: &Resolved, op: &str) -> bool {
    field.listed.as_ref().is_none_or(|ops| ops.iter().any(|o| o == op || (op == "any" && o == "all")))
}

fn is_ordered(ty: &str) -> bool {
    matches!(
        ty,
        "Edm.String"
            | "Edm.Int16"
            | "Edm.Int32"
            | "Edm.Int64"
            | "Edm.Byte"
            | "Edm.SByte"
            | "Edm.Double"
            | "Edm.Single"
            | "Edm.Decimal"
            | "Edm.Date"
            | "Edm.DateTimeOffset"
    )
}

fn kind(literal: &Literal) -> &'static str {
    match literal {
        Literal::String(_) => "string",
        Literal::Number(_) => "number",
        Literal::Bool(_) => "boolean",
        Literal::Null => "null",
        Literal::Guid(_) => "GUID",
        Literal::DateTime(_) => "date-time",
        Literal::Date(_) => "date",
        Literal::Enum(..) => "enum",
    }
}

/// `(a, b)`, nested in tuples of at most 12 (the most the runtime's traits take).
fn tuple(items: &[String]) -> String {
    if items.len() <= 12 {
        return format!("({},)", items.join(", "));
    }
    let chunks: Vec<String> = items.chunks(12).map(tuple).collect();
    tuple(&chunks)
}
