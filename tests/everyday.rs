//! A user's everyday program (`tests/everyday/main.rs`) against the crate generated from
//! the whole shared corpus: it must build with warnings denied, clippy-clean, and run,
//! checking the requests it builds.

use graph_docs_tests::{cargo_in, corpus_crate, run_cargo, workspace_lock, workspace_root};

#[test]
fn everyday_requests_build_and_read_as_graph_expects() {
    let (crate_dir, target) = corpus_crate();
    let app = workspace_root().join("target/everyday");
    std::fs::create_dir_all(app.join("src")).expect("create the program's folder");
    let manifest = format!(
        "[package]\nname = \"everyday\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nserde_json = \"1\"\ngraph-docs-generated = {{ path = {:?}, default-features = false, features = [\"v1_0-users\", \"v1_0-me\"] }}\n",
        crate_dir.display().to_string()
    );
    let source = std::fs::read_to_string(workspace_root().join("tests/everyday/main.rs")).expect("read the program");
    for (file, contents) in [("Cargo.toml", manifest), ("src/main.rs", source), ("Cargo.lock", workspace_lock())] {
        let path = app.join(file);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(contents.as_str()) {
            std::fs::write(&path, contents).expect("write the program");
        }
    }
    let output = run_cargo(cargo_in(&app, &target).args(["run", "--quiet"]).env("RUSTFLAGS", "-D warnings"));
    assert!(String::from_utf8_lossy(&output.stdout).contains("everyday requests: ok"));
    run_cargo(
        cargo_in(&app, &target).args(["clippy", "--quiet", "--", "-D", "warnings"]).env("RUSTFLAGS", "-D warnings"),
    );
}
