use super::*;
use crate::parse::parse_page;
use crate::scan::SourceFile;

fn page(stem: &str, body: &str) -> (Page, Vec<Diagnostic>) {
    let text = format!("---\ntitle: t\ndoc_type: apiPageType\n---\n{body}");
    let file = SourceFile {
        path: format!("api-reference/v1.0/api/{stem}.md"),
        folder: Folder::Api,
        text,
        includes: Vec::new(),
    };
    let mut diags = Vec::new();
    let page = parse_page(file, &mut diags).expect("a page");
    (page, diags)
}

fn ops(stem: &str, body: &str) -> (Vec<RawOperation>, Vec<Diagnostic>) {
    let (page, mut diags) = page(stem, body);
    let ops = operations(&page, &mut diags);
    (ops, diags)
}

fn one(body: &str) -> RawOperation {
    let (mut ops, _) = ops("widget-get", body);
    assert_eq!(ops.len(), 1, "{ops:#?}");
    ops.remove(0)
}

fn named(name: &str, collection: bool) -> TypeRef {
    TypeRef { name: TypeName::Named(name.into()), collection }
}

fn edm(name: &'static str, collection: bool) -> TypeRef {
    TypeRef { name: TypeName::Edm(name), collection }
}

fn codes(diags: &[Diagnostic]) -> Vec<&str> {
    diags.iter().map(|d| d.code).collect()
}

#[test]
fn templates_tolerate_the_ways_paths_are_written() {
    let t = |s: &str| template(s);
    assert_eq!(t("https://graph.microsoft.com/v1.0/gadgets/{id}").as_deref(), Some("/gadgets/{id}"));
    assert_eq!(t("https://graph.microsoft.com/V1.0/gadgets").as_deref(), Some("/gadgets"));
    assert_eq!(t("gadgets/{id}/parts").as_deref(), Some("/gadgets/{id}/parts"));
    assert_eq!(t("~/gadgets").as_deref(), Some("/gadgets"));
    assert_eq!(t("/gadgets?$filter=name eq 'a b'").as_deref(), Some("/gadgets"));
    assert_eq!(t("/owners/{ id | ownerName }/gadgets").as_deref(), Some("/owners/{id}/gadgets"));
    assert_eq!(t("/owners/{id|ownerName}/gadgets/").as_deref(), Some("/owners/{id}/gadgets"));
    assert_eq!(
        t("/sheets/{id}/cells(address='<address>')").as_deref(),
        Some("/sheets/{id}/cells(address='{address}')")
    );
    assert_eq!(t("/cells/grow(rows={n}, columns={n})").as_deref(), Some("/cells/grow(rows={n},columns={n})"));
    assert_eq!(t("/boards/(board-id)/pins/'{pin-id}'").as_deref(), Some("/boards/{board-id}/pins/{pin-id}"));
    assert_eq!(t("/boards/0f8fad5b-d9cb-469f-a165-70867728950e/pins").as_deref(), Some("/boards/{id}/pins"));
    assert_eq!(t("/gadgets HTTP/1.1").as_deref(), Some("/gadgets"));
    assert_eq!(t("** Entity URI for gadget not found"), None);
    assert_eq!(t("https://graph.microsoft.com"), None);
    // Multi-byte text never splits a character.
    assert_eq!(t("/näme/{ïd}/ü").as_deref(), Some("/näme/{ïd}/ü"));
}

#[test]
fn request_lines_need_a_method_then_a_path() {
    assert_eq!(request_line("GET /a"), Some(("GET", "/a")));
    assert_eq!(request_line("  DELETE/a/{id}"), Some(("DELETE", "/a/{id}")));
    assert_eq!(
        request_line("PATCH https://graph.microsoft.com/beta/a"),
        Some(("PATCH", "https://graph.microsoft.com/beta/a"))
    );
    assert_eq!(request_line("GETTER /a"), None);
    assert_eq!(request_line("or"), None);
    assert_eq!(request_line("Content-Type: application/json"), None);
}

const HTTP: &str = "# Get widget\n\nReads a widget.\n\n## HTTP request\n\n```http\nGET /widgets/{id | widgetName}\nor\nGET https://graph.microsoft.com/v1.0/me/widget?$select=name\nPATCH /widgets/{id}\nAuthorization: Bearer x\nGET /widgets/{id}\n```\n";

