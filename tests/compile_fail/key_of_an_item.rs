// A user is an item, not a collection: it has no key step.
use graph_docs_generated::v1_0::endpoints::Graph;

fn main() {
    let _ = Graph::users().item("ada").item("grace");
}
