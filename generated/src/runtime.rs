//! Runtime support for the generated Microsoft Graph models: the Edm primitive types and
//! the serde plumbing shared by every generated type. Generated modules refer to it as `rt`.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

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

/// Reads a value as the type its `@odata.type` names (the caller's match), boxed.
pub fn read_as<T: serde::de::DeserializeOwned, E: de::Error>(value: Json) -> Result<Box<T>, E> {
    serde_json::from_value(value).map(Box::new).map_err(E::custom)
}

/// Serde, `Display` and `FromStr` for a generated string enum, through its `as_str` and
/// `From<&str>`: unknown values are kept, never rejected.
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
    };
}
pub(crate) use string_enum;

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
    fn base64_reads_both_alphabets() {
        let b: Base64 = serde_json::from_str("\"aGk-\"").unwrap();
        assert_eq!(b.0, vec![b'h', b'i', 0x3e]);
    }
}
