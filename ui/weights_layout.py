"""Where the Weights page's network diagram puts its nodes and numbers, so that no
number covers another number or a node.

Positions are in the figure's data units. Text sizes are estimated in pixels for a
plot area ``WIDTH`` pixels wide and turned into data units; on a wider screen every
gap only grows, so what does not overlap here does not overlap there.
"""

from dataclasses import dataclass

WIDTH = 480  # the narrowest figure assumed, in pixels (two columns on a laptop)
MARGIN = {"l": 10, "r": 10, "t": 66, "b": 10}
X_RANGE = (-0.4, 3.1)
PX_PER_UNIT = 135  # vertical scale: the figure's height follows from it
CHAR = 0.62  # width of a character as a fraction of the font size
FONTS = {"edge": 14, "value": 16, "name": 15, "detail": 14}
# fractions along an edge tried for its number, best first: input edges near the
# hidden unit, head edges near the hidden unit, where their edges fan out most
TRIES = {
    "input": (0.72, 0.62, 0.52, 0.8, 0.42, 0.32, 0.25, 0.86),
    "head": (0.3, 0.38, 0.22, 0.46, 0.54, 0.62, 0.7, 0.16, 0.78),
}


@dataclass(frozen=True)
class Box:
    """A rectangle by its centre and its full width and height, in data units."""

    x: float
    y: float
    w: float
    h: float

    def overlap(self, other):
        """The area this box shares with ``other`` (for a disc: how deep it reaches)."""
        if isinstance(other, Disc):
            return other.overlap(self)
        dx = min(self.x + self.w / 2, other.x + other.w / 2) - max(
            self.x - self.w / 2, other.x - other.w / 2
        )
        dy = min(self.y + self.h / 2, other.y + other.h / 2) - max(
            self.y - self.h / 2, other.y - other.h / 2
        )
        return max(dx, 0.0) * max(dy, 0.0)


@dataclass(frozen=True)
class Disc(Box):
    """A node: a circle on screen, so an ellipse in data units (``w``, ``h`` across)."""

    def overlap(self, other):
        """0 when clear of the box ``other``; else how far inside, from 0 up to 1."""
        # the point of the box nearest the centre, in units of the radii
        near_x = min(max(self.x, other.x - other.w / 2), other.x + other.w / 2)
        near_y = min(max(self.y, other.y - other.h / 2), other.y + other.h / 2)
        dx, dy = (near_x - self.x) / (self.w / 2), (near_y - self.y) / (self.h / 2)
        return max(0.0, 1.0 - (dx * dx + dy * dy))


@dataclass(frozen=True)
class Frame:
    """Pixels per data unit along each axis, for the plot area assumed."""

    sx: float
    sy: float

    def text(self, x, y, lines, font, pad=3):
        """The box of ``lines`` of text at ``font`` pixels, centred on (x, y)."""
        width = max(len(line) for line in lines) * CHAR * font + 2 * pad
        height = len(lines) * 1.3 * font + 2 * pad
        return Box(x, y, width / self.sx, height / self.sy)

    def disc(self, x, y, diameter):
        return Disc(x, y, diameter / self.sx, diameter / self.sy)


def positions(n_hidden):
    """Node positions (inputs, hidden, outputs by name), y range and figure height."""
    inputs = [(0.0, 0.9), (0.0, -0.9)]
    hidden = [(1.2, (n_hidden - 1) / 2 * 1.6 - j * 1.6) for j in range(n_hidden)]
    top = max(hidden[0][1], inputs[0][1]) + 0.3
    drop = max(3.6, top - hidden[-1][1] + 0.3)  # the outputs spread as far as h
    outputs = {
        "sigmoid": (2.7, top),
        "class 1": (2.7, top - 0.55 * drop),
        "class 0": (2.7, top - drop),
    }
    low = min(hidden[-1][1], inputs[-1][1], outputs["class 0"][1]) - 0.9
    y_range = (low, top + 0.75)
    height = round(PX_PER_UNIT * (y_range[1] - y_range[0])) + MARGIN["t"] + MARGIN["b"]
    return inputs, hidden, outputs, y_range, height


def frame():
    """Pixels per unit for a figure ``WIDTH`` wide, drawn ``PX_PER_UNIT`` high."""
    width = WIDTH - MARGIN["l"] - MARGIN["r"]
    return Frame(width / (X_RANGE[1] - X_RANGE[0]), PX_PER_UNIT)


def trim(start, end, r_start, r_end, fr):
    """The edge from ``start`` to ``end`` cut back to the rims of two discs.

    ``r_start`` and ``r_end`` are radii in pixels; the edge then runs from rim to
    rim, and never over the number written inside a node.
    """
    dx, dy = (end[0] - start[0]) * fr.sx, (end[1] - start[1]) * fr.sy
    length = (dx * dx + dy * dy) ** 0.5
    a, b = r_start / length, 1.0 - r_end / length
    return (
        (start[0] + a * (end[0] - start[0]), start[1] + a * (end[1] - start[1])),
        (start[0] + b * (end[0] - start[0]), start[1] + b * (end[1] - start[1])),
    )


def _spots(start, end, text, kind, fr):
    for t in TRIES[kind]:
        x = start[0] + t * (end[0] - start[0])
        y = start[1] + t * (end[1] - start[1])
        yield fr.text(x, y, [text], FONTS["edge"], pad=2)


def _greedy(edges, order, obstacles, fr):
    """Spots taken edge by edge in ``order``, and the overlap left over in total."""
    taken, spots, left = list(obstacles), [None] * len(edges), 0.0
    for i in order:
        best = None
        for box in _spots(*edges[i], fr):
            clash = sum(box.overlap(other) for other in taken)
            if best is None or clash < best[0]:
                best = (clash, box)
            if clash == 0:
                break
        taken.append(best[1])
        spots[i] = (best[1].x, best[1].y)
        left += best[0]
    return left, spots


def place(edges, obstacles, fr):
    """A point on each edge for its number, clear of ``obstacles`` and of each other.

    ``edges`` are ``(start, end, text, kind)`` with ``kind`` a key of ``TRIES``.
    Edges are placed one at a time, the one with the fewest clear spots first;
    if that leaves an overlap, three other orders are tried and the best is kept.
    """
    free = [
        sum(all(box.overlap(o) == 0 for o in obstacles) for box in _spots(*e, fr))
        for e in edges
    ]
    tight = sorted(range(len(edges)), key=free.__getitem__)
    best = None
    heads_first = sorted(range(len(edges)), key=lambda i: edges[i][3] == "input")
    for order in (tight, heads_first, range(len(edges)), tight[::-1]):
        left, spots = _greedy(edges, order, obstacles, fr)
        if best is None or left < best[0]:
            best = (left, spots)
        if left == 0:
            break
    return best[1]
