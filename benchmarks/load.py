"""Many browser sessions against one server: errors, response times, memory.

Starts the app on a loopback port, opens ``--sessions`` headless Chromium sessions
and has each one, for ``--seconds``, alternate between moving the hidden-units
slider and pressing Train on the Training page. Each session keeps its own seed;
after every action it checks that its page still shows its own seed and slider
value, so one session's state showing up in another's would count as an error.

Run: ``python -m benchmarks.load --sessions 10 --seconds 60``.
"""

import argparse
import asyncio
import os
import statistics
import time
from pathlib import Path

from playwright.async_api import async_playwright
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tools.browser import CHROMIUM, CHROMIUM_FLAGS, running_app


class FinishedRuns:
    """Counts the server's "script finished" messages on a page's websocket.

    A busy browser may handle a whole run's messages in one go and never show the
    app as running, so the count is read off the wire, not off the page.
    """

    def __init__(self, page):
        self.count = 0
        self.changed = asyncio.Event()
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload):
        if isinstance(payload, str):
            return
        try:
            msg = ForwardMsg.FromString(payload)
        except Exception:  # not every frame is a ForwardMsg; skip what is not
            return
        if msg.WhichOneof("type") == "script_finished":
            self.count += 1
            self.changed.set()

    async def after(self, before, timeout=60.0):
        """Wait until more than ``before`` runs have finished."""

        async def more():
            while self.count <= before:
                self.changed.clear()
                await self.changed.wait()

        await asyncio.wait_for(more(), timeout)


def cpu_seconds(pid):
    """User and system CPU time a process has used, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mib(pid):
    """Resident memory of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def session(browser, url, index, deadline, out):
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    finished = FinishedRuns(page)
    errors, times, actions = [], [], 0
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    try:
        await page.goto(url)
        await finished.after(0, timeout=90)
        seed = str(100 + index)
        sidebar = page.locator("[data-testid='stSidebar']")
        seed_box = sidebar.get_by_label("Seed (weights and batch order)")
        epochs_box = sidebar.get_by_label("Epochs")
        for box, value in ((seed_box, seed), (epochs_box, "200")):
            before = finished.count
            await box.fill(value)
            await box.press("Enter")
            await finished.after(before)
        slider = (
            sidebar.locator("[data-testid='stSlider']")
            .filter(has_text="Hidden units")
            .get_by_role("slider")
        )
        hidden = int(await slider.input_value())
        step = 0
        while time.monotonic() < deadline:
            before = finished.count
            start = time.perf_counter()
            if step % 2 == 0:
                await slider.focus()
                key = "ArrowRight" if hidden < 8 else "ArrowLeft"
                hidden += 1 if key == "ArrowRight" else -1
                await slider.press(key)
            else:
                await sidebar.get_by_role("button", name="Train", exact=True).click()
            await finished.after(before)
            times.append(time.perf_counter() - start)
            actions += 1
            step += 1
            if await page.locator("[data-testid='stException']").count():
                errors.append("an exception was shown")
            if await seed_box.input_value() != seed:
                errors.append(f"session {index} shows another seed")
            if int(await slider.input_value()) != hidden:
                errors.append(f"session {index} shows another hidden-unit count")
    except Exception as exc:  # a load test reports failures; it does not stop
        errors.append(f"{type(exc).__name__}: {exc}")
    out.append({"errors": errors, "times": times, "actions": actions})
    await context.close()


async def main_async(n_sessions, seconds):
    with running_app() as url:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
            )
            # one visit first, so the baseline includes the imports every session uses
            warm = await browser.new_page()
            warm_runs = FinishedRuns(warm)
            await warm.goto(url)
            await warm_runs.after(0, timeout=90)
            await warm.close()
            base = rss_mib(url.pid)
            cpu_before, wall_before = cpu_seconds(url.pid), time.monotonic()
            results = []
            deadline = time.monotonic() + seconds
            await asyncio.gather(
                *(
                    session(browser, url, i, deadline, results)
                    for i in range(n_sessions)
                )
            )
            peak = rss_mib(url.pid)
            cpu = cpu_seconds(url.pid) - cpu_before
            wall = time.monotonic() - wall_before
            await browser.close()
    times = sorted(t for r in results for t in r["times"])
    errors = [e for r in results for e in r["errors"]]
    p95 = times[int(0.95 * (len(times) - 1))] if times else float("nan")
    print(f"sessions               {n_sessions} for {seconds} s, one server")
    print(f"actions                {len(times)} (slider moves and training runs)")
    print(f"errors                 {len(errors)}")
    for e in errors[:10]:
        print(f"  {e}")
    if times:
        print(f"response median        {statistics.median(times) * 1000:.0f} ms")
        print(f"response p95           {p95 * 1000:.0f} ms")
    print(f"server memory          {base:.0f} MiB idle, {peak:.0f} MiB with sessions")
    print(f"memory per session     {(peak - base) / n_sessions:.1f} MiB")
    if times:
        per_action = cpu / len(times)
        print(
            f"server CPU             {cpu:.1f} s in {wall:.0f} s "
            f"({cpu / wall:.2f} cores), {per_action * 1000:.0f} ms per action"
        )
        # a student acts about once every 5 s: what one core keeps up with
        print(
            f"sessions per core      about {5.0 / per_action:.0f} "
            "(at one action every 5 s each)"
        )
    return 1 if errors else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    raise SystemExit(asyncio.run(main_async(args.sessions, args.seconds)))


if __name__ == "__main__":
    main()
