//! Operations: the type names of bodies, responses and parameters resolved against the
//! final type list, the way property types are resolved.

use super::types::{link_label_mismatch, link_stem, page_link_stem};
use crate::diag::{Diagnostic, Span};
use crate::ir::{
    is_edm, BodyExample, BodyParameter, ExampleKind, ExampleReply, ExampleRequest, ExampleTarget, Operation,
    PathParameter, RequestBody, Response, Source, TypeDef,
};
use crate::model::operations::{Example, NamedType, RawBody, RawOperation, RawParameter};
use crate::model::{typeref, TypeName, TypeRef};
use rustc_hash::FxHashMap;

/// Case-insensitive names of the defined types, and the pages that define one type each.
struct Names<'a> {
    by_name: FxHashMap<String, &'a str>,
    by_last: FxHashMap<String, Vec<&'a str>>,
    /// Lower-cased page file stem → the types defined there.
    by_page: FxHashMap<String, Vec<&'a str>>,
    /// Qualified name → its base's.
    bases: FxHashMap<&'a str, &'a str>,
}

impl<'a> Names<'a> {
    fn new(types: &'a [TypeDef]) -> Self {
        let mut names = Names {
            by_name: FxHashMap::default(),
            by_last: FxHashMap::default(),
            by_page: FxHashMap::default(),
            bases: FxHashMap::default(),
        };
        for t in types {
            if let Some(base) = &t.base {
                names.bases.insert(&t.name, base);
            }
            let lower = t.name.to_ascii_lowercase();
            let last = lower.rsplit('.').next().unwrap_or(&lower).to_string();
            names.by_last.entry(last).or_default().push(&t.name);
            names.by_name.insert(lower, &t.name);
            if let Some(stem) = link_stem(&t.source.file) {
                names.by_page.entry(stem).or_default().push(&t.name);
            }
        }
        names
    }

