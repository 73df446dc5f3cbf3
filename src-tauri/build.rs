fn main() {
    if !std::path::Path::new("../ui/dist/index.html").exists() {
        panic!("ui/dist is missing: run scripts/build-ui.sh before building the desktop app");
    }
    println!("cargo:rerun-if-changed=../ui/dist");
    tauri_build::build()
}
