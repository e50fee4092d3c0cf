"""Shared fixtures: the repo on sys.path, the known cases, a live app, a browser."""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"  # copies of the shared known-value cases
SCREENSHOTS = ROOT / "screenshots"
sys.path.insert(0, str(ROOT))


def load_case(name):
    """One JSON file from the shared known-value cases."""
    return json.loads((CASES / name).read_text())


@pytest.fixture(scope="session")
def app_url():
    """The app served by ``streamlit run`` on a free loopback port."""
    from tools.browser import running_app

    with running_app() as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    """Headless Debian Chromium driven by Playwright. In CI a missing browser fails."""
    from playwright.sync_api import sync_playwright

    from tools.browser import launch_chromium

    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, app_url):
    """A fresh browser context and page; the app's base URL is ``page.app_url``."""
    context = chromium.new_context(viewport={"width": 1500, "height": 1200})
    pg = context.new_page()
    pg.app_url = app_url
    yield pg
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir():
    """Where browser tests write their screenshots (see the README)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


def pytest_collection_modifyitems(config, items):
    # browser tests are marked so they can be picked with -m browser
    for item in items:
        if "test_browser" in item.nodeid:
            item.add_marker(pytest.mark.browser)
