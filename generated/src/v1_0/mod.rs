//! Types of the `microsoft.graph` namespace.
#[allow(unused_imports)]
use super::runtime as rt;
/// Names a subscription SKU given to an account and the service plans inside it that are turned off.
///
/// Source: `api-reference/v1.0/resources/assignedlicense.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/assignedlicense?view=graph-rest-1.0))
#[cfg(feature = "v1_0-users")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0-users")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AssignedLicense {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Service plans of the SKU that stay switched off.
    ///
    /// JSON: `disabledPlans`. Source: `api-reference/v1.0/resources/assignedlicense.md:20`
    pub disabled_plans: Option<Vec<rt::Guid>>,
    /// Which SKU this entry refers to.
    ///
    /// JSON: `skuId`. Source: `api-reference/v1.0/resources/assignedlicense.md:21`
    pub sku_id: Option<rt::Guid>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "v1_0-users")]
impl rt::JsonFields for AssignedLicense {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "disabledPlans", &self.disabled_plans)?;
        rt::write_field(map, &self.nulls, "skuId", &self.sku_id)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "disabledPlans" => rt::read_field(map, &mut self.disabled_plans),
            "skuId" => rt::read_field(map, &mut self.sku_id),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "v1_0-users")]
rt::json_object!(AssignedLicense);
#[cfg(feature = "v1_0-users")]
impl rt::Queryable for AssignedLicense {
    type Fields = AssignedLicense;
    const NAME: &'static str = "microsoft.graph.assignedLicense";
}
#[cfg(feature = "v1_0-users")]
impl AssignedLicense {
    pub const DISABLED_PLANS: rt::Field<Self, Vec<rt::Guid>> = rt::Field::new(
        "disabledPlans",
    );
    pub const SKU_ID: rt::Field<Self, rt::Guid> = rt::Field::new("skuId");
}
/// An addressee of a meeting request, along with whether they must come.
///
/// Source: `api-reference/v1.0/resources/attendeebase.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/attendeebase?view=graph-rest-1.0))
#[cfg(feature = "v1_0")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AttendeeBase {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Name and address of the addressee, written as Name \<address\> in the mail header. (Inherited from `microsoft.graph.recipient`.)
    ///
    /// JSON: `emailAddress`. Source: `api-reference/v1.0/resources/recipient.md:20`
    pub email_address: Option<Box<EmailAddress>>,
    /// How much the attendee is needed. Possible values are: required, optional, resource.
    ///
    /// JSON: `type`. Source: `api-reference/v1.0/resources/attendeebase.md:23`
    pub type_: Option<String>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "v1_0")]
impl rt::JsonFields for AttendeeBase {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "emailAddress", &self.email_address)?;
        rt::write_field(map, &self.nulls, "type", &self.type_)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "emailAddress" => rt::read_field(map, &mut self.email_address),
            "type" => rt::read_field(map, &mut self.type_),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "v1_0")]
rt::json_object!(AttendeeBase);
#[cfg(feature = "v1_0")]
impl rt::Queryable for AttendeeBase {
    type Fields = AttendeeBase;
    const NAME: &'static str = "microsoft.graph.attendeeBase";
}
#[cfg(feature = "v1_0")]
impl AttendeeBase {
    pub const EMAIL_ADDRESS: rt::Field<Self, EmailAddress> = rt::Field::new(
        "emailAddress",
    );
    pub const TYPE_: rt::Field<Self, String> = rt::Field::new("type");
}
/// Shared ancestor of users, groups and the other kinds of object kept in the directory. Being an open type, it may carry dynamic properties that the table below does not list.
///
/// Source: `api-reference/v1.0/resources/directoryobject.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/directoryobject?view=graph-rest-1.0))
#[cfg(feature = "v1_0-users")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0-users")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DirectoryObject {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Key that identifies the object. Read-only. (Inherited from `microsoft.graph.entity`.)
    ///
    /// JSON: `id`. Source: `api-reference/v1.0/resources/entity.md:20`
    pub id: Option<String>,
    /// When the object was soft-deleted, in UTC. Empty for live objects. Read-only.
    ///
    /// JSON: `deletedDateTime`. Source: `api-reference/v1.0/resources/directoryobject.md:20`
    pub deleted_date_time: Option<rt::DateTimeOffset>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
    /// Properties the docs do not list: this type is open.
    pub additional_properties: std::collections::BTreeMap<String, rt::Json>,
}
#[cfg(feature = "v1_0-users")]
impl rt::JsonFields for DirectoryObject {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "id", &self.id)?;
        rt::write_field(map, &self.nulls, "deletedDateTime", &self.deleted_date_time)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "id" => rt::read_field(map, &mut self.id),
            "deletedDateTime" => rt::read_lenient(map, &mut self.deleted_date_time),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "v1_0-users")]
