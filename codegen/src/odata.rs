//! OData query options as the docs' example URLs write them: `$filter` expressions, and the
//! lists of `$select`, `$orderby` and `$expand`, read into a syntax tree with a canonical
//! printer, so that two spellings of one query (spaces, parentheses, the case of an
//! operator, a lambda's variable, an enum literal's type prefix) compare equal.

use std::fmt::{self, Write};

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Or(Box<Expr>, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Compare(Box<Expr>, CompareOp, Box<Expr>),
    In(Box<Expr>, Vec<Expr>),
    /// `startsWith(displayName,'A')`; the name as written.
    Call(String, Vec<Expr>),
    /// `assignedLicenses/any(x:x/skuId eq …)`: the collection's path, `any` or `all`,
    /// the variable and the body.
    Lambda(Vec<String>, Quantifier, String, Box<Expr>),
    /// `displayName`, `x/skuId`, `members/$count`.
    Path(Vec<String>),
    Literal(Literal),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    Has,
}

impl CompareOp {
    pub fn name(self) -> &'static str {
        match self {
            CompareOp::Eq => "eq",
            CompareOp::Ne => "ne",
            CompareOp::Gt => "gt",
            CompareOp::Ge => "ge",
            CompareOp::Lt => "lt",
            CompareOp::Le => "le",
            CompareOp::Has => "has",
        }
    }

    fn from_word(word: &str) -> Option<CompareOp> {
        Some(match word.to_ascii_lowercase().as_str() {
            "eq" => CompareOp::Eq,
            "ne" => CompareOp::Ne,
            "gt" => CompareOp::Gt,
            "ge" => CompareOp::Ge,
            "lt" => CompareOp::Lt,
            "le" => CompareOp::Le,
            "has" => CompareOp::Has,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantifier {
    Any,
    All,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// The value, quotes undone.
    String(String),
    /// As written: `3`, `-1.5`.
    Number(String),
    Bool(bool),
    Null,
    Guid(String),
    /// `2021-07-01T00:00:00Z`, as written.
    DateTime(String),
    Date(String),
    /// `microsoft.graph.x'value'`: the type prefix and the value.
    Enum(String, String),
}

/// One option's value that could not be read: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub at: usize,
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at {}: {}", self.at, self.message)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Literal(Literal),
    Open,
    Close,
    Comma,
    Slash,
    Colon,
}

fn is_guid(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12]) && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_hexdigit()))
}

fn tokens(text: &str) -> Result<Vec<(usize, Token)>, SyntaxError> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let error = |at: usize, message: &str| SyntaxError { at, message: message.to_string() };
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        let token = match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'(' => Token::Open,
            b')' => Token::Close,
            b',' => Token::Comma,
            b'/' => Token::Slash,
            b':' => Token::Colon,
            b'\'' => {
                let (value, end) = quoted(text, i).ok_or_else(|| error(i, "a string without its closing quote"))?;
                i = end;
                out.push((start, Token::Literal(Literal::String(value))));
                continue;
            }
            _ if text.get(i..i + 36).is_some_and(is_guid) => {
                i += 36;
                out.push((start, Token::Literal(Literal::Guid(text[start..i].to_ascii_lowercase()))));
                continue;
            }
            b'0'..=b'9' | b'-' => {
                let end = text[i..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, ':' | '.' | '+' | '-')))
                    .map_or(text.len(), |e| i + e);
                // A date-time's colons are its own; a lambda's colon follows a word.
                let word = &text[i..end];
                i = end;
                out.push((
                    start,
                    Token::Literal(number_or_date(word).ok_or_else(|| error(start, "not a number or a date"))?),
                ));
                continue;
            }
            _ if c.is_ascii_alphabetic() || matches!(c, b'_' | b'$' | b'@' | b'#') => {
                let end = text[i..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '$' | '@' | '#')))
                    .map_or(text.len(), |e| i + e);
                let word = &text[i..end];
                i = end;
                // `microsoft.graph.x'value'`: an enum member with its type.
                if bytes.get(i) == Some(&b'\'') {
                    let (value, end) = quoted(text, i).ok_or_else(|| error(i, "a string without its closing quote"))?;
                    i = end;
                    out.push((start, Token::Literal(Literal::Enum(word.to_string(), value))));
                    continue;
                }
                let token = match word.to_ascii_lowercase().as_str() {
                    "true" => Token::Literal(Literal::Bool(true)),
                    "false" => Token::Literal(Literal::Bool(false)),
                    "null" => Token::Literal(Literal::Null),
                    _ => Token::Word(word.to_string()),
                };
                out.push((start, token));
                continue;
            }
            _ => return Err(error(i, &format!("unexpected `{}`", &text[i..].chars().next().unwrap_or(' ')))),
        };
        i += 1;
        out.push((start, token));
    }
    Ok(out)
}

