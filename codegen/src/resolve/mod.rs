//! Stage 4: raw definitions to the model: types (`types`), then operations against them,
//! their paths read as routes (`routes`), then the navigation properties the operations
//! establish (`navigation`).

mod navigation;
mod operations;
pub mod routes;
mod types;

pub use navigation::infer_navigation;
pub use operations::resolve_operations;
pub use types::resolve;

use crate::diag::{Diagnostic, Span};

/// The nearest type that each of `types` is or derives from (`parent` gives a type's
/// base): what an "A or B" type cell means, as a value of either reads as their base.
fn common_base<T: PartialEq + Copy>(types: &[T], parent: impl Fn(T) -> Option<T>) -> Option<T> {
    let lineage = |t: T| std::iter::successors(Some(t), |&b| parent(b)).take(64);
    let (&first, rest) = types.split_first()?;
    lineage(first).find(|&candidate| rest.iter().all(|&t| lineage(t).any(|a| a == candidate)))
}

/// An "A or B" type cell whose types share no base: the first is used.
fn no_common_base(at: &Span, what: &str, written: &[(String, Option<String>)]) -> Diagnostic {
    let names: Vec<String> = written.iter().map(|(n, _)| format!("`{n}`")).collect();
    Diagnostic::warning(
        "no-common-base",
        at,
        format!("the type of {what} is written as {}, which derive from no common type", names.join(" or ")),
    )
    .with_help("the first one is used")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_common_base_is_the_nearest_shared_ancestor() {
        // 0 ← 1 ← 2, 1 ← 3; 4 alone.
        let parent = |t: usize| [None, Some(0), Some(1), Some(1), None][t];
        assert_eq!(super::common_base(&[2, 3], parent), Some(1));
        assert_eq!(super::common_base(&[2, 1], parent), Some(1));
        assert_eq!(super::common_base(&[2, 4], parent), None);
    }
}
