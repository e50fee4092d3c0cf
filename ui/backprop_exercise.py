"""Exercise mode of the Backprop page: a seeded net to work by hand, checked step by
step. The seed lives in the page's web address (``?seed=42``) so a teacher can hand
the same exercise to a class."""

import numpy as np
import pandas as pd
import streamlit as st

import nets
from nets.exercise import ATOL, MAX_SEED, RTOL, parse_seed
from nets.export import givens_markdown, latex_value, worked_markdown
from nets.worked import TITLES
from ui.safe import plain

DEFAULT_SEED = 1
SEED_KEY = "ex_seed"
PROBLEM_KEY = "ex_seed_problem"
LABELS = {
    "z1": "z1",
    "h": "h",
    "logits": "z2",
    "p": "p",
    "loss": "L",
    "dlogits": "δ2",
    "dW2": "dL/dW2",
    "db2": "dL/db2",
    "dh": "dL/dh",
    "dz1": "δ1",
    "dW1": "dL/dW1",
    "db1": "dL/db1",
    "W1_new": "W1'",
    "b1_new": "b1'",
    "W2_new": "W2'",
    "b2_new": "b2'",
    "p_new": "p'",
}


def entry_label(key, idx, per_sample):
    """A plain name for one entry: ``z1[0]``, ``dL/dW1[1,0]``, ``L``."""
    if per_sample:
        idx = idx[1:]  # one sample: drop the sample index
    return LABELS[key] + (f"[{','.join(map(str, idx))}]" if idx else "")


def parse_entry(text):
    """A float from what a student typed (a comma or a '−' are fine); None if blank.

    Raises ValueError for text that is not a number.
    """
    text = (text or "").strip().replace("−", "-").replace(" ", "")
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    value = float(text)
    if not np.isfinite(value):
        raise ValueError(text)
    return value


def seed_control():
    """The seed widget, started from the web address and written back to it."""
    if SEED_KEY not in st.session_state:
        raw = st.query_params.get("seed")
        seed, problem = (DEFAULT_SEED, None) if raw is None else parse_seed(raw)
        if problem:
            st.session_state[PROBLEM_KEY] = problem
            seed = DEFAULT_SEED
        st.session_state[SEED_KEY] = seed
    seed = st.number_input(
        "Exercise seed",
        0,
        MAX_SEED,
        step=1,
        key=SEED_KEY,
        help="The same seed gives the same exercise; it is kept in the page's "
        "address, so sharing the address shares the exercise.",
    )
    problem = st.session_state.get(PROBLEM_KEY)
    if problem and seed == DEFAULT_SEED:
        st.warning(
            f"The seed in the web address could not be used ({plain(problem)}). "
            f"Showing exercise {DEFAULT_SEED} instead."
        )
    st.query_params["seed"] = str(seed)
    return int(seed)


def answer_form(exercise):
    """A text box per entry, grouped by step; ``(answers, unreadable)`` on submit."""
    answers, unreadable = {}, []
    with st.form(f"ex_form_{exercise.seed}"):
        show_formulas = st.toggle("Show the formulas", key="ex_formulas")
        for i, step in enumerate(exercise.steps, start=1):
            st.markdown(f"**{i}. {step.title.capitalize()}** ${step.symbol}$")
            if show_formulas:
                st.latex(step.formula)
            value = np.asarray(step.value)
            entries = list(np.ndindex(value.shape))
            cols = st.columns(max(len(entries), 4))
            given = np.full(value.shape, np.nan)
            for col, idx in zip(cols, entries, strict=False):
                label = entry_label(step.key, idx, step.per_sample)
                text = col.text_input(
                    label,
                    key=f"ex_{exercise.seed}_{step.key}_{'_'.join(map(str, idx))}",
                )
                try:
                    entry = parse_entry(text)
                except ValueError:
                    unreadable.append(f"{label} ({text!r})")
                    entry = None
                if entry is not None:
                    given[idx] = entry
            answers[step.key] = given
        submitted = st.form_submit_button("Check my answers", type="primary")
    if submitted:
        st.session_state["ex_checked"] = exercise.seed
    return answers, unreadable, st.session_state.get("ex_checked") == exercise.seed


def show_result(result, decimals=4):
    """Name the first wrong step with its right value and formula; a summary table."""
    first = result.first_wrong
    if first is not None:
        number = [s.key for s in result.steps].index(first.key) + 1
        idx = tuple(np.argwhere(first.wrong)[0])
        per_sample = TITLES[first.key][2]
        st.error(
            f"First wrong step: {number}. {first.title} — "
            f"{entry_label(first.key, idx, per_sample)}: you entered "
            f"{first.given[idx]:g}, the right value is {first.expected[idx]:.6g}."
        )
        st.latex(first.formula)
        st.latex(f"{TITLES[first.key][1]} = {latex_value(first.expected, decimals)}")
    elif result.all_right:
        st.success(f"All {len(result.steps)} steps are right.")
    else:
        st.info(
            f"No wrong step so far: {result.n_right} of {len(result.steps)} steps "
            "are right; the rest are not filled in yet."
        )
    marks = {"right": "✓ right", "wrong": "✗ wrong", "blank": "· not filled in"}
    st.dataframe(
        pd.DataFrame(
            {
                "step": [f"{i}. {s.title}" for i, s in enumerate(result.steps, 1)],
                "status": [marks[s.status] for s in result.steps],
            }
        ),
        hide_index=True,
        height="content",
        key="ex_summary",
    )


def answer_key(exercise, decimals=6):
    """The answer key as Markdown with LaTeX."""
    intro = givens_markdown(
        exercise.net, exercise.X, exercise.y, exercise.lr, exercise.loss, 1
    )
    return worked_markdown(
        f"Backpropagation exercise {exercise.seed}: answer key",
        {"exercise": exercise.steps},
        decimals,
        intro=intro,
    )


def exercise_mode():
    """The whole exercise: seed, givens, answer form, check, answer key."""
    seed = seed_control()
    exercise = nets.make_exercise(seed)
    st.markdown(
        f"Work one step of backpropagation by hand for this net and sample "
        f"(cross-entropy, learning rate $\\eta = {exercise.lr:g}$), then type your "
        "numbers. Indices count from 0: $W_1[i, j]$ links input $j$ to hidden unit "
        "$i$. Leave blank what you have not done yet."
    )
    givens = givens_markdown(
        exercise.net, exercise.X, exercise.y, exercise.lr, exercise.loss, 1
    )
    st.markdown("\n".join(givens))
    st.caption(
        f"An entry counts as right within {RTOL:.0%} of the exact value or within "
        f"{ATOL:g}, whichever is larger, so values rounded to 4 decimals and "
        "carried pass."
    )
    answers, unreadable, checked = answer_form(exercise)
    if unreadable:
        st.warning("Not read as numbers, so left out: " + ", ".join(unreadable))
    if checked:
        show_result(nets.check_answers(exercise, answers))
    # the key stays out of sight until a teacher asks for it, so a student who
    # scrolls past "Check my answers" is not handed the numbers before trying
    if st.toggle(
        "Show the answer key (for teachers)",
        key="ex_teacher",
        help="Offers every step of this exercise as a Markdown file.",
    ):
        st.download_button(
            "Answer key (Markdown)",
            answer_key(exercise),
            file_name=f"backprop_exercise_{seed}_answers.md",
            mime="text/markdown",
            key="ex_key_download",
            icon=":material/key:",
        )
