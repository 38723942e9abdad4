//! The docs' example queries through the typed builders (`graph-docs-codegen queries`):
//! those of `docs-src/` round-trip; queries their notes do not allow are reported and
//! written through `unchecked`; what the builders cannot write is classified.

use graph_docs_codegen::ir::{Model, Source};
use graph_docs_codegen::queries::{self, ExampleQuery, Plan};
use graph_docs_codegen::{available_versions, load};
use graph_docs_tests::{docs_src, workspace_root};

fn models() -> Vec<Model> {
    available_versions(&docs_src()).into_iter().map(|v| load(&docs_src(), v).model).collect()
}

fn query(option: &'static str, text: &str) -> (ExampleQuery, Option<String>) {
    let source = Source { file: "api-reference/v1.0/api/user-list.md".into(), line: 7 };
    let query = ExampleQuery { version: "v1.0".into(), source, option, text: text.into() };
    (query, Some("microsoft.graph.user".into()))
}

#[test]
fn the_docs_src_queries_round_trip() {
    let models = models();
    let report = queries::run(&models, &workspace_root().join("target/queries-tests")).expect("the scratch crate builds");
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    for (version, tally) in &report.tallies {
        assert!(tally.found > 0, "{version}");
        assert_eq!((tally.round_tripped, tally.found), (tally.found, tally.on_known_properties), "{version}: {tally:?}");
    }
    assert_eq!(report.tallies.len(), 2);
}

#[test]
fn queries_the_notes_do_not_allow_are_reported_and_the_rest_classified() {
    let models = models();
    let v1 = models.iter().find(|m| m.version == "v1.0").expect("v1.0");
    let queries = vec![
        query("$filter", "startswith(userType,'G') and displayName eq 'O''Neil'"),
        query("$filter", "not (userType eq 'Guest')"),
        query("$select", "displayName,nickname"),
        query("$expand", "displayName"),
        query("$filter", "createdDateTime ge 2021-07-01"),
        query("$orderby", "displayName desc,id"),
        query("$filter", "displayName eq"),
    ];
    let (plans, diags) = queries::plan(v1, &queries);
    let Plan::Typed { code, undocumented: true, .. } = &plans[0] else { panic!("{:?}", plans[0]) };
    assert!(code.contains("User::USER_TYPE.unchecked().starts_with(\"G\")"), "{code}");
    assert!(code.contains("User::DISPLAY_NAME.eq(\"O'Neil\")"), "{code}");
    let Plan::Typed { code, undocumented: false, .. } = &plans[1] else { panic!("{:?}", plans[1]) };
    assert!(code.ends_with(".not()).to_string()"), "{code}");
    assert_eq!(plans[2], Plan::UnknownProperty("nickname".into()));
    assert!(matches!(&plans[3], Plan::NotExpressible(what) if what.contains("structural")), "{:?}", plans[3]);
    assert!(matches!(&plans[4], Plan::NotExpressible(what) if what.contains("date")), "{:?}", plans[4]);
    let Plan::Typed { code, canonical, .. } = &plans[5] else { panic!("{:?}", plans[5]) };
    assert!(code.contains("User::DISPLAY_NAME.desc(), User::ID"), "{code}");
    assert_eq!(canonical, "displayname desc,id");
    assert!(matches!(plans[6], Plan::Unparsable(_)), "{:?}", plans[6]);
    let found: Vec<(&str, usize)> = diags.iter().map(|d| (d.code, d.line)).collect();
    assert_eq!(found, [("example-query-undocumented", 7); 3], "{diags:?}");
}
