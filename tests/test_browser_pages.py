"""Every page in headless Chromium: it loads cleanly and is photographed.

The screenshots land in ``screenshots/`` (see the README). Each page's own browser
test drives it further; here a Training slider move and a Backprop slider move are
checked to change what is drawn.
"""

import pytest

from tools.browser import count_runs, runs, wait_for_app

PAGES = {
    "training": "Training: two heads, one body",
    "weights": "Weights: one body, two heads",
    "backprop": "Backprop: one step, every number",
    "lab": "Lab: train live",
}


def open_page(page, name):
    count_runs(page)
    page.goto(page.app_url)
    wait_for_app(page)
    if name != "training":
        nav = page.locator("[data-testid='stSidebarNav'] a")
        before = runs(page)
        nav.filter(has_text=name.capitalize()).click()
        wait_for_app(page, after=before)
    page.get_by_text(PAGES[name]).wait_for(timeout=30_000)


def no_error_elements(page):
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
    assert "NaN" not in page.locator("[data-testid='stMain']").inner_text()


def move(page, label, key):
    """Press ``key`` on the slider labelled ``label`` and wait for the rerun."""
    before = runs(page)
    page.locator(f"input[type='range'][aria-label='{label}']").first.press(key)
    wait_for_app(page, after=before)


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_loads_without_an_error_element(page, screenshot_dir, name):
    open_page(page, name)
    wait_for_app(page)
    no_error_elements(page)
    page.screenshot(path=str(screenshot_dir / f"page_{name}.png"))


def boundary_paths(page):
    chart = page.locator(".js-plotly-plot").first
    chart.locator(".contour path").first.wait_for(state="attached", timeout=30_000)
    return chart.locator(".contour path").evaluate_all(
        "els => els.map(e => e.getAttribute('d')).join('|')"
    )


def test_training_slider_then_train_redraws_the_boundaries(page):
    open_page(page, "training")
    drawn = boundary_paths(page)
    move(page, "Hidden units", "Home")  # 4 hidden units down to 1
    assert page.get_by_text("The settings have changed since this run").is_visible()
    before = runs(page)
    page.get_by_role("button", name="Train", exact=True).click()
    wait_for_app(page, after=before)
    assert boundary_paths(page) != drawn
    no_error_elements(page)


def test_backprop_decimals_slider_changes_the_numbers_shown(page):
    open_page(page, "backprop")
    main = page.locator("[data-testid='stMain']")
    main.locator(".katex").nth(3).wait_for(timeout=30_000)
    shown = main.inner_text()
    assert "0.5487" in shown  # P(class 1) of the preset, to 4 decimals
    move(page, "Decimals shown", "End")  # 4 decimals to 8
    main.get_by_text("0.54866888").first.wait_for(timeout=30_000)
    assert main.inner_text() != shown
    no_error_elements(page)


def test_no_page_asks_anything_of_another_host(page):
    # a classroom may be offline: every request must go to the app itself
    elsewhere = []
    page.on(
        "request",
        lambda r: (
            elsewhere.append(r.url)
            if not r.url.startswith((page.app_url, "data:", "blob:"))
            else None
        ),
    )
    for name in PAGES:
        open_page(page, name)
        page.wait_for_timeout(1000)
    assert elsewhere == []
