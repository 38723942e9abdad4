//! Runtime support for the generated Microsoft Graph models: the Edm primitive types, the
//! transport-neutral request and page types of the endpoint stubs, then (written after
//! this) the serde plumbing shared by every generated type (`json.rs`) and the client
//! that sends requests (`client.rs`, `reqwest.rs`). Generated modules refer to it as `rt`.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// `Edm.DateTimeOffset`: an RFC 3339 timestamp; the offset is kept as sent.
pub type DateTimeOffset = chrono::DateTime<chrono::FixedOffset>;
/// `Edm.Date`: `YYYY-MM-DD`.
pub type Date = chrono::NaiveDate;
/// `Edm.TimeOfDay`: `hh:mm:ss[.fffffff]`.
pub type TimeOfDay = chrono::NaiveTime;
/// `Edm.Guid`.
pub type Guid = uuid::Uuid;
/// `Edm.Decimal`: exact decimal arithmetic; read from a JSON number or string.
pub type Decimal = rust_decimal::Decimal;
/// `Edm.Stream`: in JSON a stream property carries its content's URL or text.
pub type Stream = String;
/// Any JSON value: `Edm.Untyped` and types the docs do not define.
pub type Json = serde_json::Value;

/// A request to one endpoint, ready for any HTTP client: `B` is the JSON body's type (`()`
/// for none), `R` what a successful response holds (`()` for no content).
pub struct Request<B, R> {
    pub method: &'static str,
    /// Percent-encoded and relative to the version root (`/users/a%20b`), or an absolute URL
    /// (a next link), which is followed as it is.
    pub path: String,
    /// Query options as (name, value), not encoded; `url` encodes them.
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub body: Option<B>,
    response: PhantomData<fn() -> R>,
}

// By hand: derives would require `R` to implement them too.
impl<B: fmt::Debug, R> fmt::Debug for Request<B, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &self.headers)
            .field("body", &self.body)
            .finish()
    }
}

impl<B: Clone, R> Clone for Request<B, R> {
    fn clone(&self) -> Self {
        Request {
            method: self.method,
            path: self.path.clone(),
            query: self.query.clone(),
            headers: self.headers.clone(),
            body: self.body.clone(),
            response: PhantomData,
        }
    }
}

impl<B, R> Request<B, R> {
    pub fn new(method: &'static str, path: impl Into<String>) -> Self {
        Request { method, path: path.into(), query: Vec::new(), headers: Vec::new(), body: None, response: PhantomData }
    }

    pub fn with_body(mut self, body: B) -> Self {
        self.body = Some(body);
        self
    }

    /// Sets a query option, replacing an earlier value of the same name.
    pub fn with_query(mut self, name: &str, value: impl ToString) -> Self {
        set_query(&mut self.query, name, value.to_string());
        self
    }

    /// Sets a query option that takes a comma-separated list (`$select=id,displayName`).
    pub fn with_query_list(mut self, name: &str, items: &[&str]) -> Self {
        set_query(&mut self.query, name, items.join(","));
        self
    }

    /// Sets a header, replacing an earlier value of the same name (names ignore case).
    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        set_header(&mut self.headers, name, value.into());
        self
    }

    /// The full URL under `base` (`https://graph.microsoft.com/v1.0`), query included.
    pub fn url(&self, base: &str) -> String {
        let mut url = if self.path.starts_with("https://") || self.path.starts_with("http://") {
            self.path.clone()
        } else {
            format!("{}{}", base.trim_end_matches('/'), self.path)
        };
        let mut separator = if url.contains('?') { '&' } else { '?' };
        for (name, value) in &self.query {
            url.push(separator);
            url.extend(utf8_percent_encode(name, QUERY));
            url.push('=');
            url.extend(utf8_percent_encode(value, QUERY));
            separator = '&';
        }
        url
    }
}


/// Sets a query option in `query`, replacing an earlier value of the same name.
pub fn set_query(query: &mut Vec<(String, String)>, name: &str, value: String) {
    query.retain(|(n, _)| n != name);
    query.push((name.to_owned(), value));
}

/// Sets a header in `headers`, replacing an earlier value of the same name (names ignore case).
pub fn set_header(headers: &mut Vec<(String, String)>, name: &str, value: String) {
    headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    headers.push((name.to_owned(), value));
}

