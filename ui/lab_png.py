"""A probability grid as a small PNG, coloured like the heatmaps of the other pages.

A browser scales one image far faster than it draws a rectangle per grid cell.
"""

import base64
import struct
import zlib

import numpy as np

# P = 0, 0.5, 1: the stops of ``ui.figures.HEATMAP``
STOPS = np.array([[0xF4, 0xA5, 0x82], [0xF7, 0xF7, 0xF7], [0x92, 0xC5, 0xDE]], float)


def colours(P):
    """RGB (…, 3) uint8 for probabilities ``P``, linear between the three stops."""
    t = np.clip(np.asarray(P, dtype=np.float64), 0.0, 1.0)[..., None] * 2.0
    low = STOPS[0] + (STOPS[1] - STOPS[0]) * np.minimum(t, 1.0)
    rgb = np.where(t <= 1.0, low, STOPS[1] + (STOPS[2] - STOPS[1]) * (t - 1.0))
    return np.rint(rgb).astype(np.uint8)


def _chunk(kind, body):
    return (
        struct.pack(">I", len(body))
        + kind
        + body
        + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    )


def png_bytes(rgb):
    """An 8-bit RGB PNG of ``rgb`` (height, width, 3), row 0 at the top."""
    height, width, _ = rgb.shape
    rows = np.hstack([np.zeros((height, 1), np.uint8), rgb.reshape(height, -1)])
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows.tobytes(), 6))
        + _chunk(b"IEND", b"")
    )


def grid_data_url(P):
    """A data URL of the grid ``P`` (len(x2), len(x1)); its row 0 is the lowest x2."""
    png = png_bytes(colours(P[::-1]))  # the image's top row is the highest x2
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
