"""The programme evaluation report and the self-assessment check speak the course language.

The report of the fixture cohort with every kind of answer (tests/evaluation/cohorts.py) is
written under ``INNOLEAD_LANG=sv``; its reading text must be Swedish (the same language
identification as the pages), and it must say ``lang="sv"`` and give the headline "8 av 10".
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from innolead.evaluation.items import check_answers
from innolead.evaluation.report import evaluation_report
from innolead.language import VARIABLE
from tests.evaluation import cohorts
from tests.i18n.html import sentences
from tests.i18n.test_language import _foreign


@pytest.fixture(scope="module")
def swedish_report(tmp_path_factory: pytest.TempPathFactory) -> str:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(VARIABLE, "sv")
        root = tmp_path_factory.mktemp("sv-report")
        cohorts.write_cohort(root, cohorts.with_invalid())
        path = evaluation_report(root, root / "out" / "evaluation.html")
    return path.read_text(encoding="utf-8")


def _reading_text(page: str) -> list[str]:
    soup = BeautifulSoup(page, "html.parser")
    for comment in soup.select("li.comment, ul:not(.headline) li"):
        comment.decompose()  # participants' own comments are in whatever language they wrote
    texts = [t.get_text(" ", strip=True) for t in soup.select("h1, h2, h3, p, li, caption, th")]
    texts += [img.get("alt", "") for img in soup.select("img")]
    return [t for t in texts if t]


def test_swedish_report_is_swedish(swedish_report: str) -> None:
    """Is every sentence of the Swedish report's reading text Swedish?"""
    found = _foreign(sentences(_reading_text(swedish_report)), {"en"})
    assert not found, "English in the Swedish evaluation report:\n" + "\n".join(found)


def test_swedish_report_says_its_language_and_headline(swedish_report: str) -> None:
    """Does the Swedish report declare lang="sv" and report "8 av 10"-style headlines?"""
    assert '<html lang="sv">' in swedish_report
    assert re.search(r"\d+ av 10 \(\d+ av \d+\) fick ökad kunskap", swedish_report)


def test_self_assessment_check_speaks_swedish(monkeypatch) -> None:
    """Does a participant's own check of their answers come out in Swedish?"""
    monkeypatch.setenv(VARIABLE, "sv")
    text = check_answers("pre", {"role": "unit manager", "org_type": ..., "knowledge": 7})
    assert "inte besvarad ännu" in text
    assert "ska vara ett heltal från 1 till 5 (1 = mycket lite" in text
    found = _foreign(sentences(text.splitlines()), {"en"})
    assert not found, found


def test_report_reading_text_is_found(swedish_report: str) -> None:
    """Does the check read a real amount of text (so an empty page cannot pass)?"""
    assert len(_reading_text(swedish_report)) > 30


def test_organisation_assessment_speaks_swedish(monkeypatch, tmp_path) -> None:
    """Are the self-assessment widget's words, profile, reading list and mapping Swedish?"""
    from innolead.organisation_assessment import SelfAssessment, mapping
    from innolead.organisation_assessment.display import profile_alt

    monkeypatch.setenv(VARIABLE, "sv")
    widget = SelfAssessment(folder=tmp_path, organisation="Norrvik")
    widget.set(collaboration=1, culture_safety=2)
    soup = BeautifulSoup(widget.reading.value + widget.children[0].value, "html.parser")
    for code in soup.select("code"):
        code.decompose()  # file names
    texts = [soup.get_text(" ", strip=True), profile_alt(widget.table)]
    texts += [str(v) for row in mapping().to_numpy().tolist() for v in row]
    texts += [str(c) for c in mapping().columns]
    texts += [w.description for w in widget.sliders.values()] + [widget.sector.description]
    found = _foreign(sentences(texts), {"en"})
    assert not found, "English in the Swedish self-assessment:\n" + "\n".join(found)
    assert "Läs vidare om dina svagaste områden" in widget.reading.value
