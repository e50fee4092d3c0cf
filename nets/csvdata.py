"""Two-class data sets read from a CSV file, and written back to one.

Python's csv module only, so ``nets`` stays numpy-only. Every problem is a
ValueError whose message names it, with the column and the row: rows are counted
from 1 after the header, and the file's line is given beside the row.
"""

import csv
import io
from dataclasses import dataclass

import numpy as np

from .data import Dataset, split

MAX_BYTES = 2_000_000
MAX_ROWS = 10_000
DELIMITERS = ",;\t"


@dataclass(frozen=True)
class Table:
    """A CSV file's cells as stripped strings: one tuple per data row."""

    header: tuple
    rows: tuple
    lines: tuple  # the file line of each data row

    def where(self, i):
        return f"row {i + 1} (line {self.lines[i]})"

    def column(self, name):
        if name not in self.header:
            raise ValueError(
                f"There is no column {name!r}; the columns are {list(self.header)}."
            )
        j = self.header.index(name)
        return [row[j] for row in self.rows]


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
    delimiter = max(DELIMITERS, key=first.count)
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
            raise ValueError(f"The column name {name!r} appears twice in the header.")
    if not rows:
        raise ValueError("The file has a header row but no data rows.")
    return Table(header, tuple(rows), tuple(lines))


def _is_number(cell):
    try:
        float(cell)
    except ValueError:
        return False
    return True


def numeric_columns(table):
    """Columns whose filled cells are all numbers (blanks and inf are judged later)."""
    out = []
    for name in table.header:
        cells = [c for c in table.column(name) if c]
        if cells and all(_is_number(c) for c in cells):
            out.append(name)
    return out


def label_columns(table):
    """Columns with exactly two different values."""
    return [n for n in table.header if len(set(table.column(n)) - {""}) == 2]


def default_columns(table):
    """A first guess: the last two-valued column as label, the first two numbers."""
    labels = label_columns(table)
    label = labels[-1] if labels else table.header[-1]
    inputs = [n for n in numeric_columns(table) if n != label]
    return tuple(inputs[:2]), label


def _input_column(table, name):
    values = np.empty(len(table.rows))
    for i, cell in enumerate(table.column(name)):
        if not cell:
            raise ValueError(
                f"Column {name!r} has a missing value in {table.where(i)}."
            )
        try:
            values[i] = float(cell)
        except ValueError:
            raise ValueError(
                f"Column {name!r} is not numeric: {table.where(i)} holds {cell!r}."
            ) from None
        if not np.isfinite(values[i]):
            raise ValueError(
                f"Column {name!r} holds {cell!r} in {table.where(i)}, not a finite "
                "number."
            )
    return values


def _class_order(values):
    # numbers in numeric order (so 0 before 1, 2 before 10), other labels as text
    if all(_is_number(v) for v in values):
        return tuple(sorted(values, key=float))
    return tuple(sorted(values))


def _label_column(table, name):
    cells = table.column(name)
    seen = []
    for i, cell in enumerate(cells):
        if not cell:
            raise ValueError(
                f"The label column {name!r} has a missing value in {table.where(i)}."
            )
        if cell not in seen:
            seen.append(cell)
            if len(seen) == 3:
                raise ValueError(
                    f"The label column {name!r} has more than two values: "
                    f"{seen[0]!r}, {seen[1]!r} and {cell!r} (first in "
                    f"{table.where(i)}); it needs exactly two."
                )
    if len(seen) == 1:
        raise ValueError(
            f"The label column {name!r} has one value, {seen[0]!r}, in every row; it "
            "needs exactly two."
        )
    classes = _class_order(seen)
    return (np.array(cells) == classes[1]).astype(np.float64), classes


def table_to_dataset(table, inputs, label, train_ratio=0.7, seed=0, name="upload"):
    """The ``Dataset`` of two input columns and a two-valued label column.

    Class 0 is the label's first value in order (numeric if the values are numbers),
    class 1 the second; ``Dataset.class_names`` holds them in that order.
    """
    inputs = tuple(inputs)
    numeric = numeric_columns(table)
    if len(numeric) < 2:
        raise ValueError(
            "The file needs at least two numeric columns for the inputs; found "
            f"{len(numeric)}" + (f": {numeric}." if numeric else ".")
        )
    if len(inputs) != 2 or len(set(inputs)) != 2:
        raise ValueError(f"Pick two different input columns; received {list(inputs)}.")
    if label in inputs:
        raise ValueError(f"The label column {label!r} cannot also be an input.")
    X = np.column_stack([_input_column(table, c) for c in inputs])
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
