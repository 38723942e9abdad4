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

// Typed OData queries: written after `runtime.rs` into the generated crate's
// `src/runtime.rs`. Each generated type names its properties as associated consts
// (`User::DISPLAY_NAME`), fields typed by the owner, the value and the `$filter` operators the
// docs list for the property; `$select`, `$orderby`, `$expand` and `$filter` take them.

pub use query::*;

pub mod query {
    use super::*;
    use std::borrow::Cow;

    /// A type whose properties queries name: `Fields` is the type the consts are on (a
    /// polymorphic `Any…` enum and a `Page` query their base type's).
    pub trait Queryable {
        type Fields;
        /// The docs' qualified name, as a cast writes it (`microsoft.graph.user`).
        const NAME: &'static str;
    }

    impl<T: Queryable> Queryable for Page<T> {
        type Fields = T::Fields;
        const NAME: &'static str = T::NAME;
    }

    /// The value of a navigation property to `T`: it can be expanded, and a filter can
    /// reach the properties of a single one (`manager/id`).
    pub struct Nav<T>(PhantomData<fn() -> T>);

    impl<T: Queryable> Queryable for Nav<T> {
        type Fields = T::Fields;
        const NAME: &'static str = T::NAME;
    }

    /// The `$filter` operators the docs list for a property, each `true` when listed:
    /// `eq`, `ne`, `not`, `gt`, `ge`, `lt`, `le`, `in`, `startsWith`, `endsWith`,
    /// `contains`, `any`/`all`, `eq null`. `ByType` is every operator the value's type takes.
    pub struct Ops<
        const EQ: bool,
        const NE: bool,
        const NOT: bool,
        const GT: bool,
        const GE: bool,
        const LT: bool,
        const LE: bool,
        const IN: bool,
        const STARTS: bool,
        const ENDS: bool,
        const CONTAINS: bool,
        const LAMBDA: bool,
        const NULL: bool,
    >;

    /// A property the docs say nothing of (or support `$filter` on without a list): its
    /// type decides the operators.
    pub type ByType = Ops<true, true, true, true, true, true, true, true, true, true, true, true, true>;

    /// One trait per operator, implemented by the operator sets that list it.
    pub mod op {
        macro_rules! operator_traits {
            ($($name:ident: $($before:ident)* [] $($after:ident)*;)*) => {$(
                pub trait $name {}
                impl<$(const $before: bool,)* $(const $after: bool,)*> $name
                    for super::Ops<$($before,)* true, $($after),*> {}
            )*};
        }
        operator_traits! {
            Eq: [] B NT GT GE LT LE IN ST EN CO LA NU;
            Ne: A [] NT GT GE LT LE IN ST EN CO LA NU;
            Not: A B [] GT GE LT LE IN ST EN CO LA NU;
            Gt: A B NT [] GE LT LE IN ST EN CO LA NU;
            Ge: A B NT GT [] LT LE IN ST EN CO LA NU;
            Lt: A B NT GT GE [] LE IN ST EN CO LA NU;
            Le: A B NT GT GE LT [] IN ST EN CO LA NU;
            In: A B NT GT GE LT LE [] ST EN CO LA NU;
            StartsWith: A B NT GT GE LT LE IN [] EN CO LA NU;
            EndsWith: A B NT GT GE LT LE IN ST [] CO LA NU;
            Contains: A B NT GT GE LT LE IN ST EN [] LA NU;
            Lambda: A B NT GT GE LT LE IN ST EN CO [] NU;
            Null: A B NT GT GE LT LE IN ST EN CO LA [];
        }
    }

    /// A value written in a `$filter` as OData's URL grammar wants it: strings and enum
    /// members in single quotes (a quote doubled), numbers, booleans, GUIDs and date-times
    /// bare.
    pub trait Literal {
        fn write_literal(&self, out: &mut String);
    }

    /// Values compared with `gt`, `ge`, `lt`, `le`.
    pub trait Ordered: Literal {}

    /// `'text'`, a quote inside doubled.
    pub fn quoted(text: &str, out: &mut String) {
        out.push('\'');
        out.push_str(&text.replace('\'', "''"));
        out.push('\'');
    }

    macro_rules! bare_literals {
        ($($ty:ty),*) => {$(
            impl Literal for $ty {
                fn write_literal(&self, out: &mut String) {
                    out.push_str(&self.to_string());
                }
            }
            impl Ordered for $ty {}
        )*};
    }
    bare_literals!(i8, i16, i32, i64, u8, Decimal, Date, TimeOfDay);

    impl Literal for String {
        fn write_literal(&self, out: &mut String) {
            quoted(self, out)
        }
    }
    impl Ordered for String {}

    impl Literal for bool {
        fn write_literal(&self, out: &mut String) {
            out.push_str(if *self { "true" } else { "false" });
        }
    }

    impl Literal for Double {
        fn write_literal(&self, out: &mut String) {
            out.push_str(&self.0.to_string());
        }
    }
    impl Ordered for Double {}

    impl Literal for DateTimeOffset {
        fn write_literal(&self, out: &mut String) {
            out.push_str(&self.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
        }
    }
    impl Ordered for DateTimeOffset {}

    impl Literal for Guid {
        fn write_literal(&self, out: &mut String) {
            out.push_str(&self.hyphenated().to_string());
        }
    }

    /// A property of `T` holding a `V`, with the `$filter` operators `O` the docs list
    /// for it; `T::DISPLAY_NAME` and the like. Inside `any`/`all`, and through a complex
    /// property (`at`), its path has several segments.
    pub struct Field<T, V, O = ByType> {
        path: Cow<'static, str>,
        advanced: bool,
        marker: Marker<T, V, O>,
    }

