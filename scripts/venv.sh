# Sourced by start.sh and test.sh: make .venv with Python 3.10 or newer if it is
# missing, and set PIP_LOCK to the pinned versions where they apply.
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
# the pinned versions need Python 3.11 (pandas 3, numpy 2.4); 3.10 takes the ranges
PIP_LOCK=()
if "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    PIP_LOCK=(-c requirements-lock.txt)
fi
