//! Types of the `microsoft.graph` namespace.
#[allow(unused_imports)]
use super::runtime as rt;
/// Tells which listener reacted to an authentication event and what it answered.
///
/// Source: `api-reference/beta/resources/appliedauthenticationeventlistener.md:11` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/appliedauthenticationeventlistener?view=graph-rest-beta))
#[cfg(feature = "beta-audit_logs")]
#[cfg_attr(docsrs, doc(cfg(feature = "beta-audit_logs")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppliedAuthenticationEventListener {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Event that woke the listener. Possible values are: tokenIssuanceStart, pageRenderStart, unknownFutureValue, attributeCollectionStart, attributeCollectionSubmit, emailOtpSend.
    ///
    /// JSON: `eventType`. Source: `api-reference/beta/resources/appliedauthenticationeventlistener.md:20`
    pub event_type: Option<AuthenticationEventType>,
    /// Key of the listener that ran.
    ///
    /// JSON: `executedListenerId`. Source: `api-reference/beta/resources/appliedauthenticationeventlistener.md:21`
    pub executed_listener_id: Option<String>,
    /// What the external handler returned.
    ///
    /// JSON: `handlerResult`. Source: `api-reference/beta/resources/appliedauthenticationeventlistener.md:22`
    pub handler_result: Option<Box<AuthenticationEventHandlerResult>>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "beta-audit_logs")]
impl rt::JsonFields for AppliedAuthenticationEventListener {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "eventType", &self.event_type)?;
        rt::write_field(
            map,
            &self.nulls,
            "executedListenerId",
            &self.executed_listener_id,
        )?;
        rt::write_field(map, &self.nulls, "handlerResult", &self.handler_result)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "eventType" => rt::read_field(map, &mut self.event_type),
            "executedListenerId" => rt::read_field(map, &mut self.executed_listener_id),
            "handlerResult" => rt::read_field(map, &mut self.handler_result),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "beta-audit_logs")]
rt::json_object!(AppliedAuthenticationEventListener);
#[cfg(feature = "beta-audit_logs")]
impl rt::Queryable for AppliedAuthenticationEventListener {
    type Fields = AppliedAuthenticationEventListener;
    const NAME: &'static str = "microsoft.graph.appliedAuthenticationEventListener";
}
#[cfg(feature = "beta-audit_logs")]
impl AppliedAuthenticationEventListener {
    pub const EVENT_TYPE: rt::Field<Self, AuthenticationEventType> = rt::Field::new(
        "eventType",
    );
    pub const EXECUTED_LISTENER_ID: rt::Field<Self, String> = rt::Field::new(
        "executedListenerId",
    );
    pub const HANDLER_RESULT: rt::Field<Self, AuthenticationEventHandlerResult> = rt::Field::new(
        "handlerResult",
    );
}
/// Singleton under which the various audit feeds hang.
///
/// Source: `api-reference/beta/resources/auditlogroot.md:11` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/auditlogroot?view=graph-rest-beta))
#[cfg(feature = "beta")]
#[cfg_attr(docsrs, doc(cfg(feature = "beta")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AuditLogRoot {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Key of the object. Read-only. (Inherited from `microsoft.graph.entity`.)
    ///
    /// JSON: `id`. Source: `api-reference/beta/resources/entity.md:19`
    pub id: Option<String>,
    /// Self-service sign-up events. Read-only. Nullable.
    ///
    /// JSON: `signUps`. Source: `api-reference/beta/resources/auditlogroot.md:25`
    pub sign_ups: Option<Vec<SelfServiceSignUp>>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "beta")]
impl rt::JsonFields for AuditLogRoot {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "id", &self.id)?;
        rt::write_field(map, &self.nulls, "signUps", &self.sign_ups)?;
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
            "signUps" => rt::read_field(map, &mut self.sign_ups),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "beta")]