/// Bytes that stay as they are in a path segment: RFC 3986 unreserved characters,
/// sub-delimiters, `:` and `@`.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b':')
    .remove(b'@');

/// Bytes that stay as they are in a query name or value: those of a segment and `/`, less
/// the ones that delimit or that servers read as a space (`&`, `=`, `+`, `;`).
const QUERY: &AsciiSet = &SEGMENT.add(b'&').add(b'=').add(b'+').add(b';').remove(b'/');

/// A value as one path segment (`/users/{id}`): `/`, `#`, `?`, spaces and the like encoded.
pub fn segment(value: &str) -> String {
    utf8_percent_encode(value, SEGMENT).to_string()
}

/// A value inside an OData string literal (`getX(period='{value}')`): quotes doubled.
pub fn literal(value: &str) -> String {
    segment(&value.replace('\'', "''"))
}

/// A value that is itself a path (`root:/{item-path}:`): each of its segments encoded.
pub fn item_path(value: &str) -> String {
    value.split('/').map(segment).collect::<Vec<_>>().join("/")
}

/// An item that has a key: a generated entity, whose `id` it is.
pub trait Keyed {
    /// The id, or an empty key for an item that has none yet.
    fn key(&self) -> &str;
}

/// The key of an item of type `T` in the request tree: an id as text (taken as given), or
/// an item of type `T` itself (`Graph::users().item(&user)`), whose id it takes; an item of
/// another type does not compile there.
pub struct ItemKey<T: ?Sized>(String, PhantomData<fn(&T)>);

impl<T: ?Sized> ItemKey<T> {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<T: ?Sized> From<&str> for ItemKey<T> {
    fn from(id: &str) -> Self {
        ItemKey(id.to_owned(), PhantomData)
    }
}

impl<T: ?Sized> From<String> for ItemKey<T> {
    fn from(id: String) -> Self {
        ItemKey(id, PhantomData)
    }
}

impl<T: ?Sized> From<&String> for ItemKey<T> {
    fn from(id: &String) -> Self {
        ItemKey(id.clone(), PhantomData)
    }
}

impl<T: Keyed> From<&T> for ItemKey<T> {
    fn from(item: &T) -> Self {
        ItemKey(item.key().to_owned(), PhantomData)
    }
}

// The request tree's steps: each appends to the path its node holds. Plain functions, so
// that the generated nodes stay small.

/// `path/segment`: a segment as the docs write it (names, `$count`, `delta()`).
pub fn push_segment(mut path: String, segment: &str) -> String {
    path.push('/');
    path.push_str(segment);
    path
}

/// `path/{key}`: an item of the collection at `path`, its key encoded.
pub fn push_key(mut path: String, key: &str) -> String {
    path.push('/');
    path.push_str(&self::segment(key));
    path
}

/// `path:/{item-path}:`: an item below the one at `path`, by its path.
pub fn push_item_path(mut path: String, value: &str) -> String {
    path.push_str(":/");
    path.push_str(&item_path(value));
    path.push(':');
    path
}

/// `path/name(a='x',b=2)`: a function with its arguments as (name, value, quoted).
pub fn push_function(mut path: String, name: &str, arguments: &[(&str, &str, bool)]) -> String {
    path.push('/');
    path.push_str(name);
    path.push('(');
    for (i, (argument, value, quoted)) in arguments.iter().enumerate() {
        if i > 0 {
            path.push(',');
        }
        path.push_str(argument);
        path.push('=');
        if *quoted {
            path.push('\'');
            path.push_str(&literal(value));
            path.push('\'');
        } else {
            path.push_str(&self::segment(value));
        }
    }
    path.push(')');
    path
}

/// The options every request takes: any query option and any header.
macro_rules! request_options {
    () => {
        /// Sets a query option by name (`"$format"`, `"$skipToken"`), replacing an earlier
        /// value: for options the typed setters do not cover.
        pub fn query(mut self, name: &str, value: impl ToString) -> Self {
            set_query(&mut self.0.query, name, value.to_string());
            self
        }

        /// Sets a header, replacing an earlier value of the same name (names ignore case):
        /// `ConsistencyLevel: eventual`, `Prefer`, `If-Match`.
        pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
            set_header(&mut self.0.headers, name, value.into());
            self
        }
    };
}

