//! The generated code (of `docs-src/`, in `generated/`) at work: values read as the docs
//! say, unknown values kept, and everything written back as it was read.

use graph_docs_generated::runtime::{Double, Duration};
use graph_docs_generated::v1_0::{call_records, AnyDirectoryObject, DirectoryObject, Folder, ReferenceKind, User};
use serde_json::json;

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug>(value: serde_json::Value) -> T {
    let read: T = serde_json::from_value(value).expect("reads");
    let again: T = serde_json::from_value(serde_json::to_value(&read).expect("writes")).expect("reads again");
    assert_eq!(read, again);
    read
}

#[test]
fn derived_types_are_read_as_the_type_odata_type_names() {
    let user: AnyDirectoryObject = round_trip(json!({"@odata.type": "#microsoft.graph.user", "id": "1", "displayName": "Ada"}));
    let AnyDirectoryObject::User(user) = user else { panic!("read as {user:?}") };
    assert_eq!(user.display_name.as_deref(), Some("Ada"));
    // `id` is inherited from entity through directoryObject.
    assert_eq!(user.id.as_deref(), Some("1"));
    let unknown: AnyDirectoryObject = round_trip(json!({"@odata.type": "#microsoft.graph.device", "id": "2"}));
    assert!(matches!(unknown, AnyDirectoryObject::DirectoryObject(_)));
}

#[test]
fn user_relationships_are_polymorphic() {
    let user: User = round_trip(json!({"manager": {"@odata.type": "#microsoft.graph.group", "id": "g"}}));
    assert!(matches!(user.manager, Some(AnyDirectoryObject::Group(_))));
}

#[test]
fn enums_keep_unknown_values() {
    let kinds: Vec<ReferenceKind> = round_trip(json!(["self", "match", "somethingNew"]));
    assert_eq!(kinds[0], ReferenceKind::Self_);
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
fn wrong_types_fail() {
    assert!(serde_json::from_value::<User>(json!({"accountEnabled": "yes"})).is_err());
}
