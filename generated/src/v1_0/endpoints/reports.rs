use super::super::super::runtime as rt;
/// A step on the way to the requests after it.
#[derive(Debug, Clone)]
#[must_use]
pub struct Reports(pub(super) String);
impl Reports {
    /// `/getEmailActivityCounts(period='{period}')`: on to [`GetEmailActivityCounts`].
    #[inline]
    pub fn get_email_activity_counts(self, period: &str) -> GetEmailActivityCounts {
        GetEmailActivityCounts(
            rt::push_function(
                self.0,
                "getEmailActivityCounts",
                &[("period", period, true)],
            ),
        )
    }
}
/// Requests at `/reports/getEmailActivityCounts(period='{period_value}')`, and the steps after it.
#[derive(Debug, Clone)]
#[must_use]
pub struct GetEmailActivityCounts(pub(super) String);
impl GetEmailActivityCounts {
    /// reportRoot: getEmailActivityCounts
    ///
    /// Produces a CSV report with one row per day, counting messages sent, received and read in the tenant.
    ///
    /// `GET /reports/getEmailActivityCounts(period='{period_value}')`
    ///
    /// Permissions: delegated (work or school account) `Reports.Read.All`; application `Reports.Read.All`.
    ///
    /// Source: `api-reference/v1.0/api/reportroot-getemailactivitycounts.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/reportroot-getemailactivitycounts?view=graph-rest-1.0))
    ///
    /// The page's example, `GET https://graph.microsoft.com/v1.0/reports/getEmailActivityCounts(period='D30')?$format=text/csv`:
    /// ```ignore
    /// let request = Graph::reports().get_email_activity_counts("D30").get().query("$format", "text/csv").into_request();
    /// ```
    #[inline]
    pub fn get(self) -> rt::Get<rt::Content> {
        rt::Get::new(self.0)
    }
}
