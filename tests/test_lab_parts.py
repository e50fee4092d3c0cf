"""The Lab's smaller parts: features, settings from links and files, the JSON
export, the contour, the hidden-space line, the PNG heatmap and the stop rules."""

import json
import struct
import zlib

import numpy as np
import pytest

import nets
from nets.contour import contour_segments
from nets.features import FEATURES, FeatureMap, feature_matrix
from nets.hidden import confusion, head_line, hidden_layer, line_in_box
from nets.live import STOPPED_EPOCHS, STOPPED_TARGET, advance
from nets.lockstep import lab_twins
from ui import lab_live as live
from ui import lab_settings as ls
from ui.lab_io import lab_json, read_lab_json
from ui.lab_png import colours, png_bytes


def test_features_are_the_named_functions_of_the_standardised_inputs():
    X = np.array([[1.0, 10.0], [3.0, 30.0], [5.0, 20.0]])
    fmap = FeatureMap.fit(X, ["sinx2", "x1", "x1x2"])  # any order in, table order out
    assert fmap.names == ("x1", "x1x2", "sinx2")
    Z = (X - X.mean(axis=0)) / X.std(axis=0)
    want = np.column_stack([Z[:, 0], Z[:, 0] * Z[:, 1], np.sin(Z[:, 1])])
    np.testing.assert_allclose(fmap(X), want, rtol=1e-15)
    assert feature_matrix(Z, list(FEATURES)).shape == (3, 7)
    with pytest.raises(ValueError, match="'cosx1'"):
        FeatureMap.fit(X, ["x1", "cosx1"])


def test_link_values_out_of_range_take_the_nearest_and_say_so():
    settings, notes = ls.from_query(
        {"lr": "50", "hidden": "3.6", "data": "spirall", "points": "abc"}
    )
    assert settings["lr"] == 10.0 and settings["hidden"] == 4
    assert settings["data"] == "spiral"
    assert settings["points"] == ls.SPEC["points"].default
    assert len(notes) == 4
    assert any(n.startswith("lr:") and "10" in n for n in notes)


def test_settings_round_trip_through_the_link():
    s = {**ls.defaults(), "data": "xor", "lr": 0.03, "features": ("x1", "x1x2")}
    query = ls.to_query(s)
    assert query == {"data": "xor", "lr": "0.03", "features": "x1,x1x2"}
    assert ls.from_query(query) == (s, [])


def test_strict_settings_refuse_bad_values_by_name():
    with pytest.raises(ValueError, match="'hidden'.*whole number from 1 to 8"):
        ls.validate({"hidden": 9})
    with pytest.raises(ValueError, match="unknown settings"):
        ls.validate({"colour": "red"})
    with pytest.raises(ValueError, match="'lr'"):
        ls.validate({"lr": True})
    assert ls.validate({"lr": 1})["lr"] == 1.0


def _pair(settings):
    sig, soft, _, _ = lab_twins(
        len(settings["features"]),
        settings["hidden"],
        settings["activation"],
        "matched",
        0.1,
    )
    return sig, soft


def test_json_export_reads_back_to_the_same_nets_and_settings():
    s = {**ls.defaults(), "hidden": 3, "features": ("x1", "x2", "x1sq")}
    sig, soft = _pair(s)
    got, sig2, soft2, epoch = read_lab_json(lab_json(s, sig, soft, 12).encode())
    assert got == s and epoch == 12
    for a, b in ((sig, sig2), (soft, soft2)):
        for name, arr in a.params().items():
            np.testing.assert_array_equal(arr, b.params()[name])


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda d: "not json", ["not valid JSON", "line 1"]),
        (lambda d: {**d, "format": "other"}, ["not a Lab export"]),
        (lambda d: {**d, "version": 9}, ["version 9"]),
        (lambda d: {**d, "settings": {"hidden": 0}}, ["'hidden'"]),
        (lambda d: {**d, "nets": {"sigmoid": d["nets"]["sigmoid"]}}, ["exactly"]),
        (
            lambda d: {**d, "nets": {**d["nets"], "softmax": d["nets"]["sigmoid"]}},
            ["softmax net does not fit", "sigmoid head"],
        ),
        (
            lambda d: {**d, "settings": {**d["settings"], "hidden": 2}},
            ["does not fit", "(hidden, features)"],
        ),
        (
            lambda d: {
                **d,
                "nets": {**d["nets"], "sigmoid": {**d["nets"]["sigmoid"], "W1": "x"}},
            },
            ["sigmoid net is not valid", "W1"],
        ),
    ],
)
def test_bad_json_files_are_refused_with_the_reason(change, words):
    s = ls.defaults()
    doc = json.loads(lab_json(s, *_pair(s), 0))
    bad = change(doc)
    text = bad if isinstance(bad, str) else json.dumps(bad)
    with pytest.raises(ValueError) as err:
        read_lab_json(text.encode())
    for word in words:
        assert word in str(err.value)


