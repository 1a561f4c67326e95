"""The explorer layer over a toy case: controls, redraws, errors and the static export."""

from __future__ import annotations

import pandas as pd
import pytest

from innolead.analysis.errors import SelectionError
from innolead.explorers.base import ControlValueError, Explorer, ExplorerSpec, check_state
from innolead.explorers.controls import Choice, Slider
from innolead.explorers.view import Chart, View
from innolead.web.static_explorer import export, state_key

DATA = pd.DataFrame({"unit": ["A", "A", "B", "B", "B"], "ideas": [1, 3, 2, 2, 5]})
calls: list[dict] = []


def _view(data: pd.DataFrame, unit: str, scale: float) -> View:
    calls.append({"unit": unit, "scale": scale})
    rows = data if unit == "all" else data[data["unit"] == unit]
    if unit == "none":
        msg = "No units match this selection; choose another unit."
        raise SelectionError(msg)
    table = rows.groupby("unit", as_index=False)["ideas"].sum()
    table["scaled"] = table["ideas"] * scale
    chart = Chart("bar", table, "unit", "scaled", "Ideas by unit", "Unit", "Ideas")
    total = table["scaled"].sum()
    return View(chart, table, f"{total:.1f} ideas in this selection.", "Bar chart of ideas")


SPEC = ExplorerSpec(
    case="toy",
    title="Toy",
    look_for="the totals",
    controls=(
        Choice("unit", "Unit", (("All", "all"), ("A", "A"), ("B", "B"), ("None", "none")), "all"),
        Slider("scale", "Scale", (1.0, 2.0), 1.0, fmt="{:.0f}"),
    ),
    load=lambda: DATA,
    view=_view,
)


def test_explorer_shows_default_view() -> None:
    """Does a new explorer show the default state's sentence, table and chart?"""
    explorer = Explorer(SPEC)
    assert explorer.view.sentence == "13.0 ideas in this selection."
    assert "13.0" in explorer.sentence.value
    assert len(explorer.chart.outputs) == 1
    assert explorer.chart.outputs[0]["data"]["text/plain"] == "Bar chart of ideas"


@pytest.mark.parametrize(("unit", "scale", "expected"), [("A", 1.0, 4.0), ("B", 2.0, 18.0)])
def test_explorer_follows_controls(unit: str, scale: float, expected: float) -> None:
    """Does setting the controls change the sentence and table to that state's values?"""
    explorer = Explorer(SPEC)
    explorer.set(unit=unit, scale=scale)
    assert explorer.view.sentence == f"{expected:.1f} ideas in this selection."
    assert explorer.view.table["scaled"].sum() == expected
    assert f"{expected:.2f}" in explorer.table.value


def test_explorer_error_clears_chart() -> None:
    """After a selection error, is the chart cleared and the reason shown (no stale chart)?"""
    explorer = Explorer(SPEC)
    explorer.set(unit="none")
    assert explorer.chart.outputs == ()
    assert explorer.table.value == ""
    assert "choose another unit" in explorer.sentence.value


def test_explorer_skips_unchanged_state() -> None:
    """Does setting a control to its current value skip the recomputation?"""
    explorer = Explorer(SPEC)
    calls.clear()
    explorer.set(unit="all")
    assert calls == []


def test_explorer_rejects_unknown_control() -> None:
    """Does an unknown control name give a message listing the real ones?"""
    with pytest.raises(TypeError, match="its controls are"):
        Explorer(SPEC, colour="red")


def test_check_state_rejects_impossible_value() -> None:
    """Does a value outside a control's options get a clear message?"""
    with pytest.raises(ControlValueError, match=r"'unit' cannot be 'C'; choose one of \['all'"):
        check_state(SPEC, {"unit": "C"})


def test_explorer_set_names_the_choices() -> None:
    """Does setting a control to a value it lacks name the choices, not raise a TraitError?"""
    explorer = Explorer(SPEC)
    with pytest.raises(
        ControlValueError, match=r"'scale' cannot be 3.0; choose one of \[1.0, 2.0\]"
    ):
        explorer.set(scale=3.0)
    with pytest.raises(TypeError, match="its controls are"):
        explorer.set(colour="red")
    assert explorer.state == {"unit": "all", "scale": 1.0}


def test_export_matches_python_views() -> None:
    """Does the static export hold, for every state, exactly the Python view's sentence?"""
    exported = export(SPEC)
    assert len(exported["states"]) == 8
    for i, (_, unit) in enumerate(SPEC.controls[0].options):
        for j, scale in enumerate(SPEC.controls[1].steps):
            state = exported["states"][state_key((i, j))]
            if unit == "none":
                assert state["error"]
                assert state["chart"] is None
            else:
                assert state["sentence"] == _view(DATA, unit, scale).sentence
