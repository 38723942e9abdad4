//! Types of the `microsoft.graph.callRecords` namespace.
#[allow(unused_imports)]
use super::super::runtime as rt;
/// Captures a completed call: two parties talking directly, or a meeting with many people.
///
/// Source: `api-reference/v1.0/resources/callrecords-callrecord.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/callrecords-callrecord?view=graph-rest-1.0))
#[cfg(feature = "v1_0-communications")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0-communications")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CallRecord {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Key that identifies the object. Read-only. (Inherited from `microsoft.graph.entity`.)
    ///
    /// JSON: `id`. Source: `api-reference/v1.0/resources/entity.md:20`
    pub id: Option<String>,
    /// UTC moment the final participant dropped off.
    ///
    /// JSON: `endDateTime`. Source: `api-reference/v1.0/resources/callrecords-callrecord.md:26`
    pub end_date_time: Option<rt::DateTimeOffset>,
    /// Link people used to join; often missing for direct calls.
    ///
    /// JSON: `joinWebUrl`. Source: `api-reference/v1.0/resources/callrecords-callrecord.md:28`
    pub join_web_url: Option<String>,
    /// UTC moment the record was last rewritten.
    ///
    /// JSON: `lastModifiedDateTime`. Source: `api-reference/v1.0/resources/callrecords-callrecord.md:29`
    pub last_modified_date_time: Option<rt::DateTimeOffset>,
    /// Every media kind seen during the call. Possible values are: unknown, audio, video, videoBasedScreenSharing, data, screenSharing, unknownFutureValue.
    ///
    /// JSON: `modalities`. Source: `api-reference/v1.0/resources/callrecords-callrecord.md:30`
    pub modalities: Option<Vec<Modality>>,
    /// Who set the call up.
    ///
    /// JSON: `organizer`. Source: `api-reference/v1.0/resources/callrecords-callrecord.md:31`
    pub organizer: Option<Box<super::IdentitySet>>,
    /// Each distinct party that took part.
    ///
    /// JSON: `participants`. Source: `api-reference/v1.0/resources/callrecords-callrecord.md:32`
    pub participants: Option<Vec<super::IdentitySet>>,
    /// UTC moment the first person connected.
    ///
    /// JSON: `startDateTime`. Source: `api-reference/v1.0/resources/callrecords-callrecord.md:33`
    pub start_date_time: Option<rt::DateTimeOffset>,
    /// Kind of call. Possible values are: unknown, groupCall, peerToPeer, unknownFutureValue.
    ///
    /// JSON: `type`. Source: `api-reference/v1.0/resources/callrecords-callrecord.md:34`
    pub type_: Option<CallType>,
    /// Grows every time the record is revised; a larger number carries more data.
    ///
    /// JSON: `version`. Source: `api-reference/v1.0/resources/callrecords-callrecord.md:35`
    pub version: Option<i64>,
    /// Legs of the call. Read-only. Nullable.
    ///
    /// JSON: `sessions`. Source: `api-reference/v1.0/resources/callrecords-callrecord.md:41`
    #[cfg(feature = "v1_0")]
    #[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
    pub sessions: Option<Vec<Session>>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "v1_0-communications")]
impl rt::JsonFields for CallRecord {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "id", &self.id)?;
        rt::write_field(map, &self.nulls, "endDateTime", &self.end_date_time)?;
        rt::write_field(map, &self.nulls, "joinWebUrl", &self.join_web_url)?;
        rt::write_field(
            map,
            &self.nulls,
            "lastModifiedDateTime",
            &self.last_modified_date_time,
        )?;
        rt::write_field(map, &self.nulls, "modalities", &self.modalities)?;
        rt::write_field(map, &self.nulls, "organizer", &self.organizer)?;
        rt::write_field(map, &self.nulls, "participants", &self.participants)?;
        rt::write_field(map, &self.nulls, "startDateTime", &self.start_date_time)?;
        rt::write_field(map, &self.nulls, "type", &self.type_)?;
        rt::write_field(map, &self.nulls, "version", &self.version)?;
        #[cfg(feature = "v1_0")]
        rt::write_field(map, &self.nulls, "sessions", &self.sessions)?;
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
            "endDateTime" => rt::read_lenient(map, &mut self.end_date_time),
            "joinWebUrl" => rt::read_field(map, &mut self.join_web_url),
            "lastModifiedDateTime" => {
                rt::read_lenient(map, &mut self.last_modified_date_time)
            }
            "modalities" => rt::read_field(map, &mut self.modalities),
            "organizer" => rt::read_field(map, &mut self.organizer),
            "participants" => rt::read_field(map, &mut self.participants),
            "startDateTime" => rt::read_lenient(map, &mut self.start_date_time),
            "type" => rt::read_field(map, &mut self.type_),
            "version" => rt::read_lenient(map, &mut self.version),
            #[cfg(feature = "v1_0")]
            "sessions" => rt::read_field(map, &mut self.sessions),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "v1_0-communications")]
