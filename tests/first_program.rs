//! The README's first program, compiled here and run against a scripted server on 127.0.0.1,
//! so that the README cannot rot: `readme_shows_this_program` checks the README holds the
//! text between the markers below, character for character.

// README: first program
use graph_docs_generated::runtime::{Client, Error, ReqwestTransport};
use graph_docs_generated::v1_0::endpoints::Graph;
use graph_docs_generated::v1_0::User;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    let token = std::env::var("GRAPH_TOKEN").expect("an access token in GRAPH_TOKEN");
    let client = Client::reqwest()?.token(token);
    first_program(&client).await
}

async fn first_program(client: &Client<ReqwestTransport>) -> Result<(), Error> {
    // One request, read as the type the docs declare (`User`).
    let me = client.send(Graph::me().get().select(User::DISPLAY_NAME).into_request()).await?;
    println!("Hello, {}", me.display_name.unwrap_or_default());

    // Every user, page by page; each next page's request keeps the first one's headers.
    let list = Graph::users().list().count(true).header("ConsistencyLevel", "eventual").into_request();
    let mut pages = client.pages(list);
    while let Some(page) = pages.next().await {
        for user in page?.value {
            println!("{}", user.display_name.unwrap_or_default());
        }
    }

    // An error status comes as a `GraphError`: code, message and the request id.
    match client.send(Graph::users().item("nobody").get().into_request()).await {
        Err(Error::Graph(error)) if error.status == 404 => {
            println!("no such user: {} (request-id {:?})", error.code, error.request_id);
        }
        other => {
            other?;
        }
    }
    Ok(())
}
// end of README

use graph_docs_tests::local_server::{Reply, Server};
use graph_docs_tests::workspace_root;
use serde_json::json;

#[tokio::test]
async fn the_first_program_runs() {
    let server = Server::start_with(|url| {
        let users = |names: &[&str]| names.iter().map(|n| json!({"displayName": n})).collect::<Vec<_>>();
        vec![
            Reply::json(200, &json!({"displayName": "Ada"})),
            Reply::json(
                200,
                &json!({"value": users(&["Ada", "Grace"]), "@odata.nextLink": format!("{url}/v1.0/users?$skiptoken=2")}),
            ),
            Reply::json(200, &json!({"value": users(&["Edsger"])})),
            Reply::json(
                404,
                &json!({"error": {"code": "Request_ResourceNotFound", "message": "gone",
                "innerError": {"request-id": "r-1"}}}),
            ),
        ]
    });
    let client = Client::reqwest().expect("a client").base_url(format!("{}/v1.0", server.url)).token("t".to_string());
    first_program(&client).await.expect("the program ends well");
    let received = server.received();
    let targets: Vec<_> = received.iter().map(|r| r.target.as_str()).collect();
    assert_eq!(
        targets,
        ["/v1.0/me?$select=displayName", "/v1.0/users?$count=true", "/v1.0/users?$skiptoken=2", "/v1.0/users/nobody"]
    );
    assert_eq!(received[2].header("ConsistencyLevel"), Some("eventual"));
}

#[test]
fn readme_shows_this_program() {
    let source = include_str!("first_program.rs");
    let program = source
        .split_once("// README: first program\n")
        .and_then(|(_, rest)| rest.split_once("// end of README\n"))
        .map(|(program, _)| program)
        .expect("the markers");
    let readme = std::fs::read_to_string(workspace_root().join("README.md")).expect("README.md");
    assert!(
        readme.contains(&format!("```rust\n{program}```")),
        "README.md does not show the first program as written in tests/first_program.rs"
    );
}
