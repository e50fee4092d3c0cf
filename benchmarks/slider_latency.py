"""In the browser: the time from a slider move to the redrawn chart.

Starts the app on a loopback port, opens the Weights page on its XOR preset (two
ReLU units, whose boundaries cross the plane) in headless Chromium, and moves the
first hidden weight's slider one step at a time with the keyboard, alternating right
and left. For each move it times, in the page, from the key press until the boundary
chart's first contour line is drawn differently.

Run ``python -m benchmarks.slider_latency [--moves 40]``.
"""

import argparse
import statistics
import urllib.parse

from playwright.sync_api import sync_playwright

from tools.browser import count_runs, launch_chromium, running_app, wait_for_app
from ui.weights_presets import xor_relu
from ui.weights_url import encode

SLIDER = ".st-key-wt_W1_0_0 input[type='range']"
# resolves with the milliseconds until the first contour path's shape changes
TIME_REDRAW = """(key) => new Promise((resolve) => {
  const first = () => document.querySelector('.js-plotly-plot .contour path');
  const before = first() && first().getAttribute('d');
  const slider = document.querySelector(arguments_slider);
  const t0 = performance.now();
  const check = () => {
    const p = first();
    if (p && p.getAttribute('d') !== before) resolve(performance.now() - t0);
    else if (performance.now() - t0 > 20000) resolve(null);
    else requestAnimationFrame(check);
  };
  slider.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));
  slider.dispatchEvent(new KeyboardEvent('keyup', {key, bubbles: true}));
  requestAnimationFrame(check);
})""".replace("arguments_slider", repr(SLIDER))


def measure(moves=40):
    """Milliseconds from each slider move to the redrawn boundary."""
    query = urllib.parse.urlencode(encode(xor_relu()), doseq=True)
    times = []
    with running_app() as url, sync_playwright() as pw:
        browser = launch_chromium(pw)
        page = browser.new_page(viewport={"width": 1500, "height": 1100})
        count_runs(page)
        page.goto(f"{url}/weights?{query}")
        wait_for_app(page)
        page.wait_for_selector(".js-plotly-plot .contour path", state="attached")
        page.locator(SLIDER).focus()
        for i in range(moves + 3):
            ms = page.evaluate(TIME_REDRAW, "ArrowRight" if i % 2 == 0 else "ArrowLeft")
            wait_for_app(page)
            if i >= 3 and ms is not None:  # the first moves warm the page up
                times.append(ms)
        browser.close()
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=40)
    args = parser.parse_args()
    times = sorted(measure(args.moves))
    p95 = times[round(0.95 * (len(times) - 1))]
    print(
        f"slider move to redrawn chart, Weights page, {len(times)} moves: "
        f"median {statistics.median(times):.0f} ms, p95 {p95:.0f} ms"
    )


if __name__ == "__main__":
    main()
