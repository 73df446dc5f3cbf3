#!/usr/bin/env bash
# Regenerates the README screenshots (docs/screenshots/*.png) by running the end-to-end test
# against the real desktop app under Xvfb, which saves them as it goes; the README's are kept.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/athar-target}"
bash scripts/install-deps.sh --with-test-tools
bash scripts/build-ui.sh
cargo build -p athar-desktop -p athar-cli
export ATHAR_APP="$CARGO_TARGET_DIR/debug/athar-desktop"
export ATHAR_CLI="$CARGO_TARGET_DIR/debug/athar"
# The tests save many more screens than the README shows; keep only those it links to.
export ATHAR_SCREENSHOT_DIR="$(mktemp -d)"
xvfb-run -a -s "-screen 0 1280x900x24" python3 -m pytest -q tests/e2e
for png in $(grep -o 'docs/screenshots/[a-z0-9-]*\.png' README.md | sort -u); do
    cp "$ATHAR_SCREENSHOT_DIR/$(basename "$png")" "$png"
done
rm -rf "$ATHAR_SCREENSHOT_DIR"
ls -l docs/screenshots
