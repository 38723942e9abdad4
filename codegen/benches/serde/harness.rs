//! The serde benchmark's harness (`cargo bench -p graph-docs-codegen --bench serde` writes
//! it out with the generated crate and the derive structs, `mirror.rs`, and runs it).
//! Argument: the sample items of each page, as JSON.

mod mirror;

use graph_docs_generated::runtime::Page;
use graph_docs_generated::v1_0 as g;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

/// Counts the bytes allocated and their peak, to tell what a page holds.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const ITEMS: usize = 10_000;
const RUNS: usize = 11;

/// A page of derive structs.
#[derive(Deserialize, Serialize)]
struct DerivePage<T> {
    value: Vec<T>,
    #[serde(rename = "@odata.nextLink", default, skip_serializing_if = "Option::is_none")]
    next_link: Option<String>,
}

/// A directory member as serde's internally tagged enum reads it.
#[derive(Deserialize, Serialize)]
#[serde(tag = "@odata.type")]
enum Member {
    #[serde(rename = "#microsoft.graph.user")]
    User(mirror::USER),
    #[serde(rename = "#microsoft.graph.group")]
    Group(mirror::GROUP),
}

/// One way of reading (and writing) a page.
struct Reader {
    name: &'static str,
    read: fn(&str) -> Result<Box<dyn std::any::Any>, String>,
    write: Option<fn(&dyn std::any::Any) -> String>,
}

fn reader<T: DeserializeOwned + Serialize + 'static>(name: &'static str) -> Reader {
    Reader {
        name,
        read: |text| serde_json::from_str::<T>(text).map(|v| Box::new(v) as Box<dyn std::any::Any>).map_err(|e| e.to_string()),
        write: Some(|value| serde_json::to_string(value.downcast_ref::<T>().expect("the type read")).expect("written")),
    }
}

fn parse_only() -> Reader {
    Reader {
        name: "IgnoredAny",
        read: |text| serde_json::from_str::<IgnoredAny>(text).map(|v| Box::new(v) as _).map_err(|e| e.to_string()),
        write: None,
    }
}

/// The samples that every reader of the page reads, as items of a page.
fn readable(items: &[Value], readers: &[Reader]) -> Vec<Value> {
    items
        .iter()
        .filter(|item| {
            let page = serde_json::json!({ "value": [item] }).to_string();
            readers.iter().all(|r| (r.read)(&page).is_ok())
        })
        .cloned()
        .collect()
}

/// `ITEMS` items made from the samples, each with an id of its own.
fn page_text(samples: &[Value]) -> String {
    let items: Vec<Value> = (0..ITEMS)
        .map(|n| {
            let mut item = samples[n % samples.len()].clone();
            if let Some(Value::String(id)) = item.get_mut("id") {
                id.push_str(&format!("-{n}"));
            }
            item
        })
        .collect();
    serde_json::json!({ "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#bench", "value": items }).to_string()
}

fn best(times: &[Duration]) -> Duration {
    times.iter().copied().min().unwrap_or_default()
}

fn mb_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / time.as_secs_f64() / 1e6
}

