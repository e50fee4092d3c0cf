"""The Backprop page's worked pass: both heads step by step, the per-sample
gradients and the gradient check."""

import numpy as np
import pandas as pd
import streamlit as st

import nets
from nets.export import latex_value
from nets.worked import GRAD_KEYS, steps_by_key

BADGES = {
    "equal": ":blue-badge[equal]",
    "difference": ":blue-badge[difference equal]",
    "opposite": ":violet-badge[opposite rows]",
    "twice": ":orange-badge[row difference moves 2×]",
    "apart": ":gray-badge[apart]",
}


def relation_line(relation):
    """One line of Markdown: the claim, and whether these numbers bear it out."""
    badge = BADGES[relation.kind]
    if relation.holds is None:
        return f"{badge} {relation.text}: |Δp'| = {relation.gap:.3g}"
    if relation.holds:
        return f"{badge} {relation.text} ✓ (largest gap {relation.gap:.1e})"
    return (
        f":red-badge[not here] {relation.text} — does not hold for these nets "
        f"(gap {relation.gap:.3g})"
    )


def relation_note(relation):
    """The same as ``relation_line`` in plain words, for the Markdown export."""
    if relation.holds is None:
        return f"Twin heads: {relation.text} (|Δp'| = {relation.gap:.3g})."
    verdict = "holds" if relation.holds else "does not hold for these nets"
    return f"Twin heads: {relation.text} — {verdict} (gap {relation.gap:.1e})."


def _show_step(step, exact, decimals, carry):
    st.latex(step.formula)
    st.latex(f"{step.symbol} = {latex_value(step.value, decimals)}")
    if carry:
        drift = float(np.max(np.abs(np.asarray(step.value) - exact.value)))
        st.caption(f"drift from exact float64: max |Δ| = {drift:.2e}")


def show_steps(columns, exact, decimals, carry, relations=None, note=None):
    """Each step in a row, one column per head; the relation between them below.

    ``columns`` and ``exact`` map a head heading to its list of ``Step`` (shown and
    exact float64); ``relations`` maps a step key to a ``Relation``.
    """
    heads = list(columns)
    header = st.columns(len(heads))
    for col, head in zip(header, heads, strict=True):
        col.subheader(head)
    if note:
        st.info(note)
    first = columns[heads[0]]
    for i, step in enumerate(first):
        with st.container(border=True, key=f"bp_step_{step.key}"):
            st.markdown(f"**{i + 1}. {step.title.capitalize()}** ${step.symbol}$")
            cols = st.columns(len(heads))
            for col, head in zip(cols, heads, strict=True):
                with col:
                    _show_step(columns[head][i], exact[head][i], decimals, carry)
            if relations and step.key in relations:
                st.markdown(relation_line(relations[step.key]))


def per_sample_table(net, X, y, loss):
    """Each sample's own gradient entries, and their mean: the batch gradient."""
    per = nets.per_sample_grads(net, X, y, loss)
    rows = {}
    for name, g in per.items():
        for idx in np.ndindex(g.shape[1:]):
            label = f"d{name}[{','.join(map(str, idx))}]"
            rows[label] = [*g[(slice(None), *idx)], g[(slice(None), *idx)].mean()]
    index = [f"sample {i}" for i in range(X.shape[0])] + ["mean = batch gradient"]
    return pd.DataFrame(rows, index=index)


def gradcheck_table(net, steps, X, y, loss):
    """Page's analytic gradients against central differences, entry by entry."""
    v = steps_by_key(steps)
    numeric = nets.numerical_grads(net, X, y, loss)
    rows = []
    for name, key in GRAD_KEYS.items():
        a, n = v[key], numeric[name]
        err = nets.relative_error(a, n)
        for idx in np.ndindex(a.shape):
            rows.append(
                {
                    "parameter": f"{name}[{','.join(map(str, idx))}]",
                    "analytic": a[idx],
                    "central difference": n[idx],
                    "relative error": err[idx],
                }
            )
    return pd.DataFrame(rows)


def show_tables(setup, exact, losses):
    """Per-sample gradients (for a batch) and the gradient check, per head."""
    nets_by_head = {"sigmoid head": setup.sigmoid, "softmax head": setup.softmax}
    heads = [h for h in exact if h in nets_by_head]
    if setup.X.shape[0] > 1:
        st.subheader("Per-sample gradients and their mean")
        st.caption(
            "Each row is one sample's own gradient (of its own loss); the batch "
            "gradient of the mean loss is their mean."
        )
        for col, head in zip(st.columns(len(heads)), heads, strict=True):
            col.markdown(f"**{head}**")
            table = per_sample_table(nets_by_head[head], setup.X, setup.y, losses[head])
            col.dataframe(table, key=f"bp_per_sample_{head}")
    st.subheader("Gradient check")
    st.caption(
        "Each gradient on this page against (L(w + ε) − L(w − ε)) / 2ε with "
        "ε = 1e-6; a relative error below about 1e-6 means they agree."
    )
    for col, head in zip(st.columns(len(heads)), heads, strict=True):
        col.markdown(f"**{head}**")
        table = gradcheck_table(
            nets_by_head[head], exact[head], setup.X, setup.y, losses[head]
        )
        col.dataframe(
            table,
            hide_index=True,
            height="content",
            key=f"bp_gradcheck_{head}",
            column_config={
                "analytic": st.column_config.NumberColumn(format="%.10f"),
                "central difference": st.column_config.NumberColumn(format="%.10f"),
                "relative error": st.column_config.NumberColumn(format="%.1e"),
            },
        )