#[test]
fn one_operation_per_method_in_order_of_appearance() {
    let (ops, diags) = ops("widget-get", HTTP);
    assert_eq!(
        ops.iter().map(|o| (o.id.as_str(), o.method.as_str())).collect::<Vec<_>>(),
        [("widget-get", "GET"), ("widget-get-2", "PATCH")]
    );
    assert_eq!(ops[0].paths, ["/widgets/{id}", "/me/widget"]);
    assert_eq!(ops[0].name, "Get widget");
    assert_eq!(ops[0].description, "Reads a widget.");
    assert_eq!(
        ops[0].path_parameters,
        [RawParameter {
            name: "id".into(),
            ty: edm("Edm.String", false),
            alternatives: Vec::new(),
            span: ops[0].span.clone()
        }]
    );
    assert_eq!(ops[0].span.line, 5);
    // The page says nothing about responses.
    assert_eq!(codes(&diags), ["no-response", "no-response"]);
}

#[test]
fn every_http_request_section_counts() {
    let body = "# Get widget\n\n## One way\n\n### HTTP request\n\n```http\nGET /a/widget\n```\n\n## Another way\n\n### HTTP request\n\n```\nGET /b/widget\n```\n";
    assert_eq!(one(body).paths, ["/a/widget", "/b/widget"]);
}

#[test]
fn without_a_request_section_the_examples_give_the_urls() {
    let body = "# Get widget\n\n## Example\n\n<!-- { \"blockType\": \"request\", \"name\": \"w\" } -->\n```http\nGET https://graph.microsoft.com/v1.0/widgets/0f8fad5b-d9cb-469f-a165-70867728950e\n```\n";
    let op = one(body);
    assert_eq!(op.paths, ["/widgets/{id}"]);
    assert_eq!(op.examples.len(), 1);
}

#[test]
fn a_page_without_requests_is_reported() {
    let (ops, diags) =
        ops("widget-get", "# Get widget\n\n## HTTP request\n\n```http\nGET ** Entity URI for widget not found\n```\n");
    assert!(ops.is_empty());
    assert_eq!(codes(&diags), ["bad-request-line", "no-http-request"]);
    assert_eq!(diags[1].line, 5);
}

#[test]
fn resource_pages_and_resources_folder_pages_have_no_operations() {
    let text = "---\ndoc_type: resourcePageType\n---\n# widget resource type\n\n## Properties\n".to_string();
    let file =
        SourceFile { path: "api-reference/v1.0/api/widget.md".into(), folder: Folder::Api, text, includes: Vec::new() };
    let mut diags = Vec::new();
    let page = parse_page(file, &mut diags).expect("a page");
    assert!(operations(&page, &mut diags).is_empty());
    assert!(diags.is_empty());
}

#[test]
fn function_arguments_and_angle_placeholders_are_parameters() {
    let body = "# f\n\n## HTTP request\n\n```http\nGET /reports/getCounts(period='{period_value}')\nGET /sheets/{sheet-id}/cell(<address>)\n```\n\n## Function parameters\n\n|Parameter|Type|Description|\n|:--|:--|:--|\n|period|Int32|Days.|\n|sheet-id|Guid|The sheet.|\n";
    let op = one(body);
    let params: Vec<(&str, &TypeRef)> = op.path_parameters.iter().map(|p| (p.name.as_str(), &p.ty)).collect();
    assert_eq!(
        params,
        [
            ("period_value", &edm("Edm.Int32", false)),
            ("sheet-id", &edm("Edm.Guid", false)),
            ("address", &edm("Edm.String", false))
        ]
    );
}

fn with_query(sentences: &str, response: &str) -> Vec<String> {
    one(&format!("# List widgets\n\n## HTTP request\n\n```http\nGET /widgets\n```\n\n## Optional query parameters\n\n{sentences}\n\n## Response\n\n{response}\n")).query_options
}

#[test]
fn query_options_named_in_prose() {
    let listed = with_query("The method takes the `$top`, `$skipToken` and **$filter** OData query parameters. See [x](/graph/query-parameters).\n\nUse `$filter` with a date range.", "");
    assert_eq!(listed, ["$filter", "$skiptoken", "$top"]);
    let denied = with_query("Takes `$select`. The `$expand` option is not supported.", "");
    assert_eq!(denied, ["$select"]);
    // A denial excludes the option wherever else it is named.
    let no_support = with_query("Supports `$select`, `$top` and `$search`.\n\n- No support exists for `$search`.", "");
    assert_eq!(no_support, ["$select", "$top"]);
}