rt::json_object!(CallRecord);
#[cfg(feature = "v1_0-communications")]
impl rt::Keyed for CallRecord {
    fn key(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }
}
#[cfg(feature = "v1_0-communications")]
impl rt::Queryable for CallRecord {
    type Fields = CallRecord;
    const NAME: &'static str = "microsoft.graph.callRecords.callRecord";
}
#[cfg(feature = "v1_0-communications")]
impl CallRecord {
    pub const ID: rt::Field<Self, String> = rt::Field::new("id");
    pub const END_DATE_TIME: rt::Field<Self, rt::DateTimeOffset> = rt::Field::new(
        "endDateTime",
    );
    pub const JOIN_WEB_URL: rt::Field<Self, String> = rt::Field::new("joinWebUrl");
    pub const LAST_MODIFIED_DATE_TIME: rt::Field<Self, rt::DateTimeOffset> = rt::Field::new(
        "lastModifiedDateTime",
    );
    pub const MODALITIES: rt::Field<Self, Vec<Modality>> = rt::Field::new("modalities");
    pub const ORGANIZER: rt::Field<Self, super::IdentitySet> = rt::Field::new(
        "organizer",
    );
    pub const PARTICIPANTS: rt::Field<Self, Vec<super::IdentitySet>> = rt::Field::new(
        "participants",
    );
    pub const START_DATE_TIME: rt::Field<Self, rt::DateTimeOffset> = rt::Field::new(
        "startDateTime",
    );
    pub const TYPE_: rt::Field<Self, CallType> = rt::Field::new("type");
    pub const VERSION: rt::Field<Self, i64> = rt::Field::new("version");
    #[cfg(feature = "v1_0")]
    #[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
    pub const SESSIONS: rt::Field<Self, rt::Nav<Session>> = rt::Field::new("sessions");
}
/// Source: `api-reference/v1.0/resources/enums-callrecords.md:16` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/enums-callrecords?view=graph-rest-1.0))
#[cfg(feature = "v1_0-communications")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0-communications")))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CallType {
    /// `unknown`
    Unknown,
    /// `groupCall`
    GroupCall,
    /// `peerToPeer`
    PeerToPeer,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// A value these docs do not list; kept as sent.
    UnknownValue(String),
}
#[cfg(feature = "v1_0-communications")]
impl CallType {
    /// The value as the service writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Unknown => "unknown",
            Self::GroupCall => "groupCall",
            Self::PeerToPeer => "peerToPeer",
            Self::UnknownFutureValue => "unknownFutureValue",
            Self::UnknownValue(value) => value,
        }
    }
}
#[cfg(feature = "v1_0-communications")]
impl From<&str> for CallType {
    fn from(value: &str) -> Self {
        match value {
            "unknown" => Self::Unknown,
            "groupCall" => Self::GroupCall,
            "peerToPeer" => Self::PeerToPeer,
            "unknownFutureValue" => Self::UnknownFutureValue,
            _ => Self::UnknownValue(value.to_owned()),
        }
    }
}
#[cfg(feature = "v1_0-communications")]
rt::string_enum!(CallType);
/// Source: `api-reference/v1.0/resources/enums-callrecords.md:25` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/enums-callrecords?view=graph-rest-1.0))
#[cfg(feature = "v1_0")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FailureStage {
    /// `unknown`
    Unknown,
    /// `callSetup`
    CallSetup,
    /// `midcall`
    Midcall,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// A value these docs do not list; kept as sent.
    UnknownValue(String),
}
#[cfg(feature = "v1_0")]
impl FailureStage {
    /// The value as the service writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Unknown => "unknown",
            Self::CallSetup => "callSetup",
            Self::Midcall => "midcall",
            Self::UnknownFutureValue => "unknownFutureValue",
            Self::UnknownValue(value) => value,
        }
    }
}
#[cfg(feature = "v1_0")]
impl From<&str> for FailureStage {
    fn from(value: &str) -> Self {
        match value {
            "unknown" => Self::Unknown,
            "callSetup" => Self::CallSetup,
            "midcall" => Self::Midcall,
            "unknownFutureValue" => Self::UnknownFutureValue,
            _ => Self::UnknownValue(value.to_owned()),
        }
    }
}
#[cfg(feature = "v1_0")]
rt::string_enum!(FailureStage);
/// Source: `api-reference/v1.0/resources/enums-callrecords.md:34` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/enums-callrecords?view=graph-rest-1.0))
#[cfg(feature = "v1_0-communications")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0-communications")))]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Modality {
    /// `unknown`
    Unknown,
    /// `audio`
    Audio,
    /// `video`
    Video,
    /// `videoBasedScreenSharing`
    VideoBasedScreenSharing,
    /// `data`
    Data,
    /// `screenSharing`
    ScreenSharing,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// A value these docs do not list; kept as sent.
    UnknownValue(String),
}
#[cfg(feature = "v1_0-communications")]
impl Modality {
    /// The value as the service writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Unknown => "unknown",
            Self::Audio => "audio",
            Self::Video => "video",
            Self::VideoBasedScreenSharing => "videoBasedScreenSharing",
            Self::Data => "data",
            Self::ScreenSharing => "screenSharing",
            Self::UnknownFutureValue => "unknownFutureValue",
            Self::UnknownValue(value) => value,
        }
    }
}
#[cfg(feature = "v1_0-communications")]
impl From<&str> for Modality {
    fn from(value: &str) -> Self {
        match value {
            "unknown" => Self::Unknown,
            "audio" => Self::Audio,
            "video" => Self::Video,
            "videoBasedScreenSharing" => Self::VideoBasedScreenSharing,
            "data" => Self::Data,
            "screenSharing" => Self::ScreenSharing,
            "unknownFutureValue" => Self::UnknownFutureValue,
            _ => Self::UnknownValue(value.to_owned()),
        }
    }
}
#[cfg(feature = "v1_0-communications")]
rt::string_enum!(Modality);
/// A stretch of a call during which one endpoint talked to another.
///
/// Source: `api-reference/v1.0/resources/callrecords-session.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/resources/callrecords-session?view=graph-rest-1.0))
#[cfg(feature = "v1_0")]
#[cfg_attr(docsrs, doc(cfg(feature = "v1_0")))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Session {
    /// The type of the value, as `#microsoft.graph.x`; names a derived type where one is sent.
    ///
    /// JSON: `@odata.type`.
    pub odata_type: Option<String>,
    /// Key that identifies the object. Read-only. (Inherited from `microsoft.graph.entity`.)
    ///
    /// JSON: `id`. Source: `api-reference/v1.0/resources/entity.md:20`
    pub id: Option<String>,
    /// Mean network-caused drop in audio quality, as a mean opinion score delta.
    ///
    /// JSON: `averageAudioDegradation`. Source: `api-reference/v1.0/resources/callrecords-session.md:20`
    pub average_audio_degradation: Option<rt::Double>,
    /// Mean estimated bandwidth, in bits per second.
    ///
    /// JSON: `averageBandwidthEstimate`. Source: `api-reference/v1.0/resources/callrecords-session.md:21`
    pub average_bandwidth_estimate: Option<rt::Double>,
    /// Mean packet jitter, written as an ISO 8601 duration.
    ///
    /// JSON: `averageJitter`. Source: `api-reference/v1.0/resources/callrecords-session.md:22`
    pub average_jitter: Option<rt::Duration>,
    /// UTC moment the leg ended.
    ///
    /// JSON: `endDateTime`. Source: `api-reference/v1.0/resources/callrecords-session.md:23`
    pub end_date_time: Option<rt::DateTimeOffset>,
    /// Where the leg broke, if it did. Possible values are: unknown, callSetup, midcall, unknownFutureValue.
    ///
    /// JSON: `failureStage`. Source: `api-reference/v1.0/resources/callrecords-session.md:24`
    pub failure_stage: Option<FailureStage>,
    /// Party that opened the leg.
    ///
    /// JSON: `initiator`. Source: `api-reference/v1.0/resources/callrecords-session.md:26`
    pub initiator: Option<Box<super::IdentitySet>>,
    /// Media kinds carried on this leg.
    ///
    /// JSON: `modalities`. Source: `api-reference/v1.0/resources/callrecords-session.md:27`
    pub modalities: Option<Vec<Modality>>,
    /// UTC moment the leg began.
    ///
    /// JSON: `startDateTime`. Source: `api-reference/v1.0/resources/callrecords-session.md:28`
    pub start_date_time: Option<rt::DateTimeOffset>,
    /// The properties that are an explicit `null`: `nulls.set("mobilePhone")` sends one as `null`.
    pub nulls: rt::Nulls,
}
#[cfg(feature = "v1_0")]
impl rt::JsonFields for Session {
    fn write_fields<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        rt::write_field(map, &self.nulls, "@odata.type", &self.odata_type)?;
        rt::write_field(map, &self.nulls, "id", &self.id)?;
        rt::write_field(
            map,
            &self.nulls,
            "averageAudioDegradation",
            &self.average_audio_degradation,
        )?;
        rt::write_field(
            map,
            &self.nulls,
            "averageBandwidthEstimate",
            &self.average_bandwidth_estimate,
        )?;
        rt::write_field(map, &self.nulls, "averageJitter", &self.average_jitter)?;
        rt::write_field(map, &self.nulls, "endDateTime", &self.end_date_time)?;
        rt::write_field(map, &self.nulls, "failureStage", &self.failure_stage)?;
        rt::write_field(map, &self.nulls, "initiator", &self.initiator)?;
        rt::write_field(map, &self.nulls, "modalities", &self.modalities)?;
        rt::write_field(map, &self.nulls, "startDateTime", &self.start_date_time)?;
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
            "averageAudioDegradation" => {
                rt::read_field(map, &mut self.average_audio_degradation)
            }
            "averageBandwidthEstimate" => {
                rt::read_field(map, &mut self.average_bandwidth_estimate)
            }
            "averageJitter" => rt::read_field(map, &mut self.average_jitter),
            "endDateTime" => rt::read_lenient(map, &mut self.end_date_time),
            "failureStage" => rt::read_field(map, &mut self.failure_stage),
            "initiator" => rt::read_field(map, &mut self.initiator),
            "modalities" => rt::read_field(map, &mut self.modalities),
            "startDateTime" => rt::read_lenient(map, &mut self.start_date_time),
            _ => Ok(rt::Read::Unlisted),
        }
    }
}
#[cfg(feature = "v1_0")]
rt::json_object!(Session);
#[cfg(feature = "v1_0")]
impl rt::Keyed for Session {
    fn key(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }
}
#[cfg(feature = "v1_0")]
impl rt::Queryable for Session {
    type Fields = Session;
    const NAME: &'static str = "microsoft.graph.callRecords.session";
}
#[cfg(feature = "v1_0")]
impl Session {
    pub const ID: rt::Field<Self, String> = rt::Field::new("id");
    pub const AVERAGE_AUDIO_DEGRADATION: rt::Field<Self, rt::Double> = rt::Field::new(
        "averageAudioDegradation",
    );
    pub const AVERAGE_BANDWIDTH_ESTIMATE: rt::Field<Self, rt::Double> = rt::Field::new(
        "averageBandwidthEstimate",
    );
    pub const AVERAGE_JITTER: rt::Field<Self, rt::Duration> = rt::Field::new(
        "averageJitter",
    );
    pub const END_DATE_TIME: rt::Field<Self, rt::DateTimeOffset> = rt::Field::new(
        "endDateTime",
    );
    pub const FAILURE_STAGE: rt::Field<Self, FailureStage> = rt::Field::new(
        "failureStage",
    );
    pub const INITIATOR: rt::Field<Self, super::IdentitySet> = rt::Field::new(
        "initiator",
    );
    pub const MODALITIES: rt::Field<Self, Vec<Modality>> = rt::Field::new("modalities");
    pub const START_DATE_TIME: rt::Field<Self, rt::DateTimeOffset> = rt::Field::new(
        "startDateTime",
    );
}
