//! The requests of this version as a tree that follows their URLs: start at [`Graph`].
#![allow(clippy::too_many_arguments)]
#[allow(unused_imports)]
use super::super::runtime as rt;
/// The root of the request tree: `Graph::users().item(id).events().list()`.
#[derive(Debug, Clone, Copy)]
pub struct Graph;
impl Graph {
    /// `/auditLogs`: on to [`audit_logs::AuditLogs`].
    #[cfg(feature = "beta-audit_logs")]
    #[cfg_attr(docsrs, doc(cfg(feature = "beta-audit_logs")))]
    #[inline]
    pub fn audit_logs() -> audit_logs::AuditLogs {
        audit_logs::AuditLogs(rt::push_segment(String::new(), "auditLogs"))
    }
    /// `/privilegedSignupStatus`: on to [`privileged_signup_status::PrivilegedSignupStatus`].
    #[cfg(feature = "beta-privileged_signup_status")]
    #[cfg_attr(docsrs, doc(cfg(feature = "beta-privileged_signup_status")))]
    #[inline]
    pub fn privileged_signup_status() -> privileged_signup_status::PrivilegedSignupStatus {
        privileged_signup_status::PrivilegedSignupStatus(
            rt::push_segment(String::new(), "privilegedSignupStatus"),
        )
    }
}
/// The requests under `/auditLogs`.
#[cfg(feature = "beta-audit_logs")]
#[cfg_attr(docsrs, doc(cfg(feature = "beta-audit_logs")))]
pub mod audit_logs;
/// The requests under `/privilegedSignupStatus`.
#[cfg(feature = "beta-privileged_signup_status")]
#[cfg_attr(docsrs, doc(cfg(feature = "beta-privileged_signup_status")))]
pub mod privileged_signup_status;
