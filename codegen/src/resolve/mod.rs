//! Stage 4: raw definitions to the model: types (`types`), then operations against them.

mod operations;
mod types;

pub use operations::resolve_operations;
pub use types::resolve;