    /// What a `Field` is typed by, without owning any of it.
    type Marker<T, V, O> = PhantomData<fn() -> (T, V, O)>;

    impl<T, V, O> Clone for Field<T, V, O> {
        fn clone(&self) -> Self {
            Field { path: self.path.clone(), advanced: self.advanced, marker: PhantomData }
        }
    }

    impl<T, V, O> Field<T, V, O> {
        #[doc(hidden)]
        pub const fn new(name: &'static str) -> Self {
            Field { path: Cow::Borrowed(name), advanced: false, marker: PhantomData }
        }

        /// A property whose docs say its filters need advanced query parameters.
        #[doc(hidden)]
        pub const fn advanced(name: &'static str) -> Self {
            Field { path: Cow::Borrowed(name), advanced: true, marker: PhantomData }
        }

        /// The JSON name (or path) as a query writes it.
        pub fn name(&self) -> &str {
            &self.path
        }

        /// The same property with every operator its type takes, whatever the docs list:
        /// for what the docs leave out. The service may refuse the query.
        pub fn unchecked(self) -> Field<T, V, ByType> {
            Field { path: self.path, advanced: self.advanced, marker: PhantomData }
        }

        /// `desc` for `$orderby`.
        pub fn desc(self) -> Descending<T> {
            Descending(self.path, PhantomData)
        }

        /// `name eq null`.
        pub fn is_null(&self) -> Cond<T, O>
        where
            O: op::Null,
        {
            self.cond(format!("{} eq null", self.path))
        }

        /// `name ne null`.
        pub fn is_not_null(&self) -> Cond<T, O>
        where
            O: op::Ne,
        {
            self.cond(format!("{} ne null", self.path))
        }

        /// A property of the derived type `T` of `B`, reached from `B` through a cast:
        /// `microsoft.graph.derived/name`. Nothing checks that `T` derives from `B`.
        pub fn through_cast<B>(self) -> Field<B, V, O>
        where
            T: Queryable,
        {
            Field { path: Cow::Owned(format!("{}/{}", T::NAME, self.path)), advanced: self.advanced, marker: PhantomData }
        }

        fn compare(&self, operator: &str, value: &impl Literal) -> Cond<T, O> {
            let mut text = format!("{} {operator} ", self.path);
            value.write_literal(&mut text);
            self.cond(text)
        }

        fn call(&self, function: &str, value: &impl Literal) -> Cond<T, O> {
            let mut text = format!("{function}({},", self.path);
            value.write_literal(&mut text);
            text.push(')');
            self.cond(text)
        }

        fn cond(&self, text: String) -> Cond<T, O> {
            Cond(Filter { text, advanced: self.advanced, precedence: Precedence::Atom, marker: PhantomData }, PhantomData)
        }

        fn lambda<E>(&self, kind: &str, body: impl FnOnce(Field<T, E, ByType>) -> Filter<T>) -> Cond<T, O> {
            // A variable the path does not use already (lambdas inside lambdas).
            let variable = ["x", "y", "z", "w", "v"]
                .into_iter()
                .find(|v| !self.path.starts_with(&format!("{v}/")) && self.path != *v)
                .unwrap_or("u");
            let inner = body(Field { path: Cow::Owned(variable.to_owned()), advanced: false, marker: PhantomData });
            let mut cond = self.cond(format!("{}/{kind}({variable}:{})", self.path, inner.text));
            cond.0.advanced |= inner.advanced;
            cond
        }
    }

    impl<T, V: Literal, O> Field<T, V, O> {
        /// `name eq value`.
        pub fn eq(&self, value: impl Into<V>) -> Cond<T, O>
        where
            O: op::Eq,
        {
            self.compare("eq", &value.into())
        }

        /// `name ne value`.
        pub fn ne(&self, value: impl Into<V>) -> Cond<T, O>
        where
            O: op::Ne,
        {
            self.compare("ne", &value.into())
        }

        /// `name in (a, b)`.
        pub fn is_in<I: IntoIterator<Item = impl Into<V>>>(&self, values: I) -> Cond<T, O>
        where
            O: op::In,
        {
            let mut text = format!("{} in (", self.path);
            for (i, value) in values.into_iter().enumerate() {
                if i > 0 {
                    text.push(',');
                }
                value.into().write_literal(&mut text);
            }
            text.push(')');
            self.cond(text)
        }

    }

    impl<T, V: Ordered, O> Field<T, V, O> {
        /// `name gt value`.
        pub fn gt(&self, value: impl Into<V>) -> Cond<T, O>
        where
            O: op::Gt,
        {
            self.compare("gt", &value.into())
        }

        /// `name ge value`.
        pub fn ge(&self, value: impl Into<V>) -> Cond<T, O>
        where
            O: op::Ge,
        {
            self.compare("ge", &value.into())
        }

        /// `name lt value`.
        pub fn lt(&self, value: impl Into<V>) -> Cond<T, O>
        where
            O: op::Lt,
        {
            self.compare("lt", &value.into())
        }

        /// `name le value`.
        pub fn le(&self, value: impl Into<V>) -> Cond<T, O>
        where
            O: op::Le,
        {
            self.compare("le", &value.into())
        }
    }

    impl<T, O> Field<T, String, O> {
        /// `startsWith(name,'text')`.
        pub fn starts_with(&self, text: &str) -> Cond<T, O>
        where
            O: op::StartsWith,
        {
            self.call("startsWith", &text.to_owned())
        }

        /// `endsWith(name,'text')`.
        pub fn ends_with(&self, text: &str) -> Cond<T, O>
        where
            O: op::EndsWith,
        {
            self.call("endsWith", &text.to_owned())
        }