rt::json_object!(DirectoryObject, additional_properties);
#[cfg(feature = "v1_0-users")]
impl rt::Keyed for DirectoryObject {
    fn key(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }
}
#[cfg(feature = "v1_0-users")]
impl rt::Queryable for DirectoryObject {
    type Fields = DirectoryObject;
    const NAME: &'static str = "microsoft.graph.directoryObject";
}
#[cfg(feature = "v1_0-users")]
impl DirectoryObject {
    pub const ID: rt::Field<Self, String> = rt::Field::new("id");
    pub const DELETED_DATE_TIME: rt::Field<Self, rt::DateTimeOffset> = rt::Field::new(
        "deletedDateTime",
    );
}
/// A `microsoft.graph.directoryObject` or any type derived from it, read as the type its `@odata.type` names.
///
/// Made from any variant's type with `.into()`; `as_<variant>` and `into_<variant>` (the
/// variant's name in snake case) give the value when it was read as exactly that type.
#[cfg(feature = "v1_0-users")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0-users")))]
#[derive(Debug, Clone, PartialEq)]
pub enum AnyDirectoryObject {
    DirectoryObject(Box<DirectoryObject>),
    #[cfg(feature = "v1_0")]
    #[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
    Group(Box<Group>),
    User(Box<User>),
}
#[cfg(feature = "v1_0-users")]
impl Default for AnyDirectoryObject {
    #[inline]
    fn default() -> Self {
        Self::DirectoryObject(Box::default())
    }
}
#[cfg(feature = "v1_0-users")]
impl serde::Serialize for AnyDirectoryObject {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::DirectoryObject(value) => serde::Serialize::serialize(value, s),
            #[cfg(feature = "v1_0")]
            Self::Group(value) => serde::Serialize::serialize(value, s),
            Self::User(value) => serde::Serialize::serialize(value, s),
        }
    }
}
#[cfg(feature = "v1_0-users")]
impl rt::Polymorphic for AnyDirectoryObject {
    fn pick<'de, R: rt::ReadAs<'de>>(reader: R) -> Result<Self, R::Error> {
        Ok(
            match reader.odata_type() {
                #[cfg(feature = "v1_0")]
                Some("microsoft.graph.group") => Self::Group(reader.read()?),
                Some("microsoft.graph.user") => Self::User(reader.read()?),
                _ => Self::DirectoryObject(reader.read()?),
            },
        )
    }
    type Base = DirectoryObject;
}
#[cfg(feature = "v1_0-users")]
impl<'de> serde::Deserialize<'de> for AnyDirectoryObject {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        rt::read_polymorphic(d)
    }
}
#[cfg(feature = "v1_0-users")]
impl rt::JsonResponse for AnyDirectoryObject {}
#[cfg(feature = "v1_0-users")]
impl From<DirectoryObject> for AnyDirectoryObject {
    #[inline]
    fn from(value: DirectoryObject) -> Self {
        Self::DirectoryObject(Box::new(value))
    }
}
#[cfg(feature = "v1_0-users")]
#[cfg(feature = "v1_0")]
impl From<Group> for AnyDirectoryObject {
    #[inline]
    fn from(mut value: Group) -> Self {
        rt::name_type(&mut value.odata_type, "#microsoft.graph.group");
        Self::Group(Box::new(value))
    }
}
#[cfg(feature = "v1_0-users")]
impl From<User> for AnyDirectoryObject {
    #[inline]
    fn from(mut value: User) -> Self {
        rt::name_type(&mut value.odata_type, "#microsoft.graph.user");
        Self::User(Box::new(value))
    }
}
#[cfg(feature = "v1_0-users")]
impl AnyDirectoryObject {
    /// The `microsoft.graph.directoryObject` this value was read as, if it was one.
    #[inline]
    pub fn as_directory_object(&self) -> Option<&DirectoryObject> {
        match self {
            Self::DirectoryObject(value) => Some(&**value),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }
    /// The `microsoft.graph.directoryObject` this value was read as, if it was one.
    #[inline]
    pub fn into_directory_object(self) -> Option<DirectoryObject> {
        match self {
            Self::DirectoryObject(value) => Some(*value),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }
    /// The `microsoft.graph.group` this value was read as, if it was one.
    #[cfg(feature = "v1_0")]
    #[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
    #[inline]
    pub fn as_group(&self) -> Option<&Group> {
        match self {
            Self::Group(value) => Some(&**value),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }
    /// The `microsoft.graph.group` this value was read as, if it was one.
    #[cfg(feature = "v1_0")]
    #[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
    #[inline]
    pub fn into_group(self) -> Option<Group> {
        match self {
            Self::Group(value) => Some(*value),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }
    /// The `microsoft.graph.user` this value was read as, if it was one.
    #[inline]
    pub fn as_user(&self) -> Option<&User> {
        match self {
            Self::User(value) => Some(&**value),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }
    /// The `microsoft.graph.user` this value was read as, if it was one.
    #[inline]
    pub fn into_user(self) -> Option<User> {
        match self {
            Self::User(value) => Some(*value),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }
}
#[cfg(feature = "v1_0-users")]
impl rt::Queryable for AnyDirectoryObject {
    type Fields = DirectoryObject;
    const NAME: &'static str = "microsoft.graph.directoryObject";
}
/// Anything kept in a drive. Facets such as folder tell what kind of item it is.
///
/// Source: `api-reference/v1.0/resources/driveitem.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/driveitem?view=graph-rest-1.0))
#[cfg(feature = "v1_0")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DriveItem {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Key that identifies the object. Read-only. (Inherited from `microsoft.graph.entity`.)
    ///
    /// JSON: `id`. Source: `api-reference/v1.0/resources/entity.md:20`
    pub id: Option<String>,
    /// The bytes of the file. Only on items that are files.
    ///
    /// JSON: `content`. Source: `api-reference/v1.0/resources/driveitem.md:20`
    pub content: Option<rt::Stream>,
    /// Who added the item. Read-only.
    ///
    /// JSON: `createdBy`. Source: `api-reference/v1.0/resources/driveitem.md:21`
    pub created_by: Option<Box<IdentitySet>>,
    /// UTC moment the item was added. Read-only.
    ///
    /// JSON: `createdDateTime`. Source: `api-reference/v1.0/resources/driveitem.md:22`
    pub created_date_time: Option<rt::DateTimeOffset>,
    /// Present when the item is a container. Read-only.
    ///
    /// JSON: `folder`. Source: `api-reference/v1.0/resources/driveitem.md:23`
    pub folder: Option<Box<Folder>>,
    /// File or folder name.
    ///
    /// JSON: `name`. Source: `api-reference/v1.0/resources/driveitem.md:25`
    pub name: Option<String>,
    /// Address of the container holding the item.
    ///
    /// JSON: `parentReference`. Source: `api-reference/v1.0/resources/driveitem.md:26`
    pub parent_reference: Option<Box<ItemReference>>,
    /// Length in bytes. Read-only.
    ///
    /// JSON: `size`. Source: `api-reference/v1.0/resources/driveitem.md:27`
    pub size: Option<i64>,
    /// Browser address for the item. Read-only.
    ///
    /// JSON: `webUrl`. Source: `api-reference/v1.0/resources/driveitem.md:28`
    pub web_url: Option<String>,
    /// What to do when an upload collides with an existing name: fail, replace or rename. Write-only.
    ///
    /// JSON: `@microsoft.graph.conflictBehavior`. Source: `api-reference/v1.0/resources/driveitem.md:36`
    pub microsoft_graph_conflict_behavior: Option<String>,
    /// Short-lived address to fetch the bytes without a token. Read-only.
    ///
    /// JSON: `@microsoft.graph.downloadUrl`. Source: `api-reference/v1.0/resources/driveitem.md:37`
    pub microsoft_graph_download_url: Option<String>,
    /// Items directly inside a folder. Read-only. Nullable.
    ///
    /// JSON: `children`. Source: `api-reference/v1.0/resources/driveitem.md:43`
    pub children: Option<Vec<DriveItem>>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "v1_0")]
impl rt::JsonFields for DriveItem {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "id", &self.id)?;
        rt::write_field(map, &self.nulls, "content", &self.content)?;
        rt::write_field(map, &self.nulls, "createdBy", &self.created_by)?;
        rt::write_field(map, &self.nulls, "createdDateTime", &self.created_date_time)?;
        rt::write_field(map, &self.nulls, "folder", &self.folder)?;
        rt::write_field(map, &self.nulls, "name", &self.name)?;
        rt::write_field(map, &self.nulls, "parentReference", &self.parent_reference)?;
        rt::write_field(map, &self.nulls, "size", &self.size)?;
        rt::write_field(map, &self.nulls, "webUrl", &self.web_url)?;
        rt::write_field(
            map,
            &self.nulls,
            "@microsoft.graph.conflictBehavior",
            &self.microsoft_graph_conflict_behavior,
        )?;
        rt::write_field(
            map,
            &self.nulls,
            "@microsoft.graph.downloadUrl",
            &self.microsoft_graph_download_url,
        )?;
        rt::write_field(map, &self.nulls, "children", &self.children)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "id" => rt::read_field(map, &mut self.id),
            "content" => rt::read_field(map, &mut self.content),
            "createdBy" => rt::read_field(map, &mut self.created_by),
            "createdDateTime" => rt::read_lenient(map, &mut self.created_date_time),
            "folder" => rt::read_field(map, &mut self.folder),
            "name" => rt::read_field(map, &mut self.name),
            "parentReference" => rt::read_field(map, &mut self.parent_reference),
            "size" => rt::read_lenient(map, &mut self.size),
            "webUrl" => rt::read_field(map, &mut self.web_url),
            "@microsoft.graph.conflictBehavior" => {
                rt::read_field(map, &mut self.microsoft_graph_conflict_behavior)
            }
            "@microsoft.graph.downloadUrl" => {
                rt::read_field(map, &mut self.microsoft_graph_download_url)
            }
            "children" => rt::read_field(map, &mut self.children),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "v1_0")]
rt::json_object!(DriveItem);
#[cfg(feature = "v1_0")]
impl rt::Keyed for DriveItem {
    fn key(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }
}
#[cfg(feature = "v1_0")]
impl rt::Queryable for DriveItem {
    type Fields = DriveItem;
    const NAME: &'static str = "microsoft.graph.driveItem";
}
#[cfg(feature = "v1_0")]
impl DriveItem {
    pub const ID: rt::Field<Self, String> = rt::Field::new("id");
    pub const CONTENT: rt::Field<Self, rt::Stream> = rt::Field::new("content");
    pub const CREATED_BY: rt::Field<Self, IdentitySet> = rt::Field::new("createdBy");
    pub const CREATED_DATE_TIME: rt::Field<Self, rt::DateTimeOffset> = rt::Field::new(
        "createdDateTime",
    );
    pub const FOLDER: rt::Field<Self, Folder> = rt::Field::new("folder");
    pub const NAME: rt::Field<Self, String> = rt::Field::new("name");
    pub const PARENT_REFERENCE: rt::Field<Self, ItemReference> = rt::Field::new(
        "parentReference",
    );
    pub const SIZE: rt::Field<Self, i64> = rt::Field::new("size");
    pub const WEB_URL: rt::Field<Self, String> = rt::Field::new("webUrl");
    pub const MICROSOFT_GRAPH_CONFLICT_BEHAVIOR: rt::Field<Self, String> = rt::Field::new(
        "@microsoft.graph.conflictBehavior",
    );
    pub const MICROSOFT_GRAPH_DOWNLOAD_URL: rt::Field<Self, String> = rt::Field::new(
        "@microsoft.graph.downloadUrl",
    );
    pub const CHILDREN: rt::Field<Self, rt::Nav<DriveItem>> = rt::Field::new("children");
}
/// The address of a mailbox, with the display name that goes along with it.
///
/// Source: `api-reference/v1.0/resources/emailaddress.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/emailaddress?view=graph-rest-1.0))
#[cfg(feature = "v1_0")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmailAddress {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// The SMTP address, such as ada@contoso.com (see <https://www.rfc-editor.org/rfc/rfc5322> for the syntax).
    ///
    /// JSON: `address`. Source: `api-reference/v1.0/resources/emailaddress.md:20`
    pub address: Option<String>,
    /// The name shown next to the address.
    ///
    /// JSON: `name`. Source: `api-reference/v1.0/resources/emailaddress.md:21`
    pub name: Option<String>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "v1_0")]
impl rt::JsonFields for EmailAddress {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "address", &self.address)?;
        rt::write_field(map, &self.nulls, "name", &self.name)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "address" => rt::read_field(map, &mut self.address),
            "name" => rt::read_field(map, &mut self.name),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "v1_0")]
