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
