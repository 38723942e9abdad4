use super::super::super::runtime as rt;
/// user: assignLicense
///
/// Add subscriptions to, or take them away from, a user. You can also switch off single service plans inside a subscription.
///
/// `POST /users/{id}/assignLicense`
///
/// Permissions: delegated (work or school account) `User.ReadWrite.All`, `Directory.ReadWrite.All`; application `User.ReadWrite.All`, `Directory.ReadWrite.All`.
///
/// Source: `api-reference/v1.0/api/user-assignlicense.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/user-assignlicense?view=graph-rest-1.0))
#[must_use]
pub struct UserAssignlicense(rt::Request<UserAssignlicenseBody, super::super::User>);
/// `POST /users/{id}/assignLicense`: builds [`UserAssignlicense`].
#[inline]
pub fn user_assignlicense(id: &str, body: UserAssignlicenseBody) -> UserAssignlicense {
    UserAssignlicense(
        rt::Request::new("POST", format!("/users/{}/assignLicense", rt::segment(id)))
            .with_body(body),
    )
}
impl UserAssignlicense {
    /// Sets any header.
    #[inline]
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        rt::set_header(&mut self.0.headers, name, value.into());
        self
    }
    /// The request, for a transport to send.
    #[inline]
    pub fn into_request(self) -> rt::Request<UserAssignlicenseBody, super::super::User> {
        self.0
    }
}
/// The body of [`UserAssignlicense`]: the action's parameters.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UserAssignlicenseBody {
    pub add_licenses: Option<Vec<super::super::AssignedLicense>>,
    pub remove_licenses: Option<Vec<rt::Guid>>,
}
impl rt::JsonFields for UserAssignlicenseBody {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, "addLicenses", &self.add_licenses)?;
        rt::write_field(map, "removeLicenses", &self.remove_licenses)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<bool, A::Error> {
        match key {
            "addLicenses" => self.add_licenses = map.next_value()?,
            "removeLicenses" => self.remove_licenses = map.next_value()?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}
rt::json_object!(UserAssignlicenseBody);
/// Delete a user
///
/// Remove a user. The account stays restorable for 30 days.
///
/// `DELETE /users/{id}`
///
/// Permissions: delegated (work or school account) `User.ReadWrite.All`, `Directory.AccessAsUser.All`; application `User.ReadWrite.All`.
///
/// Source: `api-reference/v1.0/api/user-delete.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/user-delete?view=graph-rest-1.0))
#[must_use]
pub struct UserDelete(rt::Request<(), ()>);
/// `DELETE /users/{id}`: builds [`UserDelete`].
#[inline]
pub fn user_delete(id: &str) -> UserDelete {
    UserDelete(rt::Request::new("DELETE", format!("/users/{}", rt::segment(id))))
}
impl UserDelete {
    /// Sets any header.
    #[inline]
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        rt::set_header(&mut self.0.headers, name, value.into());
        self
    }
    /// The request, for a transport to send.
    #[inline]
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
/// Source: `api-reference/v1.0/api/user-get.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/user-get?view=graph-rest-1.0))
#[must_use]
pub struct UserGet(rt::Request<(), super::super::User>);
/// `GET /me`: builds [`UserGet`].
#[inline]
pub fn user_get_me() -> UserGet {
    UserGet(rt::Request::new("GET", "/me"))
}
/// `GET /users/{id}`: builds [`UserGet`].
#[inline]
pub fn user_get(id: &str) -> UserGet {
    UserGet(rt::Request::new("GET", format!("/users/{}", rt::segment(id))))
}
impl UserGet {
    /// Sets the `$expand` query option.
    #[inline]
    pub fn expand(mut self, value: &[&str]) -> Self {
        rt::set_query(&mut self.0.query, "$expand", value.join(","));
        self
    }
    /// Sets the `$select` query option.
    #[inline]
    pub fn select(mut self, value: &[&str]) -> Self {
        rt::set_query(&mut self.0.query, "$select", value.join(","));
        self
    }
    /// Sets the `ConsistencyLevel` header.
    #[inline]
    pub fn consistency_level(mut self, value: impl Into<String>) -> Self {
        rt::set_header(&mut self.0.headers, "ConsistencyLevel", value.into());
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
/// Source: `api-reference/v1.0/api/user-list.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/user-list?view=graph-rest-1.0))
#[must_use]
pub struct UserList(rt::Request<(), rt::Page<super::super::User>>);
/// `GET /users`: builds [`UserList`].
#[inline]
pub fn user_list() -> UserList {
    UserList(rt::Request::new("GET", "/users"))
}
impl UserList {
    /// Sets the `$count` query option.
    #[inline]
    pub fn count(mut self, value: bool) -> Self {
        rt::set_query(&mut self.0.query, "$count", value.to_string());
        self
    }
    /// Sets the `$filter` query option.
    #[inline]
    pub fn filter(mut self, value: impl Into<String>) -> Self {
        rt::set_query(&mut self.0.query, "$filter", value.into());
        self
    }
    /// Sets the `$orderby` query option.
    #[inline]
    pub fn orderby(mut self, value: &[&str]) -> Self {
        rt::set_query(&mut self.0.query, "$orderby", value.join(","));
        self
    }
    /// Sets the `$search` query option.
    #[inline]
    pub fn search(mut self, value: impl Into<String>) -> Self {
        rt::set_query(&mut self.0.query, "$search", value.into());
        self
    }
    /// Sets the `$select` query option.
    #[inline]
    pub fn select(mut self, value: &[&str]) -> Self {
        rt::set_query(&mut self.0.query, "$select", value.join(","));
        self
    }
    /// Sets the `$top` query option.
    #[inline]
    pub fn top(mut self, value: i32) -> Self {
        rt::set_query(&mut self.0.query, "$top", value.to_string());
        self
    }
    /// Sets the `ConsistencyLevel` header (the docs mark it required).
    #[inline]
    pub fn consistency_level(mut self, value: impl Into<String>) -> Self {
        rt::set_header(&mut self.0.headers, "ConsistencyLevel", value.into());
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
/// Source: `api-reference/v1.0/api/user-list-memberof.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/user-list-memberof?view=graph-rest-1.0))
#[must_use]
pub struct UserListMemberof(rt::Request<(), rt::Page<super::super::AnyDirectoryObject>>);
/// `GET /users/{user-id}/memberOf`: builds [`UserListMemberof`].
#[inline]
pub fn user_list_memberof(user_id: &str) -> UserListMemberof {
    UserListMemberof(
        rt::Request::new("GET", format!("/users/{}/memberOf", rt::segment(user_id))),
    )
}
/// `GET /users/{id}/memberOf/microsoft.graph.group`: builds [`UserListMemberof`].
#[inline]
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
    #[inline]
    pub fn count(mut self, value: bool) -> Self {
        rt::set_query(&mut self.0.query, "$count", value.to_string());
        self
    }
    /// Sets the `$filter` query option.
    #[inline]
    pub fn filter(mut self, value: impl Into<String>) -> Self {
        rt::set_query(&mut self.0.query, "$filter", value.into());
        self
    }
    /// Sets the `$select` query option.
    #[inline]
    pub fn select(mut self, value: &[&str]) -> Self {
        rt::set_query(&mut self.0.query, "$select", value.join(","));
        self
    }
    /// Sets the `$top` query option.
    #[inline]
    pub fn top(mut self, value: i32) -> Self {
        rt::set_query(&mut self.0.query, "$top", value.to_string());
        self
    }
    /// Sets the `ConsistencyLevel` header.
    #[inline]
    pub fn consistency_level(mut self, value: impl Into<String>) -> Self {
        rt::set_header(&mut self.0.headers, "ConsistencyLevel", value.into());
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
    ) -> rt::Request<(), rt::Page<super::super::AnyDirectoryObject>> {
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
/// Source: `api-reference/v1.0/api/user-post.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/user-post?view=graph-rest-1.0))
#[must_use]
pub struct UserPost(rt::Request<super::super::User, super::super::User>);
/// `POST /users`: builds [`UserPost`].
#[inline]
pub fn user_post(body: super::super::User) -> UserPost {
    UserPost(rt::Request::new("POST", "/users").with_body(body))
}
impl UserPost {
    /// Sets any header.
    #[inline]
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        rt::set_header(&mut self.0.headers, name, value.into());
        self
    }
    /// The request, for a transport to send.
    #[inline]
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
/// Source: `api-reference/v1.0/api/user-update.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/user-update?view=graph-rest-1.0))
#[must_use]
pub struct UserUpdate(rt::Request<super::super::User, ()>);
/// `PATCH /users/{id}`: builds [`UserUpdate`].
#[inline]
pub fn user_update(id: &str, body: super::super::User) -> UserUpdate {
    UserUpdate(
        rt::Request::new("PATCH", format!("/users/{}", rt::segment(id))).with_body(body),
    )
}
impl UserUpdate {
    /// Sets any header.
    #[inline]
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        rt::set_header(&mut self.0.headers, name, value.into());
        self
    }
    /// The request, for a transport to send.
    #[inline]
    pub fn into_request(self) -> rt::Request<super::super::User, ()> {
        self.0
    }
}
