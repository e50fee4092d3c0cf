"""Two-class data sets read from a CSV file, and written back to one.

Python's csv module only, so ``nets`` stays numpy-only. Every problem is a
ValueError whose message names it, with the column and the row: rows are counted
from 1 after the header, and the file's line is given beside the row. Text quoted
from the file is cut to ``QUOTE_LIMIT`` characters.

The delimiter is the one of ``DELIMITERS`` used most in the header, outside quotes.
In a file delimited by ``;`` or a tab a number may have a decimal comma (``1,5``),
as spreadsheets write them in much of Europe. Numeric labels are compared by value,
so ``1`` and ``1.0`` are one class.
"""

import csv
import io
import math
import re
from dataclasses import dataclass

import numpy as np

from .data import Dataset, split

MAX_BYTES = 5 * 1024 * 1024  # the upload cap of the server (.streamlit/config.toml)
MAX_ROWS = 10_000
DELIMITERS = ",;\t"
QUOTE_LIMIT = 40
_DECIMAL_COMMA = re.compile(r"[+-]?\d*,\d+(?:[eE][+-]?\d+)?")
_QUOTED = re.compile(r'"[^"]*"?')


def shorten(value, limit=QUOTE_LIMIT, quote=True):
    """``repr(value)`` (``str`` without ``quote``) cut to ``limit`` characters.

    A message quoting a user's input never grows with it: a cut ends in "…".
    """
    try:
        text = repr(value) if quote else str(value)
    except ValueError:  # an int past Python's limit on digits in text
        return f"a {type(value).__name__} too long to show"
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Table:
    """A CSV file's cells as stripped strings: one tuple per data row."""

    header: tuple
    rows: tuple
    lines: tuple  # the file line of each data row
    decimal_comma: bool = False  # whether 1,5 is read as 1.5

    def where(self, i):
        return f"row {i + 1} (line {self.lines[i]})"

    def column(self, name):
        if name not in self.header:
            raise ValueError(
                f"There is no column {shorten(name)}; the columns are "
                f"{shorten(list(self.header), 4 * QUOTE_LIMIT)}."
            )
        j = self.header.index(name)
        return [row[j] for row in self.rows]

    def number(self, cell):
        """The cell's number (float); a ValueError if it holds none."""
        if self.decimal_comma and _DECIMAL_COMMA.fullmatch(cell):
            cell = cell.replace(",", ".")
        return float(cell)

    def is_number(self, cell):
        try:
            self.number(cell)
        except ValueError:
            return False
        return True


def _text(data, max_bytes):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > max_bytes:
        raise ValueError(
            f"The file is {len(data):,} bytes, past the cap of {max_bytes:,} bytes."
        )
    if not data.strip():
        raise ValueError("The file is empty.")
    if b"\x00" in data:
        raise ValueError(
            f"This is not a CSV file: it holds a zero byte at byte {data.index(0)}, "
            "as binary files do."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"This is not a CSV file: byte {exc.start} is not UTF-8 text."
        ) from None