/// `'it''s'` at `start` → (`it's`, the index after the closing quote).
fn quoted(text: &str, start: usize) -> Option<(String, usize)> {
    let mut value = String::new();
    let mut chars = text[start + 1..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\'' {
            if chars.peek().is_some_and(|(_, n)| *n == '\'') {
                chars.next();
                value.push('\'');
                continue;
            }
            return Some((value, start + 1 + i + 1));
        }
        value.push(c);
    }
    None
}

fn number_or_date(word: &str) -> Option<Literal> {
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if word.len() >= 10 && word.as_bytes()[4] == b'-' && word.as_bytes()[7] == b'-' && digits(&word[..4]) {
        return Some(if word.len() == 10 { Literal::Date(word.into()) } else { Literal::DateTime(word.into()) });
    }
    let unsigned = word.strip_prefix('-').unwrap_or(word);
    let numeric = unsigned.split(['.', 'e', 'E']).all(|p| digits(p.trim_start_matches(['+', '-'])));
    numeric.then(|| Literal::Number(word.into()))
}

struct Parser {
    tokens: Vec<(usize, Token)>,
    at: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at).map(|(_, t)| t)
    }

    fn position(&self) -> usize {
        self.tokens.get(self.at).map_or(self.end, |(p, _)| *p)
    }

    fn error<T>(&self, message: &str) -> Result<T, SyntaxError> {
        Err(SyntaxError { at: self.position(), message: message.to_string() })
    }

    fn next_word_is(&self, word: &str) -> bool {
        matches!(self.peek(), Some(Token::Word(w)) if w.eq_ignore_ascii_case(word))
    }

    fn expect(&mut self, token: Token, what: &str) -> Result<(), SyntaxError> {
        if self.peek() == Some(&token) {
            self.at += 1;
            Ok(())
        } else {
            self.error(&format!("expected {what}"))
        }
    }

    fn or(&mut self) -> Result<Expr, SyntaxError> {
        self.chain("or", Self::and, Expr::Or)
    }

    fn and(&mut self) -> Result<Expr, SyntaxError> {
        self.chain("and", Self::unary, Expr::And)
    }

    /// Operands joined by `word`, from the left.
    fn chain(
        &mut self,
        word: &str,
        operand: fn(&mut Self) -> Result<Expr, SyntaxError>,
        join: fn(Box<Expr>, Box<Expr>) -> Expr,
    ) -> Result<Expr, SyntaxError> {
        let mut left = operand(self)?;
        while self.next_word_is(word) {
            self.at += 1;
            left = join(Box::new(left), Box::new(operand(self)?));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, SyntaxError> {
        if self.next_word_is("not") {
            self.at += 1;
            return Ok(Expr::Not(Box::new(self.unary()?)));
        }
        let left = self.primary()?;
        if let Some(Token::Word(word)) = self.peek() {
            if let Some(op) = CompareOp::from_word(word) {
                self.at += 1;
                return Ok(Expr::Compare(Box::new(left), op, Box::new(self.primary()?)));
            }
            if word.eq_ignore_ascii_case("in") {
                self.at += 1;
                self.expect(Token::Open, "`(` after `in`")?;
                let values = self.list()?;
                return Ok(Expr::In(Box::new(left), values));
            }
        }
        Ok(left)
    }

    /// Expressions up to the closing parenthesis, comma-separated.
    fn list(&mut self) -> Result<Vec<Expr>, SyntaxError> {
        let mut items = Vec::new();
        if self.peek() == Some(&Token::Close) {
            self.at += 1;
            return Ok(items);
        }
        loop {
            items.push(self.or()?);
            match self.peek() {
                Some(Token::Comma) => self.at += 1,
                Some(Token::Close) => {
                    self.at += 1;
                    return Ok(items);
                }
                _ => return self.error("expected `,` or `)`"),
            }
        }
    }

    fn primary(&mut self) -> Result<Expr, SyntaxError> {
        match self.peek().cloned() {
            Some(Token::Open) => {
                self.at += 1;
                let inner = self.or()?;
                self.expect(Token::Close, "`)`")?;
                Ok(inner)
            }
            Some(Token::Literal(literal)) => {
                self.at += 1;
                Ok(Expr::Literal(literal))
            }
            Some(Token::Word(word)) => {
                self.at += 1;
                if self.peek() == Some(&Token::Open) {
                    self.at += 1;
                    return Ok(Expr::Call(word, self.list()?));
                }
                let mut path = vec![word];
                while self.peek() == Some(&Token::Slash) {
                    self.at += 1;
                    let Some(Token::Word(segment)) = self.peek().cloned() else {
                        return self.error("expected a name after `/`");
                    };
                    self.at += 1;
                    let quantifier = match segment.to_ascii_lowercase().as_str() {
                        "any" => Some(Quantifier::Any),
                        "all" => Some(Quantifier::All),
                        _ => None,
                    };
                    if let (Some(quantifier), Some(Token::Open)) = (quantifier, self.peek()) {
                        self.at += 1;
                        let Some(Token::Word(variable)) = self.peek().cloned() else {
                            return self.error("expected a lambda variable");
                        };
                        self.at += 1;
                        self.expect(Token::Colon, "`:` after the lambda variable")?;
                        let body = self.or()?;
                        self.expect(Token::Close, "`)` after the lambda")?;
                        return Ok(Expr::Lambda(path, quantifier, variable, Box::new(body)));
                    }
                    path.push(segment);
                }
                Ok(Expr::Path(path))
            }
            _ => self.error("expected a value, a name or `(`"),
        }
    }
}

/// A `$filter` value (already percent-decoded).
pub fn parse_filter(text: &str) -> Result<Expr, SyntaxError> {
    let mut parser = Parser { tokens: tokens(text)?, at: 0, end: text.len() };
    let expr = parser.or()?;
    match parser.peek() {
        None => Ok(expr),
        Some(_) => parser.error("unexpected text after the expression"),
    }
}

/// An item of `$select`, `$orderby` or `$expand`.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub path: Vec<String>,
    /// `$orderby`'s `desc`.
    pub descending: bool,
    /// `$expand`'s nested options, each (name, value), as written.
    pub options: Vec<(String, String)>,
}

