#!/usr/bin/env bash
# Set up everything the tests need, then run the linters and every test.
# Fails when a check fails or when no test ran (pytest exits 5 then).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${PIP_LOCK[@]}" -r requirements-dev.txt

# the browser tests drive Debian's Chromium; Playwright downloads no browser
CHROMIUM="${TWIN_HEADS_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ] && command -v apt-get >/dev/null; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
"$VENV/bin/python" -m pytest "$@"
