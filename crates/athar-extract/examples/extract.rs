//! Prints the extraction of one file as JSON, without OCR or model: the deterministic part
//! only. `cargo run -p athar-extract --example extract -- FILE`
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: extract FILE");
        std::process::exit(2);
    };
    let options = athar_extract::Options::default();
    match athar_extract::extract_file(
        std::path::Path::new(&path),
        &options,
        athar_extract::Engines::default(),
    ) {
        Ok(x) => println!("{}", serde_json::to_string_pretty(&x).unwrap_or_default()),
        Err(e) => {
            eprintln!("{}: {e} ({})", e.key(), path);
            std::process::exit(1);
        }
    }
}
