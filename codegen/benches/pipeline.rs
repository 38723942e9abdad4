//! `cargo bench -p graph-docs-codegen --bench pipeline [-- DOCS]`: on the full docs corpus
//! (default `../shared/graph-docs`), the floor (read every page, run pulldown-cmark over it,
//! nothing else) against the whole generation (parse to formatted files written), on one
//! thread and on all cores, with their ratio, where the time goes (each stage timed on its
//! own), and the peak memory of the process.
//!
//! `-- --repeat N` only generates, N times on the threads `RAYON_NUM_THREADS` gives, and
//! prints each time: a steady run to profile (`perf record -g target/release/deps/pipeline-…`).

use graph_docs_codegen::{available_versions, emit, load_scanned, scan, snapshot, write, Builder};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

// The allocator of the CLI, so the figures are the CLI's; the floor runs with it too.
#[path = "../src/allocator.rs"]
mod allocator;

/// Best of several runs: the least disturbed by whatever else the machine is doing.
const RUNS: usize = 5;

/// The least of several timings, each taken by `run`.
fn best_of(run: impl FnMut(usize) -> Duration) -> Duration {
    (0..RUNS).map(run).min().unwrap_or_default()
}

fn best(mut run: impl FnMut()) -> Duration {
    best_of(|_| {
        let start = Instant::now();
        run();
        start.elapsed()
    })
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

/// What `generate` does: the whole crate written to `out`, which is removed first (not
/// timed) so that every file is written.
fn generate(docs: &Path, out: &Path) -> Duration {
    let _ = std::fs::remove_dir_all(out);
    let start = Instant::now();
    Builder::new(docs).cargo_directives(false).write_crate(out).expect("generate");
    start.elapsed()
}

/// The stages of a generation timed one by one: scan (list and read the pages), load
/// (parse, model and resolve the scanned pages), emit (write every file of the crate), lock
/// (hash the docs files and write the lock's text); then reading the lock back, which
/// `diff --old LOCK` does instead of scan and load.
fn stages(docs: &Path, out: &Path) -> [(&'static str, Duration); 5] {
    use rayon::prelude::*;
    let versions = available_versions(docs);
    let scan_time = best(|| {
        for version in &versions {
            std::hint::black_box(scan::scan_version(docs, version));
        }
    });
    let mut models = Vec::new();
    let load_time = best_of(|_| {
        let scans: Vec<_> = versions.iter().map(|v| scan::scan_version(docs, v)).collect();
        let start = Instant::now();
        models = scans.into_iter().zip(&versions).map(|(s, v)| load_scanned(s, v).model).collect();
        start.elapsed()
    });
    let emit_time = best_of(|_| {
        let _ = std::fs::remove_dir_all(out);
        let start = Instant::now();
        let staging = write::Staging::new(out).expect("staging folder");
        let sink = |file: emit::GeneratedFile| staging.write(&file);
        let emitter = emit::CrateEmitter::new(&emit::CrateOptions::default());
        let written = models.par_iter().map(|model| emitter.version(model, &sink).expect("write")).collect();
        emitter.finish(written, &sink).expect("write");
        staging.commit().expect("write");
        start.elapsed()
    });
    let read: Vec<scan::ReadFile> = versions.iter().flat_map(|v| scan::scan_version(docs, v).read).collect();
    let selection = emit::areas::Selection::default();
    let mut lock = String::new();
    let lock_time = best(|| {
        let docs_sha256 = snapshot::docs_sha256(docs, &read);
        let info =
            snapshot::LockInfo { crate_version: Some("0.1.0"), docs_sha256: &docs_sha256, selection: &selection };
        lock = snapshot::lock_json(&info, &models).expect("lock");
    });
    let lock_file = out.with_extension("lock.json");
    std::fs::write(&lock_file, &lock).expect("write the lock");
    let read_time = best(|| {
        std::hint::black_box(snapshot::read(&lock_file).expect("read the lock"));
    });
    [("scan", scan_time), ("load", load_time), ("emit", emit_time), ("lock", lock_time), ("lock read", read_time)]
}

/// Peak resident memory of this process, from the kernel's own accounting.
fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() {
    allocator::keep_freed_memory();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let repeat = args
        .iter()
        .position(|a| a == "--repeat")
        .map(|i| args.get(i + 1).and_then(|n| n.parse::<usize>().ok()).expect("--repeat takes a number of runs"));
    let docs = args
        .iter()
        .enumerate()
        .find(|&(i, a)| !a.starts_with('-') && (i == 0 || args[i - 1] != "--repeat"))
        .map(|(_, a)| PathBuf::from(a))
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/graph-docs"));
    assert!(docs.join("api-reference").is_dir(), "{}: not a docs root", docs.display());
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench-output");
    if let Some(runs) = repeat {
        for _ in 0..runs {
            println!("generation {:.3} s", generate(&docs, &out).as_secs_f64());
        }
        return;
    }
    let paths = page_paths(&docs);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("docs: {} ({} pages), best of {RUNS} runs", docs.display(), paths.len());
    let pools: Vec<(usize, rayon::ThreadPool)> = [1, cores]
        .into_iter()
        .map(|threads| (threads, rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool")))
        .collect();
    for (threads, pool) in &pools {
        let (floor_time, generation_time) =
            pool.install(|| (best(|| floor(&paths)), best_of(|_| generate(&docs, &out))));
        println!(
            "threads {threads}: floor {:.3} s, generation {:.3} s, ratio {:.2}",
            floor_time.as_secs_f64(),
            generation_time.as_secs_f64(),
            generation_time.as_secs_f64() / floor_time.as_secs_f64()
        );
    }
    // Before the stages, which hold both versions' models at once.
    if let Some(peak) = peak_memory_mib() {
        println!("peak memory of a generation: {peak:.0} MiB");
    }
    for (threads, pool) in &pools {
        let stages = pool.install(|| stages(&docs, &out));
        let stages: Vec<String> = stages.iter().map(|(name, t)| format!("{name} {:.3} s", t.as_secs_f64())).collect();
        println!("threads {threads}, each stage on its own: {}", stages.join(", "));
    }
}
