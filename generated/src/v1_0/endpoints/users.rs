use super::super::super::runtime as rt;
/// Requests at `/users`, and the steps after it.
#[derive(Debug, Clone)]
#[must_use]
pub struct Users(pub(super) String);
impl Users {
    /// `/{id}`: on to [`User`].
    #[inline]
    pub fn item(self, id: impl Into<rt::ItemKey<super::super::User>>) -> User {
        User(rt::push_key(self.0, id.into().as_str()))
    }
    /// List users
    ///
    /// Return the user accounts of the organization, one page at a time.
    ///
    /// `GET /users`
    ///
    /// Permissions: delegated (work or school account) `User.ReadBasic.All`, `User.Read.All`, `Directory.Read.All`; application `User.Read.All`, `Directory.Read.All`.
    ///
    /// Query options the page documents: `$count`, `$filter`, `$orderby`, `$search`, `$select`, `$top`.
    ///
    /// Headers the page documents, set with `header`: `ConsistencyLevel` (required).
    ///
    /// Source: `api-reference/v1.0/api/user-list.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/user-list?view=graph-rest-1.0))
    ///
    /// The page's example, `GET https://graph.microsoft.com/v1.0/users?$filter=userType eq 'Guest'&$top=2&$count=true&$orderby=displayName&$select=id,displayName,userPrincipalName,userType,businessPhones`:
    /// ```ignore
    /// let request = Graph::users().list().query("$filter", "userType eq 'Guest'").top(2).count(true).query("$orderby", "displayName").query("$select", "id,displayName,userPrincipalName,userType,businessPhones").into_request();
    /// ```
    #[inline]
    pub fn list(self) -> rt::List<rt::Page<super::super::User>> {
        rt::List::new(self.0)
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
    ///
    /// The page's example, `POST https://graph.microsoft.com/v1.0/users`:
    /// ```ignore
    /// let request = Graph::users().create(body).into_request();
    /// ```
    #[inline]
    pub fn create(
        self,
        body: super::super::User,
    ) -> rt::Call<super::super::User, super::super::User> {
        rt::Call::with_body("POST", self.0, body)
    }
}
/// Requests at `/users/{id}`, and the steps after it.
#[derive(Debug, Clone)]
#[must_use]
pub struct User(pub(super) String);
impl User {
    /// `/assignLicense`: on to [`UserAssignLicense`].
    #[inline]
    pub fn assign_license(self) -> UserAssignLicense {
        UserAssignLicense(rt::push_segment(self.0, "assignLicense"))
    }
    /// `/memberOf`: on to [`UserMemberOf`].
    #[inline]
    pub fn member_of(self) -> UserMemberOf {
        UserMemberOf(rt::push_segment(self.0, "memberOf"))
    }
    /// Delete a user
    ///
    /// Remove a user. The account stays restorable for 30 days.
    ///
    /// `DELETE /users/{id}`
    ///
    /// Permissions: delegated (work or school account) `User.ReadWrite.All`, `Directory.AccessAsUser.All`; application `User.ReadWrite.All`.
    ///
    /// Source: `api-reference/v1.0/api/user-delete.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/user-delete?view=graph-rest-1.0))
    ///
    /// The page's example, `DELETE https://graph.microsoft.com/v1.0/users/4d7a2f19-c83e-4b60-9a15-e6b0d3c8a2f7`:
    /// ```ignore
    /// let request = Graph::users().item("4d7a2f19-c83e-4b60-9a15-e6b0d3c8a2f7").delete().into_request();
    /// ```
    #[inline]
    pub fn delete(self) -> rt::Call<(), ()> {
        rt::Call::new("DELETE", self.0)
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
    /// Query options the page documents: `$expand`, `$select`.
    ///
    /// Headers the page documents, set with `header`: `ConsistencyLevel`.
    ///
    /// Source: `api-reference/v1.0/api/user-get.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/user-get?view=graph-rest-1.0))
    ///
    /// The page's example, `GET https://graph.microsoft.com/v1.0/users/rowan.ibarra@contoso.example?$select=displayName,mail,employeeHireDate`:
    /// ```ignore
    /// let request = Graph::users().item("rowan.ibarra@contoso.example").get().query("$select", "displayName,mail,employeeHireDate").into_request();
    /// ```
    #[inline]
    pub fn get(self) -> rt::Get<super::super::User> {
        rt::Get::new(self.0)
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
    ///
    /// The page's example, `PATCH https://graph.microsoft.com/v1.0/users/4d7a2f19-c83e-4b60-9a15-e6b0d3c8a2f7`:
    /// ```ignore
    /// let request = Graph::users().item("4d7a2f19-c83e-4b60-9a15-e6b0d3c8a2f7").update(body).into_request();
    /// ```
    #[inline]
    pub fn update(self, body: super::super::User) -> rt::Call<super::super::User, ()> {
        rt::Call::with_body("PATCH", self.0, body)
    }
}
/// Requests at `/users/{id}/assignLicense`, and the steps after it.
#[derive(Debug, Clone)]
#[must_use]
pub struct UserAssignLicense(pub(super) String);
impl UserAssignLicense {
    /// user: assignLicense
    ///
    /// Add subscriptions to, or take them away from, a user. You can also switch off single service plans inside a subscription.
    ///
    /// `POST /users/{id}/assignLicense`
    ///
    /// Permissions: delegated (work or school account) `User.ReadWrite.All`, `Directory.ReadWrite.All`; application `User.ReadWrite.All`, `Directory.ReadWrite.All`.
    ///
    /// Source: `api-reference/v1.0/api/user-assignlicense.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/user-assignlicense?view=graph-rest-1.0))
    ///
    /// The page's example, `POST https://graph.microsoft.com/v1.0/users/4d7a2f19-c83e-4b60-9a15-e6b0d3c8a2f7/assignLicense`:
    /// ```ignore
    /// let request = Graph::users().item("4d7a2f19-c83e-4b60-9a15-e6b0d3c8a2f7").assign_license().post(body).into_request();
    /// ```
    #[inline]
    pub fn post(
        self,
        body: UserAssignLicenseBody,
    ) -> rt::Call<UserAssignLicenseBody, super::super::User> {
        rt::Call::with_body("POST", self.0, body)
    }
}
/// The parameters of user: assignLicense.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UserAssignLicenseBody {
    pub add_licenses: Option<Vec<super::super::AssignedLicense>>,
    pub remove_licenses: Option<Vec<rt::Guid>>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
impl rt::JsonFields for UserAssignLicenseBody {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "addLicenses", &self.add_licenses)?;
        rt::write_field(map, &self.nulls, "removeLicenses", &self.remove_licenses)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "addLicenses" => rt::read_field(map, &mut self.add_licenses),
            "removeLicenses" => rt::read_field(map, &mut self.remove_licenses),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
rt::json_object!(parameters UserAssignLicenseBody);
/// Requests at `/users/{user-id}/memberOf`, and the steps after it.
#[derive(Debug, Clone)]
#[must_use]
pub struct UserMemberOf(pub(super) String);
impl UserMemberOf {
    /// `/microsoft.graph.group`: on to [`UserMemberOfAsGroup`].
    #[inline]
    pub fn as_group(self) -> UserMemberOfAsGroup {
        UserMemberOfAsGroup(rt::push_segment(self.0, "microsoft.graph.group"))
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
    /// Query options the page documents: `$count`, `$filter`, `$select`, `$top`.
    ///
    /// Headers the page documents, set with `header`: `ConsistencyLevel`.
    ///
    /// Source: `api-reference/v1.0/api/user-list-memberof.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/user-list-memberof?view=graph-rest-1.0))
    #[inline]
    pub fn list(self) -> rt::List<rt::Page<super::super::AnyDirectoryObject>> {
        rt::List::new(self.0)
    }
}
/// Requests at `/users/{user-id}/memberOf`, and the steps after it.
#[derive(Debug, Clone)]
#[must_use]
pub struct UserMemberOfAsGroup(pub(super) String);
impl UserMemberOfAsGroup {
    /// List a user's direct memberships
    ///
    /// Return the objects that list the user as a direct member. Add a type cast segment to keep only groups.
    ///
    /// `GET /users/{user-id}/memberOf`\
    /// `GET /users/{id}/memberOf/microsoft.graph.group`
    ///
    /// Permissions: delegated (work or school account) `User.Read`, `GroupMember.Read.All`, `Directory.Read.All`; application `GroupMember.Read.All`, `Directory.Read.All`.
    ///
    /// Query options the page documents: `$count`, `$filter`, `$select`, `$top`.
    ///
    /// Headers the page documents, set with `header`: `ConsistencyLevel`.
    ///
    /// Source: `api-reference/v1.0/api/user-list-memberof.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/user-list-memberof?view=graph-rest-1.0))
    ///
    /// The page's example, `GET https://graph.microsoft.com/v1.0/users/4d7a2f19-c83e-4b60-9a15-e6b0d3c8a2f7/memberOf/microsoft.graph.group?$select=displayName,groupTypes`:
    /// ```ignore
    /// let request = Graph::users().item("4d7a2f19-c83e-4b60-9a15-e6b0d3c8a2f7").member_of().as_group().list().query("$select", "displayName,groupTypes").into_request();
    /// ```
    #[inline]
    pub fn list(self) -> rt::List<rt::Page<super::super::AnyDirectoryObject>> {
        rt::List::new(self.0)
    }
}
