"""Reading a user's CSV into a data set: every problem named with its row or column."""

import re

import numpy as np
import pytest

from nets.csvdata import (
    MAX_BYTES,
    dataset_to_csv,
    default_columns,
    numeric_columns,
    read_table,
    table_to_dataset,
)
from tests.conftest import ROOT

GOOD = b"a,b,kind\n1,2,cat\n3,4,dog\n5,6.5,cat\n-1,0,dog\n"


def load(text, inputs=("a", "b"), label="kind", **kw):
    return table_to_dataset(read_table(text, **kw), inputs, label, train_ratio=0.5)


def test_a_good_file_gives_the_points_and_the_label_mapping():
    data = load(GOOD)
    assert data.class_names == ("cat", "dog")  # class 0 = cat, class 1 = dog
    X = np.vstack([data.X_train, data.X_test])
    y = np.concatenate([data.y_train, data.y_test])
    rows = {(1.0, 2.0): 0, (3.0, 4.0): 1, (5.0, 6.5): 0, (-1.0, 0.0): 1}
    assert {tuple(x): int(c) for x, c in zip(X, y, strict=True)} == rows


def test_numeric_labels_sort_as_numbers_and_columns_are_guessed():
    table = read_table("x;y;c\n1;2;10\n2;3;9\n3;1;10\n")  # semicolons too
    assert numeric_columns(table) == ["x", "y", "c"]
    assert default_columns(table) == (("x", "y"), "c")
    data = table_to_dataset(table, ("x", "y"), "c")
    assert data.class_names == ("9", "10")


def test_download_reads_back_to_the_same_points():
    data = load(GOOD)
    again = load(dataset_to_csv(data), inputs=("a", "b"), label="label")
    got = np.vstack([again.X_train, again.X_test])
    want = np.vstack([data.X_train, data.X_test])
    assert sorted(map(tuple, got)) == sorted(map(tuple, want))
    assert again.class_names == data.class_names


@pytest.mark.parametrize(
    "data, words",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", ["not a CSV", "zero byte"]),
        (b"a,b\n\xff\xfe1,2\n", ["not a CSV", "UTF-8"]),
        (b"", ["empty"]),
        (b"  \n\n", ["empty"]),
        (b"a,b,c\n", ["no data rows"]),
        (b"a,b,c\n1,2,x\n3,4\n", ["row 2", "line 3", "2 fields", "header has 3"]),
        (b"a,,c\n1,2,x\n", ["Column 2", "no name"]),
        (b"a,a,c\n1,2,x\n", ["'a'", "twice"]),
    ],
    ids=[
        "binary",
        "not-utf8",
        "empty",
        "blank",
        "header-only",
        "ragged",
        "no-name",
        "duplicate",
    ],
)
def test_files_that_are_not_usable_csv_are_named(data, words):
    with pytest.raises(ValueError) as err:
        read_table(data)
    for word in words:
        assert word in str(err.value)


def test_without_two_numeric_columns():
    with pytest.raises(ValueError, match=r"two numeric columns.*found 1: \['a'\]"):
        load(b"a,b,kind\n1,x,cat\n2,y,dog\n")


def test_a_text_input_column_names_the_cell():
    table = read_table(b"a,b,n,kind\n1,2,3,cat\n2,3,4,dog\n")
    with pytest.raises(ValueError, match=r"'kind'.*not numeric.*row 1 \(line 2\)"):
        table_to_dataset(table, ("a", "kind"), "n")


def test_a_missing_input_value_names_column_and_row():
    with pytest.raises(
        ValueError, match=r"'b' has a missing value in row 2 \(line 3\)"
    ):
        load(b"a,b,kind\n1,2,cat\n3,,dog\n")


@pytest.mark.parametrize("bad", ["inf", "nan", "-Infinity"])
def test_a_non_finite_input_names_column_and_row(bad):
    text = f"a,b,kind\n1,2,cat\n3,4,dog\n5,{bad},cat\n".encode()
    with pytest.raises(ValueError, match=rf"'b' holds '{bad}' in row 3 \(line 4\)"):
        load(text)


def test_a_missing_label_names_the_row():
    with pytest.raises(ValueError, match=r"label column 'kind'.*missing.*row 2"):
        load(b"a,b,kind\n1,2,cat\n3,4,\n5,6,dog\n")


def test_a_label_with_one_value():
    with pytest.raises(ValueError, match=r"one value, 'cat'.*exactly two"):
        load(b"a,b,kind\n1,2,cat\n3,4,cat\n")


