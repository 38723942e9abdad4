//! Misuses of the request tree and of the typed queries that must not compile (trybuild,
//! against the crate generated from docs-src): each case says why in its first line; the
//! `.stderr` files hold the compiler's answer.

#[test]
fn misuses_of_the_request_tree_do_not_compile() {
    trybuild::TestCases::new().compile_fail("compile_fail/*.rs");
}
