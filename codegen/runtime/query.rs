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