rt::json_object!(EmailAddress);
#[cfg(feature = "v1_0")]
impl rt::Queryable for EmailAddress {
    type Fields = EmailAddress;
    const NAME: &'static str = "microsoft.graph.emailAddress";
}
#[cfg(feature = "v1_0")]
impl EmailAddress {
    pub const ADDRESS: rt::Field<Self, String> = rt::Field::new("address");
    pub const NAME: rt::Field<Self, String> = rt::Field::new("name");
}
/// Sits at the top of the entity hierarchy. Its only job is to give every addressable object a key.
///
/// Source: `api-reference/v1.0/resources/entity.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/entity?view=graph-rest-1.0))
#[cfg(feature = "v1_0-core")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0-core")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entity {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Key that identifies the object. Read-only.
    ///
    /// JSON: `id`. Source: `api-reference/v1.0/resources/entity.md:20`
    pub id: Option<String>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "v1_0-core")]
impl rt::JsonFields for Entity {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "id", &self.id)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "id" => rt::read_field(map, &mut self.id),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "v1_0-core")]
rt::json_object!(Entity);
#[cfg(feature = "v1_0-core")]
impl rt::Keyed for Entity {
    fn key(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }
}
#[cfg(feature = "v1_0-core")]
impl rt::Queryable for Entity {
    type Fields = Entity;
    const NAME: &'static str = "microsoft.graph.entity";
}
#[cfg(feature = "v1_0-core")]
impl Entity {
    pub const ID: rt::Field<Self, String> = rt::Field::new("id");
}
/// Present on a drive item when that item is a container.
///
/// Source: `api-reference/v1.0/resources/folder.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/folder?view=graph-rest-1.0))
#[cfg(feature = "v1_0")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Folder {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// How many items sit directly inside.
    ///
    /// JSON: `childCount`. Source: `api-reference/v1.0/resources/folder.md:20`
    pub child_count: Option<i32>,
    /// Raw bytes of a custom icon, base64 on the wire.
    ///
    /// JSON: `iconData`. Source: `api-reference/v1.0/resources/folder.md:21`
    pub icon_data: Option<rt::Base64>,
    /// Facet of the enclosing container; empty at the root.
    ///
    /// JSON: `parent`. Source: `api-reference/v1.0/resources/folder.md:22`
    pub parent: Option<Box<Folder>>,
    /// Address of the enclosing container.
    ///
    /// JSON: `parentReference`. Source: `api-reference/v1.0/resources/folder.md:23`
    pub parent_reference: Option<Box<ItemReference>>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "v1_0")]
impl rt::JsonFields for Folder {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "childCount", &self.child_count)?;
        rt::write_field(map, &self.nulls, "iconData", &self.icon_data)?;
        rt::write_field(map, &self.nulls, "parent", &self.parent)?;
        rt::write_field(map, &self.nulls, "parentReference", &self.parent_reference)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "childCount" => rt::read_lenient(map, &mut self.child_count),
            "iconData" => rt::read_field(map, &mut self.icon_data),
            "parent" => rt::read_field(map, &mut self.parent),
            "parentReference" => rt::read_field(map, &mut self.parent_reference),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "v1_0")]
rt::json_object!(Folder);
#[cfg(feature = "v1_0")]
impl rt::Queryable for Folder {
    type Fields = Folder;
    const NAME: &'static str = "microsoft.graph.folder";
}
#[cfg(feature = "v1_0")]
impl Folder {
    pub const CHILD_COUNT: rt::Field<Self, i32> = rt::Field::new("childCount");
    pub const ICON_DATA: rt::Field<Self, rt::Base64> = rt::Field::new("iconData");
    pub const PARENT: rt::Field<Self, Folder> = rt::Field::new("parent");
    pub const PARENT_REFERENCE: rt::Field<Self, ItemReference> = rt::Field::new(
        "parentReference",
    );
}
/// A set of members that permissions, licenses or mail can be handed to in one go.
///
/// Source: `api-reference/v1.0/resources/group.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/group?view=graph-rest-1.0))
#[cfg(feature = "v1_0")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Group {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Key that identifies the object. Read-only. (Inherited from `microsoft.graph.entity`.)
    ///
    /// JSON: `id`. Source: `api-reference/v1.0/resources/entity.md:20`
    pub id: Option<String>,
    /// When the object was soft-deleted, in UTC. Empty for live objects. Read-only. (Inherited from `microsoft.graph.directoryObject`.)
    ///
    /// JSON: `deletedDateTime`. Source: `api-reference/v1.0/resources/directoryobject.md:20`
    pub deleted_date_time: Option<rt::DateTimeOffset>,
    /// Subscriptions the group passes on to its members. Read-only.
    ///
    /// JSON: `assignedLicenses`. Source: `api-reference/v1.0/resources/group.md:22`
    pub assigned_licenses: Option<Vec<AssignedLicense>>,
    /// Free-form label such as a sensitivity tier.
    ///
    /// JSON: `classification`. Source: `api-reference/v1.0/resources/group.md:23`
    pub classification: Option<String>,
    /// UTC moment the group was made. Read-only.
    ///
    /// JSON: `createdDateTime`. Source: `api-reference/v1.0/resources/group.md:24`
    pub created_date_time: Option<rt::DateTimeOffset>,
    /// Name shown for the group. Required on create.
    ///
    /// JSON: `displayName`. Source: `api-reference/v1.0/resources/group.md:25`
    pub display_name: Option<String>,
    /// When the group lapses unless someone renews it. Read-only.
    ///
    /// JSON: `expirationDateTime`. Source: `api-reference/v1.0/resources/group.md:26`
    pub expiration_date_time: Option<rt::DateTimeOffset>,
    /// Tags the kind of group; Unified marks a Microsoft 365 group.
    ///
    /// JSON: `groupTypes`. Source: `api-reference/v1.0/resources/group.md:27`
    pub group_types: Option<Vec<String>>,
    /// Whether the group has a mailbox address.
    ///
    /// JSON: `mailEnabled`. Source: `api-reference/v1.0/resources/group.md:29`
    pub mail_enabled: Option<bool>,
    /// Whether the group can be used to grant access.
    ///
    /// JSON: `securityEnabled`. Source: `api-reference/v1.0/resources/group.md:30`
    pub security_enabled: Option<bool>,
    /// Who may see the group and its content. Possible values are: Private, Public, HiddenMembership.
    ///
    /// JSON: `visibility`. Source: `api-reference/v1.0/resources/group.md:31`
    pub visibility: Option<String>,
    /// The account that asked for the group to be made. Read-only.
    ///
    /// JSON: `createdOnBehalfOf`. Source: `api-reference/v1.0/resources/group.md:37`
    pub created_on_behalf_of: Option<AnyDirectoryObject>,
    /// Direct members. Nullable.
    ///
    /// JSON: `members`. Source: `api-reference/v1.0/resources/group.md:38`
    pub members: Option<Vec<AnyDirectoryObject>>,
    /// Accounts allowed to manage the group. Nullable.
    ///
    /// JSON: `owners`. Source: `api-reference/v1.0/resources/group.md:39`
    pub owners: Option<Vec<AnyDirectoryObject>>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
    /// Properties the docs do not list: this type is open.
    pub additional_properties: std::collections::BTreeMap<String, rt::Json>,
}
#[cfg(feature = "v1_0")]
impl rt::JsonFields for Group {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "id", &self.id)?;
        rt::write_field(map, &self.nulls, "deletedDateTime", &self.deleted_date_time)?;
        rt::write_field(map, &self.nulls, "assignedLicenses", &self.assigned_licenses)?;
        rt::write_field(map, &self.nulls, "classification", &self.classification)?;
        rt::write_field(map, &self.nulls, "createdDateTime", &self.created_date_time)?;
        rt::write_field(map, &self.nulls, "displayName", &self.display_name)?;
        rt::write_field(
            map,
            &self.nulls,
            "expirationDateTime",
            &self.expiration_date_time,
        )?;
        rt::write_field(map, &self.nulls, "groupTypes", &self.group_types)?;
        rt::write_field(map, &self.nulls, "mailEnabled", &self.mail_enabled)?;
        rt::write_field(map, &self.nulls, "securityEnabled", &self.security_enabled)?;
        rt::write_field(map, &self.nulls, "visibility", &self.visibility)?;
        rt::write_field(
            map,
            &self.nulls,
            "createdOnBehalfOf",
            &self.created_on_behalf_of,
        )?;
        rt::write_field(map, &self.nulls, "members", &self.members)?;
        rt::write_field(map, &self.nulls, "owners", &self.owners)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "id" => rt::read_field(map, &mut self.id),
            "deletedDateTime" => rt::read_lenient(map, &mut self.deleted_date_time),
            "assignedLicenses" => rt::read_field(map, &mut self.assigned_licenses),
            "classification" => rt::read_field(map, &mut self.classification),
            "createdDateTime" => rt::read_lenient(map, &mut self.created_date_time),
            "displayName" => rt::read_field(map, &mut self.display_name),
            "expirationDateTime" => rt::read_lenient(map, &mut self.expiration_date_time),
            "groupTypes" => rt::read_field(map, &mut self.group_types),
            "mailEnabled" => rt::read_field(map, &mut self.mail_enabled),
            "securityEnabled" => rt::read_field(map, &mut self.security_enabled),
            "visibility" => rt::read_field(map, &mut self.visibility),
            "createdOnBehalfOf" => rt::read_field(map, &mut self.created_on_behalf_of),
            "members" => rt::read_field(map, &mut self.members),
            "owners" => rt::read_field(map, &mut self.owners),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "v1_0")]
