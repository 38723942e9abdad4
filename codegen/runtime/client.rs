// Sending requests, with the `http` feature: written after `runtime.rs` into the generated
// crate's `src/runtime.rs`. Still transport-neutral: a request becomes an `http::Request`, a
// response is read from an `http::Response`, and `Client` sends through any `Transport`
// (the `reqwest` feature brings one). Without the feature the crate does not depend on
// `http` and compiles none of this.

#[cfg(feature = "http")]
pub use client::*;

/// A `202 Accepted` long-running operation: where to ask how it is going. The response type
/// of the requests the docs answer with `202 Accepted` and no body, so it is there without
/// the `http` feature too; reading it from a response needs the feature.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Accepted {
    /// The monitor URL (`Location`, else `Operation-Location`).
    pub monitor: Option<String>,
    pub retry_after: Option<std::time::Duration>,
}

impl Accepted {
    /// The request for the operation's status (an `asyncJobStatus` or the service's own).
    pub fn monitor_request(&self) -> Option<Request<(), Json>> {
        self.monitor.as_ref().map(|url| Request::new("GET", url.clone()))
    }
}

#[cfg(feature = "http")]
pub mod client {
    use super::*;

    /// An error from Graph, read from a failed response's body
    /// (`{"error": {"code", "message", "innerError", "details"}}`) and headers.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct GraphError {
        /// The HTTP status.
        pub status: u16,
        /// `error.code`, or the status's reason when the body holds no Graph error.
        pub code: String,
        /// `error.message`, or the body's text when it holds no Graph error.
        pub message: String,
        /// `innerError.request-id`, else the `request-id` header: what Microsoft support asks for.
        pub request_id: Option<String>,
        /// `innerError.client-request-id`, else the `client-request-id` header.
        pub client_request_id: Option<String>,
        /// `innerError.date`, else the `Date` header.
        pub date: Option<String>,
        /// `innerError` as sent (it may nest further `innerError`s).
        pub inner_error: Option<Json>,
        /// `error.details`.
        pub details: Vec<ErrorDetail>,
        /// How long the service asks to wait before trying again (`Retry-After`).
        pub retry_after: Option<std::time::Duration>,
    }

    /// One of `error.details`.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct ErrorDetail {
        pub code: String,
        pub message: String,
        pub target: Option<String>,
    }

    impl GraphError {
        /// Reads a failed response; a body that is not a Graph error is kept as the message.
        pub fn from_response(response: &http::Response<Vec<u8>>) -> Self {
            let body: Json = serde_json::from_slice(response.body()).unwrap_or(Json::Null);
            let error = &body["error"];
            let text = |value: &Json, key: &str| value.get(key).and_then(Json::as_str).map(str::to_owned);
            let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
            // Graph spells it `innerError`; older services `innererror`.
            let inner = error.get("innerError").or_else(|| error.get("innererror"));
            let inner_text = |key: &str| inner.and_then(|inner| text(inner, key));
            let status = response.status();
            GraphError {
                status: status.as_u16(),
                code: text(error, "code").unwrap_or_else(|| status.canonical_reason().unwrap_or_default().to_owned()),
                message: text(error, "message")
                    .unwrap_or_else(|| String::from_utf8_lossy(response.body()).chars().take(1000).collect()),
                request_id: inner_text("request-id").or_else(|| header("request-id")),
                client_request_id: inner_text("client-request-id").or_else(|| header("client-request-id")),
                date: inner_text("date").or_else(|| header("date")),
                inner_error: inner.cloned(),
                details: error["details"]
                    .as_array()
                    .map(|details| {
                        details
                            .iter()
                            .map(|d| ErrorDetail {
                                code: text(d, "code").unwrap_or_default(),
                                message: text(d, "message").unwrap_or_default(),
                                target: text(d, "target"),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                retry_after: retry_after(response.headers()),
            }
        }
    }

    impl fmt::Display for GraphError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "Graph answered {} {}: {}", self.status, self.code, self.message)?;
            if let Some(id) = &self.request_id {
                write!(f, " (request-id {id})")?;
            }
            Ok(())
        }
    }

    impl std::error::Error for GraphError {}

    /// What can go wrong sending a request and reading its answer.
    #[derive(Debug)]
    #[non_exhaustive]
    pub enum Error {
        /// Graph answered with an error status.
        Graph(Box<GraphError>),
        /// The request did not get an answer: connection refused, timeout, a body cut short.
        Transport(Box<dyn std::error::Error + Send + Sync>),
        /// A successful answer whose body does not read as the operation's response type.
        Body {
            status: u16,
            /// The field that failed (`value[2].createdDateTime`; `.` for the body itself).
            path: String,
            message: String,
        },
        /// The request could not be built (a header value, the URL, the body's JSON).
        Request(String),
        /// The token provider failed.
        Token(Box<dyn std::error::Error + Send + Sync>),
    }

    impl Error {
        /// A transport failure, from any HTTP client's error.
        pub fn transport(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
            Error::Transport(error.into())
        }

        /// A token provider's failure.
        pub fn token(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
            Error::Token(error.into())
        }

        /// The Graph error, when Graph answered with one.
        pub fn graph(&self) -> Option<&GraphError> {
            match self {
                Error::Graph(error) => Some(error),
                _ => None,
            }
        }
    }

    impl fmt::Display for Error {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                Error::Graph(error) => error.fmt(f),
                Error::Transport(error) => write!(f, "no answer: {error}"),
                Error::Body { status, path, message } => {
                    write!(f, "the body of a {status} answer does not read at `{path}`: {message}")
                }
                Error::Request(message) => write!(f, "the request cannot be built: {message}"),
                Error::Token(error) => write!(f, "no token: {error}"),
            }
        }
    }

    impl std::error::Error for Error {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            match self {
                Error::Graph(error) => Some(error.as_ref()),
                Error::Transport(error) | Error::Token(error) => Some(error.as_ref()),
                Error::Body { .. } | Error::Request(_) => None,
            }
        }
    }

    /// `Retry-After` as seconds or as an HTTP date.
    pub fn retry_after(headers: &http::HeaderMap) -> Option<std::time::Duration> {
        let value = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?.trim();
        if let Ok(seconds) = value.parse::<u64>() {
            return Some(std::time::Duration::from_secs(seconds));
        }
        let at = chrono::DateTime::parse_from_rfc2822(value).ok()?.timestamp();
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
        Some(std::time::Duration::from_secs(u64::try_from(at).ok()?.saturating_sub(now)))
    }

    /// A request body: JSON for serde types, the bytes themselves for `Content`.
    pub trait RequestBody {
        fn content_type(&self) -> &'static str;
        fn to_bytes(&self) -> Result<Vec<u8>, Error>;
    }

    impl<T: Serialize> RequestBody for T {
        fn content_type(&self) -> &'static str {
            "application/json"
        }
        fn to_bytes(&self) -> Result<Vec<u8>, Error> {
            serde_json::to_vec(self).map_err(|e| Error::Request(e.to_string()))
        }
    }

    impl RequestBody for Content {
        fn content_type(&self) -> &'static str {
            "application/octet-stream"
        }
        fn to_bytes(&self) -> Result<Vec<u8>, Error> {
            Ok(self.0.clone())
        }
    }

    /// What a successful response holds, read by what the operation declares: JSON into the
    /// type (`JsonResponse`), a page keeping the request's headers, no content into `()`, bytes
    /// into `Content`, a long-running operation's monitor into `Accepted`.
    pub trait FromResponse: Sized {
        /// `request_headers`: the headers of the request answered, which a page keeps.
        fn from_response(
            response: http::Response<Vec<u8>>,
            request_headers: &[(String, String)],
        ) -> Result<Self, Error>;
    }

    impl<T: JsonResponse> FromResponse for T {
        fn from_response(response: http::Response<Vec<u8>>, _: &[(String, String)]) -> Result<Self, Error> {
            read_json(&response)
        }
    }

    impl<T: de::DeserializeOwned> FromResponse for Page<T> {
        fn from_response(
            response: http::Response<Vec<u8>>,
            request_headers: &[(String, String)],
        ) -> Result<Self, Error> {
            let mut page: Page<T> = read_json(&response)?;
            page.request_headers = request_headers.to_vec();
            Ok(page)
        }
    }

    impl FromResponse for () {
        fn from_response(_: http::Response<Vec<u8>>, _: &[(String, String)]) -> Result<Self, Error> {
            Ok(())
        }
    }

    impl FromResponse for Content {
        fn from_response(response: http::Response<Vec<u8>>, _: &[(String, String)]) -> Result<Self, Error> {
            Ok(Content(response.into_body()))
        }
    }

    impl FromResponse for Accepted {
        fn from_response(response: http::Response<Vec<u8>>, _: &[(String, String)]) -> Result<Self, Error> {
            let header = |name| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
            Ok(Accepted {
                monitor: header("location").or_else(|| header("operation-location")),
                retry_after: retry_after(response.headers()),
            })
        }
    }

    /// Reads a JSON body as `T`; a failure names the field (`value[0].id`).
    pub fn read_json<T: de::DeserializeOwned>(response: &http::Response<Vec<u8>>) -> Result<T, Error> {
        serde_json::from_slice(response.body()).map_err(|e| Error::Body {
            status: response.status().as_u16(),
            path: json_path_at(response.body(), e.line(), e.column()),
            message: e.to_string(),
        })
    }

    /// The path (`value[1].accountEnabled`, `.` for the top) of the value being read at `line`
    /// and `column` of `json`, where serde_json stopped: found by scanning the text up to there,
    /// only on failure, rather than by tracking every read (which doubles the deserializing code
    /// of each response type).
    fn json_path_at(json: &[u8], line: usize, column: usize) -> String {
        /// An open container: an object with its last key (and whether a key comes next), or an
        /// array with the index of its current item.
        enum Open {
            Object { key: Option<String>, key_next: bool },
            Array(usize),
        }
        let line_start: usize = json.split(|&b| b == b'\n').take(line.saturating_sub(1)).map(|l| l.len() + 1).sum();
        let end = (line_start + column).min(json.len());
        let mut open = Vec::new();
        let mut at = 0;
        while at < end {
            match (json[at], open.last_mut()) {
                (b'{', _) => open.push(Open::Object { key: None, key_next: true }),
                (b'[', _) => open.push(Open::Array(0)),
                (b'}' | b']', _) => {
                    open.pop();
                }
                (b',', Some(Open::Object { key_next, .. })) => *key_next = true,
                (b',', Some(Open::Array(index))) => *index += 1,
                (b'"', last) => {
                    let start = at + 1;
                    at = start;
                    while at < json.len() && json[at] != b'"' {
                        at += if json[at] == b'\\' { 2 } else { 1 };
                    }
                    if let Some(Open::Object { key, key_next: key_next @ true }) = last {
                        *key = Some(String::from_utf8_lossy(&json[start..at.min(json.len())]).into_owned());
                        *key_next = false;
                    }
                }
                _ => {}
            }
            at += 1;
        }
        let mut path = String::new();
        for container in &open {
            match container {
                Open::Object { key: Some(key), .. } => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                }
                Open::Object { key: None, .. } => {}
                Open::Array(index) => path.push_str(&format!("[{index}]")),
            }
        }
        if path.is_empty() {
            path.push('.');
        }
        path
    }

    /// Reads an answer: an error status into `Error::Graph`, else what `R` declares.
    pub fn read_response<R: FromResponse>(
        response: http::Response<Vec<u8>>,
        request_headers: &[(String, String)],
    ) -> Result<R, Error> {
        if !response.status().is_success() {
            return Err(Error::Graph(Box::new(GraphError::from_response(&response))));
        }
        R::from_response(response, request_headers)
    }

    impl<B: RequestBody, R> Request<B, R> {
        /// The request for any HTTP client, under `base` (`https://graph.microsoft.com/v1.0`).
        pub fn to_http(&self, base: &str) -> Result<http::Request<Vec<u8>>, Error> {
            let mut request = http::Request::builder().method(self.method).uri(self.url(base));
            let mut body = Vec::new();
            if let Some(content) = &self.body {
                if !self.headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("content-type")) {
                    request = request.header(http::header::CONTENT_TYPE, content.content_type());
                }
                body = content.to_bytes()?;
            }
            for (name, value) in &self.headers {
                request = request.header(name, value);
            }
            request.body(body).map_err(|e| Error::Request(e.to_string()))
        }
    }

    impl<B, R: FromResponse> Request<B, R> {
        /// Reads the answer to this request.
        pub fn read_response(&self, response: http::Response<Vec<u8>>) -> Result<R, Error> {
            read_response(response, &self.headers)
        }
    }

    /// Sends an `http::Request` and returns the whole answer: implement it for any HTTP client.
    /// `sleep` waits between retries, on the client's async runtime.
    pub trait Transport: Sync {
        fn send(
            &self,
            request: http::Request<Vec<u8>>,
        ) -> impl std::future::Future<Output = Result<http::Response<Vec<u8>>, Error>> + Send;
        fn sleep(&self, wait: std::time::Duration) -> impl std::future::Future<Output = ()> + Send;
    }

    /// A boxed future, as token providers return.
    pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

    /// Gives the bearer token of each request: a `String`, or a closure returning a future of
    /// one (from any credential library), asked before every request so it may refresh.
    pub trait TokenProvider: Send + Sync {
        fn token(&self) -> BoxFuture<'_, Result<String, Error>>;
    }

    impl TokenProvider for String {
        fn token(&self) -> BoxFuture<'_, Result<String, Error>> {
            Box::pin(std::future::ready(Ok(self.clone())))
        }
    }

    impl<F, T> TokenProvider for F
    where
        F: Fn() -> T + Send + Sync,
        T: std::future::Future<Output = Result<String, Error>> + Send + 'static,
    {
        fn token(&self) -> BoxFuture<'_, Result<String, Error>> {
            Box::pin(self())
        }
    }

    /// Graph's national clouds, each with its own root URL.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Cloud {
        Global,
        UsGovernment,
        UsGovernmentDod,
        China,
    }

    impl Cloud {
        pub fn root(self) -> &'static str {
            match self {
                Cloud::Global => "https://graph.microsoft.com",
                Cloud::UsGovernment => "https://graph.microsoft.us",
                Cloud::UsGovernmentDod => "https://dod-graph.microsoft.us",
                Cloud::China => "https://microsoftgraph.chinacloudapi.cn",
            }
        }

        /// The base URL of a version (`v1.0`, `beta`) in this cloud.
        pub fn base_url(self, version: &str) -> String {
            format!("{}/{version}", self.root())
        }
    }

    /// When to try a request again: on 429, 503 and 504, after the `Retry-After` the service
    /// asks for (not beyond `max_delay`: the error is returned then), else after a capped
    /// exponential backoff with jitter; at most `max_retries` times.
    #[derive(Debug, Clone, PartialEq)]
    pub struct RetryPolicy {
        pub max_retries: u32,
        pub initial_delay: std::time::Duration,
        pub max_delay: std::time::Duration,
    }

    impl Default for RetryPolicy {
        fn default() -> Self {
            RetryPolicy {
                max_retries: 3,
                initial_delay: std::time::Duration::from_secs(1),
                max_delay: std::time::Duration::from_secs(60),
            }
        }
    }

    impl RetryPolicy {
        /// The wait before retry number `retry` (from 0) after `response`, or None to stop.
        pub fn wait(&self, retry: u32, response: &http::Response<Vec<u8>>) -> Option<std::time::Duration> {
            if retry >= self.max_retries || !matches!(response.status().as_u16(), 429 | 503 | 504) {
                return None;
            }
            match retry_after(response.headers()) {
                Some(asked) => (asked <= self.max_delay).then_some(asked),
                None => {
                    let backoff = self.initial_delay.saturating_mul(1 << retry.min(20)).min(self.max_delay);
                    // Full jitter over the upper half, so that clients do not retry in step.
                    let half = backoff / 2;
                    Some(half + half.mul_f64(random() as f64 / u64::MAX as f64))
                }
            }
        }
    }

    /// Random bits without a dependency: std's hasher is seeded randomly per process and thread.
    fn random() -> u64 {
        use std::hash::{BuildHasher, Hasher};
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u128(
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos(),
        );
        hasher.finish()
    }

    /// A request's answer with its status and headers (`Location` of a `201 Created`).
    #[derive(Debug, Clone)]
    pub struct Reply<R> {
        pub status: u16,
        pub headers: http::HeaderMap,
        pub value: R,
    }

    impl<R> Reply<R> {
        pub fn header(&self, name: &str) -> Option<&str> {
            self.headers.get(name).and_then(|v| v.to_str().ok())
        }

        /// The created entity's URL (`201 Created`) or a monitor URL (`202 Accepted`).
        pub fn location(&self) -> Option<&str> {
            self.header("location")
        }
    }

    /// A Graph client over any `Transport`: the base URL, the token, a user agent, a
    /// `client-request-id` per request (unless the request sets one) and retries.
    pub struct Client<T> {
        transport: T,
        base_url: String,
        token: Option<std::sync::Arc<dyn TokenProvider>>,
        user_agent: String,
        retry: RetryPolicy,
    }

    impl<T: Transport> Client<T> {
        /// A client of Graph `v1.0` in the global cloud, without a token.
        pub fn with_transport(transport: T) -> Self {
            Client {
                transport,
                base_url: Cloud::Global.base_url("v1.0"),
                token: None,
                user_agent: concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION")).to_owned(),
                retry: RetryPolicy::default(),
            }
        }

        /// The root of relative request paths (`https://graph.microsoft.com/beta`, a test server).
        pub fn base_url(mut self, url: impl Into<String>) -> Self {
            self.base_url = url.into();
            self
        }

        /// `version` (`v1.0`, `beta`) in a national cloud.
        pub fn cloud(self, cloud: Cloud, version: &str) -> Self {
            self.base_url(cloud.base_url(version))
        }

        pub fn token(mut self, provider: impl TokenProvider + 'static) -> Self {
            self.token = Some(std::sync::Arc::new(provider));
            self
        }

        pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
            self.user_agent = user_agent.into();
            self
        }

        pub fn retry(mut self, policy: RetryPolicy) -> Self {
            self.retry = policy;
            self
        }

        /// Sends a request and reads its answer as the operation's response type.
        pub async fn send<B: RequestBody, R: FromResponse>(&self, request: impl Into<Request<B, R>>) -> Result<R, Error> {
            Ok(self.reply(request).await?.value)
        }

        /// Sends a request and returns the answer with its status and headers.
        pub async fn reply<B: RequestBody, R: FromResponse>(
            &self,
            request: impl Into<Request<B, R>>,
        ) -> Result<Reply<R>, Error> {
            let request = request.into();
            let client_request_id =
                uuid::Builder::from_random_bytes((u128::from(random()) << 64 | u128::from(random())).to_le_bytes())
                    .into_uuid()
                    .to_string();
            let mut retry = 0;
            loop {
                let mut http = request.to_http(&self.base_url)?;
                let headers = http.headers_mut();
                let mut add = |name: http::header::HeaderName, value: &str| -> Result<(), Error> {
                    if !headers.contains_key(&name) {
                        let value = value
                            .parse()
                            .map_err(|e: http::header::InvalidHeaderValue| Error::Request(e.to_string()))?;
                        headers.insert(name, value);
                    }
                    Ok(())
                };
                add(http::header::USER_AGENT, &self.user_agent)?;
                add(http::header::HeaderName::from_static("client-request-id"), &client_request_id)?;
                // The token goes to Graph only: not to a monitor URL on another host.
                if let Some(provider) = self.token.as_ref().filter(|_| same_origin(&request.path, &self.base_url)) {
                    add(http::header::AUTHORIZATION, &format!("Bearer {}", provider.token().await?))?;
                }
                let response = self.transport.send(http).await?;
                if let Some(wait) = self.retry.wait(retry, &response) {
                    retry += 1;
                    self.transport.sleep(wait).await;
                    continue;
                }
                let (status, headers) = (response.status().as_u16(), response.headers().clone());
                let value = request.read_response(response)?;
                return Ok(Reply { status, headers, value });
            }
        }

        /// The pages of a collection, from `request` on, each next page's request keeping its
        /// headers: `while let Some(page) = pages.next().await { … }`.
        pub fn pages<I>(&self, request: impl Into<Request<(), Page<I>>>) -> Pages<'_, T, I> {
            let request = request.into();
            Pages { client: self, next: Some(request) }
        }

        /// Every item of a collection, all pages read.
        pub async fn all<I: de::DeserializeOwned>(&self, request: impl Into<Request<(), Page<I>>>) -> Result<Vec<I>, Error> {
            let request = request.into();
            let mut pages = self.pages(request);
            let mut items = Vec::new();
            while let Some(page) = pages.next().await {
                items.extend(page?.value);
            }
            Ok(items)
        }
    }

    /// Whether `path` (relative, or an absolute URL) is under the scheme and host of `base`.
    fn same_origin(path: &str, base: &str) -> bool {
        let origin = |url: &str| url.split('/').take(3).collect::<Vec<_>>().join("/").to_ascii_lowercase();
        !path.contains("://") || origin(path) == origin(base)
    }

    /// The pages of a collection, fetched one at a time (`Client::pages`).
    pub struct Pages<'c, T, I> {
        client: &'c Client<T>,
        next: Option<Request<(), Page<I>>>,
    }

    impl<T: Transport, I: de::DeserializeOwned> Pages<'_, T, I> {
        /// The next page, or None after the last (or after an error).
        pub async fn next(&mut self) -> Option<Result<Page<I>, Error>> {
            let request = self.next.take()?;
            let page = self.client.send(request).await;
            if let Ok(page) = &page {
                self.next = page.next_request();
            }
            Some(page)
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use std::time::Duration as Wait;

        fn answer(status: u16, retry_after: Option<&str>) -> http::Response<Vec<u8>> {
            let mut response = http::Response::builder().status(status);
            if let Some(value) = retry_after {
                response = response.header("Retry-After", value);
            }
            response.body(Vec::new()).unwrap()
        }

        #[test]
        fn retries_wait_as_asked_or_back_off_within_bounds() {
            let policy = RetryPolicy {
                max_retries: 2,
                initial_delay: Wait::from_millis(100),
                max_delay: Wait::from_millis(300),
            };
            assert_eq!(policy.wait(0, &answer(429, Some("0"))), Some(Wait::ZERO));
            assert_eq!(policy.wait(0, &answer(429, Some("1"))), None, "beyond max_delay: give up");
            assert_eq!(policy.wait(0, &answer(500, None)), None, "not a status to retry");
            assert_eq!(policy.wait(2, &answer(503, None)), None, "retries used up");
            for (retry, backoff) in [(0, 100), (1, 200)] {
                let wait = policy.wait(retry, &answer(504, None)).unwrap();
                assert!(wait >= Wait::from_millis(backoff / 2) && wait <= Wait::from_millis(backoff), "{wait:?}");
            }
            let capped = RetryPolicy { max_retries: 40, ..policy };
            assert!(capped.wait(30, &answer(503, None)).unwrap() <= Wait::from_millis(300));
        }

        #[test]
        fn a_body_that_does_not_read_names_the_field() {
            let read = |body: &str| {
                let response = http::Response::new(body.as_bytes().to_vec());
                match read_json::<Page<std::collections::BTreeMap<String, bool>>>(&response) {
                    Err(Error::Body { path, .. }) => path,
                    other => panic!("{other:?}"),
                }
            };
            assert_eq!(read(r#"{"value": [{"a": true}, {"b,\"{": false, "c": "yes"}]}"#), "value[1].c");
            assert_eq!(read("{\n \"value\": [\n  {},\n  {\"d\": 1}\n ]\n}"), "value[1].d");
            assert_eq!(read(r#"{"value": [{"a": true}, {"b": "#), "value[1].b");
            assert_eq!(read(r#"{"value": 3}"#), "value");
            assert_eq!(read(""), ".");
            assert_eq!(read(r#"{"value": []} x"#), ".");
        }

        #[test]
        fn tokens_go_to_the_base_urls_host_only() {
            let base = "https://graph.microsoft.com/v1.0";
            assert!(same_origin("/users", base));
            assert!(same_origin("https://Graph.microsoft.com/v1.0/users?$skiptoken=1", base));
            assert!(!same_origin("https://contoso.sharepoint.com/_api/v2.0/monitor/1", base));
            assert!(!same_origin("https://graph.microsoft.com.evil.example/v1.0", base));
        }

        #[test]
        fn retry_after_reads_seconds_and_dates() {
            let headers = |value: &str| answer(429, Some(value)).headers().clone();
            assert_eq!(retry_after(&headers("7")), Some(Wait::from_secs(7)));
            assert_eq!(retry_after(&headers("Wed, 21 Oct 2015 07:28:00 GMT")), Some(Wait::ZERO));
            assert_eq!(retry_after(&headers("soon")), None);
        }

        #[test]
        fn requests_become_http_requests() {
            let request = Request::<Json, Json>::new("PATCH", "/users/a%20b")
                .with_query("$select", "id")
                .with_header("If-Match", "*")
                .with_body(serde_json::json!({"displayName": "Ada"}));
            let http = request.to_http("https://graph.microsoft.com/v1.0").unwrap();
            assert_eq!(http.method(), "PATCH");
            assert_eq!(http.uri(), "https://graph.microsoft.com/v1.0/users/a%20b?$select=id");
            assert_eq!(http.headers()["content-type"], "application/json");
            assert_eq!(http.headers()["if-match"], "*");
            assert_eq!(http.body(), br#"{"displayName":"Ada"}"#);
            let upload = Request::<Content, ()>::new("PUT", "/me/photo/$value")
                .with_header("Content-Type", "image/png")
                .with_body(Content(vec![1, 2]));
            let http = upload.to_http("https://graph.microsoft.com/v1.0").unwrap();
            assert_eq!(
                (http.headers()["content-type"].to_str().unwrap(), http.body().as_slice()),
                ("image/png", &[1u8, 2][..])
            );
            assert!(Request::<(), ()>::new("GET", "/me").with_header("bad\nname", "x").to_http("https://x").is_err());
        }
    }
}
