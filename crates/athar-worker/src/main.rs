//! `athar-worker`: runs OCR and language-model jobs for the application in a process of its
//! own. Jobs arrive as JSON lines on stdin, events leave as JSON lines on stdout (see
//! `athar_worker::protocol`). The application starts it; it is not meant to be run by hand.

fn main() {
    std::process::exit(athar_worker::serve_stdio());
}
