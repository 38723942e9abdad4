use super::super::super::runtime as rt;
/// A step on the way to the requests after it.
#[derive(Debug, Clone)]
#[must_use]
pub struct AuditLogs(pub(super) String);
impl AuditLogs {
    /// `/signUps`: on to [`SignUps`].
    #[inline]
    pub fn sign_ups(self) -> SignUps {
        SignUps(rt::push_segment(self.0, "signUps"))
    }
}
/// Requests at `/auditLogs/signUps`, and the steps after it.
#[derive(Debug, Clone)]
#[must_use]
pub struct SignUps(pub(super) String);
impl SignUps {
    /// `/{id}`: on to [`SignUp`].
    #[inline]
    pub fn item(self, id: &str) -> SignUp {
        SignUp(rt::push_key(self.0, id))
    }
    /// List signUps
    ///
    /// Fetch the selfServiceSignUp events that External ID customers generated in your tenant.
    ///
    /// `GET /auditLogs/signUps`
    ///
    /// Permissions: delegated (work or school account) `AuditLog.Read.All`; application `AuditLog.Read.All`.
    ///
    /// Query options the page documents: `$filter`, `$skiptoken`, `$top`.
    ///
    /// Source: `api-reference/beta/api/auditlogroot-list-signups.md:12`
    #[inline]
    pub fn list(self) -> rt::List<rt::Page<super::super::SelfServiceSignUp>> {
        rt::List::new(self.0)
    }
}
/// Requests at `/auditLogs/signUps/{id}`, and the steps after it.
#[derive(Debug, Clone)]
#[must_use]
pub struct SignUp(pub(super) String);
impl SignUp {
    /// Get selfServiceSignUp
    ///
    /// Read a single selfServiceSignUp event.
    ///
    /// `GET /auditLogs/signUps/{id}`
    ///
    /// Permissions: delegated (work or school account) `AuditLog.Read.All`; application `AuditLog.Read.All`.
    ///
    /// Query options the page documents: `$select`.
    ///
    /// Source: `api-reference/beta/api/selfservicesignup-get.md:12`
    #[inline]
    pub fn get(self) -> rt::Get<super::super::SelfServiceSignUp> {
        rt::Get::new(self.0)
    }
}
