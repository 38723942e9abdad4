// The end-to-end harness `graph-docs-codegen verify --http` adds to its scratch crate. It
// reads the pairs file (each docs example request with the response the docs pair with it),
// starts a server on 127.0.0.1 that expects one pair at a time, and makes each request with
// the generated API (the call written below this file, its body read from the example)
// sent by the crate's reqwest client; the server compares method, path, query and JSON body
// with the example and answers with the example's status, headers and body, which the
// client reads as the operation's response type. One JSON line per pair:
// `{"id": 3, "stage": "request", "detail": "…"}` (`stage` null when it passed).
// The server takes at most one connection per pair (and a few more), each read with a
// timeout, and stops when the pairs are done.

use graph::runtime::{Client, Error, ReqwestTransport, RetryPolicy};
use serde_json::Value;
use std::future::Future;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Why a pair failed: the stage and what went wrong.
struct Failure {
    stage: &'static str,
    detail: String,
}

type Exchange<'a> = Pin<Box<dyn Future<Output = Result<(), Failure>> + 'a>>;
type Make = for<'a> fn(&'a Client<ReqwestTransport>, Option<Value>) -> Exchange<'a>;

/// Reads the example's request body as the body type the call takes. (This and `content`
/// are used by the pairs that have such a body, which a small corpus may lack.)
#[allow(dead_code)]
fn body<T: serde::de::DeserializeOwned>(example: Option<Value>) -> Result<T, Failure> {
    let example = example.ok_or_else(|| Failure { stage: "no-body", detail: "the example has no body".into() })?;
    serde_json::from_value(example).map_err(|e| Failure { stage: "body", detail: e.to_string() })
}

/// A binary body: the example's text as bytes.
#[allow(dead_code)]
fn content(example: Option<Value>) -> Result<graph::runtime::Content, Failure> {
    let text = match example {
        Some(Value::String(text)) => text,
        Some(other) => other.to_string(),
        None => String::new(),
    };
    Ok(graph::runtime::Content(text.into_bytes()))
}

/// Sends a request; an error status is a failure here (the caller accepts the example's own).
async fn send<B: graph::runtime::RequestBody, R: graph::runtime::FromResponse>(
    client: &Client<ReqwestTransport>,
    request: graph::runtime::Request<B, R>,
) -> Result<(), Failure> {
    match client.send(request).await {
        Ok(_) => Ok(()),
        Err(Error::Graph(error)) => Err(Failure { stage: "status", detail: format!("error status {}", error.status) }),
        Err(Error::Body { path, message, .. }) => Err(Failure { stage: "response", detail: format!("{path}: {message}") }),
        Err(Error::Request(message)) => Err(Failure { stage: "build", detail: message }),
        Err(e) => Err(Failure { stage: "transport", detail: e.to_string() }),
    }
}

/// One pair of the pairs file.
struct Pair {
    id: u64,
    version: String,
    body: Option<Value>,
    expected: Expected,
}

/// What the server expects and answers.
#[derive(Clone)]
struct Expected {
    method: String,
    path: String,
    query: Vec<(String, String)>,
    body: Option<Value>,
    status: u16,
    headers: Vec<(String, String)>,
    answer: String,
}

/// The server's state: the pair it expects, and what it found.
#[derive(Default)]
struct Shared {
    expected: Option<Expected>,
    found: Option<Result<(), String>>,
    stop: bool,
}

