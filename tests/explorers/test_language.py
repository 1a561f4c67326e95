"""The explorers' words follow the course language at the moment they are drawn."""

from __future__ import annotations

import pandas as pd
import pytest

from innolead.analysis.errors import SelectionError
from innolead.explorers import diffusion, relay
from innolead.explorers.controls import Choice, Slider, shown
from innolead.explorers.view import in_language
from innolead.language import VARIABLE


@pytest.fixture
def swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(VARIABLE, "sv")


def test_shown_translates_label_options_and_help(swedish) -> None:
    """Does a control come out in Swedish, its help's placeholder filled after translation?"""
    control = shown(relay.SPEC.controls[1])
    assert control.label == "Dela upp per"
    assert control.option_labels() == ["Alla", "Roll", "Typ av organisation", "Stafett"]
    assert control.help.startswith("Grupper med färre än 5 personer slås ihop")
    assert control.values() == relay.SPEC.controls[1].values()  # values are data, untouched


def test_shown_keeps_english_without_a_language(monkeypatch) -> None:
    """Without INNOLEAD_LANG, is the control exactly as declared (help placeholder filled)?"""
    monkeypatch.delenv(VARIABLE, raising=False)
    control = shown(relay.SPEC.controls[1])
    assert control.label == "Break down by"
    assert control.help == "Groups with fewer than 5 people are pooled so no one is identifiable."


def test_slider_values_use_the_decimal_comma(swedish) -> None:
    """Do a slider's values read with a decimal comma in Swedish?"""
    slider = Slider("p", "Innovation coefficient p", (0.002, 0.01), 0.01)
    assert shown(slider).option_labels() == ["0,002", "0,010"]


def test_unknown_option_label_stays_as_it_is(swedish) -> None:
    """Is an option label without a catalogue entry (a name) left unchanged?"""
    choice = Choice("unit", "Department", (("Lindåsa norra", "n"),), "n")
    assert shown(choice).option_labels() == ["Lindåsa norra"]


@pytest.mark.parametrize(
    "values",
    [
        pd.Series(pd.Categorical(["elder care", "education"], ordered=True)),
        pd.Series(["elder care", "education"], dtype="string"),
    ],
)
def test_in_language_translates_values_and_keeps_dtype(swedish, values: pd.Series) -> None:
    """Are data values shown in Swedish with the dtype (and category order) they had?"""
    result = in_language(values)
    assert result.tolist() == ["äldreomsorgen", "utbildning"]
    assert result.dtype.name == values.dtype.name


def test_failed_selection_speaks_the_language_of_the_view(monkeypatch) -> None:
    """Is a group that failed at load time explained in the language current when viewed?"""
    monkeypatch.setenv(VARIABLE, "en")
    frame = pd.DataFrame({"municipality_group": ["rural municipality"], "adoption_year": [None]})
    data = diffusion.prepare(frame.assign(municipality="A", municipality_id="a"))
    monkeypatch.setenv(VARIABLE, "sv")
    with pytest.raises(SelectionError, match="Ingen kommun i urvalet har infört"):
        diffusion.view(data, 0.01, 0.4, "rural", "cumulative")


def test_swedish_chart_axes_write_numbers_the_swedish_way(swedish) -> None:
    """Does a Swedish chart's specification carry the decimal comma and "80 %" for its axes?"""
    from innolead.explorers.base import run_view

    view = run_view(relay.SPEC, relay.load(), {"item": "knowledge", "by": "all"})
    from innolead.render.vegalite import vega_spec

    number = vega_spec(view.chart, view.alt)["config"]["locale"]["number"]
    assert (number["decimal"], number["percent"]) == (",", " %")
