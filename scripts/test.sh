#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: formatting, clippy (native and
# wasm), unit and workflow tests, and the end-to-end tests of the real desktop app under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/athar-target}"
export CARGO_TERM_COLOR=never
# The debug build only serves the tests; keep it small.
export CARGO_INCREMENTAL=0

step() { echo; echo "== $* ($(date +%H:%M:%S))"; }

step "dependencies"
bash scripts/install-deps.sh --with-test-tools

step "format"
cargo fmt --all -- --check

step "UI (wasm)"
bash scripts/build-ui.sh

step "clippy"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy -p athar-ui --target wasm32-unknown-unknown --locked -- -D warnings

step "unit and workflow tests"
cargo test --locked

step "desktop app build"
cargo build -p athar-desktop -p athar-cli --locked

step "end-to-end tests (tauri-driver + WebKitWebDriver under Xvfb)"
export ATHAR_APP="$CARGO_TARGET_DIR/debug/athar-desktop"
export ATHAR_CLI="$CARGO_TARGET_DIR/debug/athar"
xvfb-run -a -s "-screen 0 1280x900x24" python3 -m pytest -q tests/e2e "$@"
