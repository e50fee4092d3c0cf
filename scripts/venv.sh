# Sourced by start.sh and test.sh: make .venv with Python 3.10 or newer if it is missing.
VENV="${VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
    PY="${PYTHON:-python3}"
    if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
        echo "Twin Heads needs Python 3.10 or newer; '$PY' is $("$PY" --version 2>&1)." >&2
        echo "Set PYTHON to a newer interpreter, e.g. PYTHON=python3.11." >&2
        exit 1
    fi
    "$PY" -m venv "$VENV"
fi
