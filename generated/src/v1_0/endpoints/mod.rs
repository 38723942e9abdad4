//! Endpoint stubs: a builder per operation, grouped by the first segment of its path.
#![allow(clippy::too_many_arguments)]
/// Endpoints whose path starts with the `communications` segment.
#[cfg(feature = "v1_0-communications")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0-communications")))]
pub mod communications;
/// Endpoints whose path starts with the `reports` segment.
#[cfg(feature = "v1_0-reports")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0-reports")))]
pub mod reports;
/// Endpoints whose path starts with the `users` segment.
#[cfg(feature = "v1_0-users")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0-users")))]
pub mod users;