def read_table(data, max_bytes=MAX_BYTES, max_rows=MAX_ROWS):
    """Parse CSV ``data`` (bytes or str) with a header row into a ``Table``."""
    text = _text(data, max_bytes)
    lines = text.lstrip().splitlines()
    first = lines[0] if lines else ""  # a blank file is refused below as empty
    # a header such as "x, cm";"y, cm";label has commas inside its quoted names
    unquoted = _QUOTED.sub("", first)
    delimiter = max(DELIMITERS, key=unquoted.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header, rows, lines = None, [], []
    try:
        for cells in reader:
            cells = [c.strip() for c in cells]
            if not any(cells):
                continue  # blank lines carry nothing
            if header is None:
                header = tuple(cells)
                continue
            if len(rows) == max_rows:
                raise ValueError(
                    f"The file has more than {max_rows:,} data rows (the cap); row "
                    f"{max_rows + 1} (line {reader.line_num}) is past it."
                )
            if len(cells) != len(header):
                raise ValueError(
                    f"This is not a well-formed CSV file: row {len(rows) + 1} (line "
                    f"{reader.line_num}) has {len(cells)} fields; the header has "
                    f"{len(header)}."
                )
            rows.append(tuple(cells))
            lines.append(reader.line_num)
    except csv.Error as exc:
        raise ValueError(
            f"This is not a well-formed CSV file: line {reader.line_num}: {exc}."
        ) from None
    if header is None:
        raise ValueError("The file is empty: every cell is blank.")
    for j, name in enumerate(header):
        if not name:
            raise ValueError(f"Column {j + 1} has no name in the header row.")
        if header.index(name) != j:
            raise ValueError(
                f"The column name {shorten(name)} appears twice in the header."
            )
    if not rows:
        raise ValueError("The file has a header row but no data rows.")
    return Table(header, tuple(rows), tuple(lines), delimiter in ";\t")


def numeric_columns(table):
    """Columns whose filled cells are all numbers (blanks and inf are judged later)."""
    out = []
    for name in table.header:
        cells = [c for c in table.column(name) if c]
        if cells and all(table.is_number(c) for c in cells):
            out.append(name)
    return out


def _label_key(table, cells):
    """What makes two labels the same: their value if every label is a finite
    number (1 and 1.0 are one class), else their text."""
    try:
        values = [table.number(c) for c in cells if c]
    except ValueError:
        return str
    return table.number if all(math.isfinite(v) for v in values) else str


def _distinct(table, name):
    cells = table.column(name)
    key = _label_key(table, cells)
    return len({key(c) for c in cells if c})


def label_columns(table):
    """Columns with exactly two different values."""
    return [n for n in table.header if _distinct(table, n) == 2]


def default_columns(table):
    """A first guess: the first two numeric columns as inputs, and as the label the
    last column if it has at most two values, else the last two-valued column.

    A last column with one value stays the label, so the problem is named rather
    than another column taken in its place.
    """
    last = table.header[-1]
    labels = label_columns(table)
    label = labels[-1] if labels and _distinct(table, last) > 2 else last
    inputs = [n for n in numeric_columns(table) if n != label]
    return tuple(inputs[:2]), label


def _not_numeric(table, name, i, cell):
    message = (
        f"Column {shorten(name)} is not numeric: {table.where(i)} holds "
        f"{shorten(cell)}."
    )
    if _DECIMAL_COMMA.fullmatch(cell) and not table.decimal_comma:
        message += (
            " It has a decimal comma: write 1.5 for 1,5, or save the file with "
            "semicolons between the fields, where decimal commas are read."
        )
    return message


def _input_column(table, name):
    values = np.empty(len(table.rows))
    for i, cell in enumerate(table.column(name)):
        if not cell:
            raise ValueError(
                f"Column {shorten(name)} has a missing value in {table.where(i)}."
            )
        try:
            values[i] = table.number(cell)
        except ValueError:
            raise ValueError(_not_numeric(table, name, i, cell)) from None
        if not np.isfinite(values[i]):
            raise ValueError(
                f"Column {shorten(name)} holds {shorten(cell)} in {table.where(i)}, "
                "not a finite number."
            )
    return values


def _label_column(table, name):
    cells = table.column(name)
    key = _label_key(table, cells)
    seen = {}  # a label's key -> its first spelling
    for i, cell in enumerate(cells):
        if not cell:
            raise ValueError(
                f"The label column {shorten(name)} has a missing value in "
                f"{table.where(i)}."
            )
        if key(cell) not in seen:
            seen[key(cell)] = cell
            if len(seen) == 3:
                first, second, _ = seen.values()
                raise ValueError(
                    f"The label column {shorten(name)} has more than two values: "
                    f"{shorten(first)}, {shorten(second)} and {shorten(cell)} (first "
                    f"in {table.where(i)}); it needs exactly two."
                )
    if len(seen) == 1:
        others = [n for n in label_columns(table) if n != name][:3]
        hint = (
            f" Columns with two values: {shorten(others, 2 * QUOTE_LIMIT)}."
            if others
            else ""
        )
        raise ValueError(
            f"The label column {shorten(name)} has one value, "
            f"{shorten(next(iter(seen.values())))}, in every row; it needs exactly "
            f"two.{hint}"
        )
    # numbers in numeric order (so 0 before 1, 2 before 10), other labels as text
    order = sorted(seen)
    classes = tuple(seen[k] for k in order)
    return np.array([key(c) == order[1] for c in cells], dtype=np.float64), classes


def table_to_dataset(table, inputs, label, train_ratio=0.7, seed=0, name="upload"):
    """The ``Dataset`` of two input columns and a two-valued label column.

    Class 0 is the label's first value in order (numeric if the values are numbers),
    class 1 the second; ``Dataset.class_names`` holds them in that order.
    """
    inputs = tuple(inputs)
    numeric = numeric_columns(table)
    if len(numeric) < 2:
        message = (
            "The file needs at least two numeric columns for the inputs; found "
            f"{len(numeric)}"
            + (f": {shorten(numeric, 4 * QUOTE_LIMIT)}." if numeric else ".")
        )
        for name in inputs:  # the first cell that is no number, in a chosen input
            if name in table.header and name not in numeric:
                try:
                    _input_column(table, name)
                except ValueError as exc:
                    message += f" {exc}"
                break
        raise ValueError(message)
    if len(inputs) != 2 or len(set(inputs)) != 2:
        raise ValueError(
            f"Pick two different input columns; received {shorten(list(inputs))}."
        )
    # the inputs' own cells first: a bad cell is named even when the label is an input
    X = np.column_stack([_input_column(table, c) for c in inputs])
    if label in inputs:
        raise ValueError(f"The label column {shorten(label)} cannot also be an input.")
    y, classes = _label_column(table, label)
    return Dataset(name, *split(X, y, train_ratio, seed), inputs, classes)


def dataset_to_csv(data):
    """The data set as CSV text: the two inputs, the split and the label's value."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*data.input_names, "split", "label"])
    for part, X, y in (
        ("train", data.X_train, data.y_train),
        ("test", data.X_test, data.y_test),
    ):
        for x, label in zip(X, y, strict=True):
            writer.writerow(
                [
                    repr(float(x[0])),
                    repr(float(x[1])),
                    part,
                    data.class_names[int(label)],
                ]
            )
    return out.getvalue()