fn main() {
    let Some(file) = std::env::args().nth(1) else {
        eprintln!("usage: verify-http PAIRS.json");
        std::process::exit(2);
    };
    let pairs = match std::fs::read_to_string(&file).map(|t| serde_json::from_str::<Vec<Value>>(&t)) {
        Ok(Ok(pairs)) => pairs.iter().map(pair).collect::<Vec<Pair>>(),
        Ok(Err(e)) => fail(&format!("{file}: {e}")),
        Err(e) => fail(&format!("{file}: {e}")),
    };
    let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| fail(&format!("cannot listen: {e}")));
    let address = listener.local_addr().unwrap_or_else(|e| fail(&e.to_string()));
    let shared = Arc::new(Mutex::new(Shared::default()));
    let server = {
        let shared = shared.clone();
        // Each pair makes one request; a few more are answered (and counted as unexpected).
        let limit = pairs.len() + 16;
        std::thread::spawn(move || serve(listener, shared, limit))
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| fail(&format!("no runtime: {e}")));
    // Loopback only: no proxy, and no redirect followed (an example's `302` names a host
    // elsewhere in its `Location`).
    let reqwest = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap_or_else(|e| fail(&e.to_string()));
    let transport = ReqwestTransport(reqwest);
    let no_retries = RetryPolicy { max_retries: 0, ..RetryPolicy::default() };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for pair in pairs {
        let client = Client::with_transport(transport.clone())
            .base_url(format!("http://{address}/{}", pair.version))
            .retry(no_retries.clone());
        let error_status = pair.expected.status >= 400;
        let status = pair.expected.status;
        {
            let mut state = shared.lock().unwrap_or_else(|e| e.into_inner());
            state.expected = Some(pair.expected);
            state.found = None;
        }
        let result = match exchange(pair.id) {
            Some(make) => runtime.block_on(make(&client, pair.body)),
            None => Err(Failure { stage: "harness", detail: "no call for the pair".into() }),
        };
        let found = shared.lock().unwrap_or_else(|e| e.into_inner()).found.take();
        let result = match (found, result) {
            // What the server saw comes first: a wrong request explains a wrong answer.
            (Some(Err(mismatch)), _) => Err(Failure { stage: "request", detail: mismatch }),
            (_, Err(f)) if f.stage == "status" && error_status && f.detail.ends_with(&status.to_string()) => Ok(()),
            (_, Err(f)) => Err(f),
            (None, Ok(())) => Err(Failure { stage: "harness", detail: "the server saw no request".into() }),
            (Some(Ok(())), Ok(())) if error_status => {
                Err(Failure { stage: "status", detail: format!("the example's error status {status} was read as a success") })
            }
            (Some(Ok(())), Ok(())) => Ok(()),
        };
        let line = match result {
            Ok(()) => serde_json::json!({ "id": pair.id, "stage": null, "detail": "" }),
            Err(f) => serde_json::json!({ "id": pair.id, "stage": f.stage, "detail": f.detail }),
        };
        if writeln!(out, "{line}").is_err() {
            fail("cannot write the results");
        }
    }
    shared.lock().unwrap_or_else(|e| e.into_inner()).stop = true;
    // Wakes the server's accept so that it sees `stop`.
    let _ = TcpStream::connect(address);
    let _ = server.join();
    if out.flush().is_err() {
        fail("cannot write the results");
    }
}

fn fail(message: &str) -> ! {
    eprintln!("verify-http: {message}");
    std::process::exit(2)
}

fn pair(record: &Value) -> Pair {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let pairs = |v: &Value| -> Vec<(String, String)> {
        v.as_array().into_iter().flatten().map(|p| (text(&p[0]), text(&p[1]))).collect()
    };
    Pair {
        id: record["id"].as_u64().unwrap_or_default(),
        version: text(&record["version"]),
        body: Some(record["body"].clone()).filter(|b| !b.is_null()),
        expected: Expected {
            method: text(&record["method"]),
            path: text(&record["path"]),
            query: pairs(&record["query"]),
            body: Some(record["body"].clone()).filter(|b| !b.is_null()),
            status: record["status"].as_u64().unwrap_or(200) as u16,
            headers: pairs(&record["headers"]),
            answer: text(&record["answer"]),
        },
    }
}

/// Answers connections, one request each, until told to stop or `limit` is reached.
fn serve(listener: TcpListener, shared: Arc<Mutex<Shared>>, limit: usize) {
    for stream in listener.incoming().take(limit) {
        let expected = {
            let mut state = shared.lock().unwrap_or_else(|e| e.into_inner());
            if state.stop {
                return;
            }
            state.expected.take()
        };
        let Ok(mut stream) = stream else { continue };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
        let request = read_request(&mut stream);
        let (found, answer) = match (expected, request) {
            (Some(expected), Ok(request)) => (compare(&expected, &request), respond(&expected)),
            (None, _) => (Err("an unexpected request (a second one for the pair)".into()), respond_status(500, "")),
            (Some(_), Err(e)) => (Err(format!("unreadable request: {e}")), respond_status(400, "")),
        };
        {
            let mut state = shared.lock().unwrap_or_else(|e| e.into_inner());
            if state.found.as_ref().is_none_or(Result::is_ok) {
                state.found = Some(found);
            }
        }
        let _ = stream.write_all(&answer);
    }
}

/// A request as the server read it: method, path and query decoded, body.
struct Received {
    method: String,
    path: String,
    query: String,
    body: Vec<u8>,
}

fn read_request(stream: &mut TcpStream) -> Result<Received, String> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).map_err(|e| e.to_string())?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_string();
    let target = parts.next().unwrap_or_default();
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let (path, query) = (path.to_string(), query.to_string());
    let mut length = 0;
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).map_err(|e| e.to_string())?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().map_err(|_| format!("bad content-length `{value}`"))?;
            }
        }
    }
    // Bodies of the docs' examples are small; a larger one is a fault of its own.
    if length > 16 << 20 {
        return Err(format!("a body of {length} bytes"));
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).map_err(|e| e.to_string())?;
    Ok(Received { method, path, query, body })
}

