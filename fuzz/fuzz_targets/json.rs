//! Any text through the lenient JSON reader (strict, repaired, then JSON5).
#![no_main]

use graph_docs_codegen::parse::json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = json::parse(text);
    }
});