#[test]
fn generic_query_sentences_take_the_usual_set() {
    let list = "Returns `200 OK` and a collection of [widget](../resources/widget.md) objects.";
    let single = "Returns `200 OK` and a [widget](../resources/widget.md) object.";
    let generic = "The call supports the [OData query parameters](/graph/query-parameters) for shaping results.";
    assert_eq!(with_query(generic, list), ["$count", "$expand", "$filter", "$orderby", "$select", "$skip", "$top"]);
    assert_eq!(with_query(generic, single), ["$expand", "$select"]);
    assert!(with_query("The call doesn't support [OData query parameters](/graph/query-parameters) at all.", list)
        .is_empty());
    assert!(with_query("The call does **not** support any OData query parameter.", list).is_empty());
}

#[test]
fn query_tables_keep_custom_parameters_but_not_function_arguments() {
    let body = "# f\n\n## HTTP request\n\n```http\nGET /widgets/view(day='{day}')\n```\n\n## Query parameters\n\n|Query parameter|Type|Description|\n|:--|:--|:--|\n|startTime|String|From.|\n|$deltatoken|String|State.|\n|day|String|In the path.|\n\n### Properties that $filter takes\n\n|Name|Type|Description|\n|:--|:--|:--|\n|color|String|x|\n";
    assert_eq!(one(body).query_options, ["$deltatoken", "startTime"]);
}

#[test]
fn request_headers_and_their_requiredness() {
    let body = "# f\n\n## HTTP request\n\n```http\nGET /w\n```\n\n## Request headers\n\n|Name|Description|\n|:--|:--|\n|Authorization|A token.|\n|Content-Type|Must be JSON. Required.|\n|ConsistencyLevel|eventual. This header is required with `$search`.|\n|_if-match_|An etag. Optional.|\n|Prefer: return=minimal|Optional.|\n|Authorization|Repeated.|\n\n### Prefer values\n\n|Name|Description|\n|:--|:--|\n|return=minimal|x|\n";
    let headers: Vec<(String, bool)> = one(body).request_headers.into_iter().map(|h| (h.name, h.required)).collect();
    let expected = [
        ("Authorization", true),
        ("Content-Type", true),
        ("ConsistencyLevel", false),
        ("if-match", false),
        ("Prefer", false),
    ];
    assert_eq!(headers, expected.map(|(n, r)| (n.to_string(), r)));
    let intune = "# f\n\n## HTTP Request\n\n```http\nGET /w\n```\n\n## Request headers\n\n|Header|Value|\n|:--|:--|\n|Authorization|A bearer token. Required.|\n|Accept|JSON|\n";
    let headers: Vec<bool> = one(intune).request_headers.into_iter().map(|h| h.required).collect();
    assert_eq!(headers, [true, false]);
}

fn body_of(method: &str, section: &str, extra: &str) -> Option<RawBody> {
    let text = format!("# Update widget\n\nChanges a [widget](../resources/widget.md) object.\n\n## HTTP request\n\n```http\n{method} /widgets/{{id}}\n```\n\n## Request body\n\n{section}\n\n## Response\n\n{extra}\n");
    one(&text).request_body
}

fn body_type(body: Option<RawBody>) -> Option<(TypeRef, Option<String>)> {
    match body {
        Some(RawBody::Type { ty, .. }) => Some((ty.ty, ty.link)),
        _ => None,
    }
}