fn decode(text: &str) -> String {
    percent_encoding::percent_decode_str(&text.replace('+', " ")).decode_utf8_lossy().into_owned()
}

/// The query as sorted (name, value) pairs, decoded; names compared in lower case.
fn query_pairs(query: &str) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (name, value) = p.split_once('=').unwrap_or((p, ""));
            (decode(name).to_ascii_lowercase(), decode(value))
        })
        .collect();
    pairs.sort();
    pairs
}

/// The request against the example: method, path (in any case, as Graph reads it), query
/// and body (JSON as values).
fn compare(expected: &Expected, received: &Received) -> Result<(), String> {
    if !received.method.eq_ignore_ascii_case(&expected.method) {
        return Err(format!("method: {} sent, the example has {}", received.method, expected.method));
    }
    let path = decode(&received.path);
    if !path.trim_end_matches('/').eq_ignore_ascii_case(expected.path.trim_end_matches('/')) {
        return Err(format!("path: `{path}` sent, the example has `{}`", expected.path));
    }
    let mut wanted: Vec<(String, String)> =
        expected.query.iter().map(|(n, v)| (n.to_ascii_lowercase(), v.clone())).collect();
    wanted.sort();
    let sent = query_pairs(&received.query);
    if sent != wanted {
        return Err(format!("query: {sent:?} sent, the example has {wanted:?}"));
    }
    match &expected.body {
        None if received.body.is_empty() => Ok(()),
        None => Err(format!("body: {} bytes sent, the example has none", received.body.len())),
        Some(Value::String(text)) => {
            let sent = String::from_utf8_lossy(&received.body);
            (sent.trim() == text.trim()).then_some(()).ok_or_else(|| "body: the text differs".to_string())
        }
        Some(wanted) => {
            let sent: Value = serde_json::from_slice(&received.body).map_err(|e| format!("body: not JSON: {e}"))?;
            let mut at = String::new();
            same(wanted, &sent, &mut at).map_err(|e| format!("body at `{at}`: {e}"))
        }
    }
}

/// JSON compared as values; a field the example has as null may be left out.
fn same(wanted: &Value, sent: &Value, at: &mut String) -> Result<(), String> {
    match (wanted, sent) {
        (Value::Object(w), Value::Object(s)) => {
            for (key, value) in w {
                let len = at.len();
                at.push('/');
                at.push_str(key);
                match s.get(key) {
                    Some(other) => same(value, other, at)?,
                    None if value.is_null() => {}
                    // Control information (`manager@odata.bind`): the typed body has no place for it.
                    None if key.contains('@') && key != "@odata.type" => return Err("annotation left out".into()),
                    None => return Err("left out".into()),
                }
                at.truncate(len);
            }
            match s.keys().find(|k| !w.contains_key(*k) && !s[*k].is_null()) {
                Some(extra) => Err(format!("`{extra}` added")),
                None => Ok(()),
            }
        }
        (Value::Array(w), Value::Array(s)) if w.len() == s.len() => {
            for (i, (w, s)) in w.iter().zip(s).enumerate() {
                let len = at.len();
                at.push_str(&format!("/{i}"));
                same(w, s, at)?;
                at.truncate(len);
            }
            Ok(())
        }
        (Value::Number(w), Value::Number(s)) if w.as_f64() == s.as_f64() => Ok(()),
        // A timestamp written back with another number of fraction digits is the same instant.
        (Value::String(w), Value::String(s)) if same_instant(w, s) => Ok(()),
        _ if wanted == sent => Ok(()),
        _ => Err(format!("{sent} sent, the example has {wanted}")),
    }
}

fn same_instant(wanted: &str, sent: &str) -> bool {
    let instant = |text: &str| chrono::DateTime::parse_from_rfc3339(text).ok();
    instant(wanted).is_some_and(|w| instant(sent) == Some(w))
}

fn respond(expected: &Expected) -> Vec<u8> {
    let mut head = format!("HTTP/1.1 {} Example\r\n", expected.status);
    let skip = ["content-length", "transfer-encoding", "connection"];
    for (name, value) in expected.headers.iter().filter(|(n, _)| !skip.iter().any(|s| n.eq_ignore_ascii_case(s))) {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    let typed = expected.headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("content-type"));
    if !typed && !expected.answer.is_empty() {
        head.push_str("Content-Type: application/json\r\n");
    }
    head.push_str(&format!("Content-Length: {}\r\nConnection: close\r\n\r\n", expected.answer.len()));
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(expected.answer.as_bytes());
    bytes
}

fn respond_status(status: u16, body: &str) -> Vec<u8> {
    format!("HTTP/1.1 {status} Harness\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).into_bytes()
}