rt::json_object!(AuditLogRoot);
#[cfg(feature = "beta")]
impl rt::Keyed for AuditLogRoot {
    fn key(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }
}
#[cfg(feature = "beta")]
impl rt::Queryable for AuditLogRoot {
    type Fields = AuditLogRoot;
    const NAME: &'static str = "microsoft.graph.auditLogRoot";
}
#[cfg(feature = "beta")]
impl AuditLogRoot {
    pub const ID: rt::Field<Self, String> = rt::Field::new("id");
    pub const SIGN_UPS: rt::Field<Self, rt::Nav<SelfServiceSignUp>> = rt::Field::new(
        "signUps",
    );
}
/// Abstract. Concrete result kinds derive from it; it declares no members of its own.
///
/// Source: `api-reference/beta/resources/authenticationeventhandlerresult.md:11` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/authenticationeventhandlerresult?view=graph-rest-beta))
#[cfg(feature = "beta-audit_logs")]
#[cfg_attr(docsrs, doc(cfg(feature = "beta-audit_logs")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AuthenticationEventHandlerResult {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "beta-audit_logs")]
impl rt::JsonFields for AuthenticationEventHandlerResult {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "beta-audit_logs")]
rt::json_object!(AuthenticationEventHandlerResult);
#[cfg(feature = "beta-audit_logs")]
impl rt::Queryable for AuthenticationEventHandlerResult {
    type Fields = AuthenticationEventHandlerResult;
    const NAME: &'static str = "microsoft.graph.authenticationEventHandlerResult";
}
#[cfg(feature = "beta-audit_logs")]
impl AuthenticationEventHandlerResult {}
/// Source: `api-reference/beta/resources/appliedauthenticationeventlistener.md:20` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/appliedauthenticationeventlistener?view=graph-rest-beta))
#[cfg(feature = "beta-audit_logs")]
#[cfg_attr(docsrs, doc(cfg(feature = "beta-audit_logs")))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuthenticationEventType {
    /// `tokenIssuanceStart`
    TokenIssuanceStart,
    /// `pageRenderStart`
    PageRenderStart,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// `attributeCollectionStart`
    AttributeCollectionStart,
    /// `attributeCollectionSubmit`
    AttributeCollectionSubmit,
    /// `emailOtpSend`
    EmailOtpSend,
    /// A value these docs do not list; kept as sent.
    UnknownValue(String),
}
#[cfg(feature = "beta-audit_logs")]
impl AuthenticationEventType {
    /// The value as the service writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::TokenIssuanceStart => "tokenIssuanceStart",
            Self::PageRenderStart => "pageRenderStart",
            Self::UnknownFutureValue => "unknownFutureValue",
            Self::AttributeCollectionStart => "attributeCollectionStart",
            Self::AttributeCollectionSubmit => "attributeCollectionSubmit",
            Self::EmailOtpSend => "emailOtpSend",
            Self::UnknownValue(value) => value,
        }
    }
}
#[cfg(feature = "beta-audit_logs")]
impl From<&str> for AuthenticationEventType {
    fn from(value: &str) -> Self {
        match value {
            "tokenIssuanceStart" => Self::TokenIssuanceStart,
            "pageRenderStart" => Self::PageRenderStart,
            "unknownFutureValue" => Self::UnknownFutureValue,
            "attributeCollectionStart" => Self::AttributeCollectionStart,
            "attributeCollectionSubmit" => Self::AttributeCollectionSubmit,
            "emailOtpSend" => Self::EmailOtpSend,
            _ => Self::UnknownValue(value.to_owned()),
        }
    }
}
#[cfg(feature = "beta-audit_logs")]
rt::string_enum!(AuthenticationEventType);
/// Top of the entity hierarchy; it contributes only the key.
///
/// Source: `api-reference/beta/resources/entity.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/entity?view=graph-rest-beta))
#[cfg(feature = "beta-core")]
#[cfg_attr(docsrs, doc(cfg(feature = "beta-core")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entity {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Key of the object. Read-only.
    ///
    /// JSON: `id`. Source: `api-reference/beta/resources/entity.md:19`
    pub id: Option<String>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "beta-core")]
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
#[cfg(feature = "beta-core")]
rt::json_object!(Entity);
#[cfg(feature = "beta-core")]
impl rt::Keyed for Entity {
    fn key(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }
}
#[cfg(feature = "beta-core")]
impl rt::Queryable for Entity {
    type Fields = Entity;
    const NAME: &'static str = "microsoft.graph.entity";
}
#[cfg(feature = "beta-core")]
impl Entity {
    pub const ID: rt::Field<Self, String> = rt::Field::new("id");
}
/// Tracks the tenant's enrollment in privileged identity management.
///
/// Source: `api-reference/beta/resources/privilegedsignupstatus.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/privilegedsignupstatus?view=graph-rest-beta))
#[cfg(feature = "beta-privileged_signup_status")]
#[cfg_attr(docsrs, doc(cfg(feature = "beta-privileged_signup_status")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PrivilegedSignupStatus {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Key of the object. Read-only. (Inherited from `microsoft.graph.entity`.)
    ///
    /// JSON: `id`. Source: `api-reference/beta/resources/entity.md:19`
    pub id: Option<String>,
    /// true once the tenant has enrolled.
    ///
    /// JSON: `isRegistered`. Source: `api-reference/beta/resources/privilegedsignupstatus.md:27`
    pub is_registered: Option<bool>,
    /// Progress of the setup. See setupStatus values.
    ///
    /// JSON: `status`. Source: `api-reference/beta/resources/privilegedsignupstatus.md:28`
    pub status: Option<SetupStatus>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "beta-privileged_signup_status")]
