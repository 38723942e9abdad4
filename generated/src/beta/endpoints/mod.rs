//! Endpoint stubs: a builder per operation, grouped by the first segment of its path.
#![allow(clippy::too_many_arguments)]
/// Endpoints whose path starts with the `audit_logs` segment.
#[cfg(feature = "beta-audit_logs")]
#[cfg_attr(docsrs, doc(cfg(feature = "beta-audit_logs")))]
pub mod audit_logs;
/// Endpoints whose path starts with the `privileged_signup_status` segment.
#[cfg(feature = "beta-privileged_signup_status")]
#[cfg_attr(docsrs, doc(cfg(feature = "beta-privileged_signup_status")))]
pub mod privileged_signup_status;
