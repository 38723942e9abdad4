// A key step takes an id, or an item of its own type: a group's key is no user's.
use graph_docs_generated::v1_0::endpoints::Graph;
use graph_docs_generated::v1_0::{Group, User};

fn main() {
    let (user, group) = (User::default(), Group::default());
    let _ = Graph::users().item(&user);
    let _ = Graph::users().item(&group);
}