        /// `contains(name,'text')`.
        pub fn contains(&self, text: &str) -> Cond<T, O>
        where
            O: op::Contains,
        {
            self.call("contains", &text.to_owned())
        }
    }

    impl<T, E, O> Field<T, Vec<E>, O> {
        /// `name/any(x:…)`: some item matches; the closure gets the item as a field.
        pub fn any(&self, body: impl FnOnce(Field<T, E, ByType>) -> Filter<T>) -> Cond<T, O>
        where
            O: op::Lambda,
        {
            self.lambda("any", body)
        }

        /// `name/all(x:…)`: every item matches.
        pub fn all(&self, body: impl FnOnce(Field<T, E, ByType>) -> Filter<T>) -> Cond<T, O>
        where
            O: op::Lambda,
        {
            self.lambda("all", body)
        }
    }

    impl<T, V: Queryable, O> Field<T, V, O> {
        /// A property of this complex value (or of a lambda's item): `address/city`.
        pub fn at<W, P>(&self, inner: Field<V::Fields, W, P>) -> Field<T, W, P> {
            Field { path: Cow::Owned(format!("{}/{}", self.path, inner.path)), advanced: inner.advanced, marker: PhantomData }
        }
    }

    impl<T, U, O> Field<T, Nav<U>, O> {
        /// `name/any(x:…)` over a collection navigation property: some item matches.
        pub fn any(&self, body: impl FnOnce(Field<T, Nav<U>, ByType>) -> Filter<T>) -> Cond<T, O>
        where
            O: op::Lambda,
        {
            self.lambda("any", body)
        }

        /// `name/all(x:…)` over a collection navigation property.
        pub fn all(&self, body: impl FnOnce(Field<T, Nav<U>, ByType>) -> Filter<T>) -> Cond<T, O>
        where
            O: op::Lambda,
        {
            self.lambda("all", body)
        }
    }

    impl<T, U: Queryable, O> Field<T, Nav<U>, O> {
        /// `$expand` with a nested `$select`: `manager($select=id,displayName)`.
        pub fn select(self, fields: impl Selection<U::Fields>) -> Expanded<T, U::Fields> {
            Expanded::of(self.path).select(fields)
        }

        /// `$expand` with a nested `$expand`: `sessions($expand=segments)`.
        pub fn expand(self, navigation: impl Expansion<U::Fields>) -> Expanded<T, U::Fields> {
            Expanded::of(self.path).expand(navigation)
        }

        /// `$expand` with a nested `$filter`: `members($filter=…)`.
        pub fn filter(self, filter: impl Into<Filter<U::Fields>>) -> Expanded<T, U::Fields> {
            Expanded::of(self.path).filter(filter)
        }
    }

    /// How tightly an expression binds: `or` < `and` < an operand.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    enum Precedence {
        Or,
        And,
        Atom,
    }

    /// A `$filter` expression on `T`'s properties.
    pub struct Filter<T> {
        text: String,
        advanced: bool,
        precedence: Precedence,
        marker: PhantomData<fn() -> T>,
    }

    impl<T> Clone for Filter<T> {
        fn clone(&self) -> Self {
            Filter { text: self.text.clone(), advanced: self.advanced, precedence: self.precedence, marker: PhantomData }
        }
    }

