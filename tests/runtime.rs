//! The generated code (of `docs-src/`, in `generated/`) at work: values read as the docs
//! say, unknown values kept, and everything written back as it was read.

use graph_docs_generated::beta::{endpoints::Graph as BetaGraph, SelfServiceSignUp};
use graph_docs_generated::runtime::{DateTimeOffset, Double, Duration, Page, Request};
use graph_docs_generated::v1_0::endpoints::Graph;
use graph_docs_generated::v1_0::{
    call_records, AnyDirectoryObject, AnyRecipient, AssignedLicense, AttendeeBase, DirectoryObject, DriveItem, EmailAddress,
    Folder, LegalAgeGroupClassification, Message, Recipient, ReferenceKind, User,
};
use graph_docs_tests::{docs_src, page_examples};
use serde_json::json;

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug>(
    value: serde_json::Value,
) -> T {
    let read: T = serde_json::from_value(value).expect("reads");
    let again: T = serde_json::from_value(serde_json::to_value(&read).expect("writes")).expect("reads again");
    assert_eq!(read, again);
    read
}

#[test]
fn derived_types_are_read_as_the_type_odata_type_names() {
    let user: AnyDirectoryObject =
        round_trip(json!({"@odata.type": "#microsoft.graph.user", "id": "1", "displayName": "Ada"}));
    let AnyDirectoryObject::User(user) = user else { panic!("read as {user:?}") };
    assert_eq!(user.display_name.as_deref(), Some("Ada"));
    // `id` is inherited from entity through directoryObject.
    assert_eq!(user.id.as_deref(), Some("1"));
    let unknown: AnyDirectoryObject = round_trip(json!({"@odata.type": "#microsoft.graph.device", "id": "2"}));
    assert!(matches!(unknown, AnyDirectoryObject::DirectoryObject(_)));
    // A type named after other properties: what was read as the declared type is read again as the named one.
    let late: AnyDirectoryObject = round_trip(json!({
        "@odata.etag": "W/1", "id": "3", "displayName": "Ada", "deletedDateTime": null,
        "@odata.type": "#microsoft.graph.user", "accountEnabled": true
    }));
    let user = late.as_user().expect("read as a user");
    assert_eq!((user.id.as_deref(), user.display_name.as_deref(), user.account_enabled), (Some("3"), Some("Ada"), Some(true)));
    assert!(user.nulls.contains("deletedDateTime"), "{user:?}");
    assert_eq!(user.additional_properties.keys().collect::<Vec<_>>(), ["@odata.etag"]);
    let plain: AnyDirectoryObject = round_trip(json!({"@odata.etag": "W/1", "id": "4", "extension_x": 1}));
    let plain = plain.as_directory_object().expect("the declared type");
    assert_eq!((plain.id.as_deref(), plain.additional_properties["extension_x"].clone()), (Some("4"), json!(1)));
}

#[test]
fn derived_values_are_made_with_into_and_read_with_as() {
    // A struct-typed field holds its value boxed: `.into()` boxes it.
    let address = |a: &str| Some(EmailAddress { address: Some(a.into()), ..EmailAddress::default() }.into());
    let to: AnyRecipient = Recipient { email_address: address("ada@contoso.com"), ..Recipient::default() }.into();
    let attendee = AttendeeBase {
        email_address: address("alan@contoso.com"),
        type_: Some("required".into()),
        ..AttendeeBase::default()
    };
    let message =
        Message { subject: Some("Hello".into()), to_recipients: Some(vec![to, attendee.into()]), ..Message::default() };
    let written = serde_json::to_value(&message).expect("writes");
    assert_eq!(written["toRecipients"][0], json!({"emailAddress": {"address": "ada@contoso.com"}}));
    // A derived value says what it is in `@odata.type`, which `into` fills in.
    assert_eq!(written["toRecipients"][1]["@odata.type"], "#microsoft.graph.attendeeBase");
    let read: Message = round_trip(json!({"toRecipients": [
        {"emailAddress": {"address": "ada@contoso.com"}},
        {"@odata.type": "#microsoft.graph.attendeeBase", "type": "optional"},
    ]}));
    let recipients = read.to_recipients.expect("read");
    assert_eq!(
        recipients[0].as_recipient().and_then(|r| r.email_address.as_ref()?.address.as_deref()),
        Some("ada@contoso.com")
    );
    assert!(recipients[0].as_attendee_base().is_none());
    assert_eq!(recipients[1].as_attendee_base().and_then(|a| a.type_.as_deref()), Some("optional"));
    let owned = recipients.into_iter().nth(1).and_then(AnyRecipient::into_attendee_base).expect("an attendeeBase");
    assert_eq!(owned.type_.as_deref(), Some("optional"));
    assert_eq!(AnyRecipient::default(), Recipient::default().into());
    let user: AnyDirectoryObject = User { display_name: Some("Ada".into()), ..User::default() }.into();
    assert_eq!(user.as_user().and_then(|u| u.display_name.as_deref()), Some("Ada"));
    assert_eq!(user.into_directory_object(), None);
}

