"""Downloads of the Backprop page: the worked example, every quantity, the net."""

import streamlit as st

from nets.export import (
    givens_markdown,
    latex_value,
    net_json,
    steps_csv,
    worked_markdown,
)


def worked_example(setup, shown, notes):
    """The worked example as Markdown with LaTeX."""
    intro = givens_markdown(
        setup.sigmoid, setup.X, setup.y, setup.lr, setup.loss, setup.decimals
    )
    if "softmax head" in shown:
        intro += [
            "",
            "The softmax net beside it (cross-entropy) has "
            f"$W_2 = {latex_value(setup.softmax.W2, setup.decimals)}$ and "
            f"$b_2 = {latex_value(setup.softmax.b2, setup.decimals)}$.",
        ]
    if setup.carry:
        intro += [
            "",
            f"Every step is rounded to {setup.decimals} decimals and the next "
            "step is computed from the rounded values.",
        ]
    return worked_markdown(
        "Backpropagation, one step worked out",
        shown,
        setup.decimals,
        intro=intro,
        notes=notes,
    )


def show_exports(setup, shown, exact, notes):
    """Three download buttons and a rendered preview of the Markdown."""
    markdown = worked_example(setup, shown, notes)
    csv = steps_csv(exact, shown if setup.carry else None)
    softmax = setup.softmax if setup.softmax_given else None
    net = net_json(
        setup.sigmoid, setup.X, setup.y, setup.loss, setup.lr, softmax_net=softmax
    )
    st.subheader("Export")
    md_col, csv_col, json_col = st.columns(3)
    md_col.download_button(
        "Worked example (Markdown)",
        markdown,
        file_name="backprop_worked_example.md",
        mime="text/markdown",
        key="bp_dl_md",
        icon=":material/description:",
    )
    csv_col.download_button(
        "All quantities (CSV)",
        csv,
        file_name="backprop_quantities.csv",
        mime="text/csv",
        key="bp_dl_csv",
        icon=":material/table:",
    )
    json_col.download_button(
        "Net and batch (JSON)",
        net,
        file_name="backprop_net.json",
        mime="application/json",
        key="bp_dl_json",
        icon=":material/data_object:",
    )
    with st.expander("Preview of the Markdown file, rendered"):
        st.markdown(markdown)