    /// The one type the linked page defines.
    fn linked(&self, link: &str) -> Option<&'a str> {
        match self.by_page.get(&page_link_stem(link)?).map(Vec::as_slice) {
            Some([only]) => Some(only),
            _ => None,
        }
    }

    /// A type named in prose: by the page its link points to (a label naming another type
    /// is reported), else by its name, else by the name without a plural `s` ("a
    /// collection of [tabs]").
    fn resolve_named(
        &self,
        named: &NamedType,
        namespace: &str,
        what: &str,
        at: &Span,
        diags: &mut Vec<Diagnostic>,
    ) -> String {
        if let TypeName::Named(written) = &named.ty.name {
            let by_label = self.lookup(written, namespace);
            let mut target = named.link.as_deref().and_then(|l| self.linked(l));
            if let (Some(label), Some(linked)) = (by_label, target) {
                // A label naming a type derived from the linked page's narrows it.
                if self.lineage(label).any(|t| t == linked) {
                    target = Some(label);
                } else if label != linked {
                    diags.push(link_label_mismatch(at, written, label, linked));
                }
            }
            let found =
                target.or(by_label).or_else(|| written.strip_suffix('s').and_then(|w| self.lookup(w, namespace)));
            if let Some(found) = found {
                return found.to_string();
            }
        }
        self.resolve(&named.ty, namespace, what, at, diags)
    }

    /// Qualified as written, then in the page's namespace, then `microsoft.graph`, then the
    /// only namespace that defines the last segment.
    fn lookup(&self, written: &str, namespace: &str) -> Option<&'a str> {
        let lower = written.trim_start_matches('#').to_ascii_lowercase();
        let tries =
            [lower.clone(), format!("{}.{lower}", namespace.to_ascii_lowercase()), format!("microsoft.graph.{lower}")];
        if let Some(found) = tries.iter().find_map(|n| self.by_name.get(n)) {
            return Some(found);
        }
        match self.by_last.get(lower.rsplit('.').next().unwrap_or(&lower)).map(Vec::as_slice) {
            Some([only]) => Some(only),
            _ => None,
        }
    }

    /// The type and its bases, nearest first.
    fn lineage(&self, ty: &'a str) -> impl Iterator<Item = &'a str> + '_ {
        std::iter::successors(Some(ty), |t| self.bases.get(t).copied()).take(64)
    }

    /// Whether an example annotated as `annotated` can show a response declared as
    /// `declared`: the same type, one derived from the other, or siblings under a base
    /// other than `entity` (a page's examples show several derived types). A JSON body
    /// under a declared stream is a format the page offers besides.
    fn related(&self, annotated: &str, declared: &str) -> bool {
        if annotated == declared || (declared == "Edm.Stream" && !is_edm(annotated)) {
            return true;
        }
        let lineage = |t| self.lineage(t);
        let (Some(&a), Some(&d)) =
            (self.by_name.get(&annotated.to_ascii_lowercase()), self.by_name.get(&declared.to_ascii_lowercase()))
        else {
            return false;
        };
        lineage(a).any(|t| t == d)
            || lineage(d).any(|t| t == a)
            || super::common_base(&[a, d], |t| self.bases.get(t).copied()).is_some_and(|b| b != ENTITY)
    }

    /// The common base of an "A or B" parameter type; None for one type, or (reported)
    /// types that share no base.
    fn common_base(
        &self,
        p: &RawParameter,
        namespace: &str,
        what: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        if p.alternatives.len() < 2 {
            return None;
        }
        let found: Option<Vec<&str>> = p
            .alternatives
            .iter()
            .map(|(written, link)| {
                link.as_deref().and_then(|l| self.linked(l)).or_else(|| self.lookup(written, namespace))
            })
            .collect();
        let base = found.and_then(|found| super::common_base(&found, |t| self.bases.get(t).copied()));
        if base.is_none() {
            diags.push(super::no_common_base(&p.span, what, &p.alternatives));
        }
        base.map(str::to_string)
    }

    /// The qualified name (or Edm name); unknown names become untyped JSON, with a diagnostic.
    fn resolve(&self, r: &TypeRef, namespace: &str, what: &str, at: &Span, diags: &mut Vec<Diagnostic>) -> String {
        let written = match &r.name {
            TypeName::Edm(edm) => return edm.to_string(),
            TypeName::Named(written) => written,
        };
        if let Some(name) = self.lookup(written, namespace) {
            return name.to_string();
        }
        if !is_json_word(written) {
            diags.push(
                Diagnostic::warning(
                    "unknown-type",
                    at,
                    format!("type `{written}` of {what} is not defined in the docs"),
                )
                .with_help("it is generated as untyped JSON"),
            );
        }
        "Edm.Untyped".to_string()
    }
}

const ENTITY: &str = "microsoft.graph.entity";

/// Names the docs use for "any JSON" rather than for a type.
fn is_json_word(written: &str) -> bool {
    matches!(written.to_ascii_lowercase().as_str(), "json" | "object" | "microsoft.graph.json")
}

pub fn resolve_operations(raw: Vec<RawOperation>, types: &[TypeDef], diags: &mut Vec<Diagnostic>) -> Vec<Operation> {
    let names = Names::new(types);
    let mut out: Vec<Operation> = raw.into_iter().map(|op| operation(op, &names, diags)).collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    super::routes::assign(&mut out, types, diags);
    out
}

