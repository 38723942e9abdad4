use super::super::super::runtime as rt;
/// privilegedSignupStatus: signUp
///
/// `POST /privilegedSignupStatus/signUp`
///
/// Permissions: none listed.
///
/// Source: `api-reference/beta/api/privilegedsignupstatus-signup.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/privilegedsignupstatus-signup?view=graph-rest-beta))
#[must_use]
pub struct PrivilegedsignupstatusSignup(
    rt::Request<(), super::super::PrivilegedSignupStatus>,
);
/// `POST /privilegedSignupStatus/signUp`: builds [`PrivilegedsignupstatusSignup`].
#[inline]
pub fn privilegedsignupstatus_signup() -> PrivilegedsignupstatusSignup {
    PrivilegedsignupstatusSignup(
        rt::Request::new("POST", "/privilegedSignupStatus/signUp"),
    )
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
