// JSON batching, with the `http` feature: written after `client.rs` into the generated
// crate's `src/runtime.rs`. Up to 20 requests go in one `POST /$batch`; each answer is read
// as its own request's response type, errors included.

#[cfg(feature = "http")]
pub use batch::*;

#[cfg(feature = "http")]
pub mod batch {
    use super::*;

    /// The most requests Graph takes in one batch.
    pub const MAX_BATCH: usize = 20;

    /// Requests to send together (`Client::batch`).
    #[derive(Debug, Clone, Default)]
    pub struct Batch {
        requests: Vec<Json>,
    }

    /// A request in a batch: reads its answer from the batch's replies.
    #[derive(Debug, Clone)]
    pub struct BatchItem<R> {
        id: String,
        request_headers: Vec<(String, String)>,
        response: PhantomData<fn() -> R>,
    }

    impl<R> BatchItem<R> {
        /// The request's id in the batch, for `dependsOn`.
        pub fn id(&self) -> &str {
            &self.id
        }
    }

    impl Batch {
        pub fn new() -> Self {
            Batch::default()
        }

        /// Adds a request, to be run after those whose ids `depends_on` lists (Graph then
        /// runs them in that order). A batch holds at most `MAX_BATCH` requests, each with a
        /// path relative to the version root and a JSON body, if any.
        pub fn add<B: RequestBody, R>(
            &mut self,
            request: &Request<B, R>,
            depends_on: &[&str],
        ) -> Result<BatchItem<R>, Error> {
            if self.requests.len() >= MAX_BATCH {
                return Err(Error::Request(format!("a batch holds at most {MAX_BATCH} requests")));
            }
            if !request.path.starts_with('/') {
                return Err(Error::Request(format!("`{}` is not relative to the version root", request.path)));
            }
            let id = (self.requests.len() + 1).to_string();
            let mut entry = serde_json::json!({"id": id, "method": request.method, "url": request.url("")});
            let mut headers: serde_json::Map<String, Json> =
                request.headers.iter().map(|(name, value)| (name.clone(), Json::String(value.clone()))).collect();
            if let Some(body) = &request.body {
                if body.content_type() != "application/json" {
                    return Err(Error::Request("a batched request's body must be JSON".into()));
                }
                let json: Json =
                    serde_json::from_slice(&body.to_bytes()?).map_err(|e| Error::Request(e.to_string()))?;
                entry["body"] = json;
                if !headers.keys().any(|name| name.eq_ignore_ascii_case("content-type")) {
                    headers.insert("Content-Type".into(), Json::String("application/json".into()));
                }
            }
            if !headers.is_empty() {
                entry["headers"] = Json::Object(headers);
            }
            if !depends_on.is_empty() {
                entry["dependsOn"] = depends_on.into();
            }
            self.requests.push(entry);
            Ok(BatchItem { id, request_headers: request.headers.clone(), response: PhantomData })
        }

        pub fn len(&self) -> usize {
            self.requests.len()
        }

        pub fn is_empty(&self) -> bool {
            self.requests.is_empty()
        }

        /// The `POST /$batch` request (`Client::batch` sends it).
        pub fn into_request(self) -> Request<Json, BatchReplies> {
            Request::new("POST", "/$batch").with_body(serde_json::json!({"requests": self.requests}))
        }
    }

    /// The answers of a batch, each taken with its `BatchItem`.
    #[derive(Debug, Clone, Default)]
    pub struct BatchReplies {
        responses: Vec<Json>,
    }

    impl FromResponse for BatchReplies {
        fn from_response(response: http::Response<Vec<u8>>, _: &[(String, String)]) -> Result<Self, Error> {
            let mut body: Json = read_json(&response)?;
            match body.get_mut("responses").map(Json::take) {
                Some(Json::Array(responses)) => Ok(BatchReplies { responses }),
                _ => Err(Error::Body {
                    status: response.status().as_u16(),
                    path: "responses".into(),
                    message: "a batch answer lists its responses".into(),
                }),
            }
        }
    }

    impl BatchReplies {
        /// The answer to `item`, read as its response type (an error status as `Error::Graph`).
        pub fn get<R: FromResponse>(&self, item: &BatchItem<R>) -> Result<R, Error> {
            let missing =
                |message: &str| Error::Body { status: 200, path: "responses".into(), message: message.into() };
            let reply = self
                .responses
                .iter()
                .find(|r| r["id"].as_str() == Some(&item.id))
                .ok_or_else(|| missing(&format!("no response with id {}", item.id)))?;
            let status =
                reply["status"].as_u64().and_then(|s| u16::try_from(s).ok()).ok_or_else(|| missing("no status"))?;
            let body = match &reply["body"] {
                Json::Null => Vec::new(),
                body => serde_json::to_vec(body).map_err(|e| missing(&e.to_string()))?,
            };
            let mut response = http::Response::builder().status(status);
            for (name, value) in reply["headers"].as_object().into_iter().flatten() {
                response = response.header(name.as_str(), value.as_str().unwrap_or_default());
            }
            let response = response.body(body).map_err(|e| missing(&e.to_string()))?;
            read_response(response, &item.request_headers)
        }
    }

    impl<T: Transport> Client<T> {
        /// Sends a batch in one request; its answers are read with each `BatchItem`.
        pub async fn batch(&self, batch: Batch) -> Result<BatchReplies, Error> {
            self.send(batch.into_request()).await
        }
    }
}
