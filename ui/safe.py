"""Showing text that came from a user (a file, a link, a column name) safely.

Streamlit renders messages as Markdown. Text from outside could otherwise become a
link, an image the browser fetches from another site, an autolink or LaTeX. Those
all start with one of ``[ ] < > ! $`` or a backtick, so escaping these (and the
backslash) keeps such text inert; emphasis marks are left alone, as harmless.
"""

import re

_MARKDOWN = re.compile(r"([\\`\[\]<>!$])")


def plain(text):
    """``text`` escaped so that Markdown makes no link, image or maths of it."""
    return _MARKDOWN.sub(r"\\\1", str(text))
