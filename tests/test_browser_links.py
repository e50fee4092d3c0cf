"""A link straight to a page, as the first request a fresh server sees."""

import pytest

from tools.browser import running_app, wait_for_app


@pytest.mark.parametrize("path", ["weights", "backprop", "lab"])
def test_a_deep_link_on_a_fresh_server_goes_through_the_router(chromium, path):
    with running_app() as url:
        context = chromium.new_context(viewport={"width": 1300, "height": 900})
        page = context.new_page()
        page.goto(f"{url}/{path}")
        wait_for_app(page)
        nav = page.locator("[data-testid='stSidebarNav']").inner_text()
        # the router's titles, not one entry per file of a folder
        for title in ("Training", "Weights", "Backprop", "Lab"):
            assert title in nav
        assert "app" not in nav.split()
        assert page.locator("[data-testid='stException']").count() == 0
        context.close()