impl rt::JsonFields for PrivilegedSignupStatus {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "id", &self.id)?;
        rt::write_field(map, &self.nulls, "isRegistered", &self.is_registered)?;
        rt::write_field(map, &self.nulls, "status", &self.status)?;
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
            "isRegistered" => rt::read_field(map, &mut self.is_registered),
            "status" => rt::read_field(map, &mut self.status),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "beta-privileged_signup_status")]
rt::json_object!(PrivilegedSignupStatus);
#[cfg(feature = "beta-privileged_signup_status")]
impl rt::Keyed for PrivilegedSignupStatus {
    fn key(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }
}
#[cfg(feature = "beta-privileged_signup_status")]
impl rt::Queryable for PrivilegedSignupStatus {
    type Fields = PrivilegedSignupStatus;
    const NAME: &'static str = "microsoft.graph.privilegedSignupStatus";
}
#[cfg(feature = "beta-privileged_signup_status")]
impl PrivilegedSignupStatus {
    pub const ID: rt::Field<Self, String> = rt::Field::new("id");
    pub const IS_REGISTERED: rt::Field<Self, bool> = rt::Field::new("isRegistered");
    pub const STATUS: rt::Field<Self, SetupStatus> = rt::Field::new("status");
}
/// Records a step that an External ID customer went through while creating an account in the tenant on their own.
///
/// Source: `api-reference/beta/resources/selfservicesignup.md:13` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/selfservicesignup?view=graph-rest-beta))
#[cfg(feature = "beta-audit_logs")]
#[cfg_attr(docsrs, doc(cfg(feature = "beta-audit_logs")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SelfServiceSignUp {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Key of the object. Read-only. (Inherited from `microsoft.graph.entity`.)
    ///
    /// JSON: `id`. Source: `api-reference/beta/resources/entity.md:19`
    pub id: Option<String>,
    /// Name of the app the customer signed up through, as the admin center shows it. Filterable with eq and startsWith.
    ///
    /// JSON: `appDisplayName`. Source: `api-reference/beta/resources/selfservicesignup.md:28`
    pub app_display_name: Option<String>,
    /// App (client) ID of that application. Filterable with eq.
    ///
    /// JSON: `appId`. Source: `api-reference/beta/resources/selfservicesignup.md:29`
    pub app_id: Option<String>,
    /// Custom extensions, for example Logic Apps or Functions, that ran because of this event.
    ///
    /// JSON: `appliedEventListeners`. Source: `api-reference/beta/resources/selfservicesignup.md:30`
    pub applied_event_listeners: Option<Vec<AppliedAuthenticationEventListener>>,
    /// ID the client sent when the flow began; ties the steps of one attempt together. Filterable with eq.
    ///
    /// JSON: `correlationId`. Source: `api-reference/beta/resources/selfservicesignup.md:31`
    pub correlation_id: Option<String>,
    /// UTC moment the step happened, e.g. 2024-07-01T08:30:00Z. Sortable; filterable with eq, le and ge.
    ///
    /// JSON: `createdDateTime`. Source: `api-reference/beta/resources/selfservicesignup.md:32`
    pub created_date_time: Option<rt::DateTimeOffset>,
    /// The identifier the customer is registering with. Filterable with eq on signUpIdentifierType.
    ///
    /// JSON: `signUpIdentity`. Source: `api-reference/beta/resources/selfservicesignup.md:34`
    pub sign_up_identity: Option<Box<SignUpIdentity>>,
    /// Account kind chosen, for example Email OTP, Email Password or Google.
    ///
    /// JSON: `signUpIdentityProvider`. Source: `api-reference/beta/resources/selfservicesignup.md:35`
    pub sign_up_identity_provider: Option<String>,
    /// Which step of the flow this event covers. The possible values are: credentialCollection, credentialValidation, credentialFederation, consent, attributeCollectionAndValidation, userCreation, tenantConsent, unknownFutureValue.
    ///
    /// JSON: `signUpStage`. Source: `api-reference/beta/resources/selfservicesignup.md:36`
    pub sign_up_stage: Option<SignUpStage>,
    /// Outcome of the step, with error details when it failed or was interrupted. Filterable with eq on errorCode.
    ///
    /// JSON: `status`. Source: `api-reference/beta/resources/selfservicesignup.md:37`
    pub status: Option<Box<SignUpStatus>>,
    /// Key of the user that the flow produced, once one exists.
    ///
    /// JSON: `userId`. Source: `api-reference/beta/resources/selfservicesignup.md:38`
    pub user_id: Option<String>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "beta-audit_logs")]