def test_contour_segments_lie_on_a_known_circle():
    x = np.linspace(-2, 2, 61)
    g1, g2 = np.meshgrid(x, x)
    P = 0.5 + 0.1 * (1.0 - (g1**2 + g2**2))  # P = 0.5 on the unit circle
    seg = contour_segments(x, x, P)
    r = np.hypot(seg[..., 0], seg[..., 1])
    assert len(seg) > 40
    assert np.all(np.abs(r - 1) < 0.01)
    # the segments go all the way round: every direction is covered
    angles = np.arctan2(seg[..., 1], seg[..., 0]).ravel()
    assert np.histogram(angles, bins=12, range=(-np.pi, np.pi))[0].min() > 0


def test_contour_of_a_line_is_exact_where_p_is_linear():
    x1, x2 = np.linspace(-1, 1, 11), np.linspace(-1, 1, 7)
    g1, g2 = np.meshgrid(x1, x2)
    seg = contour_segments(x1, x2, 0.5 + 0.2 * g1 - 0.3 * g2 + 0.01)
    np.testing.assert_allclose(
        0.2 * seg[..., 0] - 0.3 * seg[..., 1] + 0.01, 0, atol=1e-12
    )


def test_the_head_line_in_hidden_space_is_where_p_is_one_half():
    sig, soft = _pair({**ls.defaults(), "hidden": 2})
    soft = soft.copy(W2=soft.W2 + np.array([[0.3, -0.2]]))  # a shift changes nothing
    for net in (sig, soft):
        w, b = head_line(net)
        seg = line_in_box(w, b, (-1, -1), (1, 1))
        h = np.column_stack(seg)  # the two ends, points in hidden space
        logits = h @ net.W2.T + net.b2
        p = (
            nets.softmax(logits)[:, 1]
            if net.head == "softmax"
            else nets.sigmoid(logits[:, 0])
        )
        np.testing.assert_allclose(p, 0.5, atol=1e-12)
        assert np.all(np.abs(h) <= 1 + 1e-12)
    assert line_in_box([1.0, 0.0], -5.0, (-1, -1), (1, 1)) is None
    assert hidden_layer(sig, np.zeros((3, 2))).shape == (3, 2)


def test_confusion_counts():
    counts = confusion([0.9, 0.2, 0.6, 0.4, 0.5], [1, 0, 0, 1, 1])
    np.testing.assert_array_equal(counts, [[1, 1], [1, 2]])


def test_png_heatmap_decodes_to_the_colours_given():
    rgb = colours(np.array([[0.0, 0.5], [1.0, 0.25]]))
    assert rgb[0, 0].tolist() == [0xF4, 0xA5, 0x82] and rgb[1, 0].tolist() == [
        0x92,
        0xC5,
        0xDE,
    ]
    png = png_bytes(rgb)
    width, height = struct.unpack(">II", png[16:24])
    idat = png[png.index(b"IDAT") + 4 : png.index(b"IEND") - 8]
    raw = np.frombuffer(zlib.decompress(idat), np.uint8).reshape(height, -1)
    assert (width, height) == (2, 2) and np.all(raw[:, 0] == 0)
    np.testing.assert_array_equal(raw[:, 1:].reshape(2, 2, 3), rgb)


def _twins(n=40):
    data = nets.make_toy("gauss", n_points=n, noise=0.0)
    sig, soft, sr, fr = lab_twins(2, 2, "tanh", "matched", 0.5)
    return nets.TwinTrainer(sig, soft, data.X_train, data.y_train, None, None, sr, fr)