#[test]
fn request_bodies() {
    assert_eq!(body_of("POST", "Please do not supply a request body here.", ""), None);
    assert_eq!(body_of("POST", "Don't supply any request body.", ""), None);
    let linked =
        body_of("POST", "Send, as the body, a JSON representation of a [gadget](../resources/gadget.md) object.", "");
    assert_eq!(body_type(linked), Some((named("gadget", false), Some("../resources/gadget.md".into()))));
    let intune = body_of("POST", "Send a JSON representation for the gadgetApp object as the body.\n\n|Property|Type|Description|\n|:--|:--|:--|\n|id|String|Key.|\n", "");
    assert_eq!(body_type(intune), Some((named("gadgetApp", false), None)));
    let binary = body_of("PUT", "The body holds the binary stream of the file.", "");
    assert_eq!(body_type(binary), Some((edm("Edm.Stream", false), None)));
    let action = body_of("POST", "Provide a JSON object with these parameters.\n\n|Parameter|Type|Description|\n|:--|:--|:--|\n|**Group**||\n|ids|String collection|Ids.|\n|mode|[gadgetMode](../resources/gadgetmode.md)|Mode.|\n|odd|** Unknown **|Free text.|\n", "");
    let Some(RawBody::Parameters(params)) = action else { panic!("{action:?}") };
    let params: Vec<(&str, &TypeRef)> = params.iter().map(|p| (p.name.as_str(), &p.ty)).collect();
    assert_eq!(
        params,
        [("ids", &edm("Edm.String", true)), ("mode", &named("gadgetMode", false)), ("odd", &edm("Edm.Untyped", false))]
    );
}

#[test]
fn updates_take_the_resource_they_change() {
    let table = "Supply the values of the fields to change.\n\n|Property|Type|Description|\n|:--|:--|:--|\n|name|String|Name.|\n";
    // The returned object names it…
    let returned = body_of("PATCH", table, "Returns `200 OK` and an updated [gadget](../resources/gadget.md) object.");
    assert_eq!(body_type(returned).map(|t| t.0), Some(named("gadget", false)));
    // …else the description's first resource link.
    let described = body_of("PATCH", table, "Returns `204 No Content`.");
    assert_eq!(body_type(described), Some((named("widget", false), Some("../resources/widget.md".into()))));
    // A POST with a property table keeps its parameters.
    assert!(matches!(body_of("POST", table, ""), Some(RawBody::Parameters(p)) if p.len() == 1));
}

#[test]
fn creations_take_the_object_they_create_when_the_page_names_no_body() {
    let created = "Returns `201 Created` and a [gadget](../resources/gadget.md) object.";
    let created_type = |body: Option<RawBody>| body_type(body).map(|t| t.0);
    assert_eq!(created_type(body_of("POST", "Give the gadget a name.", created)), Some(named("gadget", false)));
    let page =
        format!("# Create gadget\n\n## HTTP request\n\n```http\nPOST /gadgets\n```\n\n## Response\n\n{created}\n");
    assert_eq!(created_type(one(&page).request_body), Some(named("gadget", false)));
    // Saying there is no body, answering otherwise, or another method: no body.
    assert_eq!(body_of("POST", "Do not supply a request body.", created), None);
    assert_eq!(
        body_of("POST", "Give the gadget a name.", "Returns `200 OK` and a [gadget](../resources/gadget.md) object."),
        None
    );
    assert_eq!(body_of("DELETE", "Give the gadget a name.", created), None);
    // Properties of the created object, not parameters of an action.
    let properties = "Include these.\n\n|Property|Type|Description|\n|:--|:--|:--|\n|name|String|Name.|\n";
    assert_eq!(created_type(body_of("POST", properties, created)), Some(named("gadget", false)));
    let parameters = properties.replace("|Property|", "|Parameter|");
    assert!(matches!(body_of("POST", &parameters, created), Some(RawBody::Parameters(p)) if p.len() == 1));
}

fn response_of(section: &str, examples: &str) -> Option<RawResponse> {
    one(&format!("# Get widget\n\n## HTTP request\n\n```http\nGET /widgets\n```\n\n## Response\n\n{section}\n\n## Example\n\n{examples}")).response
}

fn short(r: Option<RawResponse>) -> Option<(u16, Option<TypeRef>)> {
    r.map(|r| (r.status, r.ty.map(|t| t.ty)))
}

