// The build script `graph-docs-codegen verify` adds to its scratch crate. Its builds set
// GRAPH_DOCS_VERIFY, and then the crate's own code (not its dependencies) is compiled with
// `--cfg graph_docs_verify`: open types keep no property aside. Other builds of the crate
// (`cargo clippy` in it) see the crate `generate` writes.
fn main() {
    println!("cargo:rerun-if-env-changed=GRAPH_DOCS_VERIFY");
    if std::env::var_os("GRAPH_DOCS_VERIFY").is_some() {
        println!("cargo:rustc-cfg=graph_docs_verify");
    }
}