#[test]
fn user_relationships_are_polymorphic() {
    let user: User = round_trip(json!({"manager": {"@odata.type": "#microsoft.graph.group", "id": "g"}}));
    assert!(matches!(user.manager, Some(AnyDirectoryObject::Group(_))));
}

#[test]
fn enums_keep_unknown_values() {
    let kinds: Vec<ReferenceKind> = round_trip(json!(["self", "match", "somethingNew"]));
    assert_eq!(kinds[0], ReferenceKind::SelfValue);
    assert_eq!(kinds[2], ReferenceKind::UnknownValue("somethingNew".into()));
    assert_eq!(serde_json::to_value(&kinds).unwrap(), json!(["self", "match", "somethingNew"]));
}

#[test]
fn open_types_keep_unlisted_properties() {
    let object: DirectoryObject = round_trip(json!({"id": "1", "extension_abc_role": "admin"}));
    assert_eq!(object.additional_properties["extension_abc_role"], "admin");
}

#[test]
fn self_containing_types_and_edm_values() {
    let folder: Folder = round_trip(json!({"parent": {"parent": {"childCount": 1}}}));
    assert_eq!(folder.parent.unwrap().parent.unwrap().child_count, Some(1));
    let session: call_records::Session = round_trip(json!({"startDateTime": "2021-01-01T10:00:00.1234567Z"}));
    assert!(session.start_date_time.is_some());
    let values: Vec<Double> = round_trip(json!([1.5, "NaN", "-INF"]));
    assert!(values[1].0.is_nan());
    let duration: Duration = round_trip(json!("PT1M30S"));
    assert_eq!(duration.to_std(), Some(std::time::Duration::from_secs(90)));
}

#[test]
fn absent_properties_are_not_written_and_explicit_nulls_are_kept() {
    let user: User = round_trip(json!({"displayName": null, "id": "1"}));
    assert_eq!((user.display_name.as_deref(), user.account_enabled), (None, None));
    assert!(user.nulls.contains("displayName") && !user.nulls.contains("accountEnabled"));
    assert_eq!(serde_json::to_value(&user).expect("writes"), json!({"id": "1", "displayName": null}));
    let written = serde_json::to_value(User { id: Some("2".into()), ..User::default() }).expect("writes");
    assert_eq!(written, json!({"id": "2"}));
    // A value set after a null was read is written as the value.
    let mut user = user;
    user.display_name = Some("Ada".into());
    assert_eq!(serde_json::to_value(&user).expect("writes")["displayName"], "Ada");
    // Kept the same way when the value is read through an `Any…` enum, before or after its type.
    for json in [
        json!({"@odata.type": "#microsoft.graph.user", "mobilePhone": null}),
        json!({"mobilePhone": null, "@odata.type": "#microsoft.graph.user"}),
    ] {
        let any: AnyDirectoryObject = round_trip(json);
        assert!(any.as_user().expect("a user").nulls.contains("mobilePhone"));
    }
}

