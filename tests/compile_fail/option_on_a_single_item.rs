// `$top` chooses items of a collection: a request for one user has no `top`.
use graph_docs_generated::v1_0::endpoints::Graph;

fn main() {
    let _ = Graph::users().item("ada").get().top(5);
}
