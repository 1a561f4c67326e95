"""The self-assessment widget, built headlessly, and the notebook that shows it.

Each test sets the controls as a leader would and checks what the widget shows against the
pure functions, never relying on exceptions (widget callbacks swallow them).
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import ipywidgets as widgets
import nbformat
import pandas as pd
import pytest

from innolead.cases import load as load_case
from innolead.language import LANGUAGES
from innolead.organisation_assessment import CAPABILITIES, SelfAssessment, benchmarks, load, profile
from innolead.organisation_assessment.display import profile_alt
from innolead.organisation_assessment.notebook import build_notebook, path_for


@pytest.fixture(scope="module")
def workplaces() -> pd.DataFrame:
    return load_case("barometer")


@pytest.fixture
def widget(workplaces: pd.DataFrame, tmp_path: Path) -> SelfAssessment:
    return SelfAssessment(
        workplaces=workplaces, folder=tmp_path, organisation="Norrvik", assessed_on="2026-03-01"
    )


def test_self_assessment_has_a_labelled_1_to_5_slider_per_capability(
    widget: SelfAssessment,
) -> None:
    """Is there one labelled slider per capability, in whole steps from 1 to 5?"""
    assert list(widget.sliders) == list(CAPABILITIES)
    for key, slider in widget.sliders.items():
        assert isinstance(slider, widgets.IntSlider)
        assert (slider.min, slider.max, slider.step) == (1, 5, 1)
        assert slider.description == CAPABILITIES[key].label
        assert slider.continuous_update is False


def test_self_assessment_profile_comes_from_the_analysis(
    widget: SelfAssessment, workplaces: pd.DataFrame
) -> None:
    """After setting sliders, is the profile what ``profile`` computes from the barometer?"""
    shown = widget.set(evaluation_learning=1, collaboration=5)
    expected = profile(widget.ratings, benchmarks(workplaces))
    pd.testing.assert_frame_equal(shown, expected)
    assert widget.ratings["evaluation_learning"] == 1


def test_self_assessment_chart_has_alt_text(widget: SelfAssessment) -> None:
    """Is the chart a PNG whose alt text lists every rating with its benchmark?"""
    widget.set(needs_ideas=2)
    (output,) = widget.chart.outputs
    assert base64.b64decode(output["data"]["image/png"])[:4] == b"\x89PNG"
    assert output["metadata"]["image/png"]["alt"] == profile_alt(widget.table)
    assert "Needs and ideas 2" in output["data"]["text/plain"]


def test_self_assessment_reading_list_follows_the_weakest(widget: SelfAssessment) -> None:
    """Does rating evaluation lowest put chapter 9 first on the reading list?"""
    widget.set(evaluation_learning=1)
    first = widget.reading.value.split("<li>")[1]
    assert "Chapter 9: Measuring, Evaluating and Learning" in first


def test_self_assessment_sector_changes_the_benchmark(
    widget: SelfAssessment, workplaces: pd.DataFrame
) -> None:
    """Choosing state agencies, is the profile set against state workplaces only?"""
    widget.sector.value = "state"
    expected = profile(widget.ratings, benchmarks(workplaces, "state"))
    pd.testing.assert_frame_equal(widget.table, expected)


def test_self_assessment_save_button_writes_the_file(
    widget: SelfAssessment, tmp_path: Path
) -> None:
    """Does the save button write a file that loads back as the ratings shown?"""
    widget.set(culture_safety=4, needs_ideas=2)
    widget.save_button.click()
    path = tmp_path / "self_assessment_norrvik_2026-03-01.json"
    assert path.is_file()
    assert load(path).ratings == widget.ratings
    assert "Saved to" in widget.save_status.value
    assert str(path) in [value for _, value in widget.earlier.options]


def test_self_assessment_compares_with_an_earlier_file(widget: SelfAssessment) -> None:
    """With an earlier file chosen, does the comparison show what rose since then?"""
    earlier = widget.save()
    widget.earlier.value = str(earlier)
    widget.set(collaboration=5)
    assert "Compared with the assessment of Norrvik on 2026-03-01" in widget.comparison.value
    assert "<td>Collaboration</td><td>3</td><td>5</td><td>2</td><td>increased</td>" in (
        widget.comparison.value
    )


def test_self_assessment_save_explains_a_bad_date(widget: SelfAssessment, tmp_path: Path) -> None:
    """Is a date that is not YYYY-MM-DD refused in the status line, with no file written?"""
    widget.assessed_on.value = "1 March"
    assert widget.save() is None
    assert "YYYY-MM-DD" in widget.save_status.value
    assert list(tmp_path.glob("*.json")) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_notebook_matches_the_course_file(language: str) -> None:
    """Is the leader's notebook in each language what the generator writes, outside nbgrader's
    source/? (`python -m innolead.organisation_assessment.notebook` writes them.)"""
    path = path_for(language)
    on_disk = nbformat.read(path, as_version=4)
    assert nbformat.writes(on_disk) == nbformat.writes(build_notebook(language))
    assert not any(parent.name == "source" for parent in path.parents)


def test_swedish_notebook_shows_the_widget_in_swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    """Does the Swedish notebook set the course language before it draws the widget?"""
    monkeypatch.setenv("INNOLEAD_LANG", "en")  # restored after the cell sets it to sv
    widget_cell = [c for c in build_notebook("sv").cells if c.cell_type == "code"][0]
    *body, last = widget_cell.source.splitlines()
    namespace: dict[str, object] = {}
    exec("\n".join(body), namespace)  # our own template cell; it sets INNOLEAD_LANG
    widget = eval(last, namespace)
    labels = {getattr(w, "description", "") for w in _descendants(widget)}
    assert "Spara bedömningen" in labels
    assert "Save assessment" not in labels


def _descendants(widget: object) -> Iterator[object]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _descendants(child)


def test_notebook_hides_its_code_and_shows_the_widget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Is every code cell collapsed, and do the cells run to a widget and the mapping?"""
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    code = [c for c in build_notebook().cells if c.cell_type == "code"]
    assert all(c.metadata["jupyter"]["source_hidden"] for c in code)
    results = []
    for cell in code:
        *body, last = cell.source.splitlines()
        exec("\n".join(body), namespace)  # our own template cells
        results.append(eval(last, namespace))
    widget, mapping = results
    assert isinstance(widget, SelfAssessment)
    assert widget.folder == Path()
    assert mapping["Capability"].tolist() == [c.label for c in CAPABILITIES.values()]
