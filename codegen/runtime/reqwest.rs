// The `reqwest` feature: a ready `Transport`. Written after `client.rs` into the generated
// crate's `src/runtime.rs`. reqwest comes without TLS here: the `rustls` feature (or a TLS
// feature of reqwest enabled in your own Cargo.toml) adds it for https.

/// A `Transport` over a `reqwest::Client`, sleeping on tokio.
#[cfg(feature = "reqwest")]
#[derive(Debug, Clone, Default)]
pub struct ReqwestTransport(pub ::reqwest::Client);

#[cfg(feature = "reqwest")]
impl ReqwestTransport {
    /// Requests that give up after `timeout` (connecting, sending and reading the answer).
    pub fn with_timeout(timeout: std::time::Duration) -> Result<Self, Error> {
        ::reqwest::Client::builder().timeout(timeout).build().map(ReqwestTransport).map_err(Error::transport)
    }
}

#[cfg(feature = "reqwest")]
impl Transport for ReqwestTransport {
    async fn send(&self, request: http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, Error> {
        let request = ::reqwest::Request::try_from(request).map_err(Error::transport)?;
        let response = self.0.execute(request).await.map_err(Error::transport)?;
        let (status, headers) = (response.status(), response.headers().clone());
        let mut answer = http::Response::new(response.bytes().await.map_err(Error::transport)?.to_vec());
        *answer.status_mut() = status;
        *answer.headers_mut() = headers;
        Ok(answer)
    }

    async fn sleep(&self, wait: std::time::Duration) {
        tokio::time::sleep(wait).await;
    }
}

#[cfg(feature = "reqwest")]
impl Client<ReqwestTransport> {
    /// A client of Graph `v1.0` over reqwest, whose requests give up after 100 seconds.
    pub fn reqwest() -> Result<Self, Error> {
        Ok(Client::with_transport(ReqwestTransport::with_timeout(std::time::Duration::from_secs(100))?))
    }
}