    impl<T> fmt::Display for Filter<T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.text)
        }
    }

    impl<T> fmt::Debug for Filter<T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "Filter({:?})", self.text)
        }
    }

    impl<T> Filter<T> {
        fn operand(&self, at_least: Precedence) -> String {
            match self.precedence < at_least {
                true => format!("({})", self.text),
                false => self.text.clone(),
            }
        }

        fn join(self, word: &str, other: Filter<T>, precedence: Precedence) -> Filter<T> {
            let text = format!("{} {word} {}", self.operand(precedence), other.operand(precedence));
            Filter { text, advanced: self.advanced || other.advanced, precedence, marker: PhantomData }
        }

        /// `a and b`.
        pub fn and(self, other: impl Into<Filter<T>>) -> Filter<T> {
            self.join("and", other.into(), Precedence::And)
        }

        /// `a or b`.
        pub fn or(self, other: impl Into<Filter<T>>) -> Filter<T> {
            self.join("or", other.into(), Precedence::Or)
        }

        /// `not (…)` of a combined expression; a single comparison's `not` is checked
        /// against its property's operators (`Cond::not`). A method, not `std::ops::Not`,
        /// so that `Cond::not` can carry that check and read the same.
        #[allow(clippy::should_implement_trait)]
        pub fn not(self) -> Filter<T> {
            let text = format!("not ({})", self.text);
            Filter { text, advanced: self.advanced, precedence: Precedence::Atom, marker: PhantomData }
        }

        /// Whether the docs say one of its properties needs advanced query parameters.
        pub fn needs_advanced_query(&self) -> bool {
            self.advanced
        }

        /// The expression as the query writes it.
        pub fn as_str(&self) -> &str {
            &self.text
        }
    }

    /// One comparison on a property with operators `O`; it is a `Filter` wherever one is
    /// taken.
    pub struct Cond<T, O>(Filter<T>, PhantomData<fn() -> O>);

    impl<T, O> Cond<T, O> {
        /// `not name eq x`, for a property whose docs list `not`.
        #[allow(clippy::should_implement_trait)]
        pub fn not(self) -> Filter<T>
        where
            O: op::Not,
        {
            self.0.not()
        }

        /// `a and b`.
        pub fn and(self, other: impl Into<Filter<T>>) -> Filter<T> {
            self.0.and(other)
        }

        /// `a or b`.
        pub fn or(self, other: impl Into<Filter<T>>) -> Filter<T> {
            self.0.or(other)
        }
    }

    impl<T, O> From<Cond<T, O>> for Filter<T> {
        fn from(cond: Cond<T, O>) -> Filter<T> {
            cond.0
        }
    }

    /// `name desc` for `$orderby`.
    pub struct Descending<T>(Cow<'static, str>, PhantomData<fn() -> T>);

    /// A navigation property of `T` to `U` with nested options, for `$expand`:
    /// `name($select=…;$expand=…)`.
    pub struct Expanded<T, U> {
        path: Cow<'static, str>,
        options: Vec<String>,
        marker: PhantomData<fn() -> (T, U)>,
    }

    impl<T, U> Expanded<T, U> {
        fn of(path: Cow<'static, str>) -> Self {
            Expanded { path, options: Vec::new(), marker: PhantomData }
        }

        /// Adds a nested `$select`.
        pub fn select(mut self, fields: impl Selection<U>) -> Self {
            self.options.push(format!("$select={}", fields.names().join(",")));
            self
        }

        /// Adds a nested `$expand`.
        pub fn expand(mut self, navigation: impl Expansion<U>) -> Self {
            self.options.push(format!("$expand={}", navigation.names().join(",")));
            self
        }

        /// Adds a nested `$filter`.
        pub fn filter(mut self, filter: impl Into<Filter<U>>) -> Self {
            self.options.push(format!("$filter={}", filter.into().text));
            self
        }
    }

    /// What `$select` takes: one field of `T` or a tuple of them.
    pub trait Selection<T> {
        fn names(self) -> Vec<String>;
    }

    /// What `$orderby` takes: fields of `T` (`.desc()` for descending), one or a tuple.
    pub trait Ordering<T> {
        fn names(self) -> Vec<String>;
    }

    /// What `$expand` takes: navigation properties of `T`, one or a tuple, each maybe with
    /// a nested `$select`.
    pub trait Expansion<T> {
        fn names(self) -> Vec<String>;
    }

    impl<T, V, O> Selection<T> for Field<T, V, O> {
        fn names(self) -> Vec<String> {
            vec![self.path.into_owned()]
        }
    }

    impl<T, V, O> Ordering<T> for Field<T, V, O> {
        fn names(self) -> Vec<String> {
            vec![self.path.into_owned()]
        }
    }

    impl<T> Ordering<T> for Descending<T> {
        fn names(self) -> Vec<String> {
            vec![format!("{} desc", self.0)]
        }
    }

    impl<T, U, O> Expansion<T> for Field<T, Nav<U>, O> {
        fn names(self) -> Vec<String> {
            vec![self.path.into_owned()]
        }
    }

    impl<T, U> Expansion<T> for Expanded<T, U> {
        fn names(self) -> Vec<String> {
            vec![format!("{}({})", self.path, self.options.join(";"))]
        }
    }

    macro_rules! tuples {
        ($trait:ident: $($($item:ident)*;)*) => {$(
            impl<T, $($item: $trait<T>),*> $trait<T> for ($($item,)*) {
                #[allow(non_snake_case)]
                fn names(self) -> Vec<String> {
                    let ($($item,)*) = self;
                    let mut names = Vec::new();
                    $(names.extend($item.names());)*
                    names
                }
            }
        )*};
    }
    macro_rules! all_tuples {
        ($($trait:ident)*) => {$(
            tuples!($trait: A; A B; A B C; A B C D; A B C D E; A B C D E F; A B C D E F G; A B C D E F G H;
                A B C D E F G H I; A B C D E F G H I J; A B C D E F G H I J K; A B C D E F G H I J K L;);
        )*};
    }
    all_tuples!(Selection Ordering Expansion);

    /// The typed `$select`, `$expand` (on `Get` and `List`), `$filter` and `$orderby`
    /// (on `List`) setters write their option through these.
    pub(crate) fn set_names(query: &mut Vec<(String, String)>, option: &str, names: Vec<String>) {
        set_query(query, option, names.join(","));
    }

    /// A filter that needs advanced query parameters sets them: `ConsistencyLevel:
    /// eventual` and `$count=true`.
    pub(crate) fn set_filter<T>(
        query: &mut Vec<(String, String)>,
        headers: &mut Vec<(String, String)>,
        filter: Filter<T>,
    ) {
        if filter.advanced {
            set_header(headers, "ConsistencyLevel", "eventual".to_owned());
            set_query(query, "$count", "true".to_owned());
        }
        set_query(query, "$filter", filter.text);
    }
}
// The JSON half of the runtime, written after `runtime.rs` into the generated crate's
// `src/runtime.rs`: the Edm types serde reads and writes, and the serde plumbing every
// generated type is built on (`json_object!`, `string_enum!`, `Any…` enums).

/// `Edm.Double` and `Edm.Single`: an `f64` that also reads and writes the `"NaN"`, `"INF"`
/// and `"-INF"` strings OData uses for values JSON numbers cannot hold.
#[derive(Debug, Clone, Copy, Default)]
pub struct Double(pub f64);

impl PartialEq for Double {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_bits() == other.0.to_bits() || self.0 == other.0
    }
}

impl From<f64> for Double {
    fn from(value: f64) -> Self {
        Double(value)
    }
}

impl From<Double> for f64 {
    fn from(value: Double) -> Self {
        value.0
    }
}

impl Serialize for Double {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            v if v.is_nan() => s.serialize_str("NaN"),
            v if v == f64::INFINITY => s.serialize_str("INF"),
            v if v == f64::NEG_INFINITY => s.serialize_str("-INF"),
            v => s.serialize_f64(v),
        }
    }
}

