//! Keeping the protocol channel clean: llama.cpp, ggml and Tesseract may print to stdout, which
//! would corrupt the JSON lines the application reads. On Unix the worker moves its real
//! stdout to a new descriptor for the protocol and points descriptor 1 at stderr, so anything
//! a native library prints ends up in the application's stderr log instead.

use std::io::Write;

/// The writer for protocol lines.
pub fn protocol_output() -> Box<dyn Write> {
    #[cfg(unix)]
    {
        use std::os::fd::FromRawFd;
        // SAFETY: dup and dup2 on the process's own standard descriptors; the new descriptor
        // is owned by the returned File and nothing else closes it.
        unsafe {
            let protocol = libc::dup(libc::STDOUT_FILENO);
            if protocol >= 0 && libc::dup2(libc::STDERR_FILENO, libc::STDOUT_FILENO) >= 0 {
                return Box::new(std::fs::File::from_raw_fd(protocol));
            }
        }
    }
    Box::new(std::io::stdout())
}