impl rt::JsonFields for SelfServiceSignUp {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "id", &self.id)?;
        rt::write_field(map, &self.nulls, "appDisplayName", &self.app_display_name)?;
        rt::write_field(map, &self.nulls, "appId", &self.app_id)?;
        rt::write_field(
            map,
            &self.nulls,
            "appliedEventListeners",
            &self.applied_event_listeners,
        )?;
        rt::write_field(map, &self.nulls, "correlationId", &self.correlation_id)?;
        rt::write_field(map, &self.nulls, "createdDateTime", &self.created_date_time)?;
        rt::write_field(map, &self.nulls, "signUpIdentity", &self.sign_up_identity)?;
        rt::write_field(
            map,
            &self.nulls,
            "signUpIdentityProvider",
            &self.sign_up_identity_provider,
        )?;
        rt::write_field(map, &self.nulls, "signUpStage", &self.sign_up_stage)?;
        rt::write_field(map, &self.nulls, "status", &self.status)?;
        rt::write_field(map, &self.nulls, "userId", &self.user_id)?;
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
            "appDisplayName" => rt::read_field(map, &mut self.app_display_name),
            "appId" => rt::read_field(map, &mut self.app_id),
            "appliedEventListeners" => {
                rt::read_field(map, &mut self.applied_event_listeners)
            }
            "correlationId" => rt::read_field(map, &mut self.correlation_id),
            "createdDateTime" => rt::read_lenient(map, &mut self.created_date_time),
            "signUpIdentity" => rt::read_field(map, &mut self.sign_up_identity),
            "signUpIdentityProvider" => {
                rt::read_field(map, &mut self.sign_up_identity_provider)
            }
            "signUpStage" => rt::read_field(map, &mut self.sign_up_stage),
            "status" => rt::read_field(map, &mut self.status),
            "userId" => rt::read_field(map, &mut self.user_id),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "beta-audit_logs")]