rt::json_object!(Group, additional_properties);
#[cfg(feature = "v1_0")]
impl rt::Keyed for Group {
    fn key(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }
}
#[cfg(feature = "v1_0")]
impl rt::Queryable for Group {
    type Fields = Group;
    const NAME: &'static str = "microsoft.graph.group";
}
#[cfg(feature = "v1_0")]
impl Group {
    pub const ID: rt::Field<Self, String> = rt::Field::new("id");
    pub const DELETED_DATE_TIME: rt::Field<Self, rt::DateTimeOffset> = rt::Field::new(
        "deletedDateTime",
    );
    pub const ASSIGNED_LICENSES: rt::Field<Self, Vec<AssignedLicense>> = rt::Field::new(
        "assignedLicenses",
    );
    pub const CLASSIFICATION: rt::Field<Self, String> = rt::Field::new("classification");
    pub const CREATED_DATE_TIME: rt::Field<Self, rt::DateTimeOffset> = rt::Field::new(
        "createdDateTime",
    );
    pub const DISPLAY_NAME: rt::Field<Self, String> = rt::Field::new("displayName");
    pub const EXPIRATION_DATE_TIME: rt::Field<Self, rt::DateTimeOffset> = rt::Field::new(
        "expirationDateTime",
    );
    pub const GROUP_TYPES: rt::Field<Self, Vec<String>> = rt::Field::new("groupTypes");
    pub const MAIL_ENABLED: rt::Field<Self, bool> = rt::Field::new("mailEnabled");
    pub const SECURITY_ENABLED: rt::Field<Self, bool> = rt::Field::new(
        "securityEnabled",
    );
    pub const VISIBILITY: rt::Field<Self, String> = rt::Field::new("visibility");
    pub const CREATED_ON_BEHALF_OF: rt::Field<Self, rt::Nav<AnyDirectoryObject>> = rt::Field::new(
        "createdOnBehalfOf",
    );
    pub const MEMBERS: rt::Field<Self, rt::Nav<AnyDirectoryObject>> = rt::Field::new(
        "members",
    );
    pub const OWNERS: rt::Field<Self, rt::Nav<AnyDirectoryObject>> = rt::Field::new(
        "owners",
    );
}
/// A small record pointing at one actor.
///
/// Source: `api-reference/v1.0/resources/identity.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/identity?view=graph-rest-1.0))
#[cfg(feature = "v1_0-communications")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0-communications")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Identity {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Label for the actor. It can change over time, so do not treat it as a key.
    ///
    /// JSON: `displayName`. Source: `api-reference/v1.0/resources/identity.md:20`
    pub display_name: Option<String>,
    /// Key of the actor in its own directory.
    ///
    /// JSON: `id`. Source: `api-reference/v1.0/resources/identity.md:21`
    pub id: Option<String>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "v1_0-communications")]
impl rt::JsonFields for Identity {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "displayName", &self.display_name)?;
        rt::write_field(map, &self.nulls, "id", &self.id)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "displayName" => rt::read_field(map, &mut self.display_name),
            "id" => rt::read_field(map, &mut self.id),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "v1_0-communications")]
rt::json_object!(Identity);
#[cfg(feature = "v1_0-communications")]
impl rt::Queryable for Identity {
    type Fields = Identity;
    const NAME: &'static str = "microsoft.graph.identity";
}
#[cfg(feature = "v1_0-communications")]
impl Identity {
    pub const DISPLAY_NAME: rt::Field<Self, String> = rt::Field::new("displayName");
    pub const ID: rt::Field<Self, String> = rt::Field::new("id");
}
/// Bundles up to three actors that together took some action. Any of them may be absent. This is an open type, so extra actor kinds can show up as dynamic properties.
///
/// Source: `api-reference/v1.0/resources/identityset.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/identityset?view=graph-rest-1.0))
#[cfg(feature = "v1_0-communications")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0-communications")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IdentitySet {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// The app involved, if any.
    ///
    /// JSON: `application`. Source: `api-reference/v1.0/resources/identityset.md:20`
    pub application: Option<Box<Identity>>,
    /// The device involved, if any.
    ///
    /// JSON: `device`. Source: `api-reference/v1.0/resources/identityset.md:21`
    pub device: Option<Box<Identity>>,
    /// The person involved, if any.
    ///
    /// JSON: `user`. Source: `api-reference/v1.0/resources/identityset.md:22`
    pub user: Option<Box<Identity>>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
    /// Properties the docs do not list: this type is open.
    pub additional_properties: std::collections::BTreeMap<String, rt::Json>,
}
#[cfg(feature = "v1_0-communications")]
impl rt::JsonFields for IdentitySet {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "application", &self.application)?;
        rt::write_field(map, &self.nulls, "device", &self.device)?;
        rt::write_field(map, &self.nulls, "user", &self.user)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "application" => rt::read_field(map, &mut self.application),
            "device" => rt::read_field(map, &mut self.device),
            "user" => rt::read_field(map, &mut self.user),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "v1_0-communications")]
rt::json_object!(IdentitySet, additional_properties);
#[cfg(feature = "v1_0-communications")]
impl rt::Queryable for IdentitySet {
    type Fields = IdentitySet;
    const NAME: &'static str = "microsoft.graph.identitySet";
}
#[cfg(feature = "v1_0-communications")]
impl IdentitySet {
    pub const APPLICATION: rt::Field<Self, Identity> = rt::Field::new("application");
    pub const DEVICE: rt::Field<Self, Identity> = rt::Field::new("device");
    pub const USER: rt::Field<Self, Identity> = rt::Field::new("user");
}
/// Holds what a client needs to reach another drive item.
///
/// Source: `api-reference/v1.0/resources/itemreference.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/itemreference?view=graph-rest-1.0))
#[cfg(feature = "v1_0")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ItemReference {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Key of the drive that holds the item.
    ///
    /// JSON: `driveId`. Source: `api-reference/v1.0/resources/itemreference.md:20`
    pub drive_id: Option<String>,
    /// Folder facet of the target, when the target is a container.
    ///
    /// JSON: `folder`. Source: `api-reference/v1.0/resources/itemreference.md:21`
    pub folder: Option<Box<Folder>>,
    /// Key of the item inside its drive.
    ///
    /// JSON: `id`. Source: `api-reference/v1.0/resources/itemreference.md:22`
    pub id: Option<String>,
    /// How the reference came about.
    ///
    /// JSON: `kind`. Source: `api-reference/v1.0/resources/itemreference.md:23`
    pub kind: Option<ReferenceKind>,
    /// Set when the reference was produced by a search rather than by navigation.
    ///
    /// JSON: `match`. Source: `api-reference/v1.0/resources/itemreference.md:24`
    pub match_: Option<bool>,
    /// Name of the target item.
    ///
    /// JSON: `name`. Source: `api-reference/v1.0/resources/itemreference.md:25`
    pub name: Option<String>,
    /// Legacy capitalised spelling of name that older clients still send.
    ///
    /// JSON: `Name`. Source: `api-reference/v1.0/resources/itemreference.md:26`
    pub name2: Option<String>,
    /// Percent-encoded path from the drive root.
    ///
    /// JSON: `path`. Source: `api-reference/v1.0/resources/itemreference.md:27`
    pub path: Option<String>,
    /// API address of the target, so it can be fetched directly.
    ///
    /// JSON: `self`. Source: `api-reference/v1.0/resources/itemreference.md:28`
    pub self_: Option<String>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "v1_0")]
