//! The generated crate's client (`reqwest` feature) against a scripted server on 127.0.0.1:
//! retries, Graph errors, bodies that do not read, paging, timeouts, long-running operations
//! a refused connection and a batch. Every server stops after its script or 10 idle seconds.

use graph_docs_generated::runtime::{Accepted, Batch, Client, Error, Json, Request, ReqwestTransport, RetryPolicy};
use graph_docs_generated::v1_0::endpoints::Graph;
use graph_docs_generated::v1_0::{AnyDirectoryObject, User};
use graph_docs_tests::local_server::{Reply, Server};
use serde_json::json;
use std::time::{Duration, Instant};

/// Waits short enough for tests.
fn quick_retries(max_retries: u32) -> RetryPolicy {
    RetryPolicy { max_retries, initial_delay: Duration::from_millis(40), max_delay: Duration::from_secs(2) }
}

fn client(server: &Server) -> Client<ReqwestTransport> {
    let transport = ReqwestTransport::with_timeout(Duration::from_secs(5)).expect("a reqwest client");
    Client::with_transport(transport).base_url(format!("{}/v1.0", server.url)).token("t0ken".to_string())
}

fn throttled(status: u16) -> Reply {
    Reply::json(status, &json!({"error": {"code": "TooManyRequests", "message": "slow down"}}))
}

#[tokio::test]
async fn a_429_is_retried_after_the_wait_it_asks_for() {
    let server = Server::start(vec![throttled(429).header("Retry-After", "1"), Reply::json(200, &json!({"id": "1"}))]);
    let user = client(&server).retry(quick_retries(3)).send(Graph::users().item("1").get().into_request()).await;
    assert_eq!(user.expect("the retry succeeds").id.as_deref(), Some("1"));
    let received = server.received();
    assert_eq!(received.len(), 2);
    assert!(received[1].at - received[0].at >= Duration::from_millis(950), "Retry-After: 1 is honored");
    // The retry is the same request: same id, same token.
    assert_eq!(received[0].header("client-request-id"), received[1].header("client-request-id"));
    assert_eq!(received[1].header("authorization"), Some("Bearer t0ken"));
    assert_eq!((received[1].method.as_str(), received[1].target.as_str()), ("GET", "/v1.0/users/1"));
}

#[tokio::test]
async fn retries_stop_at_the_maximum_and_return_the_last_error() {
    let script = (0..3).map(|_| throttled(429).header("Retry-After", "0")).collect();
    let server = Server::start(script);
    let error =
        client(&server).retry(quick_retries(2)).send(Graph::users().item("1").get().into_request()).await.unwrap_err();
    let graph = error.graph().expect("a Graph error");
    assert_eq!((graph.status, graph.code.as_str(), graph.retry_after), (429, "TooManyRequests", Some(Duration::ZERO)));
    assert_eq!(server.received().len(), 3, "one request and two retries");
}

#[tokio::test]
async fn a_503_without_retry_after_backs_off_exponentially() {
    let server = Server::start(vec![throttled(503), throttled(504), Reply::new(204)]);
    let started = Instant::now();
    let sent = client(&server).retry(quick_retries(3)).send(Graph::users().item("1").delete().into_request()).await;
    assert!(sent.is_ok(), "{sent:?}");
    let received = server.received();
    assert_eq!(received.len(), 3);
    // Backoff with jitter over the upper half: at least 20 ms, then at least 40 ms.
    assert!(received[1].at - received[0].at >= Duration::from_millis(20));
    assert!(received[2].at - received[1].at >= Duration::from_millis(40));
    assert!(started.elapsed() < Duration::from_secs(2), "capped and short: {:?}", started.elapsed());
}