/// The options of a request that reads: which properties come back, which related items
/// are expanded.
macro_rules! read_options {
    () => {
        /// `$select`: the properties to return, as the type's fields
        /// (`(User::DISPLAY_NAME, User::MAIL)`); names as strings go through `query`.
        pub fn select(mut self, fields: impl Selection<R::Fields>) -> Self
        where
            R: Queryable,
        {
            set_names(&mut self.0.query, "$select", fields.names());
            self
        }

        /// `$expand`: the navigation properties to return inline (`User::MANAGER`,
        /// `User::MANAGER.select(DirectoryObject::ID)`).
        pub fn expand(mut self, navigation: impl Expansion<R::Fields>) -> Self
        where
            R: Queryable,
        {
            set_names(&mut self.0.query, "$expand", navigation.names());
            self
        }
    };
}

/// A `GET` of one item (or one value): `$select`, `$expand` and any option or header.
#[must_use]
pub struct Get<R>(Request<(), R>);

impl<R> Get<R> {
    #[doc(hidden)]
    pub fn new(path: String) -> Self {
        Get(Request::new("GET", path))
    }

    read_options!();
    request_options!();

    /// The request, for a transport to send.
    pub fn into_request(self) -> Request<(), R> {
        self.0
    }
}

/// A `GET` of a collection: the options of `Get`, and those that choose and order the
/// items. The response is a `Page`; follow `next_link` for the rest.
#[must_use]
pub struct List<R>(Request<(), R>);

impl<R> List<R> {
    #[doc(hidden)]
    pub fn new(path: String) -> Self {
        List(Request::new("GET", path))
    }

    read_options!();
    request_options!();

    /// `$filter`: which items, built from the type's fields
    /// (`User::DISPLAY_NAME.starts_with("A")`). A filter the docs say needs advanced query
    /// parameters sets `ConsistencyLevel: eventual` and `$count=true`; others (`endsWith`,
    /// `ne` on directory objects) may need them set by hand.
    pub fn filter(mut self, filter: impl Into<Filter<R::Fields>>) -> Self
    where
        R: Queryable,
    {
        let request = &mut self.0;
        set_filter(&mut request.query, &mut request.headers, filter.into());
        self
    }

    /// `$orderby`: fields to sort by, `.desc()` for descending.
    pub fn orderby(mut self, fields: impl Ordering<R::Fields>) -> Self
    where
        R: Queryable,
    {
        set_names(&mut self.0.query, "$orderby", fields.names());
        self
    }

    /// `$top`: at most this many items per page.
    pub fn top(mut self, count: u32) -> Self {
        set_query(&mut self.0.query, "$top", count.to_string());
        self
    }

    /// `$skip`: leave out this many items first.
    pub fn skip(mut self, count: u32) -> Self {
        set_query(&mut self.0.query, "$skip", count.to_string());
        self
    }

    /// `$count`: also return how many items there are in all (`Page::count`); on directory
    /// objects it needs `header("ConsistencyLevel", "eventual")`.
    pub fn count(mut self, count: bool) -> Self {
        set_query(&mut self.0.query, "$count", count.to_string());
        self
    }

    /// `$search`: items that match the search text (`"\"displayName:Ada\""`); on directory
    /// objects it needs `header("ConsistencyLevel", "eventual")`.
    pub fn search(mut self, text: impl Into<String>) -> Self {
        set_query(&mut self.0.query, "$search", text.into());
        self
    }

    /// The request, for a transport to send.
    pub fn into_request(self) -> Request<(), R> {
        self.0
    }
}

// A client sends any of them as the request it is.
impl<R> From<Get<R>> for Request<(), R> {
    fn from(get: Get<R>) -> Self {
        get.0
    }
}

impl<R> From<List<R>> for Request<(), R> {
    fn from(list: List<R>) -> Self {
        list.0
    }
}

impl<B, R> From<Call<B, R>> for Request<B, R> {
    fn from(call: Call<B, R>) -> Self {
        call.0
    }
}

/// A request that changes something (`POST`, `PATCH`, `PUT`, `DELETE`), with its body.
#[must_use]
pub struct Call<B, R>(Request<B, R>);

