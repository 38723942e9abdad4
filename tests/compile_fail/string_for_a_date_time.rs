// A date-time is compared with a date-time value, not with text (it is written unquoted).
use graph_docs_generated::v1_0::endpoints::Graph;
use graph_docs_generated::v1_0::User;

fn main() {
    let _ = Graph::users().list().filter(User::CREATED_DATE_TIME.ge("2021-01-01T00:00:00Z"));
}
