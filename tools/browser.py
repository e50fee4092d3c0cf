"""Start the app on a free loopback port and drive it in headless Chromium.

Used by the browser tests, the screenshot script and the benchmarks. Chromium is
Debian's (``/usr/bin/chromium``); Playwright drives it and downloads no browser.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("TWIN_HEADS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppURL(str):
    """The app's base URL, which also knows the server's process id."""

    pid: int


@contextlib.contextmanager
def running_app(timeout=60.0):
    """Run ``streamlit run app.py`` on a free loopback port; yield its base URL.

    The URL is an ``AppURL``: ``url.pid`` is the server's process id.
    """
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "app.py"),
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    url = AppURL(f"http://127.0.0.1:{port}")
    url.pid = proc.pid
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early:\n{proc.stdout.read()}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not answer on {url} in {timeout} s")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def launch_chromium(playwright):
    """Debian's Chromium, headless, with no network beyond what the page asks."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(
            f"Chromium was not found at {CHROMIUM}; install it with "
            "'apt-get install -y chromium' or set TWIN_HEADS_CHROMIUM"
        )
    return playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
    )


# counts the app's finished script runs, so a test can wait for the run its own
# action started (Streamlit marks the app root with its script state)
RUN_COUNTER = """
(() => {
  window.__twinRuns = 0;
  // records arrive in batches: a quick run can be running and done within one, so
  // each record's old value is read, not only the attribute as it is now
  new MutationObserver((records) => {
    records.forEach((r, i) => {
      const later = records.slice(i + 1).find((s) => s.target === r.target);
      const next = later ? later.oldValue : r.target.getAttribute(r.attributeName);
      if (r.oldValue === 'running' && next !== 'running') window.__twinRuns += 1;
    });
  }).observe(document, {
    attributes: true, subtree: true, attributeOldValue: true,
    attributeFilter: ['data-test-script-state'],
  });
})();
"""


def count_runs(page):
    """Count the app's finished script runs in ``page`` from now on."""
    page.add_init_script(RUN_COUNTER)


def runs(page):
    """How many script runs have finished in ``page`` (see ``count_runs``)."""
    return page.evaluate("() => window.__twinRuns || 0")


def wait_for_app(page, timeout=60_000, after=None, start_timeout=15_000):
    """Wait until the app is idle; with ``after``, first for a run past that count.

    A run that starts and ends between two of the browser's frames may leave no
    trace in the count, so after ``start_timeout`` ms without one the wait goes on
    to idle; the caller checks what the run should have drawn.
    """
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    if after is not None:
        try:
            page.wait_for_function(
                f"() => (window.__twinRuns || 0) > {after}", timeout=start_timeout
            )
        except PlaywrightTimeout:
            pass
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            return app && app.getAttribute('data-test-script-state') === 'notRunning';
        }""",
        timeout=timeout,
    )
    page.wait_for_timeout(150)  # let Plotly finish drawing what the run sent
