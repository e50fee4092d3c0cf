"""Take the README's screenshot of the Training page, trained on iris.

Run: ``python -m tools.screenshots`` (writes docs/training.png).
"""

from playwright.sync_api import sync_playwright

from tools.browser import ROOT, launch_chromium, running_app, wait_for_app


def main():
    out = ROOT / "docs" / "training.png"
    with running_app() as url, sync_playwright() as pw:
        browser = launch_chromium(pw)
        page = browser.new_page(viewport={"width": 1500, "height": 1350})
        page.goto(url)
        wait_for_app(page)
        page.get_by_role("button", name="Train", exact=True).click()
        wait_for_app(page)
        page.wait_for_selector(".js-plotly-plot .contour", timeout=30_000)
        page.wait_for_timeout(1000)
        page.screenshot(path=str(out), full_page=True)
        browser.close()
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