impl<'de> Deserialize<'de> for Double {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Double;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or one of \"NaN\", \"INF\", \"-INF\"")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Double, E> {
                Ok(Double(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Double, E> {
                Ok(Double(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Double, E> {
                Ok(Double(v as f64))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Double, E> {
                match v {
                    "NaN" => Ok(Double(f64::NAN)),
                    "INF" | "Infinity" => Ok(Double(f64::INFINITY)),
                    "-INF" | "-Infinity" => Ok(Double(f64::NEG_INFINITY)),
                    // IEEE754Compatible responses send numbers as strings.
                    _ => v.parse().map(Double).map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self)),
                }
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// `Edm.Binary`: bytes, sent as base64 text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Base64(pub Vec<u8>);

impl Serialize for Base64 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use base64::Engine;
        s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(&self.0))
    }
}

impl<'de> Deserialize<'de> for Base64 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
        use base64::Engine;
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        [STANDARD, URL_SAFE, STANDARD_NO_PAD, URL_SAFE_NO_PAD]
            .iter()
            .find_map(|engine| engine.decode(text.as_bytes()).ok())
            .map(Base64)
            .ok_or_else(|| de::Error::invalid_value(de::Unexpected::Str(&text), &"base64 text"))
    }
}

/// `Edm.Duration`: an ISO 8601 duration such as `P1DT2H30M` or `-PT0.5S`. Years and months
/// are kept apart from days because their length depends on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Duration {
    pub negative: bool,
    pub years: u64,
    pub months: u64,
    pub days: u64,
    pub hours: u64,
    pub minutes: u64,
    pub seconds: f64,
}

impl Duration {
    /// The length as a `std::time::Duration`, when it has no sign, years or months.
    pub fn to_std(&self) -> Option<std::time::Duration> {
        if self.negative || self.years > 0 || self.months > 0 {
            return None;
        }
        let whole = ((self.days * 24 + self.hours) * 60 + self.minutes) * 60;
        std::time::Duration::try_from_secs_f64(self.seconds).ok().map(|s| s + std::time::Duration::from_secs(whole))
    }
}

impl std::str::FromStr for Duration {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("`{text}` is not an ISO 8601 duration");
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let rest = rest.strip_prefix('P').ok_or_else(bad)?;
        let mut d = Duration { negative, ..Duration::default() };
        let (mut in_time, mut number, mut any) = (false, String::new(), false);
        for c in rest.chars() {
            match c {
                'T' if !in_time && number.is_empty() => in_time = true,
                '0'..='9' | '.' | ',' => number.push(if c == ',' { '.' } else { c }),
                _ => {
                    let value: f64 = number.parse().map_err(|_| bad())?;
                    number.clear();
                    any = true;
                    let whole = value as u64;
                    match (in_time, c) {
                        (false, 'Y') => d.years = whole,
                        (false, 'M') => d.months = whole,
                        (false, 'W') => d.days += whole * 7,
                        (false, 'D') => d.days += whole,
                        (true, 'H') => d.hours = whole,
                        (true, 'M') => d.minutes = whole,
                        (true, 'S') => d.seconds = value,
                        _ => return Err(bad()),
                    }
                }
            }
        }
        if !number.is_empty() || !any {
            return Err(bad());
        }
        Ok(d)
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        f.write_str("P")?;
        for (n, unit) in [(self.years, 'Y'), (self.months, 'M'), (self.days, 'D')] {
            if n > 0 {
                write!(f, "{n}{unit}")?;
            }
        }
        let time = self.hours > 0 || self.minutes > 0 || self.seconds > 0.0;
        let empty = self.years == 0 && self.months == 0 && self.days == 0;
        if time || empty {
            f.write_str("T")?;
            for (n, unit) in [(self.hours, 'H'), (self.minutes, 'M')] {
                if n > 0 {
                    write!(f, "{n}{unit}")?;
                }
            }
            if self.seconds > 0.0 || !time {
                write!(f, "{}S", self.seconds)?;
            }
        }
        Ok(())
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        std::borrow::Cow::<str>::deserialize(d)?.parse().map_err(de::Error::custom)
    }
}

/// Names a derived type in a value's `@odata.type` (`#microsoft.graph.x`) unless it names
/// one already: how the service tells a derived value from one of its declared type.
pub fn name_type(odata_type: &mut Option<String>, name: &str) {
    if odata_type.is_none() {
        *odata_type = Some(name.to_owned());
    }
}

/// A property name as read, borrowed from the input where the deserializer allows.
pub struct Key<'de>(std::borrow::Cow<'de, str>);

impl Key<'_> {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a property name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(v.into()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(v.to_owned().into()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(v.into()))
            }
        }
        d.deserialize_str(Visitor)
    }
}

/// The declared properties of a value that are an explicit `null` (their JSON names): a
/// field holds `None` for an absent property and a null one alike, and this tells them
/// apart. Read from the input, and written back; `set` one to send it as `null` (in a
/// `PATCH` body, that clears the property). Empty, and unallocated, unless a null is read
/// or set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Nulls(Option<Box<NullNames>>);

/// The names, and a bit per name (`name_bit`) so that a property not among them, as most
/// are when a struct is written, is told so without comparing names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct NullNames {
    bits: u64,
    names: Vec<String>,
}

#[inline]
fn name_bit(name: &str) -> u64 {
    let last = name.as_bytes().last().copied().unwrap_or(0) as usize;
    1 << ((name.len() * 7 + last) % 64)
}

impl Nulls {
    /// Property `name` (its JSON name: `mobilePhone`) is to be written as `null` when its
    /// field holds no value.
    pub fn set(&mut self, name: &str) {
        if !self.contains(name) {
            let nulls = self.0.get_or_insert_with(Box::default);
            nulls.bits |= name_bit(name);
            nulls.names.push(name.to_owned());
        }
    }

