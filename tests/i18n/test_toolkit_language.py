"""The explorers speak the course language: no English left in the Swedish explorers.

Each explorer is driven through every value of every control (the others at their defaults),
as the kernel-free explorer in the Swedish book exports it, under ``INNOLEAD_LANG=sv``. Every
word a reader sees (controls, title, hint, sentence, chart title and axes, table headings and
text cells, text alternative) is read by the same language identification as the Swedish
pages, and each sentence must differ from the English one for the same state.
"""

from __future__ import annotations

from functools import cache

import pytest

from innolead.explorers import spec as explorer_spec
from innolead.explorers.base import ExplorerSpec, run_view
from innolead.explorers.controls import defaults, shown
from innolead.explorers.view import View
from innolead.i18n import _
from innolead.language import VARIABLE
from tests.i18n.html import sentences
from tests.i18n.test_language import _foreign

CASES = ("barometer", "culture", "diffusion", "needs", "pilot", "portfolio", "relay")


@cache
def _data(case: str) -> object:
    return explorer_spec(case).load()


def _states(spec: ExplorerSpec) -> list[dict]:
    start = defaults(spec.controls)
    return [{**start, c.name: v} for c in spec.controls for v in c.values()]


def _view_texts(view: View) -> list[str]:
    texts = [view.sentence, view.alt]
    if view.chart is not None:
        texts += [view.chart.title, view.chart.x_title, view.chart.y_title]
    table = view.display_table()
    texts += [str(c) for c in table.columns]
    texts += [v for row in table.to_numpy().tolist() for v in row if isinstance(v, str)]
    return texts


def _spec_texts(spec: ExplorerSpec) -> list[str]:
    texts = [_(spec.title), _(spec.look_for)]
    for control in spec.controls:
        control = shown(control)
        texts += [control.label, control.help, *control.option_labels()]
    return texts


def _views(case: str, language: str, monkeypatch: pytest.MonkeyPatch) -> list[View]:
    monkeypatch.setenv(VARIABLE, language)
    spec = explorer_spec(case)
    return [run_view(spec, _data(case), state) for state in _states(spec)]


@pytest.mark.parametrize("case", CASES)
def test_swedish_explorer_has_no_english_sentence(case: str, monkeypatch) -> None:
    """Is every sentence an explorer shows in the Swedish edition Swedish?"""
    views = _views(case, "sv", monkeypatch)
    texts = _spec_texts(explorer_spec(case)) + [t for v in views for t in _view_texts(v)]
    found = sorted(set(_foreign(sentences([t for t in texts if t]), {"en"})))
    assert not found, f"{case} explorer in Swedish has English:\n" + "\n".join(found)


@pytest.mark.parametrize("case", CASES)
def test_swedish_explorer_sentences_are_translated(case: str, monkeypatch) -> None:
    """Does every state's sentence, alternative and chart title differ from the English one?"""
    english = _views(case, "en", monkeypatch)
    swedish = _views(case, "sv", monkeypatch)
    same = {
        text
        for en, sv in zip(english, swedish, strict=True)
        for text, other in ((en.sentence, sv.sentence), (en.alt, sv.alt))
        if text == other
    }
    titles = {
        en.chart.title
        for en, sv in zip(english, swedish, strict=True)
        if en.chart is not None and sv.chart is not None and en.chart.title == sv.chart.title
    }
    assert not same | titles, f"{case}: left in English:\n" + "\n".join(sorted(same | titles))


@pytest.mark.parametrize("case", CASES)
def test_swedish_controls_are_translated(case: str, monkeypatch) -> None:
    """Are the controls' labels and help in Swedish (not the English msgid)?"""
    spec = explorer_spec(case)
    monkeypatch.setenv(VARIABLE, "sv")
    untranslated = [c.label for c in spec.controls if shown(c).label == c.label] + [
        c.help for c in spec.controls if c.help and shown(c).help == c.help
    ]
    assert not untranslated, f"{case}: {untranslated}"
