//! Lenient JSON: the docs' blocks are often almost JSON. Each repair is named so that a
//! caller can report what was normalized instead of silently accepting it.

use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Repair {
    Comment,
    TrailingComma,
    Ellipsis,
    UnicodeSpace,
    RawLineBreakInString,
    MissingComma,
    Json5Syntax,
}

impl Repair {
    /// The repair's name in reports: `trailing-comma`.
    pub fn name(self) -> &'static str {
        match self {
            Repair::Comment => "comment",
            Repair::TrailingComma => "trailing-comma",
            Repair::Ellipsis => "ellipsis",
            Repair::UnicodeSpace => "unicode-space",
            Repair::RawLineBreakInString => "raw-line-break-in-string",
            Repair::MissingComma => "missing-comma",
            Repair::Json5Syntax => "json5-syntax",
        }
    }
}

#[derive(Debug, Clone)]
pub struct JsonError {
    /// 1-based line inside the parsed text.
    pub line: usize,
    pub message: String,
}

/// Nesting deeper than this is refused before serde_json's own recursion limit: no page
/// legitimately nests this deep, and json5's parser has no limit of its own.
const MAX_DEPTH: usize = 120;

pub fn parse(text: &str) -> Result<(Value, Vec<Repair>), JsonError> {
    if let Some(line) = too_deep(text) {
        return Err(JsonError { line, message: format!("JSON nested more than {MAX_DEPTH} levels deep") });
    }
    let strict_err = match serde_json::from_str(text) {
        Ok(value) => return Ok((value, Vec::new())),
        Err(err) => err,
    };
    let (normalized, mut repairs) = normalize(text);
    if let Ok(value) = serde_json::from_str(&normalized) {
        return Ok((value, repairs));
    }
    // Repairs can turn text that looked like a string into structure; json5 recurses
    // without a limit, so the text it gets is measured again.
    if too_deep(&normalized).is_some() {
        return Err(JsonError { line: strict_err.line(), message: strict_err.to_string() });
    }
    match json5::from_str::<Value>(&normalized) {
        Ok(value) => {
            repairs.push(Repair::Json5Syntax);
            Ok((value, repairs))
        }
        Err(_) => Err(JsonError { line: strict_err.line(), message: strict_err.to_string() }),
    }
}