    #[inline]
    pub fn contains(&self, name: &str) -> bool {
        self.0.as_ref().is_some_and(|nulls| nulls.bits & name_bit(name) != 0 && nulls.names.iter().any(|n| n == name))
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().flat_map(|nulls| nulls.names.iter().map(String::as_str))
    }
}

/// What reading one property found (`JsonFields::read_field`).
pub enum Read {
    Value,
    Null,
    /// The type lists no property of that name.
    Unlisted,
}

/// Reads a property's value into its field.
#[inline]
pub fn read_field<'de, A: de::MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    field: &mut Option<T>,
) -> Result<Read, A::Error> {
    *field = map.next_value()?;
    Ok(if field.is_some() { Read::Value } else { Read::Null })
}

/// Reads a property's value into its field, in any of the forms Graph sends (`Lenient`).
#[inline]
pub fn read_lenient<'de, A: de::MapAccess<'de>, T: Lenient>(
    map: &mut A,
    field: &mut Option<T>,
) -> Result<Read, A::Error> {
    *field = map.next_value::<LenientValue<Option<T>>>()?.0;
    Ok(if field.is_some() { Read::Value } else { Read::Null })
}

/// Values Graph sends in more than one form, read in any of them and written in one: an
/// integer also as a string (`"size": "157286"`, as `IEEE754Compatible=true` answers send
/// Int64), a date-time also without an offset (`2017-04-15T03:00:50`, read as UTC).
pub trait Lenient: Sized {
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
}

/// A `Lenient` value as serde reads it.
struct LenientValue<T>(T);

impl<'de, T: Lenient> Deserialize<'de> for LenientValue<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::read(d).map(LenientValue)
    }
}

macro_rules! lenient_integers {
    ($($integer:ty),*) => {$(
        impl Lenient for $integer {
            fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl de::Visitor<'_> for Visitor {
                    type Value = $integer;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str(concat!("an integer (", stringify!($integer), "), as a number or a string"))
                    }
                    fn visit_i64<E: de::Error>(self, v: i64) -> Result<$integer, E> {
                        v.try_into().map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
                    }
                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<$integer, E> {
                        v.try_into().map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$integer, E> {
                        v.parse().map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
                    }
                }
                d.deserialize_any(Visitor)
            }
        }
    )*};
}

lenient_integers!(i8, i16, i32, i64, u8);

impl Lenient for DateTimeOffset {
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        text.parse::<DateTimeOffset>()
            .or_else(|_| text.parse::<chrono::NaiveDateTime>().map(|t| t.and_utc().fixed_offset()))
            .map_err(|_| de::Error::invalid_value(de::Unexpected::Str(&text), &"a date-time"))
    }
}

impl<T: Lenient> Lenient for Option<T> {
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor<T>(PhantomData<T>);
        impl<'de, T: Lenient> de::Visitor<'de> for Visitor<T> {
            type Value = Option<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value or null")
            }
            fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
                Ok(None)
            }
            fn visit_some<S: Deserializer<'de>>(self, d: S) -> Result<Option<T>, S::Error> {
                T::read(d).map(Some)
            }
        }
        d.deserialize_option(Visitor(PhantomData))
    }
}

impl<T: Lenient> Lenient for Vec<T> {
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor<T>(PhantomData<T>);
        impl<'de, T: Lenient> de::Visitor<'de> for Visitor<T> {
            type Value = Vec<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(LenientValue(item)) = seq.next_element()? {
                    items.push(item);
                }
                Ok(items)
            }
        }
        d.deserialize_seq(Visitor(PhantomData))
    }
}

/// The properties of a generated struct of optional fields, each under its JSON name: what
/// `json_object!` builds serde on. Generated as plain code, one line per property in each
/// method, so that a change to a type reads as a change to its lines.
pub trait JsonFields: Default {
    /// Writes each property that has a value, or is an explicit null (`write_field`).
    fn write_fields<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
    /// Reads the value of property `key` into its field (`read_field`, `read_lenient`).
    fn read_field<'de, A: de::MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<Read, A::Error>;
}

/// Writes property `name` when the field has a value, as `null` when `nulls` holds it;
/// else not at all.
#[inline]
pub fn write_field<M: serde::ser::SerializeMap, T: Serialize>(
    map: &mut M,
    nulls: &Nulls,
    name: &str,
    value: &Option<T>,
) -> Result<(), M::Error> {
    match value {
        Some(value) => map.serialize_entry(name, value),
        None if nulls.contains(name) => map.serialize_entry(name, &()),
        None => Ok(()),
    }
}

/// A generated struct as `json_object!` makes it: its `JsonFields`, and the parts every
/// struct has beside them.
pub trait JsonObject: JsonFields + 'static {
    fn nulls_mut(&mut self) -> &mut Nulls;
    /// The `@odata.type` field; none for an action's parameters.
    fn odata_type_mut(&mut self) -> Option<&mut Option<String>> {
        None
    }
    /// Where an open type keeps the properties it does not list; none for a closed type.
    fn unlisted_mut(&mut self) -> Option<&mut std::collections::BTreeMap<String, Json>> {
        None
    }
}

/// Reads the properties left in `map` into `object`.
pub fn read_object<'de, T: JsonObject, A: de::MapAccess<'de>>(object: &mut T, map: &mut A) -> Result<(), A::Error> {
    while let Some(key) = map.next_key::<Key<'de>>()? {
        match object.read_field(key.as_str(), map)? {
            Read::Value => {}
            Read::Null => object.nulls_mut().set(key.as_str()),
            Read::Unlisted => unlisted(map, key, object.unlisted_mut())?,
        }
    }
    Ok(())
}

