"""Server time of one rerun of the Weights page after a slider move, and bytes sent.

Run: ``.venv/bin/python benchmarks/weights_rerun.py [--reruns 60]``. Streamlit's
AppTest runs the page in-process with the server's own script runner, without a
browser; each timed rerun follows a move of the first hidden weight's slider. The
server time is measured in the script thread, from the start of the rerun to the
last message queued (widgets registered, figures serialised). AppTest reruns the
whole page, while in the browser a slider move reruns only the page's fragment, so
these times are an upper bound on the server's share of a slider move.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from benchmarks.reruns import RUN_TIMES, median_p95  # noqa: E402
from ui.weights_presets import random_weights  # noqa: E402
from ui.weights_url import encode  # noqa: E402

PAGE = str(ROOT / "views" / "weights.py")


def bench(link, n_hidden, reruns, warmup=5):
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params.update(encode(random_weights(1, n_hidden, "tanh", link)))
    at.run()
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    server, wall = [], []
    for i in range(warmup + reruns):
        slider = at.slider(key="wt_W1_0_0").set_value(round(-2.0 + 0.01 * i, 2))
        start = time.perf_counter()
        slider.run()
        if i >= warmup:
            wall.append(time.perf_counter() - start)
            server.append(RUN_TIMES[-1])
        if at.exception:
            raise RuntimeError(at.exception[0].value)
    sizes = [len(chart.proto.spec) for chart in at.get("plotly_chart")]
    return server, wall, sizes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=60)
    args = parser.parse_args()
    if args.reruns < 50:
        parser.error("--reruns must be at least 50 for a 95th percentile")
    print(f"Weights page: {args.reruns} reruns, each after a slider move (ms)")
    print(
        f"{'link mode':<17}{'hidden':>7}{'server median':>15}{'p95':>7}"
        f"{'AppTest median':>16}{'p95':>7}   figure bytes"
    )
    for link in ("softmax-follows", "independent"):
        for n_hidden in (2, 4):
            server, wall, sizes = bench(link, n_hidden, args.reruns)
            s_med, s_p95 = median_p95(server)
            w_med, w_p95 = median_p95(wall)
            detail = " + ".join(f"{s:,}" for s in sizes)
            print(
                f"{link:<17}{n_hidden:>7}{s_med:>15.1f}{s_p95:>7.1f}{w_med:>16.1f}"
                f"{w_p95:>7.1f}   {sum(sizes):,} ({detail})"
            )
    print("figure bytes: Plotly JSON of the boundaries + network + logit plot")


if __name__ == "__main__":
    main()