fn main() {
    let path = std::env::args().nth(1).expect("the samples file");
    let samples: BTreeMap<String, Vec<Value>> =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the samples")).expect("samples as JSON");
    let pages: Vec<(&str, Vec<Reader>)> = vec![
        ("users", vec![reader::<Page<g::User>>("generated"), reader::<DerivePage<mirror::USER>>("derive")]),
        (
            "messages",
            vec![
                reader::<Page<g::AnyMessage>>("generated"),
                reader::<Page<g::Message>>("generated, no Any"),
                reader::<DerivePage<mirror::MESSAGE>>("derive"),
            ],
        ),
        ("members", vec![reader::<Page<g::AnyDirectoryObject>>("generated"), reader::<DerivePage<Member>>("derive")]),
        ("events", vec![reader::<Page<g::Event>>("generated"), reader::<DerivePage<mirror::EVENT>>("derive")]),
        (
            "driveItems",
            vec![reader::<Page<g::DriveItem>>("generated"), reader::<DerivePage<mirror::DRIVEITEM>>("derive")],
        ),
    ];
    println!("Each page: {ITEMS} items made from the docs' example items; best of {RUNS} runs, readers alternating.\n");
    println!("| page | op | generated | derive | Value | IgnoredAny | other | generated/derive time |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for (page, mut readers) in pages {
        let usable = readable(samples.get(page).map(Vec::as_slice).unwrap_or_default(), &readers);
        let total = samples.get(page).map_or(0, Vec::len);
        if usable.is_empty() {
            println!("| {page} | none of the {total} samples reads with every reader | | | | | | |");
            continue;
        }
        readers.push(reader::<Value>("Value"));
        readers.push(parse_only());
        let text = page_text(&usable);
        let mut read_times = vec![Vec::new(); readers.len()];
        let mut write_times = vec![Vec::new(); readers.len()];
        let mut written = vec![0; readers.len()];
        for _ in 0..RUNS {
            for (r, reader) in readers.iter().enumerate() {
                let start = Instant::now();
                let value = (reader.read)(&text).expect("a page that read in parts reads whole");
                read_times[r].push(start.elapsed());
                if let Some(write) = reader.write {
                    let start = Instant::now();
                    written[r] = write(&*value).len();
                    write_times[r].push(start.elapsed());
                }
            }
        }
        let find = |name: &str| readers.iter().position(|r| r.name == name);
        let row = |op: &str, times: &[Vec<Duration>], bytes: &dyn Fn(usize) -> usize| {
            let cell = |r: Option<usize>| match r {
                Some(r) if !times[r].is_empty() => format!("{:.0} MB/s", mb_s(bytes(r), best(&times[r]))),
                _ => "–".to_string(),
            };
            let other = find("generated, no Any").map_or("–".to_string(), |r| format!("{} (no Any)", cell(Some(r))));
            let (g, d) = (find("generated").unwrap(), find("derive").unwrap());
            let ratio = best(&times[g]).as_secs_f64() / best(&times[d]).as_secs_f64();
            println!(
                "| {page} | {op} | {} | {} | {} | {} | {other} | {ratio:.2} |",
                cell(Some(g)),
                cell(Some(d)),
                cell(find("Value")),
                cell(find("IgnoredAny"))
            );
        };
        println!("<!-- {page}: {} of {total} samples, {} bytes -->", usable.len(), text.len());
        row("read", &read_times, &|_| text.len());
        row("write", &write_times, &|r| written[r]);
    }
    memory(&samples["users"]);
}

/// What 10,000 users take once read (bytes allocated and held by the page) and at the peak
/// of reading, for the generated type, the derive struct and `Value`.
fn memory(samples: &[Value]) {
    let readers = [reader::<Page<g::User>>("generated"), reader::<DerivePage<mirror::USER>>("derive"), reader::<Value>("Value")];
    let text = page_text(&readable(samples, &readers));
    println!("\n10,000 users ({} bytes of JSON); struct size: generated {} bytes, derive {} bytes", text.len(), std::mem::size_of::<g::User>(), std::mem::size_of::<mirror::USER>());
    println!("\n| reader | held | peak while reading | held / derive's |");
    println!("|---|---:|---:|---:|");
    let mut held = Vec::new();
    for reader in &readers {
        let before = LIVE.load(Relaxed);
        PEAK.store(before, Relaxed);
        let value = (reader.read)(&text).expect("users read");
        held.push((LIVE.load(Relaxed) - before, PEAK.load(Relaxed) - before));
        drop(value);
    }
    for (reader, (kept, peak)) in readers.iter().zip(&held) {
        let ratio = *kept as f64 / held[1].0 as f64;
        println!("| {} | {:.1} MB | {:.1} MB | {ratio:.2} |", reader.name, *kept as f64 / 1e6, *peak as f64 / 1e6);
    }
}