/// `Deserialize` of a generated struct (`json_object!`).
pub fn read_struct<'de, T: JsonObject, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    struct Visitor<T>(PhantomData<T>);
    impl<'de, T: JsonObject> de::Visitor<'de> for Visitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            let name = std::any::type_name::<T>();
            write!(f, "a {} object", name.rsplit("::").next().unwrap_or(name))
        }
        fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
            let mut object = T::default();
            read_object(&mut object, &mut map)?;
            Ok(object)
        }
    }
    d.deserialize_map(Visitor(PhantomData))
}

/// Reads the value of a property the type does not list: kept in `kept` for an open type,
/// skipped otherwise. `verify` builds with `graph_docs_verify`, where nothing is kept: an
/// unlisted property is then lost in the round trip, and counted as a miss.
pub fn unlisted<'de, A: de::MapAccess<'de>>(
    map: &mut A,
    key: Key<'de>,
    kept: Option<&mut std::collections::BTreeMap<String, Json>>,
) -> Result<(), A::Error> {
    match kept.filter(|_| !cfg!(graph_docs_verify)) {
        Some(kept) => {
            kept.insert(key.into_owned(), map.next_value()?);
        }
        None => {
            map.next_value::<de::IgnoredAny>()?;
        }
    }
    Ok(())
}

/// An `Any…` enum: the variant a value is read as, by its `@odata.type`
/// (`reader.odata_type()`), each variant's struct read with `reader.read()`.
pub trait Polymorphic: Sized {
    /// The declared type.
    type Base: JsonObject + Serialize;
    fn pick<'de, R: ReadAs<'de>>(reader: R) -> Result<Self, R::Error>;
}

/// A value being read as one of the types an `Any…` enum holds (`Polymorphic`).
pub trait ReadAs<'de> {
    type Error: de::Error;
    /// The type the value names, without the leading `#`.
    fn odata_type(&self) -> Option<&str>;
    fn read<T: JsonObject>(self) -> Result<Box<T>, Self::Error>;
}

/// `Deserialize` of an `Any…` enum, reading each property once where Graph's order allows:
/// an `@odata.type` that comes first (as Graph sends a derived value) picks the variant,
/// which reads the rest of the object from the input. A value without one (as Graph sends a
/// value of the declared type) is read as the declared type from its first property on
/// (annotations before it kept aside); should an `@odata.type` naming a derived type come
/// after all, what was read is written out and read again as that type. Properties no
/// field took are kept as raw JSON text until the type is known.
pub fn read_polymorphic<'de, T: Polymorphic, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    struct Visitor<T>(PhantomData<T>);
    impl<'de, T: Polymorphic> de::Visitor<'de> for Visitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
            let mut kept = Vec::new();
            let mut base: Option<Box<T::Base>> = None;
            while let Some(key) = map.next_key::<Key<'de>>()? {
                if key.as_str() == "@odata.type" {
                    let odata_type = map.next_value()?;
                    return T::pick(Polymorph { odata_type, base, kept, rest: Some(&mut map) });
                }
                if base.is_none() && key.as_str().starts_with('@') {
                    kept.push((key, map.next_value()?));
                    continue;
                }
                let object = base.get_or_insert_with(Box::default);
                match object.read_field(key.as_str(), &mut map)? {
                    Read::Value => {}
                    Read::Null => object.nulls_mut().set(key.as_str()),
                    Read::Unlisted => kept.push((key, map.next_value()?)),
                }
            }
            T::pick(Polymorph { odata_type: None, base, kept, rest: None::<&mut A> })
        }
    }
    d.deserialize_map(Visitor(PhantomData))
}

/// A value of an `Any…` enum being read: its type, what was read as the declared type
/// `B` before the type was known, the properties not read yet as raw JSON, and the rest
/// of the object when there is more.
struct Polymorph<'a, 'de, A, B> {
    odata_type: Option<String>,
    base: Option<Box<B>>,
    kept: Vec<(Key<'de>, Box<serde_json::value::RawValue>)>,
    rest: Option<&'a mut A>,
}

impl<'de, A: de::MapAccess<'de>, B: JsonObject + Serialize> ReadAs<'de> for Polymorph<'_, 'de, A, B> {
    type Error = A::Error;

    fn odata_type(&self) -> Option<&str> {
        self.odata_type.as_deref().map(|t| t.trim_start_matches('#'))
    }

    fn read<T: JsonObject>(self) -> Result<Box<T>, A::Error> {
        let mut object = match self.base.map(|base| base as Box<dyn std::any::Any>) {
            None => Box::<T>::default(),
            Some(base) => match base.downcast::<T>() {
                Ok(same) => same,
                Err(base) => {
                    let mut object = Box::<T>::default();
                    let fields = base.downcast_ref::<B>().map(serde_json::to_value).transpose().map_err(de::Error::custom)?;
                    if let Some(Json::Object(fields)) = fields {
                        for (key, value) in fields {
                            read_entry(&mut *object, &key, ValueEntry(Some(value)), || Ok(Json::Null))?;
                        }
                    }
                    object
                }
            },
        };
        if let (Some(field), Some(odata_type)) = (object.odata_type_mut(), self.odata_type) {
            *field = Some(odata_type);
        }
        for (key, raw) in self.kept {
            read_entry(&mut *object, key.as_str(), RawEntry(&raw), || serde_json::from_str(raw.get()))?;
        }
        if let Some(map) = self.rest {
            read_object(&mut *object, map)?;
        }
        Ok(object)
    }
}