#[test]
fn responses_from_prose() {
    let object = response_of("On success the call returns `200 OK` and a [widget](../resources/widget.md) object.", "");
    assert_eq!(short(object), Some((200, Some(named("widget", false)))));
    let list = response_of("On success the call returns `200 OK` with a collection of [widget](../resources/widget.md) objects. Paging: see [paging](/graph/paging).", "");
    assert_eq!(short(list), Some((200, Some(named("widget", true)))));
    let suffix = response_of("Returns `201 Created` and a [widget](../resources/widget.md) collection.", "");
    assert_eq!(short(suffix), Some((201, Some(named("widget", true)))));
    // Plural nouns and "all" mark a collection too; words that merely start alike do not.
    for plural in [
        "Returns `200 OK` and all [widget](../resources/widget.md) objects of the shelf.",
        "Returns `200 OK` and [widget objects](../resources/widget.md).",
        "Returns `200 OK` and a collection of one [widget](../resources/widget.md) object.",
    ] {
        assert_eq!(short(response_of(plural, "")), Some((200, Some(named("widget", true)))), "{plural}");
    }
    for single in [
        "Returns `200 OK` and a [widget](../resources/widget.md) object with its objectsCount.",
        "Returns `200 OK` and the small [widget](../resources/widget.md) object.",
        "Returns `200 OK` and a [widget](../resources/widget.md) collections-free object.",
    ] {
        assert_eq!(short(response_of(single, "")), Some((200, Some(named("widget", false)))), "{single}");
    }
    let empty = response_of("On success it answers `204 No Content` with an empty body.", "");
    assert_eq!(short(empty), Some((204, None)));
    let strings = response_of("On success the call yields `200 OK` and a String collection.", "");
    assert_eq!(short(strings), Some((200, Some(edm("Edm.String", true)))));
    let stream = response_of("On success the action gives `200 OK` and a Stream.", "");
    assert_eq!(short(stream), Some((200, Some(edm("Edm.Stream", false)))));
    let plain = response_of("When it works the call sends a 202 response.", "");
    assert_eq!(short(plain), Some((202, None)));
    // An error code is not the operation's status.
    let error = response_of("Each method returns a [Gadget resource][gadget] for the item.\n\nIf there is none, it returns `404 Not Found`.\n\n[gadget]: ../resources/gadget.md", "");
    assert_eq!(short(error), Some((200, Some(named("Gadget", false)))));
}

#[test]
fn responses_from_annotations_when_prose_names_no_type() {
    let annotated = "<!-- { \"blockType\": \"request\", \"name\": \"w\" } -->\n```http\nGET https://graph.microsoft.com/v1.0/widgets\n```\n\n<!-- { \"blockType\": \"response\", \"@odata.type\": \"Collection(microsoft.graph.widget)\" } -->\n```http\nHTTP/1.1 200 OK\n\n{\"value\": []}\n```\n";
    let r = response_of("On success the call answers `200 OK`.", annotated);
    assert_eq!(short(r), Some((200, Some(named("microsoft.graph.widget", true)))));
    // A link and an annotation for the same type: the annotation can add the collection.
    let flagged = annotated
        .replace("Collection(microsoft.graph.widget)", "microsoft.graph.widget\", \"isCollection\": true, \"x\": \"");
    let r = response_of("Returns `200 OK` and [widget](../resources/widget.md) objects.", &flagged);
    assert_eq!(short(r), Some((200, Some(named("widget", true)))));
    // With neither prose nor examples there is no response, and a diagnostic.
    let (ops, diags) = ops("widget-get", "# Get widget\n\n## HTTP request\n\n```http\nGET /widgets\n```\n");
    assert_eq!(ops[0].response, None);
    assert_eq!(codes(&diags), ["no-response"]);
}

fn permissions_of(tables: &str) -> (Permissions, Vec<Diagnostic>) {
    let (mut ops, diags) = ops("widget-get", &format!("# Get widget\n\n## Permissions\n\n{tables}\n\n## HTTP request\n\n```http\nGET /widgets\n```\n\n## Response\n\nReturns `204 No Content`.\n"));
    (ops.remove(0).permissions, diags)
}

