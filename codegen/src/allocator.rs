//! The allocator of the CLI and of the benchmark (which includes this file): generation
//! allocates many small strings, which mimalloc makes a quarter cheaper than the system
//! allocator. A build script using the library keeps its own allocator.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` (the same in mimalloc 2 and 3; the Rust bindings do not name it).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed memory for reuse instead of handing it back to the system after 10 ms: one
/// generation frees and allocates again, and each page handed back is zeroed by the kernel
/// when it is faulted in again (a tenth of the run's CPU time).
pub fn keep_freed_memory() {
    // SAFETY: sets a plain integer option; mimalloc reads options at any time.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) };
}
