"""Twin Heads: a sigmoid-head net and a softmax-head net, side by side.

This file only routes: it sets the page up, the session defaults, and the pages.
Start it with ``streamlit run app.py``.
"""

from pathlib import Path

import streamlit as st

from ui.state import init_defaults

# a local icon: a Material icon as favicon would be fetched from a font server
ICON = Path(__file__).parent / "ui" / "icon.png"
st.set_page_config(page_title="Twin Heads", page_icon=str(ICON), layout="wide")
init_defaults()

pages = [
    st.Page(
        "views/training.py",
        title="Training",
        icon=":material/show_chart:",
        default=True,
    ),
    st.Page("views/weights.py", title="Weights", icon=":material/tune:"),
    st.Page("views/backprop.py", title="Backprop", icon=":material/calculate:"),
    st.Page("views/lab.py", title="Lab", icon=":material/science:"),
]
st.navigation(pages).run()