def test_a_label_with_three_values_names_where_the_third_is():
    text = b"a,b,kind\n1,2,cat\n3,4,dog\n5,6,cat\n7,8,eel\n"
    with pytest.raises(ValueError, match=r"more than two.*'eel'.*row 4 \(line 5\)"):
        load(text)


def test_past_the_row_cap():
    text = "a,b,kind\n" + "".join(f"{i},{i},{i % 2}\n" for i in range(11))
    with pytest.raises(ValueError, match=r"more than 10 data rows.*row 11 \(line 12\)"):
        read_table(text, max_rows=10)
    assert len(read_table(text, max_rows=11).rows) == 11


def test_past_the_size_cap():
    with pytest.raises(ValueError, match=r"1,000 bytes, past the cap of 999"):
        read_table(b"a" * 1000, max_bytes=999)


def test_the_label_cannot_be_an_input():
    with pytest.raises(ValueError, match="cannot also be an input"):
        load(GOOD, inputs=("a", "b"), label="a")


def test_a_semicolon_file_reads_decimal_commas():
    data = load(b"a;b;y\n1,5;2,5;yes\n-0,25;3;no\n", label="y")
    X = np.vstack([data.X_train, data.X_test])
    assert sorted(map(tuple, X)) == [(-0.25, 3.0), (1.5, 2.5)]
    assert data.class_names == ("no", "yes")


def test_a_decimal_comma_in_a_comma_file_is_named_with_what_to_do():
    with pytest.raises(ValueError, match=r"holds '1,5'\. It has a decimal comma"):
        load(b'a,b,y\n"1,5",2,yes\n3,4,no\n', label="y")


def test_numeric_labels_are_the_same_class_when_the_same_number():
    data = load(b"a,b,y\n1,2,1\n3,4,1.0\n5,6,0\n7,8,0.0\n9,1,-0\n", label="y")
    assert data.class_names == ("0", "1")  # the first spelling of each value
    X = np.vstack([data.X_train, data.X_test])
    y = np.concatenate([data.y_train, data.y_test])
    assert {tuple(x): int(c) for x, c in zip(X, y, strict=True)} == {
        (1.0, 2.0): 1,
        (3.0, 4.0): 1,
        (5.0, 6.0): 0,
        (7.0, 8.0): 0,
        (9.0, 1.0): 0,
    }


def test_a_text_cell_in_an_input_is_named_before_the_label_clash():
    # the guess when column a is not numeric: inputs a and y, label y
    table = read_table(b"a,b,y\n1,2,0\n0x10,3,1\n")
    with pytest.raises(ValueError, match=r"'a' is not numeric: row 2 \(line 3\).*0x10"):
        table_to_dataset(table, ("a", "y"), "y")


def test_commas_inside_quoted_names_do_not_pick_the_delimiter():
    table = read_table(b'"x, cm";"y, cm";label\n1;2;a\n3;4;b\n')
    assert table.header == ("x, cm", "y, cm", "label")
    assert default_columns(table) == (("x, cm", "y, cm"), "label")


def test_a_last_column_of_one_value_stays_the_label_and_is_named():
    # columns a and b have two values each: they must not become the label unsaid
    table = read_table(b"a,b,y\n1,2,0\n1,4,0\n5,2,0\n")
    inputs, label = default_columns(table)
    assert label == "y"
    with pytest.raises(ValueError, match=r"'y' has one value, '0'.*two values: \['a'"):
        table_to_dataset(table, inputs, label)


def test_a_last_column_of_many_values_gives_way_to_a_two_valued_one():
    table = read_table(b"a,kind,b\n1,cat,2\n2,dog,3\n3,cat,9\n")
    assert default_columns(table) == (("a", "b"), "kind")


@pytest.mark.parametrize("cell", ["9" * 5000, "x" * 5000])
def test_messages_quote_a_huge_cell_in_short(cell):
    with pytest.raises(ValueError) as err:
        load(f"a,b,kind\n{cell},2,cat\n3,4,dog\n".encode())
    message = str(err.value)
    assert "row 1 (line 2)" in message and "…" in message
    assert len(message) < 200


def test_the_size_cap_is_the_servers_upload_cap():
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    megabytes = int(re.search(r"maxUploadSize = (\d+)", config).group(1))
    assert MAX_BYTES == megabytes * 1024 * 1024