rt::json_object!(SelfServiceSignUp);
#[cfg(feature = "beta-audit_logs")]
impl rt::Keyed for SelfServiceSignUp {
    fn key(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }
}
#[cfg(feature = "beta-audit_logs")]
impl rt::Queryable for SelfServiceSignUp {
    type Fields = SelfServiceSignUp;
    const NAME: &'static str = "microsoft.graph.selfServiceSignUp";
}
#[cfg(feature = "beta-audit_logs")]
impl SelfServiceSignUp {
    pub const ID: rt::Field<Self, String> = rt::Field::new("id");
    pub const APP_DISPLAY_NAME: rt::Field<Self, String> = rt::Field::new(
        "appDisplayName",
    );
    pub const APP_ID: rt::Field<Self, String> = rt::Field::new("appId");
    pub const APPLIED_EVENT_LISTENERS: rt::Field<
        Self,
        Vec<AppliedAuthenticationEventListener>,
    > = rt::Field::new("appliedEventListeners");
    pub const CORRELATION_ID: rt::Field<Self, String> = rt::Field::new("correlationId");
    pub const CREATED_DATE_TIME: rt::Field<Self, rt::DateTimeOffset> = rt::Field::new(
        "createdDateTime",
    );
    pub const SIGN_UP_IDENTITY: rt::Field<Self, SignUpIdentity> = rt::Field::new(
        "signUpIdentity",
    );
    pub const SIGN_UP_IDENTITY_PROVIDER: rt::Field<Self, String> = rt::Field::new(
        "signUpIdentityProvider",
    );
    pub const SIGN_UP_STAGE: rt::Field<Self, SignUpStage> = rt::Field::new(
        "signUpStage",
    );
    pub const STATUS: rt::Field<Self, SignUpStatus> = rt::Field::new("status");
    pub const USER_ID: rt::Field<Self, String> = rt::Field::new("userId");
}
/// Source: `api-reference/beta/resources/enums.md:16` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/enums?view=graph-rest-beta))
#[cfg(feature = "beta-privileged_signup_status")]
#[cfg_attr(docsrs, doc(cfg(feature = "beta-privileged_signup_status")))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SetupStatus {
    /// `unknown`: State could not be read.
    Unknown,
    /// `notRegisteredYet`: The tenant has not enrolled.
    NotRegisteredYet,
    /// `registeredSetupNotStarted`: Enrolled; setup has not begun.
    RegisteredSetupNotStarted,
    /// `registeredSetupInProgress`: Enrolled; setup is running.
    RegisteredSetupInProgress,
    /// `registrationAndSetupCompleted`: Enrollment and setup are both done.
    RegistrationAndSetupCompleted,
    /// `registrationFailed`: Enrollment did not succeed.
    RegistrationFailed,
    /// `registrationTimedOut`: Enrollment gave up after waiting too long.
    RegistrationTimedOut,
    /// `disabled`: The feature is switched off.
    Disabled,
    /// A value these docs do not list; kept as sent.
    UnknownValue(String),
}
#[cfg(feature = "beta-privileged_signup_status")]
impl SetupStatus {
    /// The value as the service writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Unknown => "unknown",
            Self::NotRegisteredYet => "notRegisteredYet",
            Self::RegisteredSetupNotStarted => "registeredSetupNotStarted",
            Self::RegisteredSetupInProgress => "registeredSetupInProgress",
            Self::RegistrationAndSetupCompleted => "registrationAndSetupCompleted",
            Self::RegistrationFailed => "registrationFailed",
            Self::RegistrationTimedOut => "registrationTimedOut",
            Self::Disabled => "disabled",
            Self::UnknownValue(value) => value,
        }
    }
}
#[cfg(feature = "beta-privileged_signup_status")]
impl From<&str> for SetupStatus {
    fn from(value: &str) -> Self {
        match value {
            "unknown" => Self::Unknown,
            "notRegisteredYet" => Self::NotRegisteredYet,
            "registeredSetupNotStarted" => Self::RegisteredSetupNotStarted,
            "registeredSetupInProgress" => Self::RegisteredSetupInProgress,
            "registrationAndSetupCompleted" => Self::RegistrationAndSetupCompleted,
            "registrationFailed" => Self::RegistrationFailed,
            "registrationTimedOut" => Self::RegistrationTimedOut,
            "disabled" => Self::Disabled,
            _ => Self::UnknownValue(value.to_owned()),
        }
    }
}
#[cfg(feature = "beta-privileged_signup_status")]
rt::string_enum!(SetupStatus);
/// Source: `api-reference/beta/resources/signupidentity.md:25` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/signupidentity?view=graph-rest-beta))
#[cfg(feature = "beta-audit_logs")]
#[cfg_attr(docsrs, doc(cfg(feature = "beta-audit_logs")))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignUpIdentifierType {
    /// `emailAddress`: The customer registered with an email address.
    EmailAddress,
    /// `unknownFutureValue`: Sentinel for kinds added later.
    UnknownFutureValue,
    /// A value these docs do not list; kept as sent.
    UnknownValue(String),
}
#[cfg(feature = "beta-audit_logs")]
impl SignUpIdentifierType {
    /// The value as the service writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::EmailAddress => "emailAddress",
            Self::UnknownFutureValue => "unknownFutureValue",
            Self::UnknownValue(value) => value,
        }
    }
}
#[cfg(feature = "beta-audit_logs")]
impl From<&str> for SignUpIdentifierType {
    fn from(value: &str) -> Self {
        match value {
            "emailAddress" => Self::EmailAddress,
            "unknownFutureValue" => Self::UnknownFutureValue,
            _ => Self::UnknownValue(value.to_owned()),
        }
    }
}
#[cfg(feature = "beta-audit_logs")]
rt::string_enum!(SignUpIdentifierType);
/// Carries the value a customer typed to create an account, plus what kind of value it is.
///
/// Source: `api-reference/beta/resources/signupidentity.md:11` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/signupidentity?view=graph-rest-beta))
#[cfg(feature = "beta-audit_logs")]
#[cfg_attr(docsrs, doc(cfg(feature = "beta-audit_logs")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SignUpIdentity {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// The value itself, for example an email address.
    ///
    /// JSON: `signUpIdentifier`. Source: `api-reference/beta/resources/signupidentity.md:20`
    pub sign_up_identifier: Option<String>,
    /// Kind of value supplied. See signUpIdentifierType values.
    ///
    /// JSON: `signUpIdentifierType`. Source: `api-reference/beta/resources/signupidentity.md:21`
    pub sign_up_identifier_type: Option<SignUpIdentifierType>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "beta-audit_logs")]
