//! Stage 4: raw definitions to the model: types (`types`), then operations against them.

mod types;

pub use types::resolve;
