use super::super::super::runtime as rt;
/// A step on the way to the requests after it.
#[derive(Debug, Clone)]
#[must_use]
pub struct PrivilegedSignupStatus(pub(super) String);
impl PrivilegedSignupStatus {
    /// `/signUp`: on to [`SignUp`].
    #[inline]
    pub fn sign_up(self) -> SignUp {
        SignUp(rt::push_segment(self.0, "signUp"))
    }
}
/// Requests at `/privilegedSignupStatus/signUp`, and the steps after it.
#[derive(Debug, Clone)]
#[must_use]
pub struct SignUp(pub(super) String);
impl SignUp {
    /// privilegedSignupStatus: signUp
    ///
    /// `POST /privilegedSignupStatus/signUp`
    ///
    /// Permissions: none listed.
    ///
    /// Source: `api-reference/beta/api/privilegedsignupstatus-signup.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/privilegedsignupstatus-signup?view=graph-rest-beta))
    ///
    /// The page's example, `POST https://graph.microsoft.com/beta/privilegedSignupStatus/signUp`:
    /// ```ignore
    /// let request = Graph::privileged_signup_status().sign_up().post().into_request();
    /// ```
    #[inline]
    pub fn post(self) -> rt::Call<(), super::super::PrivilegedSignupStatus> {
        rt::Call::new("POST", self.0)
    }
}