impl rt::JsonFields for SignUpIdentity {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "signUpIdentifier", &self.sign_up_identifier)?;
        rt::write_field(
            map,
            &self.nulls,
            "signUpIdentifierType",
            &self.sign_up_identifier_type,
        )?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "signUpIdentifier" => rt::read_field(map, &mut self.sign_up_identifier),
            "signUpIdentifierType" => {
                rt::read_field(map, &mut self.sign_up_identifier_type)
            }
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "beta-audit_logs")]
rt::json_object!(SignUpIdentity);
#[cfg(feature = "beta-audit_logs")]
impl rt::Queryable for SignUpIdentity {
    type Fields = SignUpIdentity;
    const NAME: &'static str = "microsoft.graph.signUpIdentity";
}
#[cfg(feature = "beta-audit_logs")]
impl SignUpIdentity {
    pub const SIGN_UP_IDENTIFIER: rt::Field<Self, String> = rt::Field::new(
        "signUpIdentifier",
    );
    pub const SIGN_UP_IDENTIFIER_TYPE: rt::Field<Self, SignUpIdentifierType> = rt::Field::new(
        "signUpIdentifierType",
    );
}
/// Source: `api-reference/beta/resources/selfservicesignup.md:36` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/selfservicesignup?view=graph-rest-beta))
#[cfg(feature = "beta-audit_logs")]
#[cfg_attr(docsrs, doc(cfg(feature = "beta-audit_logs")))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignUpStage {
    /// `credentialCollection`
    CredentialCollection,
    /// `credentialValidation`
    CredentialValidation,
    /// `credentialFederation`
    CredentialFederation,
    /// `consent`
    Consent,
    /// `attributeCollectionAndValidation`
    AttributeCollectionAndValidation,
    /// `userCreation`
    UserCreation,
    /// `tenantConsent`
    TenantConsent,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// A value these docs do not list; kept as sent.
    UnknownValue(String),
}
#[cfg(feature = "beta-audit_logs")]
impl SignUpStage {
    /// The value as the service writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::CredentialCollection => "credentialCollection",
            Self::CredentialValidation => "credentialValidation",
            Self::CredentialFederation => "credentialFederation",
            Self::Consent => "consent",
            Self::AttributeCollectionAndValidation => "attributeCollectionAndValidation",
            Self::UserCreation => "userCreation",
            Self::TenantConsent => "tenantConsent",
            Self::UnknownFutureValue => "unknownFutureValue",
            Self::UnknownValue(value) => value,
        }
    }
}
#[cfg(feature = "beta-audit_logs")]
impl From<&str> for SignUpStage {
    fn from(value: &str) -> Self {
        match value {
            "credentialCollection" => Self::CredentialCollection,
            "credentialValidation" => Self::CredentialValidation,
            "credentialFederation" => Self::CredentialFederation,
            "consent" => Self::Consent,
            "attributeCollectionAndValidation" => Self::AttributeCollectionAndValidation,
            "userCreation" => Self::UserCreation,
            "tenantConsent" => Self::TenantConsent,
            "unknownFutureValue" => Self::UnknownFutureValue,
            _ => Self::UnknownValue(value.to_owned()),
        }
    }
}
#[cfg(feature = "beta-audit_logs")]
rt::string_enum!(SignUpStage);
/// Says whether a sign-up step went through and, if not, why.
///
/// Source: `api-reference/beta/resources/signupstatus.md:11` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/signupstatus?view=graph-rest-beta))
#[cfg(feature = "beta-audit_logs")]
#[cfg_attr(docsrs, doc(cfg(feature = "beta-audit_logs")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SignUpStatus {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Extra explanation of what happened during the step.
    ///
    /// JSON: `additionalDetails`. Source: `api-reference/beta/resources/signupstatus.md:20`
    pub additional_details: Option<String>,
    /// Numeric code (usually five or six digits) raised when the step failed; 0 on success.
    ///
    /// JSON: `errorCode`. Source: `api-reference/beta/resources/signupstatus.md:21`
    pub error_code: Option<i32>,
    /// Human-readable cause of the failure.
    ///
    /// JSON: `failureReason`. Source: `api-reference/beta/resources/signupstatus.md:22`
    pub failure_reason: Option<String>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "beta-audit_logs")]
