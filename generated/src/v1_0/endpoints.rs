//! Endpoint stubs: a builder per operation, grouped by the first segment of its path.
#![allow(clippy::too_many_arguments)]
/// Endpoints whose path starts with the `communications` segment.
#[cfg(feature = "v1_0-communications")]
pub mod communications {
    use super::super::super::runtime as rt;
    /// Get callRecord
    ///
    /// Fetch a callRecord. Expand sessions to receive the legs in the same response.
    ///
    /// `GET /communications/callRecords/{callRecordId}`
    ///
    /// Permissions: application `CallRecords.Read.All`.
    ///
    /// Source: `api-reference/v1.0/api/callrecords-callrecord-get.md:10`
    #[must_use]
    pub struct CallrecordsCallrecordGet(rt::Request<(), super::super::call_records::CallRecord>);
    /// `GET /communications/callRecords/{callRecordId}`: builds [`CallrecordsCallrecordGet`].
    pub fn callrecords_callrecord_get(call_record_id: &str) -> CallrecordsCallrecordGet {
        CallrecordsCallrecordGet(
            rt::Request::new(
                "GET",
                format!("/communications/callRecords/{}", rt::segment(call_record_id)),
            ),
        )
    }
    impl CallrecordsCallrecordGet {
        /// Sets the `$expand` query option.
        pub fn expand(self, value: &[&str]) -> Self {
            Self(self.0.with_query_list("$expand", value))
        }
        /// Sets the `$select` query option.
        pub fn select(self, value: &[&str]) -> Self {
            Self(self.0.with_query_list("$select", value))
        }
        /// Sets any header.
        pub fn header(self, name: &str, value: impl Into<String>) -> Self {
            Self(self.0.with_header(name, value))
        }
        /// The request, for a transport to send.
        pub fn into_request(self) -> rt::Request<(), super::super::call_records::CallRecord> {
            self.0
        }
    }
}
/// Endpoints whose path starts with the `reports` segment.
#[cfg(feature = "v1_0-reports")]
pub mod reports {
    use super::super::super::runtime as rt;
    /// reportRoot: getEmailActivityCounts
    ///
    /// Produces a CSV report with one row per day, counting messages sent, received and read in the tenant.
    ///
    /// `GET /reports/getEmailActivityCounts(period='{period_value}')`
    ///
    /// Permissions: delegated (work or school account) `Reports.Read.All`; application `Reports.Read.All`.
    ///
    /// Source: `api-reference/v1.0/api/reportroot-getemailactivitycounts.md:10`
    #[must_use]
    pub struct ReportrootGetemailactivitycounts(rt::Request<(), rt::Content>);
    /// `GET /reports/getEmailActivityCounts(period='{period_value}')`: builds [`ReportrootGetemailactivitycounts`].
    pub fn reportroot_getemailactivitycounts(
        period_value: &str,
    ) -> ReportrootGetemailactivitycounts {
        ReportrootGetemailactivitycounts(
            rt::Request::new(
                "GET",
                format!("/reports/getEmailActivityCounts(period='{}')", rt::literal(period_value)),
            ),
        )
    }
    impl ReportrootGetemailactivitycounts {
        /// Sets any header.
        pub fn header(self, name: &str, value: impl Into<String>) -> Self {
            Self(self.0.with_header(name, value))
        }
        /// The request, for a transport to send.
        pub fn into_request(self) -> rt::Request<(), rt::Content> {
            self.0
        }
    }
}
/// Endpoints whose path starts with the `users` segment.
#[cfg(feature = "v1_0-users")]
pub mod users {
    use super::super::super::runtime as rt;
    /// user: assignLicense
    ///
    /// Add subscriptions to, or take them away from, a user. You can also switch off single service plans inside a subscription.
    ///
    /// `POST /users/{id}/assignLicense`
    ///
    /// Permissions: delegated (work or school account) `User.ReadWrite.All`, `Directory.ReadWrite.All`; application `User.ReadWrite.All`, `Directory.ReadWrite.All`.
    ///
    /// Source: `api-reference/v1.0/api/user-assignlicense.md:10`
    #[must_use]
    pub struct UserAssignlicense(rt::Request<UserAssignlicenseBody, super::super::User>);
    /// `POST /users/{id}/assignLicense`: builds [`UserAssignlicense`].
    pub fn user_assignlicense(id: &str, body: UserAssignlicenseBody) -> UserAssignlicense {
        UserAssignlicense(
            rt::Request::new("POST", format!("/users/{}/assignLicense", rt::segment(id)))
                .with_body(body),
        )
    }
    impl UserAssignlicense {
        /// Sets any header.
        pub fn header(self, name: &str, value: impl Into<String>) -> Self {
            Self(self.0.with_header(name, value))
        }
        /// The request, for a transport to send.
        pub fn into_request(self) -> rt::Request<UserAssignlicenseBody, super::super::User> {
            self.0
        }
    }
    /// The body of [`UserAssignlicense`]: the action's parameters.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    pub struct UserAssignlicenseBody {
        #[serde(rename = "addLicenses", skip_serializing_if = "Option::is_none")]
        pub add_licenses: Option<Vec<super::super::AssignedLicense>>,
        #[serde(rename = "removeLicenses", skip_serializing_if = "Option::is_none")]
        pub remove_licenses: Option<Vec<rt::Guid>>,
    }
    /// Delete a user
    ///
    /// Remove a user. The account stays restorable for 30 days.
    ///
    /// `DELETE /users/{id}`
    ///
    /// Permissions: delegated (work or school account) `User.ReadWrite.All`, `Directory.AccessAsUser.All`; application `User.ReadWrite.All`.
    ///
    /// Source: `api-reference/v1.0/api/user-delete.md:10`
    #[must_use]
    pub struct UserDelete(rt::Request<(), ()>);
    /// `DELETE /users/{id}`: builds [`UserDelete`].
    pub fn user_delete(id: &str) -> UserDelete {
        UserDelete(rt::Request::new("DELETE", format!("/users/{}", rt::segment(id))))
    }
    impl UserDelete {
        /// Sets any header.
        pub fn header(self, name: &str, value: impl Into<String>) -> Self {
            Self(self.0.with_header(name, value))
        }
        /// The request, for a transport to send.
        pub fn into_request(self) -> rt::Request<(), ()> {
            self.0
        }
    }
    /// Get a user
    ///
    /// Read a single user. Unless you ask for more with $select, only a default subset of properties comes back.
    ///
    /// `GET /me`\
    /// `GET /users/{id}`
    ///
    /// Permissions: delegated (work or school account) `User.Read`, `User.ReadBasic.All`, `User.Read.All`, `Directory.Read.All`; delegated (personal Microsoft account) `User.Read`; application `User.Read.All`, `Directory.Read.All`.
    ///
    /// Source: `api-reference/v1.0/api/user-get.md:10`
    #[must_use]
    pub struct UserGet(rt::Request<(), super::super::User>);
    /// `GET /me`: builds [`UserGet`].
    pub fn user_get_me() -> UserGet {
        UserGet(rt::Request::new("GET", "/me"))
    }
    /// `GET /users/{id}`: builds [`UserGet`].
    pub fn user_get(id: &str) -> UserGet {
        UserGet(rt::Request::new("GET", format!("/users/{}", rt::segment(id))))
    }
    impl UserGet {
        /// Sets the `$expand` query option.
        pub fn expand(self, value: &[&str]) -> Self {
            Self(self.0.with_query_list("$expand", value))
        }
        /// Sets the `$select` query option.
        pub fn select(self, value: &[&str]) -> Self {
            Self(self.0.with_query_list("$select", value))
        }
        /// Sets the `ConsistencyLevel` header.
        pub fn consistency_level(self, value: impl Into<String>) -> Self {
            Self(self.0.with_header("ConsistencyLevel", value))
        }
        /// Sets any header.
        pub fn header(self, name: &str, value: impl Into<String>) -> Self {
            Self(self.0.with_header(name, value))
        }
        /// The request, for a transport to send.
        pub fn into_request(self) -> rt::Request<(), super::super::User> {
            self.0
        }
    }
    /// List users
    ///
    /// Return the user accounts of the organization, one page at a time.
    ///
    /// `GET /users`
    ///
    /// Permissions: delegated (work or school account) `User.ReadBasic.All`, `User.Read.All`, `Directory.Read.All`; application `User.Read.All`, `Directory.Read.All`.
    ///
    /// Source: `api-reference/v1.0/api/user-list.md:10`
    #[must_use]
    pub struct UserList(rt::Request<(), rt::Page<super::super::User>>);
    /// `GET /users`: builds [`UserList`].
    pub fn user_list() -> UserList {
        UserList(rt::Request::new("GET", "/users"))
    }
    impl UserList {
        /// Sets the `$count` query option.
        pub fn count(self, value: bool) -> Self {
            Self(self.0.with_query("$count", value))
        }
        /// Sets the `$filter` query option.
        pub fn filter(self, value: impl Into<String>) -> Self {
            Self(self.0.with_query("$filter", value.into()))
        }
        /// Sets the `$orderby` query option.
        pub fn orderby(self, value: &[&str]) -> Self {
            Self(self.0.with_query_list("$orderby", value))
        }
        /// Sets the `$search` query option.
        pub fn search(self, value: impl Into<String>) -> Self {
            Self(self.0.with_query("$search", value.into()))
        }
        /// Sets the `$select` query option.
        pub fn select(self, value: &[&str]) -> Self {
            Self(self.0.with_query_list("$select", value))
        }
        /// Sets the `$top` query option.
        pub fn top(self, value: i32) -> Self {
            Self(self.0.with_query("$top", value))
        }
        /// Sets the `ConsistencyLevel` header (the docs mark it required).
        pub fn consistency_level(self, value: impl Into<String>) -> Self {
            Self(self.0.with_header("ConsistencyLevel", value))
        }
        /// Sets any header.
        pub fn header(self, name: &str, value: impl Into<String>) -> Self {
            Self(self.0.with_header(name, value))
        }
        /// The request, for a transport to send.
        pub fn into_request(self) -> rt::Request<(), rt::Page<super::super::User>> {
            self.0
        }
    }
    /// List a user's direct memberships
    ///
    /// Return the objects that list the user as a direct member. Add a type cast segment to keep only groups.
    ///
    /// `GET /users/{user-id}/memberOf`\
    /// `GET /users/{id}/memberOf/microsoft.graph.group`
    ///
    /// Permissions: delegated (work or school account) `User.Read`, `GroupMember.Read.All`, `Directory.Read.All`; application `GroupMember.Read.All`, `Directory.Read.All`.
    ///
    /// Source: `api-reference/v1.0/api/user-list-memberof.md:10`
    #[must_use]
    pub struct UserListMemberof(rt::Request<(), rt::Page<super::super::AnyDirectoryObject>>);
    /// `GET /users/{user-id}/memberOf`: builds [`UserListMemberof`].
    pub fn user_list_memberof(user_id: &str) -> UserListMemberof {
        UserListMemberof(
            rt::Request::new("GET", format!("/users/{}/memberOf", rt::segment(user_id))),
        )
    }
    /// `GET /users/{id}/memberOf/microsoft.graph.group`: builds [`UserListMemberof`].
    pub fn user_list_memberof_group(id: &str) -> UserListMemberof {
        UserListMemberof(
            rt::Request::new(
                "GET",
                format!("/users/{}/memberOf/microsoft.graph.group", rt::segment(id)),
            ),
        )
    }
    impl UserListMemberof {
        /// Sets the `$count` query option.
        pub fn count(self, value: bool) -> Self {
            Self(self.0.with_query("$count", value))
        }
        /// Sets the `$filter` query option.
        pub fn filter(self, value: impl Into<String>) -> Self {
            Self(self.0.with_query("$filter", value.into()))
        }
        /// Sets the `$select` query option.
        pub fn select(self, value: &[&str]) -> Self {
            Self(self.0.with_query_list("$select", value))
        }
        /// Sets the `$top` query option.
        pub fn top(self, value: i32) -> Self {
            Self(self.0.with_query("$top", value))
        }
        /// Sets the `ConsistencyLevel` header.
        pub fn consistency_level(self, value: impl Into<String>) -> Self {
            Self(self.0.with_header("ConsistencyLevel", value))
        }
        /// Sets any header.
        pub fn header(self, name: &str, value: impl Into<String>) -> Self {
            Self(self.0.with_header(name, value))
        }
        /// The request, for a transport to send.
        pub fn into_request(self) -> rt::Request<(), rt::Page<super::super::AnyDirectoryObject>> {
            self.0
        }
    }
    /// Create user
    ///
    /// Make a new user account.
    ///
    /// `POST /users`
    ///
    /// Permissions: delegated (work or school account) `User.ReadWrite.All`, `Directory.ReadWrite.All`; application `User.ReadWrite.All`, `Directory.ReadWrite.All`.
    ///
    /// Source: `api-reference/v1.0/api/user-post.md:10`
    #[must_use]
    pub struct UserPost(rt::Request<super::super::User, super::super::User>);
    /// `POST /users`: builds [`UserPost`].
    pub fn user_post(body: super::super::User) -> UserPost {
        UserPost(rt::Request::new("POST", "/users").with_body(body))
    }
    impl UserPost {
        /// Sets any header.
        pub fn header(self, name: &str, value: impl Into<String>) -> Self {
            Self(self.0.with_header(name, value))
        }
        /// The request, for a transport to send.
        pub fn into_request(self) -> rt::Request<super::super::User, super::super::User> {
            self.0
        }
    }
    /// Update user
    ///
    /// Change some properties of a user; properties you leave out keep their values.
    ///
    /// `PATCH /users/{id}`
    ///
    /// Permissions: delegated (work or school account) `User.ReadWrite`, `User.ReadWrite.All`, `Directory.ReadWrite.All`; delegated (personal Microsoft account) `User.ReadWrite`; application `User.ReadWrite.All`, `Directory.ReadWrite.All`.
    ///
    /// Source: `api-reference/v1.0/api/user-update.md:10`
    #[must_use]
    pub struct UserUpdate(rt::Request<super::super::User, ()>);
    /// `PATCH /users/{id}`: builds [`UserUpdate`].
    pub fn user_update(id: &str, body: super::super::User) -> UserUpdate {
        UserUpdate(rt::Request::new("PATCH", format!("/users/{}", rt::segment(id))).with_body(body))
    }
    impl UserUpdate {
        /// Sets any header.
        pub fn header(self, name: &str, value: impl Into<String>) -> Self {
            Self(self.0.with_header(name, value))
        }
        /// The request, for a transport to send.
        pub fn into_request(self) -> rt::Request<super::super::User, ()> {
            self.0
        }
    }
}
