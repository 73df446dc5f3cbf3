#!/usr/bin/env bash
# Installs what is missing, builds Athar, creates a demo company when there is none, and
# starts the desktop app.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/athar-target}"

bash scripts/install-deps.sh
bash scripts/build-ui.sh
cargo build --release -p athar-desktop -p athar-cli

DEMO_DIR="${ATHAR_DEFAULT_DIR:-$(xdg-user-dir DOCUMENTS 2>/dev/null || echo "$HOME/Documents")/Athar}"
DEMO="$DEMO_DIR/Demo company.athar"
if ! ls "$DEMO_DIR"/*.athar >/dev/null 2>&1; then
    ATHAR_PASSPHRASE="athar-demo-2026" "$CARGO_TARGET_DIR/release/athar" demo --file "$DEMO" --add-recent
    echo "Demo company created: $DEMO (passphrase: athar-demo-2026)"
fi
exec "$CARGO_TARGET_DIR/release/athar-desktop"
