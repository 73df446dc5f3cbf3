#!/usr/bin/env bash
# Builds the Leptos UI to ui/dist with cargo and wasm-bindgen-cli directly (no trunk, no
# wasm-opt download). The Tauri shell embeds ui/dist at compile time.
set -euo pipefail
cd "$(dirname "$0")/.."
PROFILE="${ATHAR_UI_PROFILE:-wasm-release}"
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build -p athar-ui --target wasm32-unknown-unknown --profile "$PROFILE"
rm -rf ui/dist.tmp && mkdir -p ui/dist.tmp
wasm-bindgen --target web --no-typescript --out-dir ui/dist.tmp --out-name athar_ui \
    "$TARGET_DIR/wasm32-unknown-unknown/$PROFILE/athar_ui.wasm"
cp ui/index.html ui/style.css ui/dist.tmp/
if [ -d ui/assets ]; then cp -r ui/assets ui/dist.tmp/; fi
rm -rf ui/dist && mv ui/dist.tmp ui/dist
echo "ui/dist ready ($(du -sh ui/dist | cut -f1))"