def test_advance_stops_at_the_epoch_limit_and_at_the_target_loss():
    twins = _twins()
    assert advance(twins, 7, 10) == (7, None)
    assert advance(twins, 7, 10) == (3, STOPPED_EPOCHS) and twins.epoch == 10
    assert advance(twins, 7, 10) == (0, STOPPED_EPOCHS)

    twins = _twins()
    target = twins.sigmoid.history.train_loss[0] / 2
    ran, reason = advance(twins, 10_000, 100_000, target)
    assert reason == STOPPED_TARGET and ran < 10_000
    losses = [t.history.train_loss for t in twins.trainers]
    assert all(h[-1] <= target for h in losses)
    assert not all(h[-2] <= target for h in losses)  # not one epoch later than needed


def test_a_link_keeps_every_digit_of_a_float():
    s = {**ls.defaults(), "lr": 0.123456789, "noise": 0.1 + 0.2, "target_loss": 2.0}
    query = ls.to_query(s)
    assert query["lr"] == "0.123456789" and query["target_loss"] == "2"
    assert ls.from_query(query) == (s, [])


def test_a_link_name_in_other_letter_case_is_that_name():
    settings, notes = ls.from_query(
        {"data": "CIRCLE", "optimizer": "ADAM", "features": "X1,x2sq"}
    )
    assert settings["data"] == "circle" and settings["optimizer"] == "adam"
    assert settings["features"] == ("x1", "x2sq")
    assert len(notes) == 3 and all("using" in n for n in notes)


def _doc():
    s = ls.defaults()
    return json.loads(lab_json(s, *_pair(s), 0))


def _spoil(head, name, value):
    doc = _doc()
    doc["nets"][head][name] = value
    return json.dumps(doc)


@pytest.mark.parametrize(
    "text, words",
    [
        (
            '{"format": "twin-heads-lab", "version": 1, "settings": {"lr": 1%s}}'
            % ("0" * 400),
            ["'lr'", "from 0.0001 to 10"],
        ),
        ("[" * 100_000, ["nested too deeply"]),
        ('{"epoch": 1%s}' % ("0" * 5000), ["too long to read"]),
        (_spoil("sigmoid", "W1", [[1e300, 0.0]] * 4), ["finite", "at most 1e+06"]),
        (_spoil("softmax", "b2", [float("inf")] * 2), ["softmax", "finite"]),
        (_spoil("sigmoid", "W1", [[0.0, 0.0]] * 50_000), ["(50000, 2)", "(4, 2)"]),
        (_spoil("sigmoid", "W1", "x" * 100_000), ["W1", "…"]),
        (json.dumps({**_doc(), "epoch": 10**100}), ['"epoch"', "…"]),
        (json.dumps({**_doc(), "settings": {"data": "x" * 100_000}}), ["'data'"]),
    ],
    ids=["huge-lr", "deep", "long-int", "big", "inf", "shape", "text", "epoch", "long"],
)
def test_crafted_json_files_are_refused_in_a_short_sentence(text, words):
    with pytest.raises(ValueError) as err:
        read_lab_json(text.encode())
    message = str(err.value)
    for word in words:
        assert word in message
    assert len(message) < 400


def test_live_charts_start_their_epoch_axis_at_0_and_mark_the_last_epoch():
    sig, soft = _pair(ls.defaults())
    probe = {"epoch": [0], "gap": [0.0], "row_sum": [[0.0] * 5]}
    hists = {"sigmoid": {"epoch": [0], "train_loss": [0.7], "test_loss": [0.69]}}
    for spec, data in (
        (live.loss_spec(), live.loss_data(hists)),
        (live.lockstep_spec()["hconcat"][0], live.lockstep_data(probe)),
    ):
        line, dot = spec["layer"]
        assert line["encoding"]["x"]["scale"]["domain"] == {"unionWith": [0, 1]}
        assert len(data[dot["data"]["name"]]) >= 1  # a dot at epoch 0
    now = live.lockstep_data(
        {**probe, "epoch": [0, 1], "gap": [0.0, 1e-16], "row_sum": [[0.0] * 5] * 2}
    )
    assert now["gap_now"]["epoch"].tolist() == [1]
