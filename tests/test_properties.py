"""Any bytes or text a user can hand the app: a valid state or a clear error.

Property-based (hypothesis): the CSV loader, the URL state parsers of the Weights and
Lab pages, the Backprop exercise seed, and the JSON importers of the Backprop and Lab
pages. Each either returns something valid or raises ValueError with a message;
nothing else escapes.
"""

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nets
from nets.csvdata import default_columns, read_table, table_to_dataset
from nets.exercise import MAX_SEED, make_exercise, parse_seed
from nets.export import read_net_json
from ui import lab_settings, weights_url
from ui.lab_io import read_lab_json

FAST = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# text that looks a little like CSV: digits, separators, quotes, signs, odd numbers
CSV_ALPHABET = st.sampled_from(
    list('0123456789.,;\t"-+eE \n\r')
    + ["nan", "inf", "yes", "no", "x", "1e309", "é", "\ufeff", "\x00"]
)
csv_text = st.lists(CSV_ALPHABET, max_size=200).map("".join)
# URL values: anything printable, or values near the valid ones
url_value = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["", "nan", "inf", "-inf", "1e309", "-0", "1,2", "0x10", "٣", "²", " 7 "]
    ),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(10**6), 10**6).map(str),
)


def check_error(exc):
    assert isinstance(exc, ValueError)
    assert str(exc).strip(), "an error must say what was wrong"


@FAST
@given(st.one_of(csv_text, st.binary(max_size=300)))
def test_csv_loader_gives_a_dataset_or_a_clear_error(data):
    try:
        table = read_table(data)
        inputs, label = default_columns(table)
        dataset = table_to_dataset(table, inputs, label)
    except ValueError as exc:
        check_error(exc)
        return
    X = np.vstack([dataset.X_train, dataset.X_test])
    assert X.shape[1] == 2 and np.all(np.isfinite(X))
    assert set(np.unique(np.concatenate([dataset.y_train, dataset.y_test]))) <= {0, 1}


@FAST
@given(st.dictionaries(st.sampled_from(list(lab_settings.SPEC) + ["zz"]), url_value))
def test_lab_url_gives_valid_settings_and_notes(params):
    values, notes = lab_settings.from_query(params)
    # what the parser gives back is what the strict validator accepts
    assert lab_settings.validate(values) == values
    assert all(isinstance(n, str) for n in notes)


@FAST
@given(st.dictionaries(st.text(max_size=8), url_value, max_size=12))
def test_weights_url_gives_a_state_for_any_parameters(params):
    state, warnings = weights_url.parse(params)
    again, more = weights_url.parse(weights_url.encode(state))
    assert again == state and not more


@FAST
@given(url_value)
def test_exercise_seed_from_the_url_is_a_seed_or_a_message(raw):
    seed, problem = parse_seed(raw)
    if problem is None:
        assert 0 <= seed <= MAX_SEED
        make_exercise(seed)
    else:
        assert seed is None and "seed" in problem


json_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10)
)
json_doc = st.recursive(
    json_scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=8), inner, max_size=5),
    ),
    max_leaves=20,
)


def mutated_net_doc(draw_value, key):
    doc = json.loads(nets.net_json(nets.init_net(2, 2, "tanh", "sigmoid", seed=0)))
    doc[key] = draw_value
    return json.dumps(doc)


@FAST
@given(
    st.one_of(json_doc.map(json.dumps), st.text(max_size=80), st.binary(max_size=80))
)
def test_net_json_import_gives_a_net_or_a_clear_error(text):
    try:
        out = read_net_json(text)
    except ValueError as exc:
        check_error(exc)
        return
    assert isinstance(out["net"], nets.Net)


@FAST
@given(
    st.sampled_from(["W1", "b1", "W2", "b2", "activation", "head", "X", "y"]), json_doc
)
def test_net_json_with_one_field_spoiled_is_read_or_refused(key, value):
    try:
        out = read_net_json(mutated_net_doc(value, key))
    except ValueError as exc:
        check_error(exc)
        return
    assert isinstance(out["net"], nets.Net)


@FAST
@given(
    st.one_of(json_doc.map(json.dumps), st.text(max_size=80), st.binary(max_size=80))
)
def test_lab_json_import_gives_a_state_or_a_clear_error(text):
    try:
        values, sig, soft, epoch = read_lab_json(text)
    except ValueError as exc:
        check_error(exc)
        return
    assert lab_settings.validate(values) == values
    assert sig.head == "sigmoid" and soft.head == "softmax"


def test_found_by_the_properties_a_blank_file_and_a_superscript_seed():
    # a file of a byte-order mark alone is empty, not a crash
    with pytest.raises(ValueError, match="empty"):
        read_table("\ufeff")
    # "²" counts as a digit to str.isdigit, yet is no seed
    assert parse_seed("²")[0] is None
