//! Runtime support for the generated Microsoft Graph models: the Edm primitive types, the
//! serde plumbing shared by every generated type, the transport-neutral request and page
//! types of the endpoint stubs, and (`client.rs`, `reqwest.rs`, written after this) the
//! client that sends them. Generated modules refer to it as `rt`.

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

/// The `@odata.type` a JSON object names, without the leading `#`.
pub fn odata_type(value: &Json) -> Option<&str> {
    value.get("@odata.type")?.as_str().map(|t| t.trim_start_matches('#'))
}

/// Names a derived type in a value's `@odata.type` (`#microsoft.graph.x`) unless it names
/// one already: how the service tells a derived value from one of its declared type.
pub fn name_type(odata_type: &mut Option<String>, name: &str) {
    if odata_type.is_none() {
        *odata_type = Some(name.to_owned());
    }
}

/// Reads a value as the type its `@odata.type` names (the caller's match), boxed.
pub fn read_as<T: serde::de::DeserializeOwned, E: de::Error>(value: Json) -> Result<Box<T>, E> {
    serde_json::from_value(value).map(Box::new).map_err(E::custom)
}

/// A property name as read, borrowed from the input where the deserializer allows.
pub struct Key<'de>(std::borrow::Cow<'de, str>);

impl Key<'_> {
    pub fn as_str(&self) -> &str {
        &self.0
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
            kept.insert(key.0.into_owned(), map.next_value()?);
        }
        None => {
            map.next_value::<de::IgnoredAny>()?;
        }
    }
    Ok(())
}

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
/// Annotations it does not name are ignored.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub value: Vec<T>,
    pub next_link: Option<String>,
    pub delta_link: Option<String>,
    pub count: Option<i64>,
    pub context: Option<String>,
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
                    request_headers: Vec::new(),
                };
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    match key.as_str() {
                        "value" => page.value = map.next_value()?,
                        "@odata.nextLink" => page.next_link = map.next_value()?,
                        "@odata.deltaLink" => page.delta_link = map.next_value()?,
                        "@odata.count" => page.count = map.next_value()?,
                        "@odata.context" => page.context = map.next_value()?,
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

/// The raw content of an `Edm.Stream` request or response body: bytes, not JSON.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Content(pub Vec<u8>);

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

/// The properties of a generated struct of optional fields, each under its JSON name: what
/// `json_object!` builds serde on. Generated as plain code, one line per property in each
/// method, so that a change to a type reads as a change to its lines.
pub trait JsonFields: Default {
    /// Writes each property that has a value (`write_field`).
    fn write_fields<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
    /// Reads the value of property `key` into its field; false when no field has that name.
    fn read_field<'de, A: de::MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error>;
}

/// Writes property `name` when the field has a value: `None` is not written.
pub fn write_field<M: serde::ser::SerializeMap, T: Serialize>(
    map: &mut M,
    name: &str,
    value: &Option<T>,
) -> Result<(), M::Error> {
    match value {
        Some(value) => map.serialize_entry(name, value),
        None => Ok(()),
    }
}

/// Serde and `JsonResponse` for a generated struct through its `JsonFields`, and the field holding unlisted
/// properties for an open type: an absent or `null` property reads as `None`, an unlisted
/// one is kept or skipped. Written out rather than derived: serde's derive makes several
/// times as much code per field (a field enum, visitors for strings, bytes, indices and
/// sequences), and that was most of the generated crate's compile time. Refers to the
/// runtime as `rt`, as generated modules do.
#[allow(unused_macros)]
macro_rules! json_object {
    ($name:ident $(, $unlisted:ident)?) => {
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
                struct Visitor;
                impl<'de> ::serde::de::Visitor<'de> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter) -> ::std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " object"))
                    }
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<$name, A::Error> {
                        let mut object = $name::default();
                        while let Some(key) = map.next_key::<rt::Key<'de>>()? {
                            if !rt::JsonFields::read_field(&mut object, key.as_str(), &mut map)? {
                                rt::unlisted(&mut map, key, [$(&mut object.$unlisted)?].into_iter().next())?;
                            }
                        }
                        Ok(object)
                    }
                }
                d.deserialize_map(Visitor)
            }
        }
        impl rt::JsonResponse for $name {}
    };
}
#[allow(unused_imports)]
pub(crate) use json_object;

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
