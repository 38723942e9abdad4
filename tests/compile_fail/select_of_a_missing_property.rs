// `$select` names the type's own properties: a user has no `nickname`, and a message's
// `subject` is not a user's.
use graph_docs_generated::v1_0::endpoints::Graph;
use graph_docs_generated::v1_0::{Message, User};

fn main() {
    let _ = Graph::users().list().select(User::NICKNAME);
    let _ = Graph::users().list().select((User::ID, Message::SUBJECT));
}
