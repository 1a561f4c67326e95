"""No participant markup runs where a submission is shown: the real formgrader, feedback, reports.

The hostile cohort (``conftest.hostile_cohort``) holds ``markup``: right answers, with script in
its reflection, in an answer cell's outputs and in cells it added (``hostile.PAYLOADS``: event
handlers, ``<script>``, ``javascript:`` links, SVG, ``<iframe>``, ``<meta refresh>``, CSS that
loads a URL). Every payload, if it ever ran, would set ``window.__innolead_pwned`` or ask for a
page on 127.0.0.1:9. Headless Chromium opens the instructor's formgrader (JupyterLab's server
with nbgrader's formgrader, as an instructor runs it) on that submission and on an honest one,
then every feedback page and the cohort report, and an evaluation report whose comments carry
the same payloads. Nothing may run or be requested, and the honest text must still be there.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from innolead.evaluation.report import evaluation_report
from tests.conftest import PageLog, jupyter_lab
from tests.evaluation import cohorts
from tests.grading import hostile
from tests.grading.conftest import HOSTILE_ASSIGNMENT, HostileCohort

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MARKUP = "markup"
HONEST = "full"
#: What a payload would do if it ran.
RAN = "() => window.__innolead_pwned === undefined ? null : String(window.__innolead_pwned)"


@pytest.fixture(scope="module")
def formgrader(
    hostile_cohort: HostileCohort, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """The instructor's Jupyter server (JupyterLab, nbgrader's formgrader) on the graded cohort."""
    with jupyter_lab(hostile_cohort.course.root, tmp_path_factory.mktemp("formgrader")) as server:
        yield server


def _submission_id(cohort: HostileCohort, student: str) -> str:
    with Gradebook(f"sqlite:///{cohort.course.gradebook}") as gb:
        return gb.find_submission_notebook(HOSTILE_ASSIGNMENT, HOSTILE_ASSIGNMENT, student).id


def _requests_elsewhere(log: PageLog, allowed: tuple[str, ...]) -> list[str]:
    return [url for url in log.requests if not url.startswith(allowed)]


def _open(browser: object, url: str) -> tuple[object, object, PageLog, list[str]]:
    """A page at ``url`` (loaded, with a moment for late handlers), its log and dialogs."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    log, dialogs = PageLog(), []
    log.attach(tab)
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.goto(url, wait_until="load")
    tab.wait_for_timeout(1500)
    return context, tab, log, dialogs


def _assert_inert(tab: object, log: PageLog, dialogs: list[str], allowed: tuple) -> None:
    assert tab.evaluate(RAN) is None, "a participant's markup ran"
    assert dialogs == []
    assert not [url for url in log.requests if "127.0.0.1:9/" in url]
    assert tab.locator("div.cell iframe, div.cell script, div.cell svg").count() == 0
    links = tab.eval_on_selector_all(
        "a[href]", "els => els.map(e => e.getAttribute('href').trim().toLowerCase())"
    )
    assert not [href for href in links if href.startswith("javascript:")]
    handlers = tab.evaluate(
        "() => [...document.querySelectorAll('div.cell *')].flatMap(e => "
        "[...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + a.name))"
    )
    assert handlers == []
    assert not [u for u in _requests_elsewhere(log, allowed) if "127.0.0.1" in u]


@pytest.mark.parametrize("student", [MARKUP, HONEST])
def test_formgrader_runs_no_participant_markup(
    formgrader: tuple[str, str], hostile_cohort: HostileCohort, browser: object, student: str
) -> None:
    """In the instructor's formgrader, does a submission show its text and run none of its code?"""
    base, token = formgrader
    context, tab, log, dialogs = _open(browser, f"{base}/lab?token={token}")
    tab.goto(f"{base}/formgrader/submissions/{_submission_id(hostile_cohort, student)}/")
    tab.wait_for_selector("div.cell", timeout=30_000)
    tab.wait_for_timeout(1500)
    text = tab.inner_text("body")
    try:
        _assert_inert(tab, log, dialogs, (base, "data:"))
        assert "Checked by the grader, outside your notebook: right." in text
        if student == MARKUP:
            assert hostile.HONEST_TEXT in text
            assert "a link" in text  # the payload's own words stay, as text
    finally:
        context.close()


