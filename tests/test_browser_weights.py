"""The Weights page in headless Chromium, used as a new user would use it."""

from tools.browser import wait_for_app


def open_weights(page, url=None):
    if url is not None:
        page.goto(url)
    wait_for_app(page)
    page.wait_for_function(
        "() => document.querySelectorAll('.js-plotly-plot').length >= 3",
        timeout=30_000,
    )
    page.wait_for_selector(".js-plotly-plot .contour", state="attached", timeout=30_000)
    page.wait_for_timeout(500)


def metrics(page):
    values = page.locator("[data-testid='stMetricValue']").all_text_contents()
    return [v.strip() for v in values]


def slider_value(page, key):
    return float(page.locator(f".st-key-{key} input[type='range']").input_value())


def push_slider(page, key, press):
    page.locator(f".st-key-{key} input[type='range']").press(press)
    wait_for_app(page)
    page.wait_for_timeout(400)


def boundary_paths(page):
    chart = page.locator(".js-plotly-plot").nth(0)
    return [p.get_attribute("d") for p in chart.locator(".contour path").all()]


def choose_link(page, label):
    page.locator("[data-testid='stSidebar'] label").filter(has_text=label).click()
    wait_for_app(page)
    page.wait_for_timeout(400)


def no_exceptions(page):
    assert page.locator("[data-testid='stException']").count() == 0


def test_weights_page_sliders_link_modes_shift_and_shared_url(
    page, chromium, screenshot_dir
):
    # the router runs once at the root, as a visitor arriving at the app would
    page.goto(page.app_url)
    wait_for_app(page)
    page.locator("[data-testid='stSidebarNav'] a").filter(has_text="Weights").click()
    page.wait_for_url("**/weights?*")
    open_weights(page)
    assert page.get_by_text("Weights: one body, two heads").is_visible()
    no_exceptions(page)
    # the page opens on XOR by hand: (1, 0) is class 1 and both boundaries show
    assert metrics(page)[:2] == ["0.9241", "0.9241"]
    assert len([d for d in boundary_paths(page) if d]) >= 2
    assert page.get_by_text("p = 0.5 line").count() == 0
    # sliders are named in plain text, for screen readers and for tests alike
    assert page.get_by_role("slider", name="W₁₁").count() == 1
    assert page.get_by_role("slider", name="c_b").count() == 1
    names = page.locator("input[type='range']").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label'))"
    )
    assert len(names) > 10 and not [n for n in names if "$" in n or "\\" in n]
    page.screenshot(path=str(screenshot_dir / "weights_default.png"), full_page=True)

    # a short hand-written link loads the textbook net, with no warning
    page.goto(page.app_url + "/weights?preset=textbook")
    open_weights(page)
    no_exceptions(page)
    assert page.locator("[data-testid='stAlertContentWarning']").count() == 0
    p_sig, p_soft, _ = metrics(page)
    assert p_sig == p_soft == "0.7514"  # the walk-through's output unit
    assert page.get_by_text("no p = 0.5 line anywhere").count() == 2
    assert page.get_by_text("Widen the plane to").count() == 0
    page.screenshot(path=str(screenshot_dir / "weights_textbook.png"), full_page=True)

    # a weight slider: the probabilities, the boundaries and the URL all move
    before = boundary_paths(page)
    push_slider(page, "wt_W1_0_0", "Home")  # W11 to its lowest value, -10
    assert slider_value(page, "wt_W1_0_0") == -10.0
    push_slider(page, "wt_b", "Home")  # sigmoid bias to -10: a boundary appears
    push_slider(page, "wt_w_0", "End")
    assert metrics(page)[:2] != [p_sig, p_soft]
    page.wait_for_selector(
        ".js-plotly-plot .contour path", state="attached", timeout=10_000
    )
    assert boundary_paths(page) != before
    assert "W1=-10%2C0.2" in page.url or "W1=-10,0.2" in page.url
    no_exceptions(page)
    page.screenshot(path=str(screenshot_dir / "weights_moved.png"), full_page=True)

    # the shift moves both softmax rows and no probability
    shown = metrics(page)
    paths = boundary_paths(page)
    # with w1 = 10 and b = -10, c1 = -10 and cb = 10 keep both rows within the
    # sliders' reach, so the next link mode takes them over unchanged
    push_slider(page, "wt_c_0", "Home")
    push_slider(page, "wt_cb", "End")
    assert slider_value(page, "wt_c_0") == -10.0
    assert metrics(page)[:2] == shown[:2]
    assert boundary_paths(page) == paths
    assert "c=-10%2C0" in page.url or "c=-10,0" in page.url
    page.screenshot(path=str(screenshot_dir / "weights_shift.png"), full_page=True)

    # sigmoid follows softmax: the rows are sliders now, the sigmoid head follows
    choose_link(page, "Sigmoid follows softmax")
    no_exceptions(page)
    assert page.locator(".st-key-wt_V_1_0 input[type='range']").count() == 1
    assert page.locator(".st-key-wt_w_0").count() == 0
    assert metrics(page)[:2] == shown[:2]
    push_slider(page, "wt_V_0_0", "End")
    p_sig, p_soft, _ = metrics(page)
    assert p_sig == p_soft != shown[0]
    page.screenshot(path=str(screenshot_dir / "weights_sigmoid_follows.png"))

    # independent: both heads free, the page says how far apart they are
    choose_link(page, "Independent")
    push_slider(page, "wt_b", "End")
    p_sig, p_soft, _ = metrics(page)
    assert p_sig != p_soft
    assert page.get_by_text("The heads are set separately").is_visible()
    page.screenshot(path=str(screenshot_dir / "weights_independent.png"))

    # the link, opened in a fresh browser context, restores the page exactly
    url, shown = page.url, metrics(page)
    sliders = {k: slider_value(page, k) for k in ("wt_W1_0_0", "wt_b", "wt_V_0_0")}
    context = chromium.new_context(viewport={"width": 1500, "height": 1200})
    try:
        other = context.new_page()
        open_weights(other, url)
        no_exceptions(other)
        assert metrics(other) == shown
        assert {k: slider_value(other, k) for k in sliders} == sliders
        assert other.locator("[data-testid='stAlertContentWarning']").count() == 0
        other.screenshot(path=str(screenshot_dir / "weights_restored.png"))

        # a damaged link: nearest valid values and a visible warning, no traceback
        open_weights(other, page.app_url + "/weights?h=9&W1=1,abc&x=99,0&link=both")
        no_exceptions(other)
        warning = other.locator("[data-testid='stAlertContentWarning']").inner_text()
        assert "9 is outside [1, 4]" in warning and "'abc' is not a number" in warning
        assert slider_value(other, "wt_x_0") == 5.0
        other.screenshot(path=str(screenshot_dir / "weights_bad_url.png"))
    finally:
        context.close()
