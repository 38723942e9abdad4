use super::super::super::runtime as rt;
/// Get callRecord
///
/// Fetch a callRecord. Expand sessions to receive the legs in the same response.
///
/// `GET /communications/callRecords/{callRecordId}`
///
/// Permissions: application `CallRecords.Read.All`.
///
/// Source: `api-reference/v1.0/api/callrecords-callrecord-get.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/callrecords-callrecord-get?view=graph-rest-1.0))
#[must_use]
pub struct CallrecordsCallrecordGet(
    rt::Request<(), super::super::call_records::CallRecord>,
);
/// `GET /communications/callRecords/{callRecordId}`: builds [`CallrecordsCallrecordGet`].
#[inline]
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
    ) -> rt::Request<(), super::super::call_records::CallRecord> {
        self.0
    }
}