impl rt::JsonFields for ItemReference {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "driveId", &self.drive_id)?;
        rt::write_field(map, &self.nulls, "folder", &self.folder)?;
        rt::write_field(map, &self.nulls, "id", &self.id)?;
        rt::write_field(map, &self.nulls, "kind", &self.kind)?;
        rt::write_field(map, &self.nulls, "match", &self.match_)?;
        rt::write_field(map, &self.nulls, "name", &self.name)?;
        rt::write_field(map, &self.nulls, "Name", &self.name2)?;
        rt::write_field(map, &self.nulls, "path", &self.path)?;
        rt::write_field(map, &self.nulls, "self", &self.self_)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "driveId" => rt::read_field(map, &mut self.drive_id),
            "folder" => rt::read_field(map, &mut self.folder),
            "id" => rt::read_field(map, &mut self.id),
            "kind" => rt::read_field(map, &mut self.kind),
            "match" => rt::read_field(map, &mut self.match_),
            "name" => rt::read_field(map, &mut self.name),
            "Name" => rt::read_field(map, &mut self.name2),
            "path" => rt::read_field(map, &mut self.path),
            "self" => rt::read_field(map, &mut self.self_),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "v1_0")]
rt::json_object!(ItemReference);
#[cfg(feature = "v1_0")]
impl rt::Queryable for ItemReference {
    type Fields = ItemReference;
    const NAME: &'static str = "microsoft.graph.itemReference";
}
#[cfg(feature = "v1_0")]
impl ItemReference {
    pub const DRIVE_ID: rt::Field<Self, String> = rt::Field::new("driveId");
    pub const FOLDER: rt::Field<Self, Folder> = rt::Field::new("folder");
    pub const ID: rt::Field<Self, String> = rt::Field::new("id");
    pub const KIND: rt::Field<Self, ReferenceKind> = rt::Field::new("kind");
    pub const MATCH_: rt::Field<Self, bool> = rt::Field::new("match");
    pub const NAME: rt::Field<Self, String> = rt::Field::new("name");
    pub const NAME2: rt::Field<Self, String> = rt::Field::new("Name");
    pub const PATH: rt::Field<Self, String> = rt::Field::new("path");
    pub const SELF_: rt::Field<Self, String> = rt::Field::new("self");
}
/// Source: `api-reference/v1.0/resources/user.md:41` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/user?view=graph-rest-1.0))
#[cfg(feature = "v1_0-users")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0-users")))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LegalAgeGroupClassification {
    /// `minorWithOutParentalConsent`
    MinorWithOutParentalConsent,
    /// `minorWithParentalConsent`
    MinorWithParentalConsent,
    /// `minorNoParentalConsentRequired`
    MinorNoParentalConsentRequired,
    /// `notAdult`
    NotAdult,
    /// `adult`
    Adult,
    /// A value these docs do not list; kept as sent.
    UnknownValue(String),
}
#[cfg(feature = "v1_0-users")]
impl LegalAgeGroupClassification {
    /// The value as the service writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::MinorWithOutParentalConsent => "minorWithOutParentalConsent",
            Self::MinorWithParentalConsent => "minorWithParentalConsent",
            Self::MinorNoParentalConsentRequired => "minorNoParentalConsentRequired",
            Self::NotAdult => "notAdult",
            Self::Adult => "adult",
            Self::UnknownValue(value) => value,
        }
    }
}
#[cfg(feature = "v1_0-users")]
impl From<&str> for LegalAgeGroupClassification {
    fn from(value: &str) -> Self {
        match value {
            "minorWithOutParentalConsent" => Self::MinorWithOutParentalConsent,
            "minorWithParentalConsent" => Self::MinorWithParentalConsent,
            "minorNoParentalConsentRequired" => Self::MinorNoParentalConsentRequired,
            "notAdult" => Self::NotAdult,
            "adult" => Self::Adult,
            _ => Self::UnknownValue(value.to_owned()),
        }
    }
}
#[cfg(feature = "v1_0-users")]
rt::string_enum!(LegalAgeGroupClassification);
/// A mail kept in one of a user's mail folders.
///
/// Source: `api-reference/v1.0/resources/message.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/message?view=graph-rest-1.0))
#[cfg(feature = "v1_0")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Message {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Key that identifies the object. Read-only. (Inherited from `microsoft.graph.entity`.)
    ///
    /// JSON: `id`. Source: `api-reference/v1.0/resources/entity.md:20`
    pub id: Option<String>,
    /// Who the mail is sent on behalf of.
    ///
    /// JSON: `from`. Source: `api-reference/v1.0/resources/message.md:22`
    pub from: Option<AnyRecipient>,
    /// The subject line.
    ///
    /// JSON: `subject`. Source: `api-reference/v1.0/resources/message.md:24`
    pub subject: Option<String>,
    /// The To: addressees; toRecipients\[0\] is the one previews show.
    ///
    /// JSON: `toRecipients`. Source: `api-reference/v1.0/resources/message.md:25`
    pub to_recipients: Option<Vec<AnyRecipient>>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "v1_0")]
impl rt::JsonFields for Message {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "id", &self.id)?;
        rt::write_field(map, &self.nulls, "from", &self.from)?;
        rt::write_field(map, &self.nulls, "subject", &self.subject)?;
        rt::write_field(map, &self.nulls, "toRecipients", &self.to_recipients)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "id" => rt::read_field(map, &mut self.id),
            "from" => rt::read_field(map, &mut self.from),
            "subject" => rt::read_field(map, &mut self.subject),
            "toRecipients" => rt::read_field(map, &mut self.to_recipients),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "v1_0")]
rt::json_object!(Message);
#[cfg(feature = "v1_0")]
impl rt::Keyed for Message {
    fn key(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }
}
#[cfg(feature = "v1_0")]
impl rt::Queryable for Message {
    type Fields = Message;
    const NAME: &'static str = "microsoft.graph.message";
}
#[cfg(feature = "v1_0")]
impl Message {
    pub const ID: rt::Field<Self, String> = rt::Field::new("id");
    pub const FROM: rt::Field<Self, AnyRecipient> = rt::Field::new("from");
    pub const SUBJECT: rt::Field<Self, String> = rt::Field::new("subject");
    pub const TO_RECIPIENTS: rt::Field<Self, Vec<AnyRecipient>> = rt::Field::new(
        "toRecipients",
    );
}
/// Collects the knobs a print job can turn: copy count, paper, quality and so on.
///
/// Source: `api-reference/v1.0/resources/printjobconfiguration.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/printjobconfiguration?view=graph-rest-1.0))
#[cfg(feature = "v1_0")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PrintJobConfiguration {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Keep the pages of each copy together.
    ///
    /// JSON: `collate`. Source: `api-reference/v1.0/resources/printjobconfiguration.md:20`
    pub collate: Option<bool>,
    /// Bits per color channel the printer should use.
    ///
    /// JSON: `colorBitDepth`. Source: `api-reference/v1.0/resources/printjobconfiguration.md:21`
    pub color_bit_depth: Option<u8>,
    /// How many copies to make.
    ///
    /// JSON: `copies`. Source: `api-reference/v1.0/resources/printjobconfiguration.md:22`
    pub copies: Option<i32>,
    /// Charge per printed page, in the tenant's billing currency.
    ///
    /// JSON: `costPerPage`. Source: `api-reference/v1.0/resources/printjobconfiguration.md:23`
    pub cost_per_page: Option<rt::Decimal>,
    /// Resolution in dots per inch.
    ///
    /// JSON: `dpi`. Source: `api-reference/v1.0/resources/printjobconfiguration.md:24`
    pub dpi: Option<i32>,
    /// Local time of day before which the job waits in the queue.
    ///
    /// JSON: `holdUntil`. Source: `api-reference/v1.0/resources/printjobconfiguration.md:25`
    pub hold_until: Option<rt::TimeOfDay>,
    /// Paper size, written as the printer names it (for example North America Letter).
    ///
    /// JSON: `mediaSize`. Source: `api-reference/v1.0/resources/printjobconfiguration.md:26`
    pub media_size: Option<PrintMediaSize>,
    /// Number of document pages placed on one side of a sheet.
    ///
    /// JSON: `pagesPerSheet`. Source: `api-reference/v1.0/resources/printjobconfiguration.md:27`
    pub pages_per_sheet: Option<i16>,
    /// How much care the device takes over output.
    ///
    /// JSON: `quality`. Source: `api-reference/v1.0/resources/printjobconfiguration.md:28`
    pub quality: Option<PrintQuality>,
    /// Account the print helper runs under on the device.
    ///
    /// JSON: `runAs`. Source: `api-reference/v1.0/resources/printjobconfiguration.md:29`
    pub run_as: Option<RunAsAccountType>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "v1_0")]
