"""The Lab in headless Chromium, used as a new user would: live training on the
spiral, a CSV of one's own, every pairing mode and every preset."""

import re

from tools.browser import wait_for_app
from ui.lab_presets import PRESETS

CHART = "[data-testid='stVegaLiteChart'] svg"


def open_lab(page, query=""):
    page.goto(page.app_url)
    wait_for_app(page)
    page.goto(f"{page.app_url}/lab{query}")
    wait_for_app(page)
    page.wait_for_selector(CHART, timeout=60_000)


def metric(page, label):
    box = page.locator("[data-testid='stMetric']").filter(has_text=label).first
    return box.locator("[data-testid='stMetricValue']").inner_text()


def epoch(page):
    return int(metric(page, "Epoch"))


def test_live_training_on_the_spiral_grows_the_charts_while_watched(
    page, screenshot_dir
):
    open_lab(page, "?data=spiral&hidden=8&features=x1,x2,sinx1,sinx2&lr=0.03")
    assert page.get_by_text("Lab: train live").is_visible()
    assert epoch(page) == 0
    page.get_by_role("button", name="Play").click()
    seen = set()
    for _ in range(8):
        page.wait_for_timeout(500)
        seen.add(epoch(page))
    # the counter moved while we watched, several times, without a page reload
    assert len(seen) >= 4 and max(seen) > min(seen)
    page.screenshot(path=str(screenshot_dir / "lab_spiral_playing.png"), full_page=True)
    page.get_by_role("button", name="Pause").click()
    wait_for_app(page)
    stopped = epoch(page)
    page.wait_for_timeout(800)
    assert epoch(page) == stopped
    # matched pairing: the twins agree on the whole grid
    assert float(metric(page, "Largest |ΔP|")) < 1e-12
    charts = page.locator("[data-testid='stVegaLiteChart']")
    assert charts.count() == 3
    assert "sigmoid head: p = 0.5" in charts.nth(0).inner_text()
    assert page.locator("[data-testid='stException']").count() == 0
    page.screenshot(path=str(screenshot_dir / "lab_spiral_paused.png"), full_page=True)


def test_own_csv_is_loaded_and_a_bad_one_keeps_it(page, screenshot_dir, tmp_path):
    good = tmp_path / "fruit.csv"
    rows = ["weight,width,ripe"] + [
        f"{100 + 7 * i % 50},{3 + (i * 13 % 17) / 4},{'yes' if i % 3 else 'no'}"
        for i in range(60)
    ]
    good.write_text("\n".join(rows) + "\n")
    bad = tmp_path / "broken.csv"
    bad.write_text("weight,width,ripe\n1,2,yes\n3,,no\n4,5,yes\n")
    page.goto(page.app_url)
    wait_for_app(page)
    page.goto(f"{page.app_url}/lab?data=upload")
    wait_for_app(page)
    assert page.get_by_text("Upload a CSV file").is_visible()
    page.locator(
        "[data-testid='stFileUploader'] input[type=file]"
    ).first.set_input_files(str(good))
    wait_for_app(page)
    page.wait_for_selector(CHART, timeout=60_000)
    sidebar = page.locator("[data-testid='stSidebar']")
    assert "class 0 = 'no', class 1 = 'yes'" in sidebar.inner_text()
    assert (
        "weight" in page.locator("[data-testid='stVegaLiteChart']").first.inner_text()
    )
    page.get_by_role("button", name="Step").click()
    wait_for_app(page)
    assert epoch(page) == 1

    page.locator(
        "[data-testid='stFileUploader'] input[type=file]"
    ).first.set_input_files(str(bad))
    wait_for_app(page)
    error = page.locator("[data-testid='stAlert']").filter(has_text="broken.csv")
    text = error.inner_text()
    assert "'width' has a missing value in row 2 (line 3)" in text
    assert "Still using the last good data set, fruit.csv" in text
    assert "class 0 = 'no', class 1 = 'yes'" in sidebar.inner_text()
    assert page.locator("[data-testid='stException']").count() == 0
    page.screenshot(path=str(screenshot_dir / "lab_csv.png"), full_page=True)


def test_each_pairing_mode_and_each_preset_runs(page, screenshot_dir):
    open_lab(page)
    for label in ("Same settings", "Independent initialisation", "Matched"):
        page.get_by_text(label, exact=False).first.click()
        wait_for_app(page)
        page.get_by_role("button", name="Step").click()
        wait_for_app(page)
        assert epoch(page) == 1
        gap = float(metric(page, "Largest |ΔP|"))
        assert (gap < 1e-12) == (label == "Matched"), label
    for name, (label, _) in PRESETS.items():
        page.get_by_role("button", name=label).click()
        page.wait_for_timeout(2500)
        page.get_by_role("button", name="Pause").click()
        wait_for_app(page)
        assert epoch(page) > 5, name
        gap = float(metric(page, "Largest |ΔP|"))
        statement = page.locator("[data-testid='stAlert']").first.inner_text()
        if name.startswith("holds"):
            assert gap < 1e-12 and "Guaranteed" in statement, name
        else:
            assert gap > 1e-6, name
            assert re.search(r"Not guaranteed|Broken", statement), name
        page.screenshot(
            path=str(screenshot_dir / f"lab_preset_{name}.png"), full_page=True
        )


def test_projector_readability_at_epoch_0(page, screenshot_dir):
    open_lab(page, "?data=spiral")
    # every preset label shows whole: no button text is cut to an ellipsis
    for name, (label, _) in PRESETS.items():
        text = page.locator(f"[class*='st-key-lab_preset_{name}'] button p").first
        cut = text.evaluate("e => e.scrollWidth > e.clientWidth + 1")
        assert not cut, label
    # the boundary chart's legend labels lie inside the chart
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    inside = chart.evaluate(
        """c => {
            const box = c.getBoundingClientRect();
            return [...c.querySelectorAll('.role-legend-label text')].every(
                t => t.getBoundingClientRect().right <= box.right + 0.5);
        }"""
    )
    assert inside
    # at epoch 0 the epoch axes run from 0, not around a single zero-wide tick
    charts = page.locator("[data-testid='stVegaLiteChart']")
    assert "0.000000" not in charts.nth(1).inner_text()
    assert "0.000000" not in charts.nth(2).inner_text()
    sidebar = page.locator("[data-testid='stSidebar']").inner_text()
    assert "up to 1 MB" in sidebar
    page.screenshot(path=str(screenshot_dir / "lab_epoch0.png"), full_page=True)


def test_an_export_of_a_run_on_ones_own_csv_says_to_upload_it_again(
    page, screenshot_dir, tmp_path
):
    from nets.lockstep import lab_twins
    from ui import lab_settings as ls
    from ui.lab_io import lab_json

    settings = {**ls.defaults(), "data": "upload", "hidden": 3}
    sig, soft, _, _ = lab_twins(2, 3, "tanh", "matched", 0.1)
    export = tmp_path / "own.json"
    export.write_text(lab_json(settings, sig, soft, 42))
    open_lab(page)
    page.locator(
        "[data-testid='stFileUploader'] input[type=file]"
    ).last.set_input_files(str(export))
    wait_for_app(page)
    page.wait_for_selector("text=upload the same file", timeout=30_000)
    text = page.locator("[data-testid='stAlert']").filter(has_text="epoch 42")
    assert "upload the same file" in text.inner_text()
    sidebar = page.locator("[data-testid='stSidebar']").inner_text()
    assert "5 MB" in sidebar and "5MB per file" in sidebar
    page.screenshot(path=str(screenshot_dir / "lab_import_own_csv.png"), full_page=True)