def test_formgrader_shows_the_reflection_of_an_honest_submission(
    formgrader: tuple[str, str], hostile_cohort: HostileCohort, browser: object
) -> None:
    """Does the grader still see every sentence of an honest reflection, as written?"""
    path = hostile_cohort.course.root / "submitted" / HONEST / HOSTILE_ASSIGNMENT
    nb = nbformat.read(path / f"{HOSTILE_ASSIGNMENT}.ipynb", as_version=4)
    reflections = [
        c.source
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "markdown"
    ]
    sentences = [s.strip() for r in reflections for s in r.replace("\n", " ").split(". ") if s]
    base, token = formgrader
    context, tab, _, _ = _open(browser, f"{base}/lab?token={token}")
    tab.goto(f"{base}/formgrader/submissions/{_submission_id(hostile_cohort, HONEST)}/")
    tab.wait_for_selector("div.cell", timeout=30_000)
    shown = " ".join(tab.inner_text("body").split())
    context.close()
    assert sentences
    missing = [s for s in sentences if " ".join(s.rstrip(".").split()) not in shown]
    assert missing == []


def _feedback_pages(cohort: HostileCohort) -> list[Path]:
    return sorted(cohort.course.feedback.glob(f"*/{HOSTILE_ASSIGNMENT}/*.html"))


def test_every_feedback_page_is_inert_and_self_contained(
    hostile_cohort: HostileCohort, browser: object
) -> None:
    """Does every feedback page run nothing and ask no host for anything?

    Every page is loaded in its own tab first and all get the same moment for late handlers,
    so the wait is paid once, not once per participant.
    """
    pages = _feedback_pages(hostile_cohort)
    assert len(pages) >= len(hostile_cohort.cohort) - 2  # rejected ones get a short page too
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        opened = []
        for path in pages:
            tab = context.new_page()
            log, dialogs = PageLog(), []
            log.attach(tab)
            tab.on("dialog", lambda d, seen=dialogs: (seen.append(d.message), d.dismiss()))
            tab.goto(path.as_uri(), wait_until="load")
            opened.append((path, tab, log, dialogs))
        opened[-1][1].wait_for_timeout(1500)
        for path, tab, log, dialogs in opened:
            try:
                _assert_inert(tab, log, dialogs, ("file:", "data:"))
            except AssertionError as err:
                msg = f"{path}: {err}"
                raise AssertionError(msg) from err
            assert _requests_elsewhere(log, ("file:", "data:")) == [], path
    finally:
        context.close()


def test_markup_feedback_still_shows_the_text(
    hostile_cohort: HostileCohort, browser: object
) -> None:
    """Does the participant's own feedback show their written words and their score?"""
    path = hostile_cohort.course.feedback / MARKUP / HOSTILE_ASSIGNMENT / "part4.html"
    context, tab, _, _ = _open(browser, path.as_uri())
    text = tab.inner_text("body")
    context.close()
    assert hostile.HONEST_TEXT in text
    assert "Checked by the grader, outside your notebook: right." in text


def test_cohort_report_is_inert(hostile_cohort: HostileCohort, browser: object) -> None:
    """Does the cohort report, which names participants and reasons, run nothing?"""
    path = hostile_cohort.course.root / "reports" / HOSTILE_ASSIGNMENT / "cohort.html"
    context, tab, log, dialogs = _open(browser, path.as_uri())
    try:
        _assert_inert(tab, log, dialogs, ("file:", "data:"))
        assert _requests_elsewhere(log, ("file:", "data:")) == []
        assert MARKUP in tab.inner_text("body")
    finally:
        context.close()


def test_evaluation_report_shows_comments_as_text(tmp_path: Path, browser: object) -> None:
    """Does an evaluation report whose comments carry script show them as text, running none?"""
    cohort = cohorts.complete()
    for number, participant in enumerate(sorted(cohort)):
        cohort[participant]["post"]["comments"] = repr(
            hostile.PAYLOADS[number % len(hostile.PAYLOADS)]
        )
    root = cohorts.write_cohort(tmp_path, cohort)
    report = evaluation_report(root, root / "report.html")
    context, tab, log, dialogs = _open(browser, report.as_uri())
    try:
        _assert_inert(tab, log, dialogs, ("file:", "data:"))
        assert _requests_elsewhere(log, ("file:", "data:")) == []
        assert "onerror" in tab.inner_text("body")  # the comment, shown as the words it is
    finally:
        context.close()