fn operation(op: RawOperation, names: &Names, diags: &mut Vec<Diagnostic>) -> Operation {
    let ns = op.namespace.as_str();
    let parameter = |p: &RawParameter, what: &str, diags: &mut Vec<Diagnostic>| {
        let what = format!("{what} `{}`", p.name);
        let ty = names.resolve(&p.ty, ns, &what, &p.span, diags);
        (names.common_base(p, ns, &what, diags).unwrap_or(ty), p.ty.collection)
    };
    let path_parameters = op
        .path_parameters
        .iter()
        .map(|p| PathParameter { name: p.name.clone(), ty: parameter(p, "path parameter", diags).0 })
        .collect();
    let request_body = op.request_body.as_ref().map(|body| match body {
        RawBody::Type { ty, span } => RequestBody::Type {
            ty: names.resolve_named(ty, ns, "the request body", span, diags),
            collection: ty.ty.collection,
        },
        RawBody::Parameters(params) => RequestBody::Parameters {
            parameters: params
                .iter()
                .map(|p| {
                    let (ty, collection) = parameter(p, "body parameter", diags);
                    BodyParameter { name: p.name.clone(), ty, collection }
                })
                .collect(),
        },
    });
    let response = op.response.as_ref().map(|r| Response {
        status: r.status,
        ty: r.ty.as_ref().map(|t| names.resolve_named(t, ns, "the response", &r.span, diags)),
        collection: r.ty.as_ref().is_some_and(|t| t.ty.collection),
    });
    let examples =
        body_examples(&op.examples, &op.span.file, ns, request_body.as_ref(), response.as_ref(), names, diags);
    Operation {
        id: op.id,
        name: op.name,
        method: op.method,
        paths: op.paths,
        path_parameters,
        query_options: op.query_options,
        request_headers: op.request_headers,
        request_body,
        response,
        permissions: op.permissions,
        description: op.description,
        source: Source::from(&op.span),
        examples,
        routes: Vec::new(),
        example_requests: op
            .examples
            .iter()
            .filter_map(|e| {
                let request = e.request.as_ref()?;
                Some(ExampleRequest {
                    method: request.method.clone(),
                    url: request.url.clone(),
                    line: request.line,
                    response: e.response.as_ref().map(|r| ExampleReply {
                        line: r.line,
                        status: r.status,
                        headers: r.headers.clone(),
                    }),
                })
            })
            .collect(),
    }
}

