"""The report in a real browser: no WCAG 2.1 A/AA violation, no request, fits a phone."""

from __future__ import annotations

from pathlib import Path

import pytest

from innolead.evaluation.report import evaluation_report
from innolead.grading.cohort_report import render_report
from tests.browser.test_accessibility import AXE, RUN_AXE, TAGS
from tests.conftest import PageLog
from tests.evaluation import cohorts
from tests.render.test_pages import sample_cohort

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = cohorts.write_cohort(tmp_path_factory.mktemp("report"), cohorts.with_small_group())
    return evaluation_report(root, root / "report.html")


@pytest.fixture(scope="module")
def cohort_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cohort report from fixed figures (the graded one is checked in tests/grading)."""
    path = tmp_path_factory.mktemp("cohort") / "cohort.html"
    path.write_text(render_report(sample_cohort()), encoding="utf-8")
    return path


@pytest.mark.parametrize("which", ["report", "cohort_report"])
def test_report_has_no_axe_violations(
    which: str, request: pytest.FixtureRequest, browser: object
) -> None:
    """Does axe-core find no WCAG 2.0/2.1 A or AA violation in a page of the one shell?"""
    path = request.getfixturevalue(which)
    # The page's Content-Security-Policy refuses every script, axe-core's too, so axe runs with
    # the policy bypassed; that the policy is there is checked in tests/render and the grading
    # browser tests.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    tab = context.new_page()
    log = PageLog()
    log.attach(tab)
    tab.goto(path.as_uri(), wait_until="load")
    tab.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations = tab.evaluate(RUN_AXE, TAGS)
    context.close()
    assert violations == []
    assert [url for url in log.requests if not url.startswith(("file:", "data:"))] == []


def test_report_fits_a_phone(report: Path, browser: object) -> None:
    """At 390 x 844 does the report avoid sideways scrolling?"""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    tab = context.new_page()
    tab.goto(report.as_uri(), wait_until="load")
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0, f"the report scrolls sideways by {overflow}px on a phone"
