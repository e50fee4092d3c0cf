"""Text from a link or a file is shown inert: no image fetched, no link, no maths."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from ui.safe import plain

IMAGE = "![seen](http://127.0.0.1:9/pixel.png)"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (IMAGE, r"\!\[seen\](http://127.0.0.1:9/pixel.png)"),
        ("<http://127.0.0.1:9>", r"\<http://127.0.0.1:9\>"),
        ("$x^2$ and `code`", r"\$x^2\$ and \`code\`"),
        ("petal_length, 0.5", "petal_length, 0.5"),
        ("a \\ b", "a \\\\ b"),
    ],
)
def test_plain_escapes_what_would_make_links_images_or_maths(text, shown):
    assert plain(text) == shown


def page(path, query):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    at.switch_page(path)
    return at.run()


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("views/lab.py", {"data": IMAGE}),
        ("views/weights.py", {"act": IMAGE}),
        ("views/backprop.py", {"seed": IMAGE}),
    ],
)
def test_a_link_value_made_to_look_like_markdown_is_shown_escaped(path, query):
    at = page(path, query)
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert r"\!\[seen\]" in warnings
    assert "![seen]" not in warnings