fn v(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn permission_tables() {
    let two = "|Permission type|Permissions (from least to most privileged)|\n|:--|:--|\n|Delegated (work or school account)|Widget.Read, Widget.ReadWrite.All and Directory.Read.All|\n|Delegated (personal Microsoft account|Not supported.|\n|Application|None|\n";
    let (p, _) = permissions_of(two);
    assert_eq!(
        p,
        Permissions {
            delegated_work: v(&["Widget.Read", "Widget.ReadWrite.All", "Directory.Read.All"]),
            delegated_personal: vec![],
            application: vec![],
            ..Permissions::default()
        }
    );
    let three = "|Permission type|Least privileged permissions|Higher privileged permissions|\n|:--|:--|:--|\n|Delegated (work or school account)|Widget.Read|Widget.ReadWrite|\n|Delegated (personal Microsoft account)|Not available.|Not available.|\n|Application|Widget.Read.All|Widget.ReadWrite.All, offline_access|\n";
    let (p, _) = permissions_of(three);
    // The tiers stay apart.
    assert_eq!(p.delegated_work, v(&["Widget.Read"]));
    assert_eq!(p.application, v(&["Widget.Read.All"]));
    assert_eq!(p.higher_privileged.delegated_work, v(&["Widget.ReadWrite"]));
    assert_eq!(p.higher_privileged.application, v(&["Widget.ReadWrite.All", "offline_access"]));
    assert!(p.delegated_personal.is_empty() && p.higher_privileged.delegated_personal.is_empty());
    let scenarios = format!("{three}\n### Permissions for specific scenarios\n\n- To read **size**, the app needs *Widget.Size.Read*.\n- Admins need a role.\n");
    let (p, _) = permissions_of(&scenarios);
    assert_eq!(p.scenarios, ["To read size, the app needs Widget.Size.Read.", "Admins need a role."]);
    assert_eq!(p.delegated_work, v(&["Widget.Read"]), "the scenarios add no scope to the table's");
    let pivoted = "|Supported resource|Delegated (work or school account)|Delegated (personal Microsoft account)|Application|\n|:--|:--|:--|:--|\n|[gadget](../resources/gadget.md)|Gadget.Read|Gadget.Read|Not supported|\n|[widget](../resources/widget.md)|Widget.Read|Not supported|Widget.Read.All|\n";
    let (p, _) = permissions_of(pivoted);
    assert_eq!(
        p,
        Permissions {
            delegated_work: v(&["Gadget.Read", "Widget.Read"]),
            delegated_personal: v(&["Gadget.Read"]),
            application: v(&["Widget.Read.All"]),
            ..Permissions::default()
        }
    );
    let intune = "|Permission type|Permissions (from most to least privileged)|\n|:--|:--|\n|Delegated (work or school account)||\n|&nbsp; &nbsp; Apps|Apps.ReadWrite.All|\n|Application|Not supported.|\n";
    let (p, _) = permissions_of(intune);
    assert_eq!(p.delegated_work, v(&["Apps.ReadWrite.All"]));
    assert!(p.application.is_empty());
}

#[test]
fn todo_placeholders_are_empty_and_reported_once_each() {
    let body = "# Get widget\n\n**TODO: Describe the call**\n\n## Permissions\n\n|Permission type|Permissions (from least to most privileged)|\n|:--|:--|\n|Delegated (work or school account)|**TODO: List scopes**|\n|Application|Widget.Read.All|\n\n## HTTP request\n\n```http\nGET /widgets\n```\n\n## Response\n\nReturns `204 No Content`.\n";
    let text = format!("---\ndescription: \"**TODO: Describe the call**\"\ndoc_type: apiPageType\n---\n{body}");
    let file = SourceFile {
        path: "api-reference/v1.0/api/widget-get.md".into(),
        folder: Folder::Api,
        text,
        includes: Vec::new(),
    };
    let mut diags = Vec::new();
    let page = parse_page(file, &mut diags).expect("a page");
    let ops = operations(&page, &mut diags);
    assert_eq!(ops[0].description, "");
    assert!(ops[0].permissions.delegated_work.is_empty());
    assert_eq!(ops[0].permissions.application, v(&["Widget.Read.All"]));
    let todos: Vec<usize> = diags.iter().filter(|d| d.code == "todo-placeholder").map(|d| d.line).collect();
    assert_eq!(todos, [2, 7, 13]);
}

#[test]
fn examples_pair_by_name_then_by_order() {
    let body = "# Get widget\n\n## HTTP request\n\n```http\nGET /widgets/{id}\nPATCH /widgets/{id}\n```\n\n## Examples\n\n\
<!-- { \"blockType\": \"request\", \"name\": \"get_one\" } -->\n```http\nGET https://graph.microsoft.com/v1.0/widgets/1\n```\n\n\
<!-- { \"blockType\": \"request\", \"name\": \"update_one\" } -->\n```http\nPATCH https://graph.microsoft.com/v1.0/widgets/1\nContent-Type: application/json\n\n{ \"name\": \"b\" }\n```\n\n\
<!-- { \"blockType\": \"response\", \"name\": [\"get_one\"], \"@odata.type\": \"microsoft.graph.widget\", \"truncated\": \"true\" } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{ \"name\": \"a\" }\n```\n\n\
<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP 204 No Content\n```\n\n\
<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 No Content\n```\n";
    let (ops, _) = ops("widget-get", body);
    let get = &ops[0].examples;
    assert_eq!(get.len(), 2);
    let request = get[0].request.as_ref().expect("request");
    assert_eq!(
        (request.method.as_str(), request.url.as_str(), request.line),
        ("GET", "https://graph.microsoft.com/v1.0/widgets/1", 18)
    );
    let response = get[0].response.as_ref().expect("paired by name");
    assert_eq!(
        (response.status, response.odata_type.as_deref(), response.truncated, response.body.as_deref()),
        (Some(200), Some("microsoft.graph.widget"), true, Some("{ \"name\": \"a\" }"))
    );
    // The second 204 finds the last request taken: it stays alone, with the first operation.
    assert!(get[1].request.is_none() && get[1].response.as_ref().is_some_and(|r| r.status == Some(204)));
    let patch = &ops[1].examples;
    assert_eq!(patch.len(), 1);
    assert_eq!(patch[0].request.as_ref().and_then(|r| r.body.as_deref()), Some("{ \"name\": \"b\" }"));
    assert_eq!(patch[0].response.as_ref().and_then(|r| r.status), Some(204));
}

#[test]
fn quoted_notes_are_not_descriptions() {
    let op = one("# Get widget\n\nNamespace: microsoft.graph\n\n> **Note:** A license is needed.\n\nReads one widget.\n\n## HTTP request\n\n```http\nGET /w\n```\n");
    assert_eq!(op.description, "Reads one widget.");
    assert_eq!(op.namespace, "microsoft.graph");
}

#[test]
fn odd_inputs_do_not_panic() {
    for body in [
        "# t\n\n## HTTP request\n\n```\nGET {\nGET <\nGET /a/{b\nGET /é{ü|}\nPOST /(\n```\n",
        "# t\n\n## Response\n\n`999` `20` 1,000 returns\n",
        "## HTTP request\n\n```\nGET\n```\n",
    ] {
        let (_, _) = ops("x", body);
    }
}

#[test]
fn unannotated_fences_are_examples_by_their_first_line() {
    let body = "# Create widget\n\n## HTTP request\n\n```http\nPOST /widgets\n```\n\n## Example\n\n### Request\n\n```http\nPOST https://graph.microsoft.com/v1.0/widgets\nContent-type: application/json\n\n{ \"name\": \"a\" }\n```\n\n### Response\n\n```http\nHTTP/1.1 201 Created\n\n{ \"id\": \"1\" }\n```\n\n## Notifications\n\n```http\nPOST https://bot.example.com/callback\n\n{ \"x\": 1 }\n```\n\n## Notes\n\n```http\nHTTP/1.1 202 Accepted\n```\n";
    let (ops, diags) = ops("widget-post", body);
    let examples = &ops[0].examples;
    assert_eq!(examples.len(), 2, "{examples:#?}");
    let request = examples[0].request.as_ref().expect("request");
    assert_eq!((request.method.as_str(), request.body.as_deref()), ("POST", Some("{ \"name\": \"a\" }")));
    assert_eq!(examples[0].response.as_ref().and_then(|r| r.status), Some(201));
    // The callback to another host is no example; the status line under Notes is a guess.
    assert_eq!(examples[1].response.as_ref().and_then(|r| r.status), Some(202));
    let guessed: Vec<usize> = diags.iter().filter(|d| d.code == "guessed-example").map(|d| d.line).collect();
    assert_eq!(guessed, [43]);
}

#[test]
fn an_annotation_with_a_comma_left_out_still_labels_its_fence() {
    let body = "# Get widget\n\n## HTTP request\n\n```http\nGET /widgets\n```\n\n## Example\n\n<!-- {\n  \"blockType\": \"request\",\n  \"name\": \"get_widgets\"\n  \"sampleKeys\": [\"a\"]\n} -->\n```http\nGET https://graph.microsoft.com/v1.0/widgets\n```\n";
    let (ops, diags) = ops("widget-get", body);
    let request = ops[0].examples[0].request.as_ref().expect("request");
    assert_eq!(request.name.as_deref(), Some("get_widgets"));
    assert!(!codes(&diags).contains(&"annotation-json"), "{diags:?}");
}