/// A `$select`, `$orderby` or `$expand` list: comma-separated paths, each maybe followed
/// by `asc`/`desc` (`$orderby`) or by nested options in parentheses (`$expand`).
pub fn parse_list(text: &str) -> Result<Vec<Item>, SyntaxError> {
    let mut items = Vec::new();
    for (at, part) in split_top(text, ',') {
        let part = part.trim();
        if part.is_empty() {
            return Err(SyntaxError { at, message: "an empty item".into() });
        }
        let (head, options) = match part.find('(') {
            Some(open) if part.ends_with(')') => (&part[..open], Some(&part[open + 1..part.len() - 1])),
            Some(open) => return Err(SyntaxError { at: at + open, message: "`(` without its `)`".into() }),
            None => (part, None),
        };
        let mut words = head.split_whitespace();
        let path_text = words.next().unwrap_or_default();
        let descending = match words.next().map(str::to_ascii_lowercase).as_deref() {
            None | Some("asc") => false,
            Some("desc") => true,
            Some(other) => return Err(SyntaxError { at, message: format!("`{other}` after a name") }),
        };
        if words.next().is_some() {
            return Err(SyntaxError { at, message: "more words than a name and a direction".into() });
        }
        let path: Vec<String> = path_text.split('/').map(str::to_string).collect();
        let valid = |s: &String| {
            !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '$' | '*' | '@'))
        };
        if !path.iter().all(valid) {
            return Err(SyntaxError { at, message: format!("`{path_text}` is not a name") });
        }
        let options = options
            .map(|o| {
                split_top(o, ';')
                    .into_iter()
                    .map(|(_, option)| {
                        option
                            .split_once('=')
                            .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
                            .ok_or_else(|| SyntaxError { at, message: format!("`{option}` is not a nested option") })
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .transpose()?
            .unwrap_or_default();
        items.push(Item { path, descending, options });
    }
    Ok(items)
}

/// Splits at `separator` outside parentheses and quotes, with each part's offset.
fn split_top(text: &str, separator: char) -> Vec<(usize, &str)> {
    let mut parts = Vec::new();
    let (mut depth, mut quoted, mut start) = (0i32, false, 0);
    for (i, c) in text.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth -= 1,
            _ if c == separator && depth == 0 && !quoted => {
                parts.push((start, &text[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push((start, &text[start..]));
    parts
}

/// The canonical text of an expression: operators and function names in lowercase,
/// names in lowercase (Graph ignores their case), lambda variables renamed by depth,
/// an enum literal without its type, parentheses only where precedence needs them.
pub fn canonical(expr: &Expr) -> String {
    let mut out = String::new();
    write_expr(&mut out, expr, 0, &mut Vec::new());
    out
}

/// The canonical text of a list item.
pub fn canonical_item(item: &Item) -> String {
    let mut out = item.path.iter().map(|s| s.to_ascii_lowercase()).collect::<Vec<_>>().join("/");
    if item.descending {
        out.push_str(" desc");
    }
    if !item.options.is_empty() {
        let mut options: Vec<String> = item
            .options
            .iter()
            .map(|(n, v)| {
                let value = match n.to_ascii_lowercase().as_str() {
                    "$filter" => parse_filter(v).map(|e| canonical(&e)).unwrap_or_else(|_| v.clone()),
                    _ => parse_list(v)
                        .map(|items| items.iter().map(canonical_item).collect::<Vec<_>>().join(","))
                        .unwrap_or_else(|_| v.clone()),
                };
                format!("{}={value}", n.to_ascii_lowercase())
            })
            .collect();
        options.sort();
        out.push('(');
        out.push_str(&options.join(";"));
        out.push(')');
    }
    out
}

/// Binding strength: or 1, and 2, not 3, a comparison 4, an operand 5.
fn precedence(expr: &Expr) -> u8 {
    match expr {
        Expr::Or(..) => 1,
        Expr::And(..) => 2,
        Expr::Not(..) => 3,
        Expr::Compare(..) | Expr::In(..) => 4,
        _ => 5,
    }
}

fn write_expr(out: &mut String, expr: &Expr, parent: u8, variables: &mut Vec<(String, String)>) {
    let own = precedence(expr);
    let grouped = own < parent;
    if grouped {
        out.push('(');
    }
    match expr {
        Expr::Or(a, b) | Expr::And(a, b) => {
            write_expr(out, a, own, variables);
            out.push_str(if own == 1 { " or " } else { " and " });
            // The right operand of the same operator needs no group: both associate.
            write_expr(out, b, own, variables);
        }
        Expr::Not(inner) => {
            out.push_str("not ");
            write_expr(out, inner, 4, variables);
        }
        Expr::Compare(a, op, b) => {
            write_expr(out, a, 5, variables);
            let _ = write!(out, " {} ", op.name());
            write_expr(out, b, 5, variables);
        }
        Expr::In(a, values) => {
            write_expr(out, a, 5, variables);
            out.push_str(" in ");
            write_arguments(out, values, variables);
        }
        Expr::Call(name, args) => {
            out.push_str(&name.to_ascii_lowercase());
            write_arguments(out, args, variables);
        }
        Expr::Lambda(path, quantifier, variable, body) => {
            write_path(out, path, variables);
            let renamed = format!("v{}", variables.len());
            let _ = write!(out, "/{}({renamed}:", if *quantifier == Quantifier::Any { "any" } else { "all" });
            variables.push((variable.clone(), renamed));
            write_expr(out, body, 0, variables);
            variables.pop();
            out.push(')');
        }
        Expr::Path(path) => write_path(out, path, variables),
        Expr::Literal(literal) => write_literal(out, literal),
    }
    if grouped {
        out.push(')');
    }
}

/// `(a,b)`.
fn write_arguments(out: &mut String, items: &[Expr], variables: &mut Vec<(String, String)>) {
    out.push('(');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_expr(out, item, 0, variables);
    }
    out.push(')');
}

fn write_path(out: &mut String, path: &[String], variables: &[(String, String)]) {
    for (i, segment) in path.iter().enumerate() {
        if i > 0 {
            out.push('/');
        }
        let variable = (i == 0).then(|| variables.iter().rev().find(|(v, _)| v == segment)).flatten();
        match variable {
            Some((_, renamed)) => out.push_str(renamed),
            None => out.push_str(&segment.to_ascii_lowercase()),
        }
    }
}

fn write_literal(out: &mut String, literal: &Literal) {
    match literal {
        Literal::String(s) | Literal::Enum(_, s) => {
            out.push('\'');
            out.push_str(&s.replace('\'', "''"));
            out.push('\'');
        }
        Literal::Number(n) => out.push_str(n),
        Literal::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Literal::Null => out.push_str("null"),
        Literal::Guid(g) => out.push_str(g),
        Literal::DateTime(d) => out.push_str(&canonical_date_time(d)),
        Literal::Date(d) => out.push_str(d),
    }
}

/// `2021-07-01T00:00:00.000Z` and `2021-07-01T00:00:00+00:00` are one instant: written
/// with `Z` for UTC and without a zero fraction.
fn canonical_date_time(text: &str) -> String {
    let mut out = text.to_ascii_uppercase();
    if let Some(utc) = out.strip_suffix("+00:00") {
        out = format!("{utc}Z");
    }
    if let Some(dot) = out.find('.') {
        let end = out[dot + 1..].find(|c: char| !c.is_ascii_digit()).map_or(out.len(), |e| dot + 1 + e);
        if out[dot + 1..end].chars().all(|c| c == '0') {
            out.replace_range(dot..end, "");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(text: &str) -> String {
        canonical(&parse_filter(text).unwrap_or_else(|e| panic!("{text}: {e}")))
    }

    #[test]
    fn filters_read_into_a_tree_and_print_canonically() {
        assert_eq!(
            round("startswith(displayName,'A') AND (userType eq 'Guest')"),
            "startswith(displayname,'A') and usertype eq 'Guest'"
        );
        assert_eq!(round("(a eq 1 or b eq 2) and c eq 3"), "(a eq 1 or b eq 2) and c eq 3");
        assert_eq!(round("a eq 1 or (b eq 2 and c eq 3)"), "a eq 1 or b eq 2 and c eq 3");
        assert_eq!(round("NOT(x ne 'it''s')"), "not x ne 'it''s'");
        assert_eq!(
            round("assignedLicenses/any(s:s/skuId eq 6FD2C87F-B296-42F0-B197-1E91E994B900)"),
            round("assignedLicenses/any(x:x/skuId eq 6fd2c87f-b296-42f0-b197-1e91e994b900)")
        );
        assert_eq!(round("createdDateTime ge 2021-07-01T00:00:00.000Z"), "createddatetime ge 2021-07-01T00:00:00Z");
        assert_eq!(round("status eq microsoft.graph.callStatus'done'"), "status eq 'done'");
        assert_eq!(round("id in ('a', 'b')"), "id in ('a','b')");
        assert_eq!(round("members/$count eq 0"), "members/$count eq 0");
        assert_eq!(round("d eq 2020-02-29 and n le -1.5 and b eq null"), "d eq 2020-02-29 and n le -1.5 and b eq null");
    }

    #[test]
    fn malformed_filters_are_errors_with_a_place() {
        for bad in ["displayName eq", "startsWith(a,'b'", "a eq 'open", "a eq 1 b", "\"name\" eq 1"] {
            assert!(parse_filter(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_filter("a eq 1 b").unwrap_err().at, 7);
    }

    #[test]
    fn lists_read_paths_directions_and_nested_options() {
        let items = parse_list("displayName desc, id").unwrap();
        assert_eq!(items.iter().map(canonical_item).collect::<Vec<_>>(), ["displayname desc", "id"]);
        let items = parse_list("members($select=id,displayName;$filter=id eq '1'),manager").unwrap();
        assert_eq!(canonical_item(&items[0]), "members($filter=id eq '1';$select=id,displayname)");
        assert_eq!(items[1].path, ["manager"]);
        assert!(parse_list("a,,b").is_err());
        assert!(parse_list("a b c").is_err());
    }
}
