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
    pub fn item(
        self,
        id: impl Into<rt::ItemKey<super::super::SelfServiceSignUp>>,
    ) -> SignUp {
        SignUp(rt::push_key(self.0, id.into().as_str()))
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
    /// Source: `api-reference/beta/api/auditlogroot-list-signups.md:12` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/auditlogroot-list-signups?view=graph-rest-beta))
    ///
    /// The page's example, `GET https://graph.microsoft.com/beta/auditLogs/signUps?$filter=createdDateTime ge 2024-07-01T00:00:00Z and createdDateTime le 2024-07-14T23:59:59Z&$top=10`:
    /// ```ignore
    /// let request = Graph::audit_logs().sign_ups().list().query("$filter", "createdDateTime ge 2024-07-01T00:00:00Z and createdDateTime le 2024-07-14T23:59:59Z").top(10).into_request();
    /// ```
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
    /// Source: `api-reference/beta/api/selfservicesignup-get.md:12` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/selfservicesignup-get?view=graph-rest-beta))
    ///
    /// The page's example, `GET https://graph.microsoft.com/beta/auditLogs/signUps/8d24e6b0-5c1a-4f7e-b390-6a2d8e1c0000`:
    /// ```ignore
    /// let request = Graph::audit_logs().sign_ups().item("8d24e6b0-5c1a-4f7e-b390-6a2d8e1c0000").get().into_request();
    /// ```
    #[inline]
    pub fn get(self) -> rt::Get<super::super::SelfServiceSignUp> {
        rt::Get::new(self.0)
    }
}
