use super::super::super::runtime as rt;
/// reportRoot: getEmailActivityCounts
///
/// Produces a CSV report with one row per day, counting messages sent, received and read in the tenant.
///
/// `GET /reports/getEmailActivityCounts(period='{period_value}')`
///
/// Permissions: delegated (work or school account) `Reports.Read.All`; application `Reports.Read.All`.
///
/// Source: `api-reference/v1.0/api/reportroot-getemailactivitycounts.md:10` ([Microsoft Learn](https://learn.microsoft.com/en-us/graph/api/reportroot-getemailactivitycounts?view=graph-rest-1.0))
#[must_use]
pub struct ReportrootGetemailactivitycounts(rt::Request<(), rt::Content>);
/// `GET /reports/getEmailActivityCounts(period='{period_value}')`: builds [`ReportrootGetemailactivitycounts`].
#[inline]
pub fn reportroot_getemailactivitycounts(
    period_value: &str,
) -> ReportrootGetemailactivitycounts {
    ReportrootGetemailactivitycounts(
        rt::Request::new(
            "GET",
            format!(
                "/reports/getEmailActivityCounts(period='{}')", rt::literal(period_value)
            ),
        ),
    )
}
impl ReportrootGetemailactivitycounts {
    /// Sets any header.
    #[inline]
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        rt::set_header(&mut self.0.headers, name, value.into());
        self
    }
    /// The request, for a transport to send.
    #[inline]
    pub fn into_request(self) -> rt::Request<(), rt::Content> {
        self.0
    }
}