#[test]
fn integers_as_strings_and_date_times_without_an_offset_read() {
    let item: DriveItem = round_trip(json!({"size": "157286", "createdDateTime": "2017-04-15T03:00:50"}));
    assert_eq!(item.size, Some(157_286));
    let utc: DateTimeOffset = "2017-04-15T03:00:50Z".parse().expect("a date-time");
    assert_eq!(item.created_date_time, Some(utc));
    // Written the one way: a number, an offset.
    let written = serde_json::to_value(&item).expect("writes");
    assert_eq!((written["size"].clone(), written["createdDateTime"].clone()), (json!(157286), json!("2017-04-15T03:00:50Z")));
    let folder: Folder = round_trip(json!({"childCount": "3"}));
    assert_eq!(folder.child_count, Some(3));
    for bad in [json!({"size": "15x"}), json!({"size": 1.5}), json!({"createdDateTime": "2017-04-15"})] {
        assert!(serde_json::from_value::<DriveItem>(bad.clone()).is_err(), "{bad}");
    }
    assert!(serde_json::from_value::<Folder>(json!({"childCount": "4294967296"})).is_err());
}

#[test]
fn pages_keep_their_other_annotations() {
    let page: Page<User> =
        round_trip(json!({"@microsoft.graph.tips": "Use $select", "value": [{"id": "1"}], "other": 1}));
    assert_eq!(page.annotations["@microsoft.graph.tips"], "Use $select");
    assert_eq!(page.annotations.len(), 1);
}

#[test]
fn wrong_types_fail() {
    assert!(serde_json::from_value::<User>(json!({"accountEnabled": "yes"})).is_err());
}

/// What the response of `request` reads as: the type the endpoint declares.
fn response_of<B, R: serde::de::DeserializeOwned>(_: &Request<B, R>, json: &str) -> R {
    serde_json::from_str(json).expect("the documented response reads as the endpoint's response type")
}

#[test]
fn list_signups_builds_the_documented_request_and_reads_its_response() {
    let examples = page_examples(&docs_src(), "api-reference/beta/api/auditlogroot-list-signups.md");
    let example = examples.first().expect("the page has an example");
    let url = &example.request.as_ref().expect("an example request").url;
    let filter = url.split(['?', '&']).find_map(|pair| pair.strip_prefix("$filter=")).expect("the example filters");
    assert!(filter.starts_with("createdDateTime ge "), "{filter}");
    let request = BetaGraph::audit_logs().sign_ups().list().query("$filter", filter).top(10).into_request();
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.url("https://graph.microsoft.com/beta"),
        "https://graph.microsoft.com/beta/auditLogs/signUps\
         ?$filter=createdDateTime%20ge%202024-07-01T00:00:00Z%20and%20createdDateTime%20le%202024-07-14T23:59:59Z\
         &$top=10"
    );

    let body = example.response.as_ref().and_then(|r| r.body.as_deref()).expect("an example response");
    let page: Page<SelfServiceSignUp> = response_of(&request, body);
    assert_eq!(page.value.len(), 4);
    assert_eq!(page.value[0].app_display_name.as_deref(), Some("ContosoShop"));
    assert!(page.next_request().is_none());

    let mut more: serde_json::Value = serde_json::from_str(body).expect("JSON");
    let next = "https://graph.microsoft.com/beta/auditLogs/signUps?$top=10&$skiptoken=a%2Bb";
    more["@odata.nextLink"] = json!(next);
    let page: Page<SelfServiceSignUp> = response_of(&request, &more.to_string());
    let following = page.next_request().expect("a next page");
    assert_eq!((following.method, following.url("https://graph.microsoft.com/beta")), ("GET", next.to_string()));
}

#[test]
fn path_parameters_are_percent_encoded() {
    let url = |request: Request<(), _>| request.url("https://graph.microsoft.com/v1.0");
    let get = |id: &str| url(Graph::users().item(id).get().select((User::ID, User::DISPLAY_NAME)).into_request());
    assert_eq!(get("a b/c"), "https://graph.microsoft.com/v1.0/users/a%20b%2Fc?$select=id,displayName");
    assert_eq!(
        get("o'neil#2@contoso.com"),
        "https://graph.microsoft.com/v1.0/users/o'neil%232@contoso.com?$select=id,displayName"
    );
    assert_eq!(url(Graph::me().get().into_request()), "https://graph.microsoft.com/v1.0/me");
    let delete = Graph::users().item("a?b").delete().into_request();
    assert_eq!((delete.method, delete.path.as_str()), ("DELETE", "/users/a%3Fb"));
}