impl rt::JsonFields for PrintJobConfiguration {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "collate", &self.collate)?;
        rt::write_field(map, &self.nulls, "colorBitDepth", &self.color_bit_depth)?;
        rt::write_field(map, &self.nulls, "copies", &self.copies)?;
        rt::write_field(map, &self.nulls, "costPerPage", &self.cost_per_page)?;
        rt::write_field(map, &self.nulls, "dpi", &self.dpi)?;
        rt::write_field(map, &self.nulls, "holdUntil", &self.hold_until)?;
        rt::write_field(map, &self.nulls, "mediaSize", &self.media_size)?;
        rt::write_field(map, &self.nulls, "pagesPerSheet", &self.pages_per_sheet)?;
        rt::write_field(map, &self.nulls, "quality", &self.quality)?;
        rt::write_field(map, &self.nulls, "runAs", &self.run_as)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "collate" => rt::read_field(map, &mut self.collate),
            "colorBitDepth" => rt::read_lenient(map, &mut self.color_bit_depth),
            "copies" => rt::read_lenient(map, &mut self.copies),
            "costPerPage" => rt::read_field(map, &mut self.cost_per_page),
            "dpi" => rt::read_lenient(map, &mut self.dpi),
            "holdUntil" => rt::read_field(map, &mut self.hold_until),
            "mediaSize" => rt::read_field(map, &mut self.media_size),
            "pagesPerSheet" => rt::read_lenient(map, &mut self.pages_per_sheet),
            "quality" => rt::read_field(map, &mut self.quality),
            "runAs" => rt::read_field(map, &mut self.run_as),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "v1_0")]
rt::json_object!(PrintJobConfiguration);
#[cfg(feature = "v1_0")]
impl rt::Queryable for PrintJobConfiguration {
    type Fields = PrintJobConfiguration;
    const NAME: &'static str = "microsoft.graph.printJobConfiguration";
}
#[cfg(feature = "v1_0")]
impl PrintJobConfiguration {
    pub const COLLATE: rt::Field<Self, bool> = rt::Field::new("collate");
    pub const COLOR_BIT_DEPTH: rt::Field<Self, u8> = rt::Field::new("colorBitDepth");
    pub const COPIES: rt::Field<Self, i32> = rt::Field::new("copies");
    pub const COST_PER_PAGE: rt::Field<Self, rt::Decimal> = rt::Field::new(
        "costPerPage",
    );
    pub const DPI: rt::Field<Self, i32> = rt::Field::new("dpi");
    pub const HOLD_UNTIL: rt::Field<Self, rt::TimeOfDay> = rt::Field::new("holdUntil");
    pub const MEDIA_SIZE: rt::Field<Self, PrintMediaSize> = rt::Field::new("mediaSize");
    pub const PAGES_PER_SHEET: rt::Field<Self, i16> = rt::Field::new("pagesPerSheet");
    pub const QUALITY: rt::Field<Self, PrintQuality> = rt::Field::new("quality");
    pub const RUN_AS: rt::Field<Self, RunAsAccountType> = rt::Field::new("runAs");
}
/// Source: `api-reference/v1.0/resources/enums.md:25` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/enums?view=graph-rest-1.0))
#[cfg(feature = "v1_0")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PrintMediaSize {
    /// `North America Letter`
    NorthAmericaLetter,
    /// `North America Legal`
    NorthAmericaLegal,
    /// `ISO A4`
    IsoA4,
    /// `ISO A3`
    IsoA3,
    /// A value these docs do not list; kept as sent.
    UnknownValue(String),
}
#[cfg(feature = "v1_0")]
impl PrintMediaSize {
    /// The value as the service writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::NorthAmericaLetter => "North America Letter",
            Self::NorthAmericaLegal => "North America Legal",
            Self::IsoA4 => "ISO A4",
            Self::IsoA3 => "ISO A3",
            Self::UnknownValue(value) => value,
        }
    }
}
#[cfg(feature = "v1_0")]
impl From<&str> for PrintMediaSize {
    fn from(value: &str) -> Self {
        match value {
            "North America Letter" => Self::NorthAmericaLetter,
            "North America Legal" => Self::NorthAmericaLegal,
            "ISO A4" => Self::IsoA4,
            "ISO A3" => Self::IsoA3,
            _ => Self::UnknownValue(value.to_owned()),
        }
    }
}
#[cfg(feature = "v1_0")]
rt::string_enum!(PrintMediaSize);
/// Source: `api-reference/v1.0/resources/enums.md:16` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/enums?view=graph-rest-1.0))
#[cfg(feature = "v1_0")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PrintQuality {
    /// `low`: Draft output that saves toner.
    Low,
    /// `medium`: Everyday output.
    Medium,
    /// `high`: Best output the device offers.
    High,
    /// `unknownFutureValue`: Sentinel for members added later.
    UnknownFutureValue,
    /// A value these docs do not list; kept as sent.
    UnknownValue(String),
}
#[cfg(feature = "v1_0")]
impl PrintQuality {
    /// The value as the service writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
            Self::UnknownFutureValue => "unknownFutureValue",
            Self::UnknownValue(value) => value,
        }
    }
}
#[cfg(feature = "v1_0")]
impl From<&str> for PrintQuality {
    fn from(value: &str) -> Self {
        match value {
            "low" => Self::Low,
            "medium" => Self::Medium,
            "high" => Self::High,
            "unknownFutureValue" => Self::UnknownFutureValue,
            _ => Self::UnknownValue(value.to_owned()),
        }
    }
}
#[cfg(feature = "v1_0")]
rt::string_enum!(PrintQuality);
/// One addressee of a mail or of a meeting request.
///
/// Source: `api-reference/v1.0/resources/recipient.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/recipient?view=graph-rest-1.0))
#[cfg(feature = "v1_0")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Recipient {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Name and address of the addressee, written as Name \<address\> in the mail header.
    ///
    /// JSON: `emailAddress`. Source: `api-reference/v1.0/resources/recipient.md:20`
    pub email_address: Option<Box<EmailAddress>>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "v1_0")]
