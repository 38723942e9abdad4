//! Endpoint stubs: a builder per operation, grouped by the first segment of its path.
#![allow(clippy::too_many_arguments)]
/// Endpoints whose path starts with the `audit_logs` segment.
#[cfg(feature = "beta-audit_logs")]
pub mod audit_logs {
    use super::super::super::runtime as rt;
    /// List signUps
    ///
    /// Fetch the selfServiceSignUp events that External ID customers generated in your tenant.
    ///
    /// `GET /auditLogs/signUps`
    ///
    /// Permissions: delegated (work or school account) `AuditLog.Read.All`; application `AuditLog.Read.All`.
    ///
    /// Source: `api-reference/beta/api/auditlogroot-list-signups.md:12`
    #[must_use]
    pub struct AuditlogrootListSignups(rt::Request<(), rt::Page<super::super::SelfServiceSignUp>>);
    /// `GET /auditLogs/signUps`: builds [`AuditlogrootListSignups`].
    #[inline]
    pub fn auditlogroot_list_signups() -> AuditlogrootListSignups {
        AuditlogrootListSignups(rt::Request::new("GET", "/auditLogs/signUps"))
    }
    impl AuditlogrootListSignups {
        /// Sets the `$filter` query option.
        #[inline]
        pub fn filter(mut self, value: impl Into<String>) -> Self {
            rt::set_query(&mut self.0.query, "$filter", value.into());
            self
        }
        /// Sets the `$skiptoken` query option.
        #[inline]
        pub fn skiptoken(mut self, value: impl Into<String>) -> Self {
            rt::set_query(&mut self.0.query, "$skiptoken", value.into());
            self
        }
        /// Sets the `$top` query option.
        #[inline]
        pub fn top(mut self, value: i32) -> Self {
            rt::set_query(&mut self.0.query, "$top", value.to_string());
            self
        }
        /// Sets any header.
        #[inline]
        pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
            rt::set_header(&mut self.0.headers, name, value.into());
            self
        }
        /// The request, for a transport to send.
        #[inline]
        pub fn into_request(self) -> rt::Request<(), rt::Page<super::super::SelfServiceSignUp>> {
            self.0
        }
    }
    /// Get selfServiceSignUp
    ///
    /// Read a single selfServiceSignUp event.
    ///
    /// `GET /auditLogs/signUps/{id}`
    ///
    /// Permissions: delegated (work or school account) `AuditLog.Read.All`; application `AuditLog.Read.All`.
    ///
    /// Source: `api-reference/beta/api/selfservicesignup-get.md:12`
    #[must_use]
    pub struct SelfservicesignupGet(rt::Request<(), super::super::SelfServiceSignUp>);
    /// `GET /auditLogs/signUps/{id}`: builds [`SelfservicesignupGet`].
    #[inline]
    pub fn selfservicesignup_get(id: &str) -> SelfservicesignupGet {
        SelfservicesignupGet(
            rt::Request::new("GET", format!("/auditLogs/signUps/{}", rt::segment(id))),
        )
    }
    impl SelfservicesignupGet {
        /// Sets the `$select` query option.
        #[inline]
        pub fn select(mut self, value: &[&str]) -> Self {
            rt::set_query(&mut self.0.query, "$select", value.join(","));
            self
        }
        /// Sets any header.
        #[inline]
        pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
            rt::set_header(&mut self.0.headers, name, value.into());
            self
        }
        /// The request, for a transport to send.
        #[inline]
        pub fn into_request(self) -> rt::Request<(), super::super::SelfServiceSignUp> {
            self.0
        }
    }
}
/// Endpoints whose path starts with the `privileged_signup_status` segment.
#[cfg(feature = "beta-privileged_signup_status")]
pub mod privileged_signup_status {
    use super::super::super::runtime as rt;
    /// privilegedSignupStatus: signUp
    ///
    /// `POST /privilegedSignupStatus/signUp`
    ///
    /// Permissions: none listed.
    ///
    /// Source: `api-reference/beta/api/privilegedsignupstatus-signup.md:10`
    #[must_use]
    pub struct PrivilegedsignupstatusSignup(rt::Request<(), super::super::PrivilegedSignupStatus>);
    /// `POST /privilegedSignupStatus/signUp`: builds [`PrivilegedsignupstatusSignup`].
    #[inline]
    pub fn privilegedsignupstatus_signup() -> PrivilegedsignupstatusSignup {
        PrivilegedsignupstatusSignup(rt::Request::new("POST", "/privilegedSignupStatus/signUp"))
    }
    impl PrivilegedsignupstatusSignup {
        /// Sets any header.
        #[inline]
        pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
            rt::set_header(&mut self.0.headers, name, value.into());
            self
        }
        /// The request, for a transport to send.
        #[inline]
        pub fn into_request(self) -> rt::Request<(), super::super::PrivilegedSignupStatus> {
            self.0
        }
    }
}