impl<B, R> Call<B, R> {
    #[doc(hidden)]
    pub fn new(method: &'static str, path: String) -> Self {
        Call(Request::new(method, path))
    }

    #[doc(hidden)]
    pub fn with_body(method: &'static str, path: String, body: B) -> Self {
        Call(Request::new(method, path).with_body(body))
    }

    request_options!();

    /// The request, for a transport to send.
    pub fn into_request(self) -> Request<B, R> {
        self.0
    }
}

/// One page of a collection: the items and the annotations for paging through the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub value: Vec<T>,
    pub next_link: Option<String>,
    pub delta_link: Option<String>,
    pub count: Option<i64>,
    pub context: Option<String>,
    /// The page's other annotations (`@microsoft.graph.tips`, …), as sent; other properties
    /// are not kept.
    pub annotations: std::collections::BTreeMap<String, Json>,
    /// The headers of the request that fetched the page (`ConsistencyLevel`, `Prefer`), which
    /// the requests for the next page and the delta keep; set when read as a response.
    pub request_headers: Vec<(String, String)>,
}

// Serde by hand, here and for `Value`, as for generated types: the generated crate then
// needs no serde derive, and so none of the proc-macro crates behind it.
impl<T: Serialize> Serialize for Page<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("value", &self.value)?;
        for (name, link) in [("@odata.nextLink", &self.next_link), ("@odata.deltaLink", &self.delta_link)] {
            if let Some(link) = link {
                map.serialize_entry(name, link)?;
            }
        }
        if let Some(count) = &self.count {
            map.serialize_entry("@odata.count", count)?;
        }
        if let Some(context) = &self.context {
            map.serialize_entry("@odata.context", context)?;
        }
        for (name, value) in &self.annotations {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Page<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> de::Visitor<'de> for Visitor<T> {
            type Value = Page<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a page of a collection")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Page<T>, A::Error> {
                let mut page = Page {
                    value: Vec::new(),
                    next_link: None,
                    delta_link: None,
                    count: None,
                    context: None,
                    annotations: Default::default(),
                    request_headers: Vec::new(),
                };
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    match key.as_str() {
                        "value" => page.value = map.next_value()?,
                        "@odata.nextLink" => page.next_link = map.next_value()?,
                        "@odata.deltaLink" => page.delta_link = map.next_value()?,
                        "@odata.count" => page.count = map.next_value()?,
                        "@odata.context" => page.context = map.next_value()?,
                        name if name.starts_with('@') => {
                            page.annotations.insert(key.into_owned(), map.next_value()?);
                        }
                        _ => unlisted(&mut map, key, None)?,
                    }
                }
                Ok(page)
            }
        }
        d.deserialize_map(Visitor(PhantomData))
    }
}

impl<T> Page<T> {
    /// The request for the next page: its link is followed as the service wrote it, with the
    /// first request's headers.
    pub fn next_request(&self) -> Option<Request<(), Page<T>>> {
        self.follow(self.next_link.as_ref()?)
    }

    /// The request for the changes since this last page of a delta query, with the first
    /// request's headers.
    pub fn delta_request(&self) -> Option<Request<(), Page<T>>> {
        self.follow(self.delta_link.as_ref()?)
    }

    fn follow(&self, link: &str) -> Option<Request<(), Page<T>>> {
        let mut request = Request::new("GET", link);
        request.headers.clone_from(&self.request_headers);
        Some(request)
    }
}