impl rt::JsonFields for Recipient {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "emailAddress", &self.email_address)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "emailAddress" => rt::read_field(map, &mut self.email_address),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "v1_0")]
rt::json_object!(Recipient);
#[cfg(feature = "v1_0")]
impl rt::Queryable for Recipient {
    type Fields = Recipient;
    const NAME: &'static str = "microsoft.graph.recipient";
}
#[cfg(feature = "v1_0")]
impl Recipient {
    pub const EMAIL_ADDRESS: rt::Field<Self, EmailAddress> = rt::Field::new(
        "emailAddress",
    );
}
/// A `microsoft.graph.recipient` or any type derived from it, read as the type its `@odata.type` names.
///
/// Made from any variant's type with `.into()`; `as_<variant>` and `into_<variant>` (the
/// variant's name in snake case) give the value when it was read as exactly that type.
#[cfg(feature = "v1_0")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
#[derive(Debug, Clone, PartialEq)]
pub enum AnyRecipient {
    Recipient(Box<Recipient>),
    AttendeeBase(Box<AttendeeBase>),
}
#[cfg(feature = "v1_0")]
impl Default for AnyRecipient {
    #[inline]
    fn default() -> Self {
        Self::Recipient(Box::default())
    }
}
#[cfg(feature = "v1_0")]
impl serde::Serialize for AnyRecipient {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Recipient(value) => serde::Serialize::serialize(value, s),
            Self::AttendeeBase(value) => serde::Serialize::serialize(value, s),
        }
    }
}
#[cfg(feature = "v1_0")]
impl rt::Polymorphic for AnyRecipient {
    fn pick<'de, R: rt::ReadAs<'de>>(reader: R) -> Result<Self, R::Error> {
        Ok(
            match reader.odata_type() {
                Some("microsoft.graph.attendeeBase") => {
                    Self::AttendeeBase(reader.read()?)
                }
                _ => Self::Recipient(reader.read()?),
            },
        )
    }
    type Base = Recipient;
}
#[cfg(feature = "v1_0")]
impl<'de> serde::Deserialize<'de> for AnyRecipient {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        rt::read_polymorphic(d)
    }
}
#[cfg(feature = "v1_0")]
impl rt::JsonResponse for AnyRecipient {}
#[cfg(feature = "v1_0")]
impl From<Recipient> for AnyRecipient {
    #[inline]
    fn from(value: Recipient) -> Self {
        Self::Recipient(Box::new(value))
    }
}
#[cfg(feature = "v1_0")]
impl From<AttendeeBase> for AnyRecipient {
    #[inline]
    fn from(mut value: AttendeeBase) -> Self {
        rt::name_type(&mut value.odata_type, "#microsoft.graph.attendeeBase");
        Self::AttendeeBase(Box::new(value))
    }
}
#[cfg(feature = "v1_0")]
impl AnyRecipient {
    /// The `microsoft.graph.recipient` this value was read as, if it was one.
    #[inline]
    pub fn as_recipient(&self) -> Option<&Recipient> {
        match self {
            Self::Recipient(value) => Some(&**value),
            _ => None,
        }
    }
    /// The `microsoft.graph.recipient` this value was read as, if it was one.
    #[inline]
    pub fn into_recipient(self) -> Option<Recipient> {
        match self {
            Self::Recipient(value) => Some(*value),
            _ => None,
        }
    }
    /// The `microsoft.graph.attendeeBase` this value was read as, if it was one.
    #[inline]
    pub fn as_attendee_base(&self) -> Option<&AttendeeBase> {
        match self {
            Self::AttendeeBase(value) => Some(&**value),
            _ => None,
        }
    }
    /// The `microsoft.graph.attendeeBase` this value was read as, if it was one.
    #[inline]
    pub fn into_attendee_base(self) -> Option<AttendeeBase> {
        match self {
            Self::AttendeeBase(value) => Some(*value),
            _ => None,
        }
    }
}
#[cfg(feature = "v1_0")]
impl rt::Queryable for AnyRecipient {
    type Fields = Recipient;
    const NAME: &'static str = "microsoft.graph.recipient";
}
/// Source: `api-reference/v1.0/resources/enums.md:34` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/enums?view=graph-rest-1.0))
#[cfg(feature = "v1_0")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReferenceKind {
    /// `unknown`: The kind could not be worked out.
    Unknown,
    /// `self`: The reference points at the item holding it.
    SelfValue,
    /// `match`: The reference was found by a search match.
    Match,
    /// `parent`: The reference points at the containing item.
    Parent,
    /// A value these docs do not list; kept as sent.
    UnknownValue(String),
}
#[cfg(feature = "v1_0")]
impl ReferenceKind {
    /// The value as the service writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Unknown => "unknown",
            Self::SelfValue => "self",
            Self::Match => "match",
            Self::Parent => "parent",
            Self::UnknownValue(value) => value,
        }
    }
}
#[cfg(feature = "v1_0")]
impl From<&str> for ReferenceKind {
    fn from(value: &str) -> Self {
        match value {
            "unknown" => Self::Unknown,
            "self" => Self::SelfValue,
            "match" => Self::Match,
            "parent" => Self::Parent,
            _ => Self::UnknownValue(value.to_owned()),
        }
    }
}
#[cfg(feature = "v1_0")]
rt::string_enum!(ReferenceKind);
/// Source: `api-reference/v1.0/resources/intune-apps-runasaccounttype.md:17` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/intune-apps-runasaccounttype?view=graph-rest-1.0))
#[cfg(feature = "v1_0")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RunAsAccountType {
    /// `system`: Runs with the machine account.
    System,
    /// `user`: Runs as the person signed in.
    User,
    /// A value these docs do not list; kept as sent.
    UnknownValue(String),
}
#[cfg(feature = "v1_0")]
impl RunAsAccountType {
    /// The value as the service writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::System => "system",
            Self::User => "user",
            Self::UnknownValue(value) => value,
        }
    }
}
#[cfg(feature = "v1_0")]
impl From<&str> for RunAsAccountType {
    fn from(value: &str) -> Self {
        match value {
            "system" => Self::System,
            "user" => Self::User,
            _ => Self::UnknownValue(value.to_owned()),
        }
    }
}
#[cfg(feature = "v1_0")]
rt::string_enum!(RunAsAccountType);
/// Describes a person's account in the directory. Inherits from directoryObject.
///
/// Source: `api-reference/v1.0/resources/user.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/user?view=graph-rest-1.0))
#[cfg(feature = "v1_0-users")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0-users")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct User {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Key that identifies the object. Read-only. (Inherited from `microsoft.graph.entity`.)
    ///
    /// JSON: `id`. Source: `api-reference/v1.0/resources/entity.md:20`
    pub id: Option<String>,
    /// When the object was soft-deleted, in UTC. Empty for live objects. Read-only. (Inherited from `microsoft.graph.directoryObject`.)
    ///
    /// JSON: `deletedDateTime`. Source: `api-reference/v1.0/resources/directoryobject.md:20`
    pub deleted_date_time: Option<rt::DateTimeOffset>,
    /// true while the account may sign in. Required when creating a user. Returned only on $select. Supports $filter (eq, ne, NOT, and in).
    ///
    /// JSON: `accountEnabled`. Source: `api-reference/v1.0/resources/user.md:32`
    pub account_enabled: Option<bool>,
    /// Subscriptions granted to the account, including ones it got through a group. Not nullable.
    ///
    /// JSON: `assignedLicenses`. Source: `api-reference/v1.0/resources/user.md:33`
    pub assigned_licenses: Option<Vec<AssignedLicense>>,
    /// Work phone numbers. Only one number can be set through this API.
    ///
    /// JSON: `businessPhones`. Source: `api-reference/v1.0/resources/user.md:34`
    pub business_phones: Option<Vec<String>>,
    /// UTC moment the account came into being. Read-only. Supports $filter (eq, ne, NOT, ge, le, in) and $orderby.
    ///
    /// JSON: `createdDateTime`. Source: `api-reference/v1.0/resources/user.md:35`
    pub created_date_time: Option<rt::DateTimeOffset>,
    /// Name shown in address lists, usually first name plus surname. Required when creating a user. Returned by default. Supports $filter (eq, ne, NOT, ge, le, in, startsWith, and eq on null values), $orderby, and $search.
    ///
    /// JSON: `displayName`. Source: `api-reference/v1.0/resources/user.md:37`
    pub display_name: Option<String>,
    /// Calendar day on which the person joined, with no time part.
    ///
    /// JSON: `employeeHireDate`. Source: `api-reference/v1.0/resources/user.md:38`
    pub employee_hire_date: Option<rt::Date>,
    /// Depth of the person in the organization chart, where 1 is the top.
    ///
    /// JSON: `employeeOrgLevel`. Source: `api-reference/v1.0/resources/user.md:39`
    pub employee_org_level: Option<i32>,
    /// Age bracket the tenant uses for consent rules. Possible values are: minorWithOutParentalConsent, minorWithParentalConsent, minorNoParentalConsentRequired, notAdult, adult.
    ///
    /// JSON: `legalAgeGroupClassification`. Source: `api-reference/v1.0/resources/user.md:41`
    pub legal_age_group_classification: Option<LegalAgeGroupClassification>,
    /// Primary SMTP address. Supports $filter (eq, startsWith, endsWith with advanced query parameters).
    ///
    /// JSON: `mail`. Source: `api-reference/v1.0/resources/user.md:42`
    pub mail: Option<String>,
    /// Cell phone number of the person; clear it by sending null.
    ///
    /// JSON: `mobilePhone`. Source: `api-reference/v1.0/resources/user.md:43`
    pub mobile_phone: Option<String>,
    /// Language tag the person likes to read, such as en-GB.
    ///
    /// JSON: `preferredLanguage`. Source: `api-reference/v1.0/resources/user.md:44`
    pub preferred_language: Option<String>,
    /// Kinds of risk detections that were raised against this account.
    ///
    /// JSON: `riskEventTypes_v2`. Source: `api-reference/v1.0/resources/user.md:45`
    pub risk_event_types_v2: Option<Vec<String>>,
    /// Sign-in name in the form alias@domain. Required when creating a user.
    ///
    /// JSON: `userPrincipalName`. Source: `api-reference/v1.0/resources/user.md:46`
    pub user_principal_name: Option<String>,
    /// Broad category of the account. Possible values are: Member, Guest. Supports $filter (eq, ne, NOT, in).
    ///
    /// JSON: `userType`. Source: `api-reference/v1.0/resources/user.md:47`
    pub user_type: Option<String>,
    /// Accounts and contacts that report to this person. Read-only.
    ///
    /// JSON: `directReports`. Source: `api-reference/v1.0/resources/user.md:53`
    pub direct_reports: Option<Vec<AnyDirectoryObject>>,
    /// Files the person chose to follow.
    ///
    /// JSON: `followedItems`. Source: `api-reference/v1.0/resources/user.md:54`
    #[cfg(feature = "v1_0")]
    #[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
    pub followed_items: Option<Vec<DriveItem>>,
    /// Who this person reports to. Read-only. Supports $expand.
    ///
    /// JSON: `manager`. Source: `api-reference/v1.0/resources/user.md:55`
    pub manager: Option<AnyDirectoryObject>,
    /// Groups and roles the account belongs to without nesting. Read-only.
    ///
    /// JSON: `memberOf`. Source: `api-reference/v1.0/resources/user.md:56`
    pub member_of: Option<Vec<AnyDirectoryObject>>,
    /// JSON: `officeLocation`. Source: `api-reference/v1.0/resources/user.md:92`
    pub office_location: Option<String>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
    /// Properties the docs do not list: this type is open.
    pub additional_properties: std::collections::BTreeMap<String, rt::Json>,
}
#[cfg(feature = "v1_0-users")]
impl rt::JsonFields for User {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "id", &self.id)?;
        rt::write_field(map, &self.nulls, "deletedDateTime", &self.deleted_date_time)?;
        rt::write_field(map, &self.nulls, "accountEnabled", &self.account_enabled)?;
        rt::write_field(map, &self.nulls, "assignedLicenses", &self.assigned_licenses)?;
        rt::write_field(map, &self.nulls, "businessPhones", &self.business_phones)?;
        rt::write_field(map, &self.nulls, "createdDateTime", &self.created_date_time)?;
        rt::write_field(map, &self.nulls, "displayName", &self.display_name)?;
        rt::write_field(map, &self.nulls, "employeeHireDate", &self.employee_hire_date)?;
        rt::write_field(map, &self.nulls, "employeeOrgLevel", &self.employee_org_level)?;
        rt::write_field(
            map,
            &self.nulls,
            "legalAgeGroupClassification",
            &self.legal_age_group_classification,
        )?;
        rt::write_field(map, &self.nulls, "mail", &self.mail)?;
        rt::write_field(map, &self.nulls, "mobilePhone", &self.mobile_phone)?;
        rt::write_field(
            map,
            &self.nulls,
            "preferredLanguage",
            &self.preferred_language,
        )?;
        rt::write_field(
            map,
            &self.nulls,
            "riskEventTypes_v2",
            &self.risk_event_types_v2,
        )?;
        rt::write_field(
            map,
            &self.nulls,
            "userPrincipalName",
            &self.user_principal_name,
        )?;
        rt::write_field(map, &self.nulls, "userType", &self.user_type)?;
        rt::write_field(map, &self.nulls, "directReports", &self.direct_reports)?;
        #[cfg(feature = "v1_0")]
        rt::write_field(map, &self.nulls, "followedItems", &self.followed_items)?;
        rt::write_field(map, &self.nulls, "manager", &self.manager)?;
        rt::write_field(map, &self.nulls, "memberOf", &self.member_of)?;
        rt::write_field(map, &self.nulls, "officeLocation", &self.office_location)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "id" => rt::read_field(map, &mut self.id),
            "deletedDateTime" => rt::read_lenient(map, &mut self.deleted_date_time),
            "accountEnabled" => rt::read_field(map, &mut self.account_enabled),
            "assignedLicenses" => rt::read_field(map, &mut self.assigned_licenses),
            "businessPhones" => rt::read_field(map, &mut self.business_phones),
            "createdDateTime" => rt::read_lenient(map, &mut self.created_date_time),
            "displayName" => rt::read_field(map, &mut self.display_name),
            "employeeHireDate" => rt::read_field(map, &mut self.employee_hire_date),
            "employeeOrgLevel" => rt::read_lenient(map, &mut self.employee_org_level),
            "legalAgeGroupClassification" => {
                rt::read_field(map, &mut self.legal_age_group_classification)
            }
            "mail" => rt::read_field(map, &mut self.mail),
            "mobilePhone" => rt::read_field(map, &mut self.mobile_phone),
            "preferredLanguage" => rt::read_field(map, &mut self.preferred_language),
            "riskEventTypes_v2" => rt::read_field(map, &mut self.risk_event_types_v2),
            "userPrincipalName" => rt::read_field(map, &mut self.user_principal_name),
            "userType" => rt::read_field(map, &mut self.user_type),
            "directReports" => rt::read_field(map, &mut self.direct_reports),
            #[cfg(feature = "v1_0")]
            "followedItems" => rt::read_field(map, &mut self.followed_items),
            "manager" => rt::read_field(map, &mut self.manager),
            "memberOf" => rt::read_field(map, &mut self.member_of),
            "officeLocation" => rt::read_field(map, &mut self.office_location),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "v1_0-users")]