impl rt::JsonFields for SignUpStatus {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(
            map,
            &self.nulls,
            "additionalDetails",
            &self.additional_details,
        )?;
        rt::write_field(map, &self.nulls, "errorCode", &self.error_code)?;
        rt::write_field(map, &self.nulls, "failureReason", &self.failure_reason)?;
        Ok(())
    }
    fn read_field<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<rt::Read, A::Error> {
        match key {
            "@odata.type" => rt::read_field(map, &mut self.odata_type),
            "additionalDetails" => rt::read_field(map, &mut self.additional_details),
            "errorCode" => rt::read_lenient(map, &mut self.error_code),
            "failureReason" => rt::read_field(map, &mut self.failure_reason),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "beta-audit_logs")]
rt::json_object!(SignUpStatus);
#[cfg(feature = "beta-audit_logs")]
impl rt::Queryable for SignUpStatus {
    type Fields = SignUpStatus;
    const NAME: &'static str = "microsoft.graph.signUpStatus";
}
#[cfg(feature = "beta-audit_logs")]
impl SignUpStatus {
    pub const ADDITIONAL_DETAILS: rt::Field<Self, String> = rt::Field::new(
        "additionalDetails",
    );
    pub const ERROR_CODE: rt::Field<Self, i32> = rt::Field::new("errorCode");
    pub const FAILURE_REASON: rt::Field<Self, String> = rt::Field::new("failureReason");
}
pub mod endpoints;