/// Reads one property kept aside (`entry`) into `object`; `value` gives it as JSON for an
/// open type's unlisted properties. An error names the property.
fn read_entry<'r, T: JsonObject, M: de::MapAccess<'r, Error = serde_json::Error>, E: de::Error>(
    object: &mut T,
    key: &str,
    mut entry: M,
    value: impl FnOnce() -> Result<Json, serde_json::Error>,
) -> Result<(), E> {
    let named = |e: serde_json::Error| E::custom(format_args!("{key}: {e}"));
    match object.read_field(key, &mut entry).map_err(named)? {
        Read::Value => {}
        Read::Null => object.nulls_mut().set(key),
        Read::Unlisted => {
            if let Some(kept) = object.unlisted_mut().filter(|_| !cfg!(graph_docs_verify)) {
                kept.insert(key.to_owned(), value().map_err(named)?);
            }
        }
    }
    Ok(())
}

/// The value of one kept property, as raw JSON text.
struct RawEntry<'r>(&'r serde_json::value::RawValue);

impl<'r> de::MapAccess<'r> for RawEntry<'r> {
    type Error = serde_json::Error;
    fn next_key_seed<K: de::DeserializeSeed<'r>>(&mut self, _: K) -> Result<Option<K::Value>, Self::Error> {
        Ok(None)
    }
    fn next_value_seed<V: de::DeserializeSeed<'r>>(&mut self, seed: V) -> Result<V::Value, Self::Error> {
        let mut d = serde_json::Deserializer::from_str(self.0.get());
        let value = seed.deserialize(&mut d)?;
        d.end()?;
        Ok(value)
    }
}

/// The value of one property of a value written out again.
struct ValueEntry(Option<Json>);

impl<'de> de::MapAccess<'de> for ValueEntry {
    type Error = serde_json::Error;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, _: K) -> Result<Option<K::Value>, Self::Error> {
        Ok(None)
    }
    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Self::Error> {
        seed.deserialize(self.0.take().unwrap_or_default())
    }
}

/// A single primitive result, which the service sends as `{"value": …}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Value<T> {
    pub value: T,
}

impl<T: Serialize> Serialize for Value<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(1))?;
        map.serialize_entry("value", &self.value)?;
        map.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Value<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> de::Visitor<'de> for Visitor<T> {
            type Value = Value<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object with a value")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Value<T>, A::Error> {
                let mut value = None;
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    match key.as_str() {
                        "value" => value = Some(map.next_value()?),
                        _ => unlisted(&mut map, key, None)?,
                    }
                }
                value.map(|value| Value { value }).ok_or_else(|| de::Error::missing_field("value"))
            }
        }
        d.deserialize_map(Visitor(PhantomData))
    }
}

/// A response type read from a JSON body: generated types, `Value<T>`, `Json` (what
/// `FromResponse` reads as JSON, with the `http` feature).
pub trait JsonResponse: de::DeserializeOwned {}

impl<T: de::DeserializeOwned> JsonResponse for Value<T> {}
impl JsonResponse for Json {}

/// Serde, `Display`, `FromStr` and `JsonResponse` for a generated string enum, through its
/// `as_str` and `From<&str>`: unknown values are kept, never rejected. A selection of areas
/// may have no enum at all, hence the allows.
#[allow(unused_macros)]
macro_rules! string_enum {
    ($name:ident) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok(Self::from(s))
            }
        }
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                Ok(Self::from(s.as_ref()))
            }
        }
        impl rt::JsonResponse for $name {}
        impl rt::Literal for $name {
            fn write_literal(&self, out: &mut String) {
                rt::quoted(self.as_str(), out)
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use string_enum;

/// Serde and `JsonResponse` for a generated struct through its `JsonFields`, given the
/// field holding unlisted properties for an open type (`JsonObject`; an action's parameters
/// are `parameters Name`: they have no `@odata.type`): an absent or `null` property reads
/// as `None` (a `null` noted in `nulls`), an unlisted one is kept or skipped. Written out
/// rather than derived: serde's derive makes several times as much code per field (a field
/// enum, visitors for strings, bytes, indices and sequences), and that was most of the
/// generated crate's compile time. Refers to the runtime as `rt`, as generated modules do.
#[allow(unused_macros)]
macro_rules! json_object {
    (@serde $name:ident $(, $unlisted:ident)?) => {
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap;
                let mut map = s.serialize_map(None)?;
                rt::JsonFields::write_fields(self, &mut map)?;
                $(for (name, value) in &self.$unlisted { map.serialize_entry(name, value)?; })?
                map.end()
            }
        }
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                rt::read_struct(d)
            }
        }
        impl rt::JsonResponse for $name {}
    };
    (parameters $name:ident) => {
        impl rt::JsonObject for $name {
            fn nulls_mut(&mut self) -> &mut rt::Nulls {
                &mut self.nulls
            }
        }
        rt::json_object!(@serde $name);
    };
    ($name:ident $(, $unlisted:ident)?) => {
        impl rt::JsonObject for $name {
            fn odata_type_mut(&mut self) -> ::std::option::Option<&mut ::std::option::Option<::std::string::String>> {
                ::std::option::Option::Some(&mut self.odata_type)
            }
            fn nulls_mut(&mut self) -> &mut rt::Nulls {
                &mut self.nulls
            }
            $(fn unlisted_mut(&mut self) -> ::std::option::Option<&mut ::std::collections::BTreeMap<::std::string::String, rt::Json>> {
                ::std::option::Option::Some(&mut self.$unlisted)
            })?
        }
        rt::json_object!(@serde $name $(, $unlisted)?);
    };
}
#[allow(unused_imports)]
pub(crate) use json_object;

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
