// The docs list `eq`, `ne`, `NOT` and `in` for `userType`: `startsWith` is not one of them.
use graph_docs_generated::v1_0::endpoints::Graph;
use graph_docs_generated::v1_0::User;

fn main() {
    let _ = Graph::users().list().filter(User::USER_TYPE.starts_with("G"));
}