/// The raw content of an `Edm.Stream` request or response body: bytes, not JSON.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Content(pub Vec<u8>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_reads_special_values() {
        let v: Vec<Double> = serde_json::from_str(r#"[1.5, 2, "NaN", "INF", "-INF", "3.25"]"#).unwrap();
        assert_eq!(v[0], Double(1.5));
        assert!(v[2].0.is_nan());
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"[1.5,2.0,"NaN","INF","-INF",3.25]"#);
    }

    #[test]
    fn durations_round_trip() {
        for text in ["PT1H30M", "P1DT2H", "-PT0.5S", "P1Y2M", "PT0S"] {
            let d: Duration = text.parse().unwrap();
            assert_eq!(d.to_string(), text);
        }
        assert_eq!("P2W".parse::<Duration>().unwrap().days, 14);
        assert!("P".parse::<Duration>().is_err());
        assert!("1H".parse::<Duration>().is_err());
        assert_eq!("PT90S".parse::<Duration>().unwrap().to_std(), Some(std::time::Duration::from_secs(90)));
    }

    #[test]
    fn urls_encode_query_values_and_keep_option_names() {
        let request = Request::<(), ()>::new("GET", "/auditLogs/signUps")
            .with_query("$filter", "createdDateTime ge 2024-01-01T00:00:00Z and status/errorCode eq 0")
            .with_query("$top", 5)
            .with_query("$top", 10)
            .with_query_list("$select", &["id", "userDisplayName"])
            .with_query("q", "a&b=c+d;e#f");
        assert_eq!(
            request.url("https://graph.microsoft.com/beta/"),
            "https://graph.microsoft.com/beta/auditLogs/signUps\
             ?$filter=createdDateTime%20ge%202024-01-01T00:00:00Z%20and%20status/errorCode%20eq%200\
             &$top=10&$select=id,userDisplayName&q=a%26b%3Dc%2Bd%3Be%23f"
        );
        let headed = request.with_header("ConsistencyLevel", "x").with_header("consistencylevel", "eventual");
        assert_eq!(headed.headers, [("consistencylevel".to_owned(), "eventual".to_owned())]);
    }

    #[test]
    fn path_values_are_encoded() {
        assert_eq!(segment("a b/c"), "a%20b%2Fc");
        assert_eq!(segment("o'neil#1@contoso.com"), "o'neil%231@contoso.com");
        assert_eq!(segment("100%?é"), "100%25%3F%C3%A9");
        assert_eq!(literal("it's"), "it''s");
        assert_eq!(item_path("Docs/Q1 plan.docx"), "Docs/Q1%20plan.docx");
    }

    #[test]
    fn pages_read_annotations_and_lead_to_the_next() {
        let page: Page<Json> = serde_json::from_str(
            r#"{"@odata.context": "c", "@odata.count": 2, "@microsoft.graph.tips": "t",
                "@odata.nextLink": "https://graph.microsoft.com/v1.0/users?$skiptoken=X%2B1", "value": [1, 2]}"#,
        )
        .unwrap();
        assert_eq!((page.value.len(), page.count, page.context.as_deref()), (2, Some(2), Some("c")));
        assert_eq!(page.annotations["@microsoft.graph.tips"], "t");
        let next = page.next_request().unwrap().with_query("$top", 2);
        assert_eq!(next.url("ignored"), "https://graph.microsoft.com/v1.0/users?$skiptoken=X%2B1&$top=2");
        let mut last: Page<Json> = serde_json::from_str(r#"{"@odata.deltaLink": "d"}"#).unwrap();
        assert!(last.value.is_empty() && last.next_request().is_none());
        assert_eq!(last.delta_link.as_deref(), Some("d"));
        // A page read as a response keeps its request's headers for the requests it leads to.
        last.request_headers = vec![("Prefer".to_owned(), "return=minimal".to_owned())];
        let delta = last.delta_request().unwrap();
        assert_eq!((delta.path.as_str(), delta.headers), ("d", last.request_headers.clone()));
    }

    #[test]
    fn pages_and_values_write_what_they_read() {
        let page: Page<i32> =
            serde_json::from_str(r#"{"value": [1], "@odata.nextLink": "n", "x": {"y": []}}"#).unwrap();
        assert_eq!(serde_json::to_string(&page).unwrap(), r#"{"value":[1],"@odata.nextLink":"n"}"#);
        let value: Value<i32> = serde_json::from_str(r#"{"@odata.context": "c", "value": 3}"#).unwrap();
        assert_eq!((value.value, serde_json::to_string(&value).unwrap()), (3, r#"{"value":3}"#.to_string()));
        assert!(serde_json::from_str::<Value<i32>>(r#"{"values": 3}"#).is_err());
    }

    #[test]
    fn base64_reads_both_alphabets() {
        let b: Base64 = serde_json::from_str("\"aGk-\"").unwrap();
        assert_eq!(b.0, vec![b'h', b'i', 0x3e]);
    }
}
