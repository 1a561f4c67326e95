"""The two editions have the same structure: a structural diff of every page's sources.

Same headings (level and order), labels, glued numbers, citations, cross-references,
directives (exercises, solutions, admonitions, figures) and explorers, in the same order.
Words may differ; the skeleton may not.
"""

from __future__ import annotations

import re

import pytest

from innolead.editions import sources

PAGES = sources.pages()
ROOT = sources.ROOT

PATTERNS = {
    "headings": re.compile(r"^(#{1,6}) ", re.M),
    "labels": re.compile(r"^\(([\w-]+)\)=$", re.M),
    "glue": re.compile(r"\{glue:(?:text|figure|any|md)?\}`([\w]+)(?::[^`]*)?`"),
    "citations": re.compile(r"\{cite(?::[pt])?\}`([^`]+)`"),
    "references": re.compile(r"\{(?:ref|numref|doc)\}`(?:[^`<]*<)?([^`>]+)>?`"),
    "directives": re.compile(r"^(?:```|:::)\{([\w:-]+)\}(?: ([\w-]+))?", re.M),
    "exercise labels": re.compile(r"^:label: ([\w-]+)$", re.M),
    "explorers": re.compile(r"explorer\(\s*\"(\w+)\""),
    "table rows": re.compile(r"^\|", re.M),
}


def _skeleton(text: str, kind: str) -> list:
    found = PATTERNS[kind].findall(text)
    if kind == "directives":  # the admonition's title is words; keep only its kind
        return [name for name, _ in found]
    return found


@pytest.mark.parametrize("kind", list(PATTERNS))
@pytest.mark.parametrize("page", PAGES)
def test_swedish_page_has_the_english_structure(page: str, kind: str) -> None:
    """Does the Swedish page have the English page's {kind}, in the same order?"""
    english = (ROOT / f"{page}.md").read_text(encoding="utf-8")
    swedish = (sources.EDITION / f"{page}.md").read_text(encoding="utf-8")
    assert _skeleton(swedish, kind) == _skeleton(english, kind), f"{page}: {kind} differ"
