//! The build-script API as a user meets it: a throwaway crate under `target/` whose
//! build.rs runs `Builder` on a copy of docs-src's v1.0 pages (one area, into `OUT_DIR`)
//! and whose library `include!`s the result. A build with nothing changed must not rerun
//! the build script; editing, adding or removing a page must, and the output follows. The
//! lock file is written beside the module.

use graph_docs_codegen::emit;
use graph_docs_tests::{cargo_in, copy_tree, docs_src, run_cargo, workspace_lock, workspace_root};
use std::path::{Path, PathBuf};
use std::time::Duration;

const BUILD_RS: &str = r#"fn main() {
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    graph_docs_codegen::Builder::new("docs").version("v1.0").area("users").write_module(&out.join("graph.rs")).unwrap();
    // One line per run, naming the output folder, for the test to count and read.
    use std::io::Write;
    let mut runs = std::fs::OpenOptions::new().create(true).append(true).open("runs.txt").unwrap();
    writeln!(runs, "{}", out.display()).unwrap();
}
"#;

const LIB_RS: &str = r#"include!(concat!(env!("OUT_DIR"), "/graph.rs"));

/// Generated code used from the including crate.
pub fn user_url(id: &str) -> String {
    v1_0::endpoints::Graph::users().item(id).get().into_request().url("https://graph.microsoft.com/v1.0")
}
"#;

struct Throwaway {
    dir: PathBuf,
    target: PathBuf,
}

impl Throwaway {
    /// The crate and its docs, written anew; the target folder is kept between runs.
    fn new() -> Self {
        let root = workspace_root().join("target/build-script");
        let dir = root.join("crate");
        if dir.exists() {
            std::fs::remove_dir_all(&dir).expect("remove the previous crate");
        }
        copy_tree(&docs_src().join("api-reference/v1.0"), &dir.join("docs/api-reference/v1.0"));
        let codegen = workspace_root().join("codegen");
        let manifest = format!(
            "[package]\nname = \"graph-build-script\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n\
             # Not a member of the repository's workspace.\n[workspace]\n\n\
             [dependencies]\n{}\n[build-dependencies]\ngraph-docs-codegen = {{ path = {:?}, default-features = false }}\n",
            emit::RUNTIME_DEPENDENCIES,
            codegen.display().to_string()
        );
        for (path, text) in [
            ("Cargo.toml", manifest.as_str()),
            ("Cargo.lock", &workspace_lock()),
            ("build.rs", BUILD_RS),
            ("src/lib.rs", LIB_RS),
        ] {
            write(&dir.join(path), text);
        }
        Throwaway { dir, target: root.join("target") }
    }

    fn build(&self) {
        run_cargo(cargo_in(&self.dir, &self.target).args(["build", "--quiet"]).env("RUSTFLAGS", "-D warnings"));
    }

    /// The output folder of each build-script run so far.
    fn runs(&self) -> Vec<String> {
        let text = std::fs::read_to_string(self.dir.join("runs.txt")).unwrap_or_default();
        text.lines().map(str::to_string).collect()
    }

    fn output(&self) -> String {
        let runs = self.runs();
        let out = runs.last().expect("the build script ran");
        std::fs::read_to_string(Path::new(out).join("graph.rs")).expect("read the generated module")
    }

    fn page(&self, rel: &str) -> PathBuf {
        self.dir.join("docs/api-reference/v1.0").join(rel)
    }
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("create folder");
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// File times may be as coarse as a second: a change must come in a later second than the
/// build before it to be seen.
fn next_second() {
    std::thread::sleep(Duration::from_millis(1100));
}

#[test]
fn the_build_script_reruns_only_when_the_docs_change() {
    let krate = Throwaway::new();
    krate.build();
    assert_eq!(krate.runs().len(), 1, "a new crate runs its build script");
    let first = krate.output();
    assert!(first.contains("pub struct Users("), "the users area is generated");
    assert!(!first.contains("pub struct CallRecord "), "other areas' types are left out");
    let runs = krate.runs();
    let lock =
        std::fs::read_to_string(Path::new(&runs[0]).join("graph.lock.json")).expect("the lock beside the module");
    assert!(
        lock.starts_with("{\"lock_format\":1,") && !lock.contains("\"crate_version\""),
        "{:?}",
        lock.lines().next()
    );
    assert!(lock.contains(r#""selection":{"areas":["users"],"paths":[]}"#), "{:?}", lock.lines().next());

    krate.build();
    assert_eq!(krate.runs().len(), 1, "nothing changed: the build script must not run");

    next_second();
    let user = krate.page("resources/user.md");
    let text = std::fs::read_to_string(&user).expect("read user.md");
    let edited = text.replacen("|businessPhones|String collection|", "|businessPhones|String collection|Edited. ", 1);
    assert_ne!(edited, text, "the page has the row the test edits");
    write(&user, &edited);
    krate.build();
    assert_eq!(krate.runs().len(), 2, "an edited page reruns the build script");
    assert!(krate.output().contains("Edited. "), "the output has the edit");

    next_second();
    // A page of a request the docs did not have: `user-delete.md` as an action `retire`.
    let added = krate.page("api/user-retire.md");
    let delete = std::fs::read_to_string(krate.page("api/user-delete.md")).expect("read user-delete.md");
    let retire = delete.replace("DELETE /users/{id}", "POST /users/{id}/retire").replace("DELETE https", "POST https");
    assert_ne!(retire, delete, "the page has the request line the test edits");
    write(&added, &retire);
    krate.build();
    assert_eq!(krate.runs().len(), 3, "an added page reruns the build script");
    assert!(krate.output().contains("pub fn retire("), "the output has the added page's request");

    krate.build();
    assert_eq!(krate.runs().len(), 3, "nothing changed: the build script must not run");

    next_second();
    std::fs::remove_file(&added).expect("remove the added page");
    krate.build();
    assert_eq!(krate.runs().len(), 4, "a removed page reruns the build script");
    assert!(!krate.output().contains("pub fn retire("), "the request is gone");

    // The included module is the crate's own code: clippy reads it, warnings denied.
    let clippy = ["clippy", "--quiet", "--", "-D", "warnings"];
    run_cargo(cargo_in(&krate.dir, &krate.target).args(clippy).env("RUSTFLAGS", "-D warnings"));
}
