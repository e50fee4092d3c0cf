"""How often the Lab's live charts update in headless Chromium while the nets train.

Starts the app on a loopback port, opens the Lab at its default sizes (circle, 300
points, 4 hidden units, batch 10, 5 epochs per update), presses Play and, for ten
seconds, counts in the page how often the epoch counter changes and how often the
boundary chart's drawing changes. Prints both per second, and the load average,
since other work on the machine slows the browser. Run it with
``python -m benchmarks.live_updates``.
"""

import os

from playwright.sync_api import sync_playwright

from tools.browser import launch_chromium, running_app, wait_for_app

SECONDS = 10
COUNT = """(ms) => new Promise(resolve => {
  const t0 = performance.now();
  const epochs = new Set();
  let last = null, redraws = 0, frames = 0;
  function tick() {
    frames++;
    const m = document.querySelector("[data-testid='stMetricValue']");
    if (m) epochs.add(m.textContent);
    const svg = document.querySelector("[data-testid='stVegaLiteChart'] svg");
    if (svg) {
      const d = svg.innerHTML;
      let h = d.length;
      for (let i = 0; i < d.length; i += 37) {
        h = (h * 31 + d.charCodeAt(i)) % 1000000007;
      }
      if (h !== last) { redraws++; last = h; }
    }
    if (performance.now() - t0 < ms) requestAnimationFrame(tick);
    else resolve({epochs: epochs.size, redraws: redraws, frames: frames});
  }
  tick();
})"""


def main():
    with running_app() as url, sync_playwright() as pw:
        browser = launch_chromium(pw)
        page = browser.new_page(viewport={"width": 1500, "height": 1300})
        page.goto(url)
        wait_for_app(page)
        page.goto(f"{url}/lab")
        wait_for_app(page)
        page.wait_for_selector("[data-testid='stVegaLiteChart'] svg", timeout=60_000)
        page.get_by_role("button", name="Play").click()
        page.wait_for_timeout(2000)
        load = os.getloadavg()[0]
        seen = page.evaluate(COUNT, SECONDS * 1000)
        browser.close()
    print("Lab, default sizes, playing; counted in headless Chromium for 10 s")
    print(f"epoch counter updates  {seen['epochs'] / SECONDS:5.1f} per second")
    print(f"boundary chart redraws {seen['redraws'] / SECONDS:5.1f} per second")
    print(f"browser frames         {seen['frames'] / SECONDS:5.1f} per second")
    print(f"load average at start  {load:5.2f} (on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
