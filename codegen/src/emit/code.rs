//! Rust source written directly as text, laid out the way rustfmt lays it out (4-space
//! indent, one field, variant and attribute per line, lists broken one element per line
//! past 100 columns), with the `API.txt` line of each public item written alongside.
//!
//! Every item the generator makes goes through one method here, so an attribute on an
//! item is one `attr` call before it, and the listing cannot drift from the code.

/// rustfmt's default line width.
pub const WIDTH: usize = 100;
const INDENT: &str = "    ";

/// What a `{` opened: a module, an item whose members are listed, or a plain block.
enum Open {
    /// The enclosing module's path, restored on close.
    Module(String),
    /// The item whose fields, variants or methods are listed.
    Item(String),
    Block,
}

/// A piece of Rust source and the `API.txt` lines of its public items.
pub struct Code {
    text: String,
    depth: usize,
    /// The module being written (`v1_0::endpoints::users`); `API.txt` lines start with it.
    module: String,
    open: Vec<Open>,
    /// ` derive(…)` and ` non_exhaustive` written since the last item: the item's API line
    /// carries them.
    api_attributes: String,
    api: Vec<String>,
}

/// A Rust string literal of `value`, escaped as `proc_macro2::Literal::string` escapes it.
pub fn string_literal(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    if value.bytes().all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\') {
        out.push_str(value);
        out.push('"');
        return out;
    }
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            // `\0` before a digit would read as an octal escape to a human.
            '\0' if chars.as_str().starts_with(|n: char| n.is_ascii_digit()) => out.push_str("\\x00"),
            '\0' => out.push_str("\\0"),
            '\'' => out.push(c),
            _ => out.extend(c.escape_debug()),
        }
    }
    out.push('"');
    out
}

/// An expression that breaks over lines when it does not fit: calls and method calls, the
/// only expressions long enough to need it.
pub enum Expr {
    Atom(String),
    /// A function call, or a macro call (`format!`), which gets no trailing comma.
    Call {
        callee: String,
        args: Vec<Expr>,
        is_macro: bool,
    },
    Method {
        receiver: Box<Expr>,
        method: &'static str,
        args: Vec<Expr>,
    },
}

impl Expr {
    pub fn call(callee: impl Into<String>, args: Vec<Expr>) -> Expr {
        Expr::Call { callee: callee.into(), args, is_macro: false }
    }

    fn flat(&self) -> String {
        let mut out = String::new();
        self.write_flat(&mut out);
        out
    }

    fn write_flat(&self, out: &mut String) {
        match self {
            Expr::Atom(text) => out.push_str(text),
            Expr::Call { callee, args, .. } => flat_call(callee, args, out),
            Expr::Method { receiver, method, args } => {
                receiver.write_flat(out);
                out.push('.');
                flat_call(method, args, out);
            }
        }
    }
}

/// `callee(a, b)` on one line.
fn flat_call(callee: &str, args: &[Expr], out: &mut String) {
    out.push_str(callee);
    out.push('(');
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        arg.write_flat(out);
    }
    out.push(')');
}

impl Code {
    /// Code for module `module`, starting `depth` levels in.
    pub fn new(module: &str, depth: usize) -> Code {
        Code {
            // About the size of one type's or operation's code, the usual piece.
            text: String::with_capacity(2048),
            depth,
            module: module.to_string(),
            open: Vec::new(),
            api_attributes: String::new(),
            api: Vec::new(),
        }
    }

    /// The source and its `API.txt` lines.
    pub fn finish(self) -> (String, Vec<String>) {
        (self.text, self.api)
    }

    fn indent(&mut self) {
        self.indent_to(self.depth);
    }

    fn indent_to(&mut self, depth: usize) {
        for _ in 0..depth {
            self.text.push_str(INDENT);
        }
    }

    fn column(&self) -> usize {
        self.depth * INDENT.len()
    }

    /// One line at the current indentation.
    pub fn line(&mut self, text: &str) {
        if text.is_empty() {
            self.text.push('\n');
        } else {
            self.put(&[text]);
        }
    }

    /// One line made of `parts`, at the current indentation.
    fn put(&mut self, parts: &[&str]) {
        self.indent();
        for part in parts {
            self.text.push_str(part);
        }
        self.text.push('\n');
    }

    /// `#[doc = value]`, written as the `///` comment that reads back as the same value.
    pub fn doc(&mut self, value: &str) {
        self.doc_as(value, false);
    }

    /// `#![doc = value]`, as a `//!` comment.
    pub fn inner_doc(&mut self, value: &str) {
        self.doc_as(value, true);
    }

    fn doc_as(&mut self, value: &str, inner: bool) {
        // A line break ends a comment, and `////` is no doc comment: those stay attributes.
        let breaks = memchr::memchr2(b'\n', b'\r', value.as_bytes()).is_some();
        match (breaks || (!inner && value.starts_with('/')), inner) {
            (false, false) => self.put(&["///", value]),
            (false, true) => self.put(&["//!", value]),
            (true, false) => self.put(&["#[doc = ", &string_literal(value), "]"]),
            (true, true) => self.put(&["#![doc = ", &string_literal(value), "]"]),
        }
    }