/// The bodies the examples show, each with the type it must read as: a request body the
/// operation's body; a response the type its annotation names (`isCollection` makes it a
/// page), else the operation's response. Where the annotation names a type unrelated to
/// the declared one (see `Names::related`), the disagreement is reported and the
/// annotation's type kept: read as the declared type instead, 17 of those examples of
/// the 2021 corpus passed that fail as annotated, and 34 failed that pass as annotated.
fn body_examples(
    examples: &[Example],
    file: &str,
    namespace: &str,
    body: Option<&RequestBody>,
    response: Option<&Response>,
    names: &Names,
    diags: &mut Vec<Diagnostic>,
) -> Vec<BodyExample> {
    let source = |line| Source { file: file.to_string(), line };
    let body_target = match body {
        Some(RequestBody::Type { ty, collection }) => ExampleTarget::Type { ty: ty.clone(), collection: *collection },
        Some(RequestBody::Parameters { parameters }) if !parameters.is_empty() => ExampleTarget::Parameters,
        _ => ExampleTarget::Undeclared,
    };
    let declared_response = match response {
        Some(Response { ty: Some(ty), collection, .. }) => {
            ExampleTarget::Type { ty: ty.clone(), collection: *collection }
        }
        _ => ExampleTarget::Undeclared,
    };
    let mut out = Vec::new();
    for example in examples {
        if let Some(request) = example.request.as_ref().filter(|r| r.body.is_some()) {
            out.push(BodyExample {
                kind: ExampleKind::RequestBody,
                source: source(request.line),
                body: request.body.clone(),
                status: None,
                target: body_target.clone(),
                truncated: false,
            });
        }
        if let Some(r) = &example.response {
            let target = match r.odata_type.as_deref() {
                Some(written) => match typeref::from_type_name(written) {
                    Some(TypeRef { name: TypeName::Edm(edm), collection }) => {
                        ExampleTarget::Type { ty: edm.to_string(), collection: collection || r.is_collection }
                    }
                    Some(TypeRef { name: TypeName::Named(name), collection }) => {
                        let found =
                            if is_json_word(&name) { Some("Edm.Untyped") } else { names.lookup(&name, namespace) };
                        match found {
                            Some(ty) => {
                                ExampleTarget::Type { ty: ty.to_string(), collection: collection || r.is_collection }
                            }
                            None => ExampleTarget::Undefined(written.to_string()),
                        }
                    }
                    None => ExampleTarget::Undefined(written.to_string()),
                },
                None => declared_response.clone(),
            };
            if let (ExampleTarget::Type { ty: annotated, .. }, ExampleTarget::Type { ty: declared, .. }) =
                (&target, &declared_response)
            {
                if !names.related(annotated, declared) {
                    diags.push(
                        Diagnostic::warning(
                            "example-type-disagrees",
                            &Span { file: file.to_string(), line: r.line, column: 1 },
                            format!(
                                "the example's annotation names `{annotated}`, the page declares the response as `{declared}`"
                            ),
                        )
                        .with_help("verify reads the example as the annotation's type, which the examples' bodies bear out more often"),
                    );
                }
            }
            out.push(BodyExample {
                kind: ExampleKind::Response,
                source: source(r.line),
                body: r.body.clone(),
                status: r.status,
                target,
                truncated: r.truncated,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Permissions, TypeKind};
    use crate::model::operations::RawResponse;

    fn def(name: &str, file: &str) -> TypeDef {
        TypeDef {
            name: name.into(),
            kind: TypeKind::Entity,
            base: None,
            is_abstract: false,
            open: false,
            properties: Vec::new(),
            members: Vec::new(),
            description: String::new(),
            source: Source { file: file.into(), line: 1 },
        }
    }

    fn types() -> Vec<TypeDef> {
        vec![
            def("microsoft.graph.widget", "api-reference/v1.0/resources/widget.md"),
            def("microsoft.graph.teamsTab", "api-reference/v1.0/resources/teamstab.md"),
            def("microsoft.graph.callRecords.session", "api-reference/v1.0/resources/callrecords-session.md"),
            def("microsoft.graph.other.session", "api-reference/v1.0/resources/other-session.md"),
            def("microsoft.graph.termStore.term", "api-reference/v1.0/resources/termstore-term.md"),
            TypeDef {
                base: Some("microsoft.graph.widget".into()),
                ..def("microsoft.graph.bigWidget", "api-reference/v1.0/resources/bigwidget.md")
            },
        ]
    }

    fn span() -> Span {
        Span { file: "api-reference/v1.0/api/x.md".into(), line: 3, column: 1 }
    }

    fn named(name: &str, page: Option<&str>) -> NamedType {
        NamedType {
            ty: TypeRef { name: TypeName::Named(name.into()), collection: false },
            link: page.map(str::to_string),
        }
    }

    fn op(id: &str, namespace: &str, response: Option<NamedType>, body: Option<RawBody>) -> RawOperation {
        RawOperation {
            id: id.into(),
            name: String::new(),
            method: "GET".into(),
            // One path per operation: a path two operations share is one request.
            paths: vec![format!("/{id}/{{id}}")],
            path_parameters: vec![RawParameter {
                name: "id".into(),
                ty: TypeRef { name: TypeName::Edm("Edm.Int32"), collection: false },
                alternatives: Vec::new(),
                span: span(),
            }],
            query_options: Vec::new(),
            request_headers: Vec::new(),
            request_body: body,
            response: Some(RawResponse { status: 200, ty: response, span: span() }),
            permissions: Permissions::default(),
            description: String::new(),
            examples: Vec::new(),
            namespace: namespace.into(),
            span: span(),
        }
    }

    fn response_type(raw: RawOperation) -> (Option<String>, Vec<&'static str>) {
        let mut diags = Vec::new();
        let ops = resolve_operations(vec![raw], &types(), &mut diags);
        (ops[0].response.as_ref().and_then(|r| r.ty.clone()), diags.iter().map(|d| d.code).collect())
    }

    #[test]
    fn names_resolve_like_property_types() {
        let ty = |name: &str, ns: &str| response_type(op("a", ns, Some(named(name, None)), None)).0;
        assert_eq!(ty("Widget", "microsoft.graph").as_deref(), Some("microsoft.graph.widget"));
        assert_eq!(ty("microsoft.graph.widget", "microsoft.graph").as_deref(), Some("microsoft.graph.widget"));
        assert_eq!(
            ty("session", "microsoft.graph.callRecords").as_deref(),
            Some("microsoft.graph.callRecords.session")
        );
        assert_eq!(ty("term", "microsoft.graph").as_deref(), Some("microsoft.graph.termStore.term"));
        assert_eq!(ty("Json", "microsoft.graph").as_deref(), Some("Edm.Untyped"));
    }

    #[test]
    fn link_pages_and_plurals_name_types_the_text_does_not() {
        let by_page = response_type(op(
            "a",
            "microsoft.graph",
            Some(named("tabs", Some("../resources/teamstab.md#properties"))),
            None,
        ));
        assert_eq!(by_page, (Some("microsoft.graph.teamsTab".into()), vec![]));
        // A label naming another type than the linked page defines: the page wins, reported.
        let mismatch =
            response_type(op("a", "microsoft.graph", Some(named("widget", Some("../resources/teamstab.md"))), None));
        assert_eq!(mismatch, (Some("microsoft.graph.teamsTab".into()), vec!["link-label-mismatch"]));
        // A label naming a type derived from the linked one narrows it.
        let narrower =
            response_type(op("a", "microsoft.graph", Some(named("bigWidget", Some("../resources/widget.md"))), None));
        assert_eq!(narrower, (Some("microsoft.graph.bigWidget".into()), vec![]));
        let plural = response_type(op("a", "microsoft.graph", Some(named("widgets", Some("missing.md"))), None));
        assert_eq!(plural, (Some("microsoft.graph.widget".into()), vec![]));
        // Ambiguous last segment and no page: unknown.
        let unknown = response_type(op("a", "microsoft.graph", Some(named("session", None)), None));
        assert_eq!(unknown, (Some("Edm.Untyped".into()), vec!["unknown-type"]));
    }

    #[test]
    fn an_annotation_naming_an_unrelated_type_is_kept_and_reported() {
        use crate::model::operations::ExampleResponse;
        let response = |odata_type: &str| ExampleResponse {
            names: Vec::new(),
            status: Some(200),
            odata_type: Some(odata_type.into()),
            is_collection: false,
            truncated: false,
            headers: Vec::new(),
            body: Some("{}".into()),
            line: 7,
        };
        let mut raw = op("a", "microsoft.graph", Some(named("widget", None)), None);
        raw.examples = vec![
            Example { request: None, response: Some(response("microsoft.graph.teamsTab")) },
            Example { request: None, response: Some(response("microsoft.graph.widget")) },
        ];
        let mut diags = Vec::new();
        let ops = resolve_operations(vec![raw], &types(), &mut diags);
        let widget = ExampleTarget::Type { ty: "microsoft.graph.widget".into(), collection: false };
        let tab = ExampleTarget::Type { ty: "microsoft.graph.teamsTab".into(), collection: false };
        assert_eq!(ops[0].examples.iter().map(|e| &e.target).collect::<Vec<_>>(), [&tab, &widget]);
        let codes: Vec<(&str, usize)> = diags.iter().map(|d| (d.code, d.line)).collect();
        assert_eq!(codes, [("example-type-disagrees", 7)]);
    }

    #[test]
    fn operations_are_sorted_and_bodies_resolved() {
        let params = RawBody::Parameters(vec![RawParameter {
            name: "items".into(),
            ty: TypeRef { name: TypeName::Named("widget".into()), collection: true },
            alternatives: Vec::new(),
            span: span(),
        }]);
        let mut diags = Vec::new();
        let raw = vec![
            op("b", "microsoft.graph", None, Some(params)),
            op("a", "microsoft.graph", None, Some(RawBody::Type { ty: named("gizmo", None), span: span() })),
        ];
        let ops = resolve_operations(raw, &types(), &mut diags);
        assert_eq!(ops.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(ops[0].request_body, Some(RequestBody::Type { ty: "Edm.Untyped".into(), collection: false }));
        assert_eq!(
            ops[1].request_body,
            Some(RequestBody::Parameters {
                parameters: vec![BodyParameter {
                    name: "items".into(),
                    ty: "microsoft.graph.widget".into(),
                    collection: true
                }]
            })
        );
        assert_eq!(ops[0].path_parameters, [PathParameter { name: "id".into(), ty: "Edm.Int32".into() }]);
        assert_eq!(ops[0].response, Some(Response { status: 200, ty: None, collection: false }));
        assert_eq!(diags.iter().map(|d| (d.code, d.line)).collect::<Vec<_>>(), [("unknown-type", 3)]);
        assert_eq!(ops[0].source, Source { file: "api-reference/v1.0/api/x.md".into(), line: 3 });
    }
}
