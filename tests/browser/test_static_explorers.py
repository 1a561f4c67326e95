"""The kernel-free explorers in the built book answer every control with Python's numbers.

For each chapter's explorer, the page is driven like a reader would: each control is set to
each of its values in turn (the others at the chapter's opening state), and the sentence on
the page must equal the sentence the toolkit's ``view`` function computes for that state. A
chapter opens on the state its ``explorer(...)`` call names (OPENINGS), else on the defaults.
Explorers load when they near the screen, so each test first scrolls to them, as a reader does.
"""

from __future__ import annotations

from functools import cache

import pytest

from innolead.explorers import spec as explorer_spec
from innolead.explorers.base import run_view
from innolead.explorers.controls import defaults
from tests.browser.helpers import open_explorers, set_control

pytestmark = pytest.mark.browser

PAGES = {
    "barometer": "book/chapters/01-why-innovate.html",
    "portfolio": "book/chapters/02-leadership-task.html",
    "needs": "book/chapters/03-understanding-needs.html",
    "pilot": "book/chapters/04-ideas-tests-evidence.html",
    "diffusion": "book/chapters/05-implementation-spread.html",
    "culture": "book/chapters/07-culture-safety.html",
    "relay": "book/chapters/09-measuring-learning.html",
}
#: (case, page, opening state) for every chapter explorer that does not open on the defaults.
OPENINGS = {
    ("barometer", "book/chapters/01-why-innovate.html"): {
        "measure": "origin_adapted",
        "by": "sector",
    },
    ("needs", "book/chapters/03-understanding-needs.html"): {"group": "people"},
    ("barometer", "book/chapters/08-collaboration.html"): {
        "measure": "collaboration_external",
        "by": "service_area",
    },
    ("barometer", "book/chapters/10-innovation-plan.html"): {
        "measure": "spread_actively",
        "by": "service_area",
        "sector": "municipality",
    },
}
CHAPTERS = sorted({*((c, p) for c, p in PAGES.items()), *OPENINGS})


@cache
def _data(case: str) -> object:
    return explorer_spec(case).load()


def _python_sentence(case: str, opening: dict | None = None, **changes: object) -> str:
    spec = explorer_spec(case)
    state = {**defaults(spec.controls), **(opening or {}), **changes}
    return run_view(spec, _data(case), state).sentence


#: Each control's accessible name: its label's text, or its aria-label.
ACCESSIBLE_NAME = (
    "e => (e.labels && e.labels.length ? e.labels[0].innerText : '') || "
    "e.getAttribute('aria-label') || ''"
)


@pytest.mark.parametrize(("case", "path"), CHAPTERS)
def test_static_explorer_matches_python(book_url: str, page: tuple, case: str, path: str) -> None:
    """Does the explorer open with an SVG chart that has a text alternative, does each control
    have an accessible name from a visible label, and does every control state shown carry
    the Python view's sentence?"""
    tab, log = page
    opening = OPENINGS.get((case, path), {})
    tab.goto(f"{book_url}/{path}", wait_until="networkidle")
    open_explorers(tab)
    root = tab.locator(f"[data-innolead-explorer='{case}']").first
    chart = root.locator(".innolead-chart").first
    chart.locator("svg").first.wait_for(timeout=10_000)
    assert chart.get_attribute("role") in ("img", "graphics-document")
    assert len(chart.get_attribute("aria-label") or "") > 20
    unnamed = [
        control.evaluate("e => e.outerHTML")[:80]
        for control in root.locator("input, select").all()
        if not control.evaluate(ACCESSIBLE_NAME).strip()
    ]
    assert unnamed == [], f"{path}: controls without an accessible name"
    sentence = root.locator(".innolead-sentence")
    assert sentence.inner_text() == _python_sentence(case, opening)
    spec = explorer_spec(case)
    start = {**defaults(spec.controls), **opening}
    for control in spec.controls:
        values = control.values()
        for index in [*range(len(values)), values.index(start[control.name])]:
            set_control(root, control, index)
            expected = _python_sentence(case, opening, **{control.name: values[index]})
            assert sentence.inner_text() == expected, f"{path}: {control.name}={values[index]}"
    assert log.errors == []


def test_explorer_works_with_keyboard_alone(book_url: str, page: tuple) -> None:
    """Can a reader reach and change an explorer's controls with the keyboard alone?"""
    tab, _ = page
    case = "pilot"
    tab.goto(f"{book_url}/{PAGES[case]}", wait_until="networkidle")
    open_explorers(tab)
    root = tab.locator(f"[data-innolead-explorer='{case}']").first
    first = root.locator("input, select").first
    first.focus()
    before = root.locator(".innolead-sentence").inner_text()
    spec = explorer_spec(case)
    tab.keyboard.press("ArrowRight")  # radio group: move to and select the next option
    control = spec.controls[0]
    expected = _python_sentence(case, **{control.name: control.values()[1]})
    after = root.locator(".innolead-sentence").inner_text()
    assert after != before
    assert after == expected
    tab.keyboard.press("Tab")
    focused = tab.evaluate("document.activeElement.closest('.innolead-control') !== null")
    assert focused, "Tab should move to the explorer's next control"