    /// `#[meta]`.
    pub fn attr(&mut self, meta: &str) {
        self.put(&["#[", meta, "]"]);
    }

    /// `#![meta]`.
    pub fn inner_attr(&mut self, meta: &str) {
        self.put(&["#![", meta, "]"]);
    }

    /// `#[derive(list)]`, which the next item's API line shows.
    pub fn derive(&mut self, list: &str) {
        self.put(&["#[derive(", list, ")]"]);
        self.api_attributes.push_str(" derive(");
        self.api_attributes.push_str(list);
        self.api_attributes.push(')');
    }

    /// `#[non_exhaustive]`, which the next item's API line shows.
    pub fn non_exhaustive(&mut self) {
        self.attr("non_exhaustive");
        self.api_attributes.push_str(" non_exhaustive");
    }

    fn path_of(&self, name: &str) -> String {
        if self.module.is_empty() {
            name.to_string()
        } else {
            format!("{}::{name}", self.module)
        }
    }

    /// The API line of an item of this module, with the attributes written before it:
    /// `path kind…`.
    fn list_item(&mut self, name: &str, kind: &[&str]) {
        let mut line = self.path_of(name);
        line.push(' ');
        for part in kind {
            line.push_str(part);
        }
        line.push_str(&self.api_attributes);
        self.api_attributes.clear();
        self.api.push(line);
    }

    /// The API line of a member (field, variant, method) of the open item, or of the
    /// module when no item is open: `owner::member…`.
    fn list_member(&mut self, member: &[&str]) {
        let owner = match self.open.last() {
            Some(Open::Item(path)) => path,
            _ => &self.module,
        };
        let mut line = String::with_capacity(owner.len() + 2 + member.iter().map(|m| m.len()).sum::<usize>());
        line.push_str(owner);
        line.push_str("::");
        for part in member {
            line.push_str(part);
        }
        self.api.push(line);
    }

    fn open_as(&mut self, head: &[&str], open: Open) {
        self.indent();
        for part in head {
            self.text.push_str(part);
        }
        self.text.push_str(" {\n");
        self.depth += 1;
        self.open.push(open);
    }

    /// Ends the innermost block with `}` and `suffix` (`;`, `)`, …).
    pub fn close_with(&mut self, suffix: &str) {
        self.depth -= 1;
        if let Some(Open::Module(outer)) = self.open.pop() {
            self.module = outer;
        }
        self.put(&["}", suffix]);
    }

    pub fn close(&mut self) {
        self.close_with("");
    }

    /// `head {`: a block whose contents are not listed (match, trait impl, fn body).
    pub fn open(&mut self, head: &str) {
        self.open_as(&[head], Open::Block);
    }

    /// `pub mod name {`: what follows is listed under the module.
    pub fn open_mod(&mut self, name: &str) {
        self.list_item(name, &["mod"]);
        let inner = self.path_of(name);
        let outer = std::mem::replace(&mut self.module, inner);
        self.open_as(&["pub mod ", name], Open::Module(outer));
    }

    /// `pub mod name;`: a module in a file of its own.
    pub fn mod_declaration(&mut self, name: &str) {
        self.list_item(name, &["mod"]);
        self.put(&["pub mod ", name, ";"]);
    }

    /// `pub struct Name {`: fields follow.
    pub fn open_struct(&mut self, name: &str) {
        self.list_item(name, &["struct"]);
        let path = self.path_of(name);
        self.open_as(&["pub struct ", name], Open::Item(path));
    }

    /// `pub name: ty,`.
    pub fn field(&mut self, name: &str, ty: &str) {
        self.list_member(&[name, ": ", ty]);
        self.put(&["pub ", name, ": ", ty, ","]);
    }

    /// `pub struct Name(ty);` with a private field.
    pub fn tuple_struct(&mut self, name: &str, ty: &str) {
        self.list_item(name, &["struct"]);
        if self.column() + "pub struct (".len() + name.len() + ty.len() + 2 <= WIDTH {
            self.put(&["pub struct ", name, "(", ty, ");"]);
        } else {
            self.put(&["pub struct ", name, "("]);
            self.depth += 1;
            self.put(&[ty, ","]);
            self.depth -= 1;
            self.line(");");
        }
    }

    /// `pub enum Name {`: variants follow.
    pub fn open_enum(&mut self, name: &str) {
        self.list_item(name, &["enum"]);
        let path = self.path_of(name);
        self.open_as(&["pub enum ", name], Open::Item(path));
    }

