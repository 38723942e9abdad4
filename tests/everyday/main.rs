//! A user's first program against the crate generated from the whole shared corpus, with
//! the `v1_0-users` and `v1_0-me` features: the everyday requests, built through the
//! request tree and checked against the URLs Graph expects. `tests/everyday.rs` builds
//! and runs it.

use graph_docs_generated::runtime::{Page, Request};
use graph_docs_generated::v1_0::endpoints::{users, Graph};
use graph_docs_generated::v1_0::{AttachmentItem, Event, ItemBody, Message, User};

const BASE: &str = "https://graph.microsoft.com/v1.0";

fn url<B, R>(request: &Request<B, R>) -> String {
    format!("{} {}", request.method, request.url(BASE))
}

fn main() {
    // Users whose name starts with A, four properties, ten at a time, by name.
    let list = Graph::users()
        .list()
        .select((User::ID, User::DISPLAY_NAME, User::MAIL, User::ACCOUNT_ENABLED))
        .filter(User::DISPLAY_NAME.starts_with("A"))
        .top(10)
        .orderby(User::DISPLAY_NAME)
        .into_request();
    assert_eq!(
        url(&list),
        "GET https://graph.microsoft.com/v1.0/users?$select=id,displayName,mail,accountEnabled\
         &$filter=startsWith(displayName,'A')&$top=10&$orderby=displayName"
    );

    // A page as Graph sends it, and the request for the next one.
    let page: Page<User> = serde_json::from_str(
        r#"{"value": [{"id": "1", "displayName": "Ada"}],
            "@odata.nextLink": "https://graph.microsoft.com/v1.0/users?$skiptoken=abc"}"#,
    )
    .expect("a page of users reads");
    assert_eq!(page.value[0].display_name.as_deref(), Some("Ada"));
    let next = page.next_request().expect("a next page");
    assert_eq!(url(&next), "GET https://graph.microsoft.com/v1.0/users?$skiptoken=abc");

    // One user's messages: the id is given at its own step, and encoded there.
    let messages = Graph::users().item("ada@contoso.com").messages().list().top(5).into_request();
    assert_eq!(url(&messages), "GET https://graph.microsoft.com/v1.0/users/ada@contoso.com/messages?$top=5");

    // Send a mail.
    let mail = users::UserSendMailBody {
        message: Some(
            Message {
                subject: Some("Lunch?".into()),
                body: Some(ItemBody { content: Some("At noon".into()), ..Default::default() }.into()),
                ..Default::default()
            }
            .into(),
        ),
        save_to_sent_items: Some(true),
        ..Default::default()
    };
    let send = Graph::me().send_mail().post(mail).into_request();
    assert_eq!(url(&send), "POST https://graph.microsoft.com/v1.0/me/sendMail");
    let body = serde_json::to_value(send.body.as_ref().expect("a body")).expect("the body writes");
    assert_eq!(body["message"]["subject"], "Lunch?");
    assert_eq!(body["saveToSentItems"], true);

    // Create an event in the signed-in user's calendar.
    let event = Event { subject: Some("Planning".into()), ..Default::default() };
    let create = Graph::me().events().create(event).into_request();
    assert_eq!(url(&create), "POST https://graph.microsoft.com/v1.0/me/events");

    // Delete an attachment of another user's event: each id at its own step.
    let delete = Graph::users().item("u1").events().item("e1").attachments().item("a1").delete().into_request();
    assert_eq!(url(&delete), "DELETE https://graph.microsoft.com/v1.0/users/u1/events/e1/attachments/a1");

    // Create an upload session for a large attachment of a draft message.
    let session = users::UserMessageAttachmentsCreateUploadSessionBody {
        attachment_item: Some(AttachmentItem { name: Some("plan.pdf".into()), size: Some(3_483_322), ..Default::default() }),
        ..Default::default()
    };
    let upload = Graph::me().messages().item("m1").attachments().create_upload_session().post(session).into_request();
    assert_eq!(url(&upload), "POST https://graph.microsoft.com/v1.0/me/messages/m1/attachments/createUploadSession");
    println!("everyday requests: ok");
}
