"""The Training page in headless Chromium: trained on iris, its charts drawn."""

from tools.browser import count_runs, runs, wait_for_app


def test_training_page_trains_on_iris_and_draws_both_boundaries(page, screenshot_dir):
    count_runs(page)
    page.goto(page.app_url)
    wait_for_app(page)
    assert page.get_by_text("Training: two heads, one body").is_visible()

    before = runs(page)
    page.get_by_role("button", name="Train", exact=True).click()
    wait_for_app(page, after=before)
    page.wait_for_selector(".js-plotly-plot .contour", timeout=30_000)

    assert page.locator("[data-testid='stException']").count() == 0
    charts = page.locator(".js-plotly-plot")
    assert charts.count() == 3
    boundary = charts.nth(0)
    # iris, versicolor against virginica, petal length and width is the default
    assert boundary.locator(".xtitle").text_content() == "petal_length (cm)"
    assert boundary.locator(".ytitle").text_content() == "petal_width (cm)"
    # two p = 0.5 contour lines, one per net, named in the legend
    assert boundary.locator(".contour").count() >= 2
    legend = boundary.locator(".legend").text_content()
    assert "sigmoid head: p = 0.5" in legend and "softmax head: p = 0.5" in legend
    assert "train, class versicolor" in legend and "test, class virginica" in legend
    # points of both splits: 100 iris flowers of the two species
    assert boundary.locator(".scatterlayer .point").count() == 100
    # loss curves: train and test for each net
    loss_legend = charts.nth(1).locator(".legend").text_content()
    for name in ("sigmoid head, train", "sigmoid head, test", "softmax head, train"):
        assert name in loss_legend
    assert charts.nth(1).locator(".scatterlayer path.js-line").count() == 4
    page.screenshot(path=str(screenshot_dir / "training.png"), full_page=True)