rt::json_object!(User, additional_properties);
#[cfg(feature = "v1_0-users")]
impl rt::Keyed for User {
    fn key(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }
}
#[cfg(feature = "v1_0-users")]
impl rt::Queryable for User {
    type Fields = User;
    const NAME: &'static str = "microsoft.graph.user";
}
#[cfg(feature = "v1_0-users")]
impl User {
    pub const ID: rt::Field<Self, String> = rt::Field::new("id");
    pub const DELETED_DATE_TIME: rt::Field<Self, rt::DateTimeOffset> = rt::Field::new(
        "deletedDateTime",
    );
    /// Docs: `$filter`: eq, ne, not, in; returned only on `$select`.
    pub const ACCOUNT_ENABLED: rt::Field<
        Self,
        bool,
        rt::Ops<
            true,
            true,
            true,
            false,
            false,
            false,
            false,
            true,
            false,
            false,
            false,
            false,
            false,
        >,
    > = rt::Field::new("accountEnabled");
    pub const ASSIGNED_LICENSES: rt::Field<Self, Vec<AssignedLicense>> = rt::Field::new(
        "assignedLicenses",
    );
    pub const BUSINESS_PHONES: rt::Field<Self, Vec<String>> = rt::Field::new(
        "businessPhones",
    );
    /// Docs: `$filter`: eq, ne, not, ge, le, in; `$orderby`.
    pub const CREATED_DATE_TIME: rt::Field<
        Self,
        rt::DateTimeOffset,
        rt::Ops<
            true,
            true,
            true,
            false,
            true,
            false,
            true,
            true,
            false,
            false,
            false,
            false,
            false,
        >,
    > = rt::Field::new("createdDateTime");
    /// Docs: `$filter`: eq, ne, not, ge, le, in, startsWith, eq null; `$orderby`; `$search`; returned by default.
    pub const DISPLAY_NAME: rt::Field<
        Self,
        String,
        rt::Ops<
            true,
            true,
            true,
            false,
            true,
            false,
            true,
            true,
            true,
            false,
            false,
            false,
            true,
        >,
    > = rt::Field::new("displayName");
    pub const EMPLOYEE_HIRE_DATE: rt::Field<Self, rt::Date> = rt::Field::new(
        "employeeHireDate",
    );
    pub const EMPLOYEE_ORG_LEVEL: rt::Field<Self, i32> = rt::Field::new(
        "employeeOrgLevel",
    );
    pub const LEGAL_AGE_GROUP_CLASSIFICATION: rt::Field<
        Self,
        LegalAgeGroupClassification,
    > = rt::Field::new("legalAgeGroupClassification");
    /// Docs: `$filter`: eq, startsWith, endsWith; advanced query.
    pub const MAIL: rt::Field<
        Self,
        String,
        rt::Ops<
            true,
            false,
            false,
            false,
            false,
            false,
            false,
            false,
            true,
            true,
            false,
            false,
            false,
        >,
    > = rt::Field::advanced("mail");
    pub const MOBILE_PHONE: rt::Field<Self, String> = rt::Field::new("mobilePhone");
    pub const PREFERRED_LANGUAGE: rt::Field<Self, String> = rt::Field::new(
        "preferredLanguage",
    );
    pub const RISK_EVENT_TYPES_V2: rt::Field<Self, Vec<String>> = rt::Field::new(
        "riskEventTypes_v2",
    );
    pub const USER_PRINCIPAL_NAME: rt::Field<Self, String> = rt::Field::new(
        "userPrincipalName",
    );
    /// Docs: `$filter`: eq, ne, not, in.
    pub const USER_TYPE: rt::Field<
        Self,
        String,
        rt::Ops<
            true,
            true,
            true,
            false,
            false,
            false,
            false,
            true,
            false,
            false,
            false,
            false,
            false,
        >,
    > = rt::Field::new("userType");
    pub const DIRECT_REPORTS: rt::Field<Self, rt::Nav<AnyDirectoryObject>> = rt::Field::new(
        "directReports",
    );
    #[cfg(feature = "v1_0")]
    #[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
    pub const FOLLOWED_ITEMS: rt::Field<Self, rt::Nav<DriveItem>> = rt::Field::new(
        "followedItems",
    );
    /// Docs: `$expand`.
    pub const MANAGER: rt::Field<Self, rt::Nav<AnyDirectoryObject>> = rt::Field::new(
        "manager",
    );
    pub const MEMBER_OF: rt::Field<Self, rt::Nav<AnyDirectoryObject>> = rt::Field::new(
        "memberOf",
    );
    pub const OFFICE_LOCATION: rt::Field<Self, String> = rt::Field::new(
        "officeLocation",
    );
}
pub mod call_records;
pub mod endpoints;