#[test]
fn typed_filters_write_odata_literals() {
    let filter = |f: graph_docs_generated::runtime::Filter<User>| f.to_string();
    assert_eq!(filter(User::DISPLAY_NAME.eq("O'Neil").into()), "displayName eq 'O''Neil'");
    let when: graph_docs_generated::runtime::DateTimeOffset = "2021-07-01T08:30:00Z".parse().expect("a date-time");
    assert_eq!(filter(User::CREATED_DATE_TIME.ge(when).into()), "createdDateTime ge 2021-07-01T08:30:00Z");
    let day: graph_docs_generated::runtime::Date = "2020-02-29".parse().expect("a date");
    assert_eq!(filter(User::EMPLOYEE_HIRE_DATE.lt(day).into()), "employeeHireDate lt 2020-02-29");
    assert_eq!(filter(User::ACCOUNT_ENABLED.eq(false).not()), "not (accountEnabled eq false)");
    assert_eq!(filter(User::EMPLOYEE_ORG_LEVEL.gt(3).into()), "employeeOrgLevel gt 3");
    assert_eq!(
        filter(User::LEGAL_AGE_GROUP_CLASSIFICATION.eq(LegalAgeGroupClassification::NotAdult).into()),
        "legalAgeGroupClassification eq 'notAdult'"
    );
    let sku: graph_docs_generated::runtime::Guid = "6FD2C87F-B296-42F0-B197-1E91E994B900".parse().expect("a GUID");
    assert_eq!(
        filter(User::ASSIGNED_LICENSES.any(|l| l.at(AssignedLicense::SKU_ID).eq(sku).into()).into()),
        "assignedLicenses/any(x:x/skuId eq 6fd2c87f-b296-42f0-b197-1e91e994b900)"
    );
    assert_eq!(filter(User::BUSINESS_PHONES.all(|p| p.starts_with("+1").into()).into()), "businessPhones/all(x:startsWith(x,'+1'))");
    assert_eq!(filter(User::USER_TYPE.is_in(["Guest", "Member"]).into()), "userType in ('Guest','Member')");
    assert_eq!(filter(User::DISPLAY_NAME.is_null().into()), "displayName eq null");
    // `and` binds tighter than `or`: an `or` inside an `and` is grouped.
    let either = User::USER_TYPE.eq("Guest").or(User::DISPLAY_NAME.starts_with("A"));
    assert_eq!(filter(User::ACCOUNT_ENABLED.eq(true).and(either.clone())), "accountEnabled eq true and (userType eq 'Guest' or startsWith(displayName,'A'))");
    assert_eq!(filter(either.not()), "not (userType eq 'Guest' or startsWith(displayName,'A'))");
    // The unchecked form takes an operator the docs do not list.
    assert_eq!(filter(User::USER_TYPE.unchecked().starts_with("G").into()), "startsWith(userType,'G')");
}

#[test]
fn typed_options_name_json_properties_and_advanced_filters_set_their_header() {
    fn url<R>(request: Request<(), R>) -> String {
        request.url("https://graph.microsoft.com/v1.0")
    }
    let list = Graph::users()
        .list()
        .select((User::ID, User::DISPLAY_NAME))
        .orderby((User::DISPLAY_NAME, User::CREATED_DATE_TIME.desc()))
        .expand(User::MANAGER.select(DirectoryObject::ID))
        .into_request();
    assert_eq!(
        url(list),
        "https://graph.microsoft.com/v1.0/users?$select=id,displayName\
         &$orderby=displayName,createdDateTime%20desc&$expand=manager($select%3Did)"
    );
    // `mail`'s note says advanced query: the request carries what that needs.
    let advanced = Graph::users().list().filter(User::MAIL.ends_with("@contoso.com")).into_request();
    assert!(advanced.headers.iter().any(|(n, v)| n == "ConsistencyLevel" && v == "eventual"), "{:?}", advanced.headers);
    assert!(advanced.query.iter().any(|(n, v)| n == "$count" && v == "true"), "{:?}", advanced.query);
    let plain = Graph::users().list().filter(User::DISPLAY_NAME.eq("Ada")).into_request();
    assert!(plain.headers.is_empty() && plain.query.len() == 1, "{:?} {:?}", plain.headers, plain.query);
    // A polymorphic collection is filtered by its base type's fields.
    let members = Graph::users().item("ada").member_of().list().filter(DirectoryObject::ID.eq("1")).into_request();
    assert_eq!(url(members), "https://graph.microsoft.com/v1.0/users/ada/memberOf?$filter=id%20eq%20'1'");
}
