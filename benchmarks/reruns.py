"""Server time of one rerun of each page after a widget change, and the chart bytes.

Streamlit's AppTest runs a page in-process with the server's own script runner, no
browser. Each timed rerun follows one widget change a user would make; the server
time is measured in the script thread, from the start of the rerun until its last
message is queued (figures serialised). Chart bytes are the serialised size of each
chart element the rerun sends. Run ``python -m benchmarks.reruns [--reruns 50]``.
"""

import argparse
import statistics
import time
from pathlib import Path

from streamlit.runtime.scriptrunner.script_runner import ScriptRunner
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
RUN_TIMES = []  # seconds per rerun, measured in the script thread
CHARTS = ("plotly_chart", "vega_lite_chart")


def _timed(run_script):
    def run(self, rerun_data):
        start = time.perf_counter()
        try:
            return run_script(self, rerun_data)
        finally:
            RUN_TIMES.append(time.perf_counter() - start)

    return run


ScriptRunner._run_script = _timed(ScriptRunner._run_script)


def _training(at, i):
    at.slider(key="train_hidden").set_value(1 + i % 8)


def _weights(at, i):
    at.slider(key="wt_W1_0_0").set_value(round(-2.0 + 0.01 * i, 2))


def _backprop(at, i):
    at.slider(key="bp_decimals").set_value(1 + i % 8)


def _lab(at, i):
    at.button(key="lab_step").click()


# page -> (what the timed rerun follows, the change itself)
PAGES = {
    "training": ("hidden-units slider (redraws the last run)", _training),
    "weights": ("a hidden weight's slider", _weights),
    "backprop": ("decimals slider", _backprop),
    "lab": ("Step button (one more epoch)", _lab),
}


def chart_bytes(at):
    """Serialised bytes of each chart element on the page."""
    return [el.proto.ByteSize() for kind in CHARTS for el in at.get(kind)]


def bench(name, reruns, warmup=5):
    """Server seconds per rerun and the chart bytes of the last rerun."""
    at = AppTest.from_file(str(ROOT / "views" / f"{name}.py"), default_timeout=120)
    at.run()
    change = PAGES[name][1]
    server = []
    for i in range(warmup + reruns):
        change(at, i)
        at.run()
        if at.exception:
            raise RuntimeError(f"{name}: {at.exception[0].value}")
        if i >= warmup:
            server.append(RUN_TIMES[-1])
    return server, chart_bytes(at)


def median_p95(seconds):
    ms = sorted(t * 1e3 for t in seconds)
    return statistics.median(ms), ms[round(0.95 * (len(ms) - 1))]


def measure(reruns=50):
    """Rows of (page, what changed, median ms, p95 ms, chart bytes list)."""
    rows = []
    for name, (what, _) in PAGES.items():
        server, sizes = bench(name, reruns)
        rows.append((name, what, *median_p95(server), sizes))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=50)
    args = parser.parse_args()
    print(f"server time of one rerun, {args.reruns} reruns per page (ms)")
    for name, what, med, p95, sizes in measure(args.reruns):
        print(
            f"{name:<9} median {med:6.1f}  p95 {p95:6.1f}  largest chart "
            f"{max(sizes, default=0):>8,} B  after: {what}"
        )


if __name__ == "__main__":
    main()
