use super::super::super::runtime as rt;
/// List signUps
///
/// Fetch the selfServiceSignUp events that External ID customers generated in your tenant.
///
/// `GET /auditLogs/signUps`
///
/// Permissions: delegated (work or school account) `AuditLog.Read.All`; application `AuditLog.Read.All`.
///
/// Source: `api-reference/beta/api/auditlogroot-list-signups.md:12` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/auditlogroot-list-signups?view=graph-rest-beta))
#[must_use]
pub struct AuditlogrootListSignups(
    rt::Request<(), rt::Page<super::super::SelfServiceSignUp>>,
);
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
    pub fn into_request(
        self,
    ) -> rt::Request<(), rt::Page<super::super::SelfServiceSignUp>> {
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
/// Source: `api-reference/beta/api/selfservicesignup-get.md:12` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/selfservicesignup-get?view=graph-rest-beta))
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
