use super::super::super::runtime as rt;
/// A step on the way to the requests after it.
#[derive(Debug, Clone)]
#[must_use]
pub struct Communications(pub(super) String);
impl Communications {
    /// `/callRecords`: on to [`CallRecords`].
    #[inline]
    pub fn call_records(self) -> CallRecords {
        CallRecords(rt::push_segment(self.0, "callRecords"))
    }
}
/// A step on the way to the requests after it.
#[derive(Debug, Clone)]
#[must_use]
pub struct CallRecords(pub(super) String);
impl CallRecords {
    /// `/{callRecordId}`: on to [`CallRecord`].
    #[inline]
    pub fn item(
        self,
        call_record_id: impl Into<rt::ItemKey<super::super::call_records::CallRecord>>,
    ) -> CallRecord {
        CallRecord(rt::push_key(self.0, call_record_id.into().as_str()))
    }
}
/// Requests at `/communications/callRecords/{callRecordId}`, and the steps after it.
#[derive(Debug, Clone)]
#[must_use]
pub struct CallRecord(pub(super) String);
impl CallRecord {
    /// Get callRecord
    ///
    /// Fetch a callRecord. Expand sessions to receive the legs in the same response.
    ///
    /// `GET /communications/callRecords/{callRecordId}`
    ///
    /// Permissions: application `CallRecords.Read.All`.
    ///
    /// Query options the page documents: `$expand`, `$select`.
    ///
    /// Source: `api-reference/v1.0/api/callrecords-callrecord-get.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/callrecords-callrecord-get?view=graph-rest-1.0))
    ///
    /// The page's example, `GET https://graph.microsoft.com/v1.0/communications/callRecords/e2a9c1f4-7b3d-4c86-a05e-19d8f6b2c347`:
    /// ```ignore
    /// let request = Graph::communications().call_records().item("e2a9c1f4-7b3d-4c86-a05e-19d8f6b2c347").get().into_request();
    /// ```
    #[inline]
    pub fn get(self) -> rt::Get<super::super::call_records::CallRecord> {
        rt::Get::new(self.0)
    }
}