    /// `Name,` or `Name(payload),`.
    pub fn variant(&mut self, name: &str, payload: Option<&str>) {
        match payload {
            Some(ty) => {
                self.list_member(&[name, "(", ty, ")"]);
                self.put(&[name, "(", ty, "),"]);
            }
            None => {
                self.list_member(&[name]);
                self.put(&[name, ","]);
            }
        }
    }

    /// `pub type Name = ty;`.
    pub fn type_alias(&mut self, name: &str, ty: &str) {
        self.list_item(name, &["type = ", ty]);
        self.put(&["pub type ", name, " = ", ty, ";"]);
    }

    /// `impl Name {`: its public functions are listed under the type.
    pub fn open_impl(&mut self, ty: &str) {
        let path = self.path_of(ty);
        self.open_as(&["impl ", ty], Open::Item(path));
    }

    /// `impl<generics> Trait for Name {`.
    pub fn open_trait_impl(&mut self, generics: &str, trait_path: &str, ty: &str) {
        self.list_item(ty, &["impl", generics, " ", trait_path]);
        self.open_as(&["impl", generics, " ", trait_path, " for ", ty], Open::Block);
    }

    /// A function's signature and `{`: one line when it fits, else one parameter per line.
    /// A public function is listed under the open impl's type or the module.
    pub fn open_fn(&mut self, public: bool, name: &str, generics: &str, params: &[&str], output: &str) {
        let arrow = if output.is_empty() { "" } else { " -> " };
        let params_flat = params.join(", ");
        if public {
            self.list_member(&[name, " fn", generics, "(", &params_flat, ")", arrow, output]);
        }
        let vis = if public { "pub " } else { "" };
        let flat_len = vis.len() + 3 + name.len() + generics.len() + params_flat.len() + 2 + arrow.len() + output.len();
        if self.column() + flat_len + 2 <= WIDTH || params.is_empty() {
            self.open_as(&[vis, "fn ", name, generics, "(", &params_flat, ")", arrow, output], Open::Block);
            return;
        }
        self.put(&[vis, "fn ", name, generics, "("]);
        self.depth += 1;
        for param in params {
            self.put(&[param, ","]);
        }
        self.depth -= 1;
        self.open_as(&[")", arrow, output], Open::Block);
    }

    /// `path!(argument);` at item level, listed under the item it names.
    pub fn macro_item(&mut self, path: &str, argument: &str) {
        self.list_item(argument, &["macro ", path, "!(", argument, ")"]);
        self.put(&[path, "!(", argument, ");"]);
    }

    /// `path!(argument {` at item level, listed under the item it names; the block's lines
    /// follow, and `close_with` ends it with the rest of the call (`);`, ` more);`).
    pub fn open_macro_item(&mut self, path: &str, argument: &str) {
        self.list_item(argument, &["macro ", path, "!(", argument, ")"]);
        self.open_as(&[path, "!(", argument], Open::Block);
    }

    /// An expression statement ending in `suffix`, broken over lines where too long.
    pub fn expr(&mut self, expr: &Expr, suffix: &str) {
        self.indent();
        let (depth, column) = (self.depth, self.column());
        self.write_expr(expr, depth, column, suffix);
        self.text.push('\n');
    }

    fn write_expr(&mut self, expr: &Expr, depth: usize, column: usize, suffix: &str) {
        match expr {
            Expr::Atom(text) => {
                self.text.push_str(text);
                self.text.push_str(suffix);
            }
            Expr::Call { callee, args, is_macro } => self.write_call(callee, args, *is_macro, depth, column, suffix),
            Expr::Method { receiver, method, args } => {
                let flat = expr.flat();
                if column + flat.len() + suffix.len() <= WIDTH {
                    self.text.push_str(&flat);
                    self.text.push_str(suffix);
                    return;
                }
                // rustfmt's chain layout: the call on the next line, one level in.
                self.write_expr(receiver, depth, column, "");
                self.text.push('\n');
                self.indent_to(depth + 1);
                let inner = (depth + 1) * INDENT.len();
                self.write_call(&format!(".{method}"), args, false, depth + 1, inner, suffix);
            }
        }
    }

    fn write_call(&mut self, callee: &str, args: &[Expr], is_macro: bool, depth: usize, column: usize, suffix: &str) {
        let mut flat = String::new();
        flat_call(callee, args, &mut flat);
        if column + flat.len() + suffix.len() <= WIDTH || args.is_empty() {
            self.text.push_str(&flat);
            self.text.push_str(suffix);
            return;
        }
        self.text.push_str(callee);
        self.text.push_str("(\n");
        let inner = (depth + 1) * INDENT.len();
        for (i, arg) in args.iter().enumerate() {
            self.indent_to(depth + 1);
            // A trailing comma inside a macro call would be one more token for the macro.
            let separator = if is_macro && i + 1 == args.len() { "" } else { "," };
            self.write_expr(arg, depth + 1, inner, separator);
            self.text.push('\n');
        }
        self.indent_to(depth);
        self.text.push(')');
        self.text.push_str(suffix);
    }
}
