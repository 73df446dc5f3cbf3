// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

// The engine builds and drops large graphs of small allocations (an inventory of 100,000
// rows is ~125,000 result nodes); mimalloc does that markedly faster than the system
// allocators (docs/decisions/005-mimalloc.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // WebKitGTK's DMA-BUF renderer falls back to costly software buffers on many machines
    // (virtual machines, Xvfb, some GPU drivers); without it the idle app uses ~100 MB less
    // (docs/benchmarks.md). Set before WebKit starts; a user's own setting wins.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
    athar_desktop::run();
}
