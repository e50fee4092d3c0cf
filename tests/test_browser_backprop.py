"""The Backprop page in headless Chromium: LaTeX renders, an exercise is checked,
a bad JSON file gets a message, the worked example downloads."""

import json

import numpy as np
from conftest import CASES

import nets
from tools.browser import wait_for_app

TALL = {"width": 1500, "height": 9000}
STEP_MATH = "[class*='st-key-bp_step_'] .katex-display"


def open_backprop(page, query=""):
    page.goto(page.app_url)
    wait_for_app(page)
    page.goto(f"{page.app_url}/backprop{query}")
    wait_for_app(page)
    page.get_by_text("Backprop: one step, every number").wait_for()


def test_worked_pass_renders_every_formula_and_imports_json(page, screenshot_dir):
    open_backprop(page)
    assert page.locator("[data-testid='stException']").count() == 0
    page.get_by_text("17. New probabilities", exact=True).wait_for()
    # 17 steps, two heads, a formula and a value each; no KaTeX parse error
    assert page.locator(STEP_MATH).count() == 68
    assert page.locator(".katex-error").count() == 0
    assert page.get_by_text("row difference moves 2×").count() == 2

    # a malformed file: a clear message, the preset stays
    upload = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    upload.set_input_files(
        files=[{"name": "bad.json", "mimeType": "application/json", "buffer": b"{"}]
    )
    wait_for_app(page)
    page.get_by_text("bad.json was not loaded: the file is not valid JSON").wait_for()
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator(STEP_MATH).count() == 68

    # the shared squared-error case imports as it is
    upload.set_input_files(str(CASES / "worked_example_squared_error.json"))
    wait_for_app(page)
    page.get_by_text("softmax head is left out").wait_for()
    case = json.loads((CASES / "worked_example_squared_error.json").read_text())
    assert page.get_by_text(f"{case['expected']['E']:.4f}").count() >= 1

    # the worked example downloads as Markdown and renders in the preview
    with page.expect_download() as info:
        page.get_by_role("button", name="Worked example (Markdown)").click()
    markdown = open(info.value.path()).read()
    assert markdown.startswith("# Backpropagation, one step worked out")
    assert f"{case['expected']['grad']['b2'][0]:.4f}" in markdown
    page.get_by_text("Preview of the Markdown file, rendered").click()
    page.wait_for_timeout(500)
    assert page.locator(".katex-error").count() == 0
    page.set_viewport_size(TALL)
    page.wait_for_timeout(800)
    page.screenshot(path=str(screenshot_dir / "backprop_worked.png"))
    preview = page.locator("[data-testid='stExpander']").last
    preview.screenshot(path=str(screenshot_dir / "backprop_markdown_preview.png"))


def test_exercise_names_the_first_wrong_step(page, screenshot_dir):
    open_backprop(page, "?seed=42")
    page.get_by_text("Work one step of backpropagation by hand").wait_for()
    ex = nets.make_exercise(42)
    ref = nets.backprop(ex.net, ex.X, ex.y)
    typed = {
        "z1[0]": ref.z1[0, 0],
        "z1[1]": ref.z1[0, 1],
        "h[0]": ref.h[0, 0],
        "h[1]": ref.h[0, 1],
        "z2[0]": ref.logits[0, 0],
        "p[0]": ref.probs[0, 0],
        "L": ref.loss,
        "δ2[0]": ref.dlogits[0, 0],
        "dL/dW2[0,0]": ref.grads.W2[0, 0],
        "dL/dW2[0,1]": -ref.grads.W2[0, 1],  # the slip: a lost minus sign
    }
    key = page.get_by_role("button", name="Answer key (Markdown)")
    assert key.count() == 0  # not before a student has tried
    for label, value in typed.items():
        page.get_by_role("textbox", name=label, exact=True).fill(f"{value:.4f}")
    page.get_by_role("button", name="Check my answers").click()
    wait_for_app(page)
    assert key.count() == 0
    error = page.locator("[data-testid='stAlertContentError']")
    error.wait_for()
    text = error.text_content()
    assert "First wrong step: 7. head weight gradient" in text
    assert f"the right value is {ref.grads.W2[0, 1]:.6g}." in text
    assert page.locator(".katex-error").count() == 0
    assert "seed=42" in page.url
    page.set_viewport_size({"width": 1500, "height": 4200})
    page.wait_for_timeout(800)
    page.screenshot(path=str(screenshot_dir / "backprop_exercise.png"))

    # fixed: the check moves on, and every step typed so far is right
    page.get_by_role("textbox", name="dL/dW2[0,1]", exact=True).fill(
        f"{ref.grads.W2[0, 1]:.4f}"
    )
    page.get_by_role("button", name="Check my answers").click()
    wait_for_app(page)
    page.get_by_text("No wrong step so far: 7 of 17 steps are right").wait_for()
    assert np.isfinite(ref.loss)

    # the teacher's switch offers the answer key
    page.get_by_text("Show the answer key (for teachers)").click()
    wait_for_app(page)
    with page.expect_download() as info:
        key.click()
    assert (
        open(info.value.path())
        .read()
        .startswith("# Backpropagation exercise 42: answer key")
    )
    page.screenshot(path=str(screenshot_dir / "backprop_answer_key.png"))
