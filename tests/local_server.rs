//! A scripted HTTP/1.1 server on 127.0.0.1 for the client's tests: each connection gets the
//! next reply of its script (then is closed), what came in is recorded, and the server stops
//! after the script or when no client comes within its time limit.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long the server waits for its next client before it stops on its own.
const IDLE_LIMIT: Duration = Duration::from_secs(10);

/// One scripted answer.
#[derive(Debug, Clone)]
pub struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    delay: Duration,
    cut_short: bool,
}

impl Reply {
    pub fn new(status: u16) -> Self {
        Reply { status, headers: Vec::new(), body: Vec::new(), delay: Duration::ZERO, cut_short: false }
    }

    pub fn json(status: u16, body: &serde_json::Value) -> Self {
        Reply::new(status).header("Content-Type", "application/json").body(body.to_string())
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    /// Answers only after `delay`.
    pub fn delayed(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    /// Announces more bytes than it sends, then closes the connection.
    pub fn cut_short(mut self) -> Self {
        self.cut_short = true;
        self
    }
}

/// A request as the server received it.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    /// The request target: path and query, as sent.
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub at: Instant,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    thread: JoinHandle<Vec<Received>>,
}

impl Server {
    /// Listens on a free port of 127.0.0.1 and answers with `script`, one reply a connection.
    pub fn start(script: Vec<Reply>) -> Server {
        Server::start_with(|_| script)
    }

    /// As `start`, with a script that may name the server's own URL (`http://127.0.0.1:PORT`).
    pub fn start_with(script: impl FnOnce(&str) -> Vec<Reply>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        listener.set_nonblocking(true).expect("non-blocking listener");
        let script = script(&url);
        let thread = std::thread::spawn(move || {
            let mut received = Vec::new();
            for reply in script {
                let Some(stream) = accept(&listener) else { break };
                match answer(stream, &reply) {
                    Some(request) => received.push(request),
                    None => break,
                }
            }
            received
        });
        Server { url, thread }
    }

    /// Waits for the script to end (or the server to give up) and returns what it received.
    pub fn received(self) -> Vec<Received> {
        self.thread.join().expect("the server thread ends")
    }
}

/// The next connection, or None when none comes within `IDLE_LIMIT`.
fn accept(listener: &TcpListener) -> Option<TcpStream> {
    let deadline = Instant::now() + IDLE_LIMIT;
    while Instant::now() < deadline {
        match listener.accept() {
            Ok((stream, _)) => return Some(stream),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => return None,
        }
    }
    None
}

/// Reads one request and writes `reply`; None when the request cannot be read.
fn answer(mut stream: TcpStream, reply: &Reply) -> Option<Received> {
    stream.set_nonblocking(false).ok()?;
    stream.set_read_timeout(Some(IDLE_LIMIT)).ok()?;
    let request = read_request(&mut stream)?;
    std::thread::sleep(reply.delay);
    let announced = reply.body.len() + if reply.cut_short { 100 } else { 0 };
    let mut head =
        format!("HTTP/1.1 {} Scripted\r\nContent-Length: {announced}\r\nConnection: close\r\n", reply.status);
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    // The client may have given up already (a timeout): nothing to do then.
    let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&reply.body));
    let _ = stream.shutdown(std::net::Shutdown::Both);
    Some(request)
}

fn read_request(stream: &mut TcpStream) -> Option<Received> {
    let mut data = Vec::new();
    let mut chunk = [0u8; 4096];
    let end_of_head = loop {
        if let Some(at) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        let n = stream.read(&mut chunk).ok().filter(|&n| n > 0)?;
        data.extend_from_slice(&chunk[..n]);
    };
    let at = Instant::now();
    let head = String::from_utf8_lossy(&data[..end_of_head]).into_owned();
    let mut lines = head.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let (method, target) = (first.next()?.to_owned(), first.next()?.to_owned());
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect();
    let length = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = data[end_of_head + 4..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut chunk).ok().filter(|&n| n > 0)?;
        body.extend_from_slice(&chunk[..n]);
    }
    Some(Received { method, target, headers, body, at })
}
