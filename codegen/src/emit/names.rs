//! Docs names to Rust identifiers that are always valid and never collide.

use rustc_hash::FxHashSet;

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
    "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self",
    "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "abstract",
    "become", "box", "do", "final", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
    "union",
];

/// Type names that would shadow what generated code refers to unqualified.
const RESERVED_TYPES: &[&str] = &[
    "Option",
    "Some",
    "None",
    "Vec",
    "String",
    "Box",
    "Result",
    "Ok",
    "Err",
    "Default",
    "Clone",
    "Copy",
    "Debug",
    "PartialEq",
    "Eq",
    "Hash",
    "Serialize",
    "Deserialize",
    "Deserializer",
    "Serializer",
    "Value",
    "Map",
    "Send",
    "Sync",
    "Sized",
    "From",
    "Into",
    "Iterator",
    "ToString",
    "FromStr",
    "Display",
    "Formatter",
    "Fn",
    "Drop",
];

/// The words of a name, cased as `heck` cases them (and as fast as the generator needs,
/// since every property name goes through here): runs of ASCII letters and digits; a run
/// is cut before a capital that follows a lowercase letter or digit-after-lowercase, and
/// before the last capital of several that a lowercase letter follows (`HTTPServer` →
/// `HTTP`, `Server`). Everything else separates words.
fn for_each_word(raw: &str, mut word: impl FnMut(&str)) {
    #[derive(PartialEq, Clone, Copy)]
    enum Mode {
        Boundary,
        Lowercase,
        Uppercase,
    }
    for run in raw.split(|c: char| !c.is_ascii_alphanumeric()).filter(|r| !r.is_empty()) {
        let bytes = run.as_bytes();
        let (mut start, mut mode) = (0, Mode::Boundary);
        for (i, pair) in bytes.windows(2).enumerate() {
            let (c, next) = (pair[0], pair[1]);
            // The mode with this character, if no word ends here; digits keep the mode.
            let next_mode = match c {
                b'a'..=b'z' => Mode::Lowercase,
                b'A'..=b'Z' => Mode::Uppercase,
                _ => mode,
            };
            if next_mode == Mode::Lowercase && next.is_ascii_uppercase() {
                word(&run[start..=i]);
                (start, mode) = (i + 1, Mode::Boundary);
            } else if mode == Mode::Uppercase && c.is_ascii_uppercase() && next.is_ascii_lowercase() {
                word(&run[start..i]);
                (start, mode) = (i, Mode::Boundary);
            } else {
                mode = next_mode;
            }
        }
        word(&run[start..]);
    }
}

/// `UpperCamelCase`: each word capitalized, joined.
pub fn upper_camel(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for_each_word(raw, |word| {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
    });
    out
}

/// `snake_case`: each word lowercased, joined by `_`.
fn snake(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 4);
    for_each_word(raw, |word| {
        if !out.is_empty() {
            out.push('_');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    });
    out
}

pub fn type_name(raw: &str) -> String {
    let mut name = upper_camel(raw);
    if name.is_empty() {
        name = "Unnamed".into();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, 'T');
    }
    if RESERVED_TYPES.contains(&name.as_str()) || name == "Self" {
        name.push_str("Type");
    }
    name
}

/// Enum variants are only ever written `Self::X`, so prelude names do not clash with them.
pub fn variant_name(raw: &str) -> String {
    let mut name = upper_camel(raw);
    if name.is_empty() {
        name = "Empty".into();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, 'V');
    }
    // `Self_` would collide into `Self_2`, which the naming lints reject.
    if name == "Self" {
        name.push_str("Value");
    }
    name
}

pub fn field_name(raw: &str) -> String {
    let mut name = snake(raw);
    if name.is_empty() {
        name = "field".into();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, "n_");
    }
    if KEYWORDS.contains(&name.as_str()) {
        name.push('_');
    }
    name
}

pub fn module_name(namespace_tail: &str) -> String {
    field_name(namespace_tail)
}

/// Hands out names unique within one scope, suffixing `2`, `3`, … on collision.
#[derive(Default)]
pub struct Scope {
    taken: FxHashSet<String>,
}

impl Scope {
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Scope { taken: reserved.iter().map(|s| s.to_string()).collect() }
    }

    pub fn is_taken(&self, name: &str) -> bool {
        self.taken.contains(name)
    }

    pub fn claim(&mut self, wanted: String) -> String {
        if self.taken.insert(wanted.clone()) {
            return wanted;
        }
        let sep = if wanted.ends_with(|c: char| c.is_ascii_digit()) { "_" } else { "" };
        (2..)
            .map(|n| format!("{wanted}{sep}{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .expect("an unused suffix exists")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_valid() {
        assert_eq!(type_name("selfServiceSignUp"), "SelfServiceSignUp");
        assert_eq!(type_name("3dPrinter"), "T3dPrinter");
        assert_eq!(type_name("string"), "StringType");
        assert_eq!(type_name("North America Letter"), "NorthAmericaLetter");
        assert_eq!(variant_name("none"), "None");
        assert_eq!(variant_name("self"), "SelfValue");
        assert_eq!(variant_name("24x7"), "V24x7");
        assert_eq!(field_name("@odata.type"), "odata_type");
        assert_eq!(field_name("type"), "type_");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("riskEventTypes_v2"), "risk_event_types_v2");
        assert_eq!(field_name("2fa"), "n_2fa");
        assert_eq!(field_name("---"), "field");
        for raw in ["fn x() {}", "*/", "\"]", "#![deny]", "a\nb"] {
            let f = field_name(raw);
            assert!(syn::parse_str::<syn::Ident>(&f).is_ok(), "{raw:?} → {f:?}");
            for name in [type_name(raw), variant_name(raw)] {
                assert!(syn::parse_str::<syn::Ident>(&name).is_ok(), "{raw:?} → {name:?}");
            }
        }
    }

    proptest::proptest! {
        /// The cases are heck's, which the generator used before it cased names itself.
        #[test]
        fn casing_is_hecks(raw in "[a-zA-Z0-9 _.@é-]{0,16}") {
            use heck::{ToSnakeCase, ToUpperCamelCase};
            let words: String = raw.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' }).collect();
            proptest::prop_assert_eq!(snake(&raw), words.to_snake_case());
            proptest::prop_assert_eq!(upper_camel(&raw), words.to_upper_camel_case());
        }
    }

    #[test]
    fn scope_suffixes_collisions() {
        let mut scope = Scope::with_reserved(&["odata_type"]);
        assert_eq!(scope.claim("odata_type".into()), "odata_type2");
        assert_eq!(scope.claim("v2".into()), "v2");
        assert_eq!(scope.claim("v2".into()), "v2_2");
    }
}
