"""The report in a real browser: no WCAG 2.1 A/AA violation, no request, fits a phone."""

from __future__ import annotations

from pathlib import Path

import pytest

from innolead.evaluation.report import evaluation_report
from tests.browser.test_accessibility import AXE, RUN_AXE, TAGS
from tests.evaluation import cohorts

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = cohorts.write_cohort(tmp_path_factory.mktemp("report"), cohorts.with_small_group())
    return evaluation_report(root, root / "report.html")


def test_report_has_no_axe_violations(report: Path, page: tuple) -> None:
    """Does axe-core find no WCAG 2.0/2.1 A or AA violation in the report?"""
    tab, log = page
    tab.goto(report.as_uri(), wait_until="load")
    tab.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    assert tab.evaluate(RUN_AXE, TAGS) == []
    assert [url for url in log.requests if not url.startswith(("file:", "data:"))] == []


def test_report_fits_a_phone(report: Path, browser: object) -> None:
    """At 390 x 844 does the report avoid sideways scrolling?"""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    tab = context.new_page()
    tab.goto(report.as_uri(), wait_until="load")
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0, f"the report scrolls sideways by {overflow}px on a phone"
