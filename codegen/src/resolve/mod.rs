//! Stage 4: raw definitions to the model: types (`types`), then operations against them,
//! their paths read as routes (`routes`).

mod operations;
pub mod routes;
mod types;

pub use operations::resolve_operations;
pub use types::resolve;