/// The line where bracket nesting first exceeds `MAX_DEPTH`, reading strings (either
/// quote) and comments as JSON5 does, so that no bracket the parsers see is missed.
fn too_deep(text: &str) -> Option<usize> {
    let (mut depth, mut line) = (0usize, 1usize);
    // Bytes: every character looked for is ASCII, which never occurs inside a longer one.
    let mut bytes = text.bytes().peekable();
    while let Some(c) = bytes.next() {
        match c {
            b'\n' => line += 1,
            b'"' | b'\'' => {
                while let Some(s) = bytes.next() {
                    match s {
                        // The escaped character is consumed either way; an escaped line end still ends a line.
                        b'\\' if bytes.next() == Some(b'\n') => line += 1,
                        b'\n' => line += 1,
                        _ if s == c => break,
                        _ => {}
                    }
                }
            }
            b'/' if bytes.peek() == Some(&b'/') => while bytes.next_if(|&n| n != b'\n').is_some() {},
            b'/' if bytes.peek() == Some(&b'*') => {
                bytes.next();
                let mut last = b' ';
                for s in bytes.by_ref() {
                    if s == b'\n' {
                        line += 1;
                    }
                    if last == b'*' && s == b'/' {
                        break;
                    }
                    last = s;
                }
            }
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(line);
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn is_unicode_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{200b}' | '\u{feff}' | '\u{2002}'..='\u{200a}')
}

/// Rewrites the repairable irregularities, keeping line breaks so error lines still match.
pub fn normalize(text: &str) -> (String, Vec<Repair>) {
    let mut out = String::with_capacity(text.len());
    let mut repairs = Vec::new();
    let mut note = |r: Repair| {
        if !repairs.contains(&r) {
            repairs.push(r)
        }
    };
    let chars: Vec<char> = text.chars().collect();
    let (mut i, mut in_string, mut escaped) = (0, false, false);
    while i < chars.len() {
        let c = chars[i];
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                '\n' => {
                    note(Repair::RawLineBreakInString);
                    out.push_str("\\n");
                    i += 1;
                    continue;
                }
                '\t' => {
                    out.push_str("\\t");
                    i += 1;
                    continue;
                }
                _ => {}
            }
            out.push(c);
            i += 1;
            continue;
        }
        match c {
            '"' | '{' | '[' => {
                // A member or item opening a line right after a value: the comma between
                // them was left out (`"name": "a"` then `"keys": [...]` on the next line).
                let trimmed = out.trim_end();
                let line_break = out[trimmed.len()..].contains('\n');
                let after_value = trimmed.ends_with(['"', '}', ']'])
                    || trimmed.ends_with(|p: char| p.is_ascii_digit())
                    || ["true", "false", "null"].iter().any(|w| trimmed.ends_with(w));
                if line_break && after_value {
                    out.insert(trimmed.len(), ',');
                    note(Repair::MissingComma);
                }
                in_string = c == '"';
                out.push(c);
            }
            '/' if chars.get(i + 1) == Some(&'/') => {
                note(Repair::Comment);
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                note(Repair::Comment);
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                    if chars[i] == '\n' {
                        out.push('\n');
                    }
                    i += 1;
                }
                i += 2;
                continue;
            }
            '.' if chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.') => {
                note(Repair::Ellipsis);
                i += 3;
                continue;
            }
            '\u{2026}' => note(Repair::Ellipsis),
            c if is_unicode_space(c) => {
                note(Repair::UnicodeSpace);
                out.push(' ');
            }
            '}' | ']' => {
                if drop_trailing(&mut out, |p| p == ',') {
                    note(Repair::TrailingComma);
                }
                out.push(c);
            }
            ',' => {
                // A comma right after an opening bracket or another comma is left over
                // from a removed ellipsis or a doubled separator.
                let last = out.trim_end().chars().last();
                if matches!(last, Some('[' | '{' | ',')) {
                    note(Repair::TrailingComma);
                } else {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
        i += 1;
    }
    (out, repairs)
}

/// Removes the last non-space character of `out` when it matches; keeps the white space.
fn drop_trailing(out: &mut String, matches: impl Fn(char) -> bool) -> bool {
    let trimmed = out.trim_end().len();
    match out[..trimmed].chars().last() {
        Some(c) if matches(c) => {
            out.remove(trimmed - c.len_utf8());
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_json_needs_no_repair() {
        let (v, r) = parse(r#"{"a": [1, 2]}"#).unwrap();
        assert_eq!(v["a"][1], 2);
        assert!(r.is_empty());
    }

    #[test]
    fn repairs_are_reported() {
        let text = "{\n  \"a\": 1, // note\n  \"b\": [1, 2,],\n  ...\n}";
        let (v, r) = parse(text).unwrap();
        assert_eq!(v["b"][1], 2);
        assert_eq!(r, vec![Repair::Comment, Repair::TrailingComma, Repair::Ellipsis]);
    }

    #[test]
    fn urls_in_strings_are_not_comments() {
        let (v, _) = parse("{\"u\": \"https://x/y\",}").unwrap();
        assert_eq!(v["u"], "https://x/y");
    }

    #[test]
    fn raw_newline_and_unicode_space() {
        let (v, r) = parse("{\"a\":\u{202f}\"x\ny\"}").unwrap();
        assert_eq!(v["a"], "x\ny");
        assert!(r.contains(&Repair::UnicodeSpace) && r.contains(&Repair::RawLineBreakInString));
    }

    #[test]
    fn a_comma_left_out_at_a_line_end_is_put_back() {
        let (v, r) = parse("{\n  \"name\": \"a.b\"\n  \"keys\": [1, 2]\n  \"more\": {}\n}").unwrap();
        assert_eq!(v["keys"][1], 2);
        assert_eq!(v["name"], "a.b");
        assert_eq!(r, vec![Repair::MissingComma]);
        // Values already separated, or a key and its value on two lines, need nothing.
        assert!(parse("{\"a\": 1,\n\"b\":\n[2]}").unwrap().1.is_empty());
    }

    #[test]
    fn json5_syntax_is_last_resort() {
        let (v, r) = parse("{isCollection: true, 'a': 'b'}").unwrap();
        assert_eq!(v["isCollection"], true);
        assert_eq!(r, vec![Repair::Json5Syntax]);
    }

    #[test]
    fn garbage_is_an_error_with_a_line() {
        let err = parse("{\n\"a\": \n}}}").unwrap_err();
        assert_eq!(err.line, 3);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(parse(&text).is_err());
    }

    #[test]
    fn deep_nesting_after_a_quote_in_another_quote_is_refused() {
        // A `"` inside a single-quoted JSON5 string must not hide the brackets after it.
        for open in ["{a: '\"', b: ", "{a: 1, // \"\n b: ", "{a: /* ' */ "] {
            let text = format!("{open}{}{}}}", "[".repeat(10_000), "]".repeat(10_000));
            assert!(parse(&text).is_err(), "{open:?}");
        }
    }

    #[test]
    fn brackets_in_strings_and_comments_do_not_count() {
        let text = format!("{{\"a\": \"{}\", 'b': '{}' /* {} */}}", "[".repeat(500), "{".repeat(500), "[".repeat(500));
        assert!(parse(&text).is_ok());
    }
}
