"""Each chapter's explorer opens on the view that tells the chapter's point.

A chapter calls ``explorer(case, look_for=..., **state)``; the state must name real controls
and values (checked here without a build), and the kernel-free page must open on it.
"""

from __future__ import annotations

import ast
import json
import re

import pytest

from innolead.explorers import spec as explorer_spec
from innolead.explorers.base import check_state
from innolead.explorers.controls import defaults
from innolead.web.static_explorer import page_html
from tests.book.toc import ROOT, chapter_pages

CALL = re.compile(r"^explorer\((.*?)\)\s*$", re.DOTALL | re.MULTILINE)


def explorer_calls(page: str) -> list[tuple[str, dict]]:
    """(case, keyword arguments) of each explorer(...) call in the chapter's code cells."""
    text = (ROOT / f"{page}.md").read_text(encoding="utf-8")
    calls = []
    for cell in re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", text, re.DOTALL):
        for match in CALL.finditer(cell):
            node = ast.parse(f"f({match.group(1)})").body[0].value
            case = ast.literal_eval(node.args[0])
            kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
            calls.append((case, kwargs))
    return calls


@pytest.mark.parametrize("page", chapter_pages())
def test_explorer_opening_state_is_valid(page: str) -> None:
    """Does every explorer call name real controls and values of its case?"""
    for case, kwargs in explorer_calls(page):
        kwargs.pop("look_for", None)
        check_state(explorer_spec(case), kwargs)


def opening(case: str, kwargs: dict) -> str:
    """The full state an explorer call opens on: the spec's defaults, overridden by the call."""
    state = {k: v for k, v in kwargs.items() if k != "look_for"}
    return json.dumps({**defaults(explorer_spec(case).controls), **state}, sort_keys=True)


def duplicate_openings(calls: dict[str, list[tuple[str, dict]]]) -> list[str]:
    """Pairs of chapters whose explorers of the same case open on the same full state."""
    seen: dict[tuple[str, str], str] = {}
    clashes = []
    for page, page_calls in calls.items():
        for case, kwargs in page_calls:
            key = (case, opening(case, kwargs))
            if key in seen:
                clashes.append(
                    f"{page} opens the {case!r} explorer on the same view as {seen[key]}"
                )
            seen.setdefault(key, page)
    return clashes


def test_chapters_open_on_their_own_views() -> None:
    """Does every chapter open a shared case's explorer on a view no other chapter opens on?"""
    clashes = duplicate_openings({page: explorer_calls(page) for page in chapter_pages()})
    assert not clashes, (
        f"{clashes}: pass the state that tells this chapter's point, for example "
        'explorer("portfolio", show="benefit", look_for=...)'
    )


def test_duplicate_openings_are_caught() -> None:
    """Is a chapter that repeats another's opening (defaults explicit or implicit) caught?"""
    funnel = defaults(explorer_spec("portfolio").controls)["show"]
    calls = {
        "ch-a": [("portfolio", {})],
        "ch-b": [("portfolio", {"show": funnel, "look_for": "Other words."})],
        "ch-c": [("portfolio", {"show": "benefit"})],
    }
    assert duplicate_openings(calls) == [
        "ch-b opens the 'portfolio' explorer on the same view as ch-a"
    ]


def test_barometer_chapters_open_on_their_own_views() -> None:
    """Do chapters 1, 8 and 10 open the barometer explorer on different views?"""
    openings = []
    for number in ("01", "08", "10"):
        page = next(p for p in chapter_pages() if f"/{number}-" in p)
        (case, kwargs), *_ = [c for c in explorer_calls(page) if c[0] == "barometer"]
        kwargs.pop("look_for", None)
        openings.append(json.dumps(kwargs, sort_keys=True))
    assert len(set(openings)) == 3
    assert "size_band" not in openings[0], "chapter 1 must not open on workplace size"


def test_page_opens_on_the_given_state() -> None:
    """Does the page's JSON mark the given state as the one to open on, and its sentence show?"""
    spec = explorer_spec("needs")
    html = page_html("needs", state={"group": "people"}, look_for="Look here.")
    script = re.search(r'<script type="application/json">(.*?)</script>', html)
    payload = json.loads(script.group(1))
    group = next(c for c in payload["controls"] if c["name"] == "group")
    assert spec.controls[1].values()[group["default"]] == "people"
    assert payload["look_for"] == "Look here."
    assert defaults(spec.controls)["group"] != "people"


def test_page_rejects_unknown_control() -> None:
    """Does a typo in an opening state fail at build time with the control's name?"""
    with pytest.raises(TypeError, match="no control"):
        page_html("needs", state={"grup": "people"})