#[tokio::test]
async fn a_graph_error_body_reads_into_graph_error() {
    let body = json!({"error": {
        "code": "Request_ResourceNotFound",
        "message": "Resource 'x' does not exist.",
        "details": [{"code": "NotFound", "message": "no such user", "target": "id"}],
        "innerError": {"date": "2021-07-01T10:00:00", "request-id": "req-1", "client-request-id": "client-1",
                       "innerError": {"code": "deeper"}}
    }});
    let server = Server::start(vec![Reply::json(404, &body)]);
    let error = client(&server).send(Graph::users().item("x").get().into_request()).await.unwrap_err();
    let Error::Graph(graph) = &error else { panic!("not a Graph error: {error:?}") };
    assert_eq!((graph.status, graph.code.as_str()), (404, "Request_ResourceNotFound"));
    assert_eq!((graph.request_id.as_deref(), graph.client_request_id.as_deref()), (Some("req-1"), Some("client-1")));
    assert_eq!(graph.date.as_deref(), Some("2021-07-01T10:00:00"));
    assert_eq!((graph.details.len(), graph.details[0].target.as_deref()), (1, Some("id")));
    assert_eq!(graph.inner_error.as_ref().unwrap()["innerError"]["code"], "deeper");
    assert!(error.to_string().contains("request-id req-1"), "{error}");
    assert_eq!(server.received().len(), 1, "a 404 is not retried");
}

