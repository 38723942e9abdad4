// `assignLicense` is an action of one user, not of the users collection.
use graph_docs_generated::v1_0::endpoints::Graph;

fn main() {
    let _ = Graph::users().assign_license();
}
