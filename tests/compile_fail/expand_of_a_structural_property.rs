// `$expand` takes navigation properties: `displayName` is a structural one.
use graph_docs_generated::v1_0::endpoints::Graph;
use graph_docs_generated::v1_0::User;

fn main() {
    let _ = Graph::users().item("ada").get().expand(User::DISPLAY_NAME);
}