#[tokio::test]
async fn bodies_that_do_not_read_are_errors_naming_the_field() {
    let server = Server::start(vec![
        Reply::json(200, &json!({"value": [{"id": "1"}, {"id": "2", "accountEnabled": "yes"}]})),
        Reply::new(200).body(r#"{"id": "1", "displayName": "#),
        Reply::json(200, &json!({"id": "1", "displayName": "Ada Lovelace"})).cut_short(),
    ]);
    let client = client(&server);
    match client.send(Graph::users().list().into_request()).await {
        Err(Error::Body { status: 200, path, .. }) => assert_eq!(path, "value[1].accountEnabled"),
        other => panic!("{other:?}"),
    }
    match client.send(Graph::users().item("1").get().into_request()).await {
        Err(Error::Body { path, message, .. }) => {
            assert!(path == "displayName" && message.contains("EOF"), "{message}")
        }
        other => panic!("{other:?}"),
    }
    let cut = client.send(Graph::users().item("1").get().into_request()).await;
    assert!(matches!(cut, Err(Error::Transport(_))), "{cut:?}");
    assert_eq!(server.received().len(), 3);
}

#[tokio::test]
async fn polymorphic_values_that_do_not_read_name_their_field() {
    // `@odata.type` first, as Graph sends it, and after other properties (read from kept text).
    let server = Server::start(vec![
        Reply::json(200, &json!({"value": [{"id": "1"}, {"@odata.type": "#microsoft.graph.user", "accountEnabled": "yes"}]})),
        Reply::json(200, &json!({"value": [{"accountEnabled": "yes", "@odata.type": "#microsoft.graph.user"}]})),
    ]);
    let client = client(&server);
    match client.send(Graph::users().item("1").member_of().list().into_request()).await {
        Err(Error::Body { status: 200, path, .. }) => assert_eq!(path, "value[1].accountEnabled"),
        other => panic!("{other:?}"),
    }
    match client.send(Graph::users().item("1").member_of().list().into_request()).await {
        Err(Error::Body { message, .. }) => assert!(message.starts_with("accountEnabled: "), "{message}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(server.received().len(), 2);
}

#[tokio::test]
async fn a_patch_body_clears_a_property_with_an_explicit_null() {
    let server = Server::start(vec![Reply::new(204)]);
    let mut body = User { display_name: Some("Ada".into()), ..User::default() };
    body.nulls.set("mobilePhone");
    client(&server).send(Graph::users().item("1").update(body).into_request()).await.expect("sent");
    let received = server.received();
    assert_eq!(received[0].method, "PATCH");
    let sent: Json = serde_json::from_slice(&received[0].body).expect("a JSON body");
    assert_eq!(sent, json!({"displayName": "Ada", "mobilePhone": null}));
}

#[tokio::test]
async fn pages_follow_next_links_with_the_first_request_headers() {
    let page = |n: usize, next: Option<String>| {
        let mut body = json!({"value": [{"id": format!("{n}a")}, {"id": format!("{n}b")}]});
        if let Some(next) = next {
            body["@odata.nextLink"] = json!(next);
        }
        Reply::json(200, &body)
    };
    let server = Server::start_with(|url| {
        vec![
            page(1, Some(format!("{url}/v1.0/users?$count=true&$skiptoken=A%2B1"))),
            page(2, Some(format!("{url}/v1.0/users?$count=true&$skiptoken=B"))),
            page(3, None),
        ]
    });
    let request =
        Graph::users().list().count(true).header("ConsistencyLevel", "eventual").header("Prefer", "x").into_request();
    let users: Vec<User> = client(&server).all(request).await.expect("three pages");
    let ids: Vec<_> = users.iter().filter_map(|u| u.id.as_deref()).collect();
    assert_eq!(ids, ["1a", "1b", "2a", "2b", "3a", "3b"]);
    let received = server.received();
    let targets: Vec<_> = received.iter().map(|r| r.target.as_str()).collect();
    assert_eq!(
        targets,
        ["/v1.0/users?$count=true", "/v1.0/users?$count=true&$skiptoken=A%2B1", "/v1.0/users?$count=true&$skiptoken=B"]
    );
    for request in &received {
        assert_eq!((request.header("ConsistencyLevel"), request.header("Prefer")), (Some("eventual"), Some("x")));
    }
}

#[tokio::test]
async fn a_timeout_gives_up_in_time() {
    let server = Server::start(vec![Reply::json(200, &json!({"id": "1"})).delayed(Duration::from_secs(2))]);
    let transport = ReqwestTransport::with_timeout(Duration::from_millis(300)).expect("a reqwest client");
    let client = Client::with_transport(transport).base_url(&server.url);
    let started = Instant::now();
    let sent = client.send(Graph::users().item("1").get().into_request()).await;
    let Err(Error::Transport(error)) = &sent else { panic!("{sent:?}") };
    let timed_out = error.downcast_ref::<reqwest::Error>().is_some_and(reqwest::Error::is_timeout);
    assert!(timed_out, "{error}");
    assert!(started.elapsed() < Duration::from_millis(1500), "{:?}", started.elapsed());
    assert_eq!(server.received().len(), 1);
}

#[tokio::test]
async fn an_accepted_operation_is_polled_at_its_location() {
    let server = Server::start_with(|url| {
        vec![
            Reply::new(202).header("Location", &format!("{url}/monitor/1")).header("Retry-After", "0"),
            Reply::json(200, &json!({"status": "inProgress", "percentageComplete": 50})),
            Reply::json(200, &json!({"status": "completed", "resourceId": "item-2"})),
        ]
    });
    let client = client(&server);
    let copy = Request::<Json, Accepted>::new("POST", "/drives/d/items/i/copy").with_body(json!({"name": "b.txt"}));
    let accepted = client.send(copy).await.expect("accepted");
    assert_eq!(accepted.monitor, Some(format!("{}/monitor/1", server.url)));
    let status = loop {
        let status = client.send(accepted.monitor_request().expect("a monitor")).await.expect("a status");
        if status["status"] != "inProgress" {
            break status;
        }
    };
    assert_eq!(status["resourceId"], "item-2");
    let received = server.received();
    assert_eq!(received[0].body, br#"{"name":"b.txt"}"#);
    assert_eq!(received[0].header("content-type"), Some("application/json"));
    assert_eq!(received[2].target, "/monitor/1");
}

#[tokio::test]
async fn responses_read_as_the_operation_declares() {
    let created = json!({"id": "new", "displayName": "Ada"});
    let server = Server::start_with(|url| {
        vec![
            Reply::json(201, &created).header("Location", &format!("{url}/v1.0/users/new")),
            Reply::new(204),
            Reply::new(200).header("Content-Type", "text/csv").body("Report Refresh Date,Send\n2021-07-01,3\n"),
            Reply::json(200, &json!({"@odata.type": "#microsoft.graph.user", "id": "u"})),
        ]
    });
    let client = client(&server);
    let body = User { display_name: Some("Ada".into()), ..User::default() };
    let reply = client.reply(Graph::users().create(body).into_request()).await.expect("created");
    assert_eq!((reply.status, reply.value.id.as_deref()), (201, Some("new")));
    assert_eq!(reply.location(), Some(format!("{}/v1.0/users/new", server.url).as_str()));
    let () = client.send(Graph::users().item("new").delete().into_request()).await.expect("no content");
    let csv = client.send(Graph::reports().get_email_activity_counts("D7").get().into_request()).await.expect("bytes");
    assert!(csv.0.starts_with(b"Report Refresh Date,"));
    let object = client.send(Request::<(), AnyDirectoryObject>::new("GET", "/directoryObjects/u")).await;
    assert!(matches!(object, Ok(AnyDirectoryObject::User(_))), "{object:?}");
    let received = server.received();
    assert_eq!(received[0].body, br#"{"displayName":"Ada"}"#);
    assert_eq!(received[2].target, "/v1.0/reports/getEmailActivityCounts(period='D7')");
    assert!(received.iter().all(|r| r.header("user-agent").is_some_and(|ua| ua.starts_with("graph-docs-generated/"))));
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error() {
    // A port that was free a moment ago and has no listener now.
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
    let transport = ReqwestTransport::with_timeout(Duration::from_secs(5)).expect("a reqwest client");
    let client = Client::with_transport(transport).base_url(format!("http://127.0.0.1:{port}/v1.0"));
    let started = Instant::now();
    let sent = client.send(Graph::users().item("1").get().into_request()).await;
    let Err(Error::Transport(error)) = &sent else { panic!("{sent:?}") };
    assert!(error.downcast_ref::<reqwest::Error>().is_some_and(reqwest::Error::is_connect), "{error}");
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn a_batch_sends_requests_together_and_reads_each_answer() {
    let server = Server::start(vec![Reply::json(
        200,
        &json!({"responses": [
            {"id": "3", "status": 204},
            {"id": "1", "status": 200, "headers": {"Content-Type": "application/json"}, "body": {"id": "1"}},
            {"id": "2", "status": 404, "body": {"error": {"code": "Request_ResourceNotFound", "message": "gone",
                "innerError": {"request-id": "r-2"}}}},
        ]}),
    )]);
    let mut batch = Batch::new();
    let get = batch
        .add(&Graph::users().item("1").get().header("ConsistencyLevel", "eventual").into_request(), &[])
        .expect("added");
    let missing = batch.add(&Graph::users().item("2").get().into_request(), &[]).expect("added");
    let body = User { display_name: Some("Ada".into()), ..User::default() };
    let update = batch.add(&Graph::users().item("1").update(body).into_request(), &[get.id()]).expect("added");
    let client = client(&server);
    let replies = client.batch(batch).await.expect("the batch is answered");
    assert_eq!(replies.get(&get).expect("a user").id.as_deref(), Some("1"));
    let error = replies.get(&missing).unwrap_err();
    assert_eq!(error.graph().and_then(|e| e.request_id.as_deref()), Some("r-2"));
    assert!(replies.get(&update).is_ok());
    let received = server.received();
    assert_eq!((received[0].method.as_str(), received[0].target.as_str()), ("POST", "/v1.0/$batch"));
    let sent: serde_json::Value = serde_json::from_slice(&received[0].body).expect("JSON");
    assert_eq!(
        sent["requests"],
        json!([
            {"id": "1", "method": "GET", "url": "/users/1", "headers": {"ConsistencyLevel": "eventual"}},
            {"id": "2", "method": "GET", "url": "/users/2"},
            {"id": "3", "method": "PATCH", "url": "/users/1", "body": {"displayName": "Ada"},
             "headers": {"Content-Type": "application/json"}, "dependsOn": ["1"]},
        ])
    );
    let mut full = Batch::new();
    for _ in 0..20 {
        full.add(&Graph::users().item("x").delete().into_request(), &[]).expect("room for 20");
    }
    assert!(matches!(full.add(&Graph::users().item("x").delete().into_request(), &[]), Err(Error::Request(_))));
}
