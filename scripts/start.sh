#!/usr/bin/env bash
# Set up a virtual environment with the runtime dependencies and start the app.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${PIP_LOCK[@]}" -r requirements.txt
exec "$VENV/bin/python" -m streamlit run app.py "$@"
