// `assignLicense` takes its parameters, not a user.
use graph_docs_generated::v1_0::endpoints::Graph;
use graph_docs_generated::v1_0::User;

fn main() {
    let _ = Graph::users().item("ada").assign_license().post(User::default());
}
