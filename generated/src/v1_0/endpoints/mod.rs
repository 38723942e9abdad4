//! The requests of this version as a tree that follows their URLs: start at [`Graph`].
#![allow(clippy::too_many_arguments)]
#[allow(unused_imports)]
use super::super::runtime as rt;
/// The root of the request tree: `Graph::users().item(id).events().list()`.
#[derive(Debug, Clone, Copy)]
pub struct Graph;
impl Graph {
    /// `/communications`: on to [`communications::Communications`].
    #[cfg(feature = "v1_0-communications")]
    #[cfg_attr(docsrs, doc(cfg(feature = "v1_0-communications")))]
    #[inline]
    pub fn communications() -> communications::Communications {
        communications::Communications(rt::push_segment(String::new(), "communications"))
    }
    /// `/reports`: on to [`reports::Reports`].
    #[cfg(feature = "v1_0-reports")]
    #[cfg_attr(docsrs, doc(cfg(feature = "v1_0-reports")))]
    #[inline]
    pub fn reports() -> reports::Reports {
        reports::Reports(rt::push_segment(String::new(), "reports"))
    }
    /// `/users`: on to [`users::Users`].
    #[cfg(feature = "v1_0-users")]
    #[cfg_attr(docsrs, doc(cfg(feature = "v1_0-users")))]
    #[inline]
    pub fn users() -> users::Users {
        users::Users(rt::push_segment(String::new(), "users"))
    }
    /// `/me`: on to [`users::User`].
    #[cfg(feature = "v1_0-users")]
    #[cfg_attr(docsrs, doc(cfg(feature = "v1_0-users")))]
    #[inline]
    pub fn me() -> users::User {
        users::User(rt::push_segment(String::new(), "me"))
    }
}
/// The requests under `/communications`.
#[cfg(feature = "v1_0-communications")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0-communications")))]
pub mod communications;
/// The requests under `/reports`.
#[cfg(feature = "v1_0-reports")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0-reports")))]
pub mod reports;
/// The requests under `/users`.
#[cfg(feature = "v1_0-users")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0-users")))]
pub mod users;
