//! `cargo bench -p graph-docs-codegen --bench pipeline [-- DOCS]`: on the full docs corpus
//! (default `../shared/graph-docs`), the floor (read every page, run pulldown-cmark over it,
//! nothing else) against the whole generation (parse to formatted files written), on one
//! thread and on all cores, with their ratio and the peak memory of the process.

use graph_docs_codegen::{available_versions, emit, scan};

// The allocator of the CLI (`src/main.rs`), so the figures are the CLI's; the floor runs
// with it too.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Best of several runs: the least disturbed by whatever else the machine is doing.
const RUNS: usize = 5;

fn best(mut run: impl FnMut()) -> Duration {
    (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn page_paths(docs: &Path) -> Vec<PathBuf> {
    let versions = available_versions(docs);
    let mut paths = Vec::new();
    for version in versions {
        for folder in ["api", "resources"] {
            let dir = scan::version_dir(docs, version).join(folder);
            for entry in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().flatten() {
                if entry.file_type().is_file() {
                    paths.push(entry.into_path());
                }
            }
        }
    }
    paths
}

fn floor(paths: &[PathBuf]) {
    use rayon::prelude::*;
    let events: usize = paths
        .par_iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            let mut options = pulldown_cmark::Options::empty();
            options.insert(pulldown_cmark::Options::ENABLE_TABLES);
            pulldown_cmark::Parser::new_ext(&text, options).into_offset_iter().count()
        })
        .sum();
    std::hint::black_box(events);
}

fn generate(docs: &Path, out: &Path) {
    let versions = available_versions(docs);
    graph_docs_codegen::generate(docs, &versions, out, &emit::CrateOptions::default(), drop).expect("write");
}

/// Peak resident memory of this process, from the kernel's own accounting.
fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() {
    let docs = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/graph-docs"));
    assert!(docs.join("api-reference").is_dir(), "{}: not a docs root", docs.display());
    let paths = page_paths(&docs);
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench-output");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("docs: {} ({} pages), best of {RUNS} runs", docs.display(), paths.len());
    for threads in [1, cores] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
        let (floor_time, generation_time) = pool.install(|| (best(|| floor(&paths)), best(|| generate(&docs, &out))));
        println!(
            "threads {threads}: floor {:.3} s, generation {:.3} s, ratio {:.2}",
            floor_time.as_secs_f64(),
            generation_time.as_secs_f64(),
            generation_time.as_secs_f64() / floor_time.as_secs_f64()
        );
    }
    if let Some(peak) = peak_memory_mib() {
        println!("peak memory: {peak:.0} MiB");
    }
}
