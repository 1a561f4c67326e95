"""Every external fact in the book has a source, and every printed source is used.

The facts register, ``book/facts.yml``, lists each external fact the book states: its value,
the key of its source in ``book/references.bib``, where in the source it is, and a short quote
in the source's language. These tests read the MyST sources (never the built HTML), so they
run without a build:

- every number in the prose of a checked page is in a register entry that names that page in
  its ``pages``, unless it is glued from the toolkit (``{glue:text}`...```) or sits in a block
  marked as not a fact (below);
- every register entry is complete (a non-empty, verbatim quote, not a note about one), names
  the pages where it appears, and its source key is in ``references.bib``;
- every bibliography entry that the references page prints is cited somewhere in the book.

**What counts as a number.** A run of digits, with ``,``, ``.`` or ``:`` between digit groups
("1,064,375", "13.5", "2022:59"). Numbers inside roles (``{cite:p}``, ``{glue:text}``,
``{ref}``), inline code, code cells, directive options, URLs, labels, headings and the
ordinals of numbered lists are not prose and are skipped, and so are labels and conventions
whose digits name something ("Horizon 3", "H2+", "level 3" of a scale, a "95 % interval"). A
number is "in the register for a page" when the same digits appear in the ``value`` of an
entry whose ``pages`` list that page.

**Marking a block that holds no external fact.** Worked examples, the course's own design
(an agenda, a 1-5 scale, a 100-day plan) and labels ("Horizon 1") are not facts from a
source. Put a MyST comment line directly above the block (paragraph, list or table)::

    % numbers: worked example
    For example, a unit may test a routine for up to six weeks ...

The comment must start with ``% numbers:`` and give a reason; it exempts the block up to the
next blank line. MyST comments do not show in the built book.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.book.toc import ROOT, chapter_pages

REGISTER = ROOT / "book" / "facts.yml"
BIB = ROOT / "book" / "references.bib"
REFERENCES_PAGE = ROOT / "book" / "appendices" / "references.md"

#: Pages whose prose numbers must be in the register. The instructor guide's operational
#: numbers (timings, sizes) and the case library, generated from the case specs, are not.
CHECKED = [
    "book/welcome",
    *chapter_pages(),
    "book/appendices/facilitator-guide",
    "book/appendices/glossary",
]
FIELDS = ("value", "source", "where", "quote", "pages")
#: A quote must be the source's own words, not a pointer to where they were checked.
NOT_A_QUOTE = re.compile(
    r"verbatim text not retrieved|verified in|\(title|\(headline", re.IGNORECASE
)

CITE = re.compile(r"\{cite(?::[pt])?\}`([^`]+)`")
NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,:]\d+)*")
MARKER = re.compile(r"^% numbers: \S")
LABEL = re.compile(r"\b(?:Horizons?|[Ll]evels?) \d+|\bH\d\b|\b\d+ % (?:confidence )?interval")


def _strip_markup(text: str) -> str:
    """The page with everything that is not prose blanked out (line count kept)."""

    def blank(match: re.Match) -> str:
        return "\n" * match.group(0).count("\n")

    text = re.sub(r"\A---\n.*?\n---\n", blank, text, flags=re.DOTALL)
    text = re.sub(r"^```\{code-cell\}.*?^```", blank, text, flags=re.DOTALL | re.MULTILINE)
    lines = []
    for line in text.split("\n"):
        if re.match(r"^(#+ |:[\w-]+:|\(.*\)=$|```|:::|\*Reading time)", line):
            line = ""
        line = re.sub(r"\{[\w:-]+\}`[^`\n]*`", "", line)
        line = re.sub(r"`[^`\n]*`|https?://\S+", "", line)
        line = LABEL.sub("", line)
        lines.append(re.sub(r"^\s*\d+\.\s", "", line))
    return "\n".join(lines)


def prose_numbers(text: str) -> list[tuple[int, str]]:
    """(line number, number) for each number in the prose outside marked blocks."""
    found = []
    exempt = False
    for number, line in enumerate(_strip_markup(text).split("\n"), start=1):
        if MARKER.match(line):
            exempt = True
            continue
        if not line.strip():
            exempt = False
            continue
        if not exempt and not line.startswith("%"):
            found += [(number, n) for n in NUMBER.findall(line)]
    return found


def register() -> dict[str, dict]:
    return yaml.safe_load(REGISTER.read_text(encoding="utf-8"))


def numbers_for(page: str, facts: dict[str, dict]) -> set[str]:
    """The digits of every register value whose entry names ``page``."""
    return {
        n
        for fact in facts.values()
        if page in (fact.get("pages") or [])
        for n in NUMBER.findall(str(fact["value"]))
    }


def unregistered(page: str, text: str, facts: dict[str, dict]) -> list[str]:
    """A message for each prose number of ``page`` that its register entries do not give."""
    known = numbers_for(page, facts)
    return [
        f"{page}.md, line {line}: {number} is not in book/facts.yml for this page. If it is a "
        f"fact from a source, add {page!r} to the pages of the entry that states it (or add an "
        "entry with value, source, where, a verbatim quote and pages); if it is a worked example "
        "or the course's own design, put a '% numbers: <reason>' line directly above its block."
        for line, number in prose_numbers(text)
        if number not in known
    ]


def bib_keys() -> set[str]:
    return set(re.findall(r"^@\w+\{([^,\s]+),", BIB.read_text(encoding="utf-8"), re.MULTILINE))


def cited_keys() -> set[str]:
    keys = set()
    for page in (ROOT / "book").rglob("*.md"):
        for group in CITE.findall(page.read_text(encoding="utf-8")):
            keys |= {k.strip() for k in group.split(",")}
    return keys


@pytest.mark.parametrize("page", CHECKED)
def test_prose_numbers_are_registered(page: str) -> None:
    """Is every hand-typed number on the page in a register entry for that page, or marked?"""
    text = (ROOT / f"{page}.md").read_text(encoding="utf-8")
    missing = unregistered(page, text, register())
    assert not missing, "\n".join(missing)


def test_unregistered_number_is_reported_with_page_and_line() -> None:
    """Does a number registered only for another page fail, naming the page, line and number?"""
    facts = {"fund": {"value": "40 million kronor", "pages": ["book/chapters/other"]}}
    text = "(ch-x)=\n# A fund\n\nThe fund started with 40 million kronor.\n"
    [message] = unregistered("book/chapters/x", text, facts)
    assert message.startswith("book/chapters/x.md, line 4: 40 is not in book/facts.yml")
    assert "'% numbers: <reason>'" in message
    facts["fund"]["pages"].append("book/chapters/x")
    assert unregistered("book/chapters/x", text, facts) == []


def test_register_pages_exist() -> None:
    """Does every page an entry names exist in the book?"""
    unknown = {
        name: page
        for name, fact in register().items()
        for page in fact.get("pages") or []
        if not (ROOT / f"{page}.md").exists()
    }
    assert not unknown


def test_register_entries_are_complete() -> None:
    """Does every register entry give a value, a source, where in it, and a quote?"""
    incomplete = {
        name: [f for f in FIELDS if not str(fact.get(f) or "").strip()]
        for name, fact in register().items()
    }
    assert not {k: v for k, v in incomplete.items() if v}


def test_register_quotes_are_the_sources_words() -> None:
    """Is every quote the source's own words, with no note that it was checked elsewhere?"""
    notes = [name for name, fact in register().items() if NOT_A_QUOTE.search(str(fact["quote"]))]
    assert not notes, f"quote the source verbatim, or remove the claim and the entry: {notes}"


def test_register_sources_are_in_bibliography() -> None:
    """Is every register entry's source key an entry of references.bib?"""
    unknown = {name: f["source"] for name, f in register().items() if f["source"] not in bib_keys()}
    assert not unknown


def test_printed_bibliography_is_cited() -> None:
    """Is every bibliography entry the references page prints cited somewhere in the book?"""
    page = REFERENCES_PAGE.read_text(encoding="utf-8")
    printed = bib_keys() if ":all:" in page else set()
    assert not sorted(printed - cited_keys())


def test_citations_are_in_bibliography() -> None:
    """Does every citation in the book point to an entry of references.bib?"""
    assert not sorted(cited_keys() - bib_keys())


def test_marker_exempts_only_its_block() -> None:
    """Does a '% numbers:' comment exempt its own block and nothing after the blank line?"""
    text = "% numbers: worked example\nTest for 6 weeks.\n\nOnly 45 % were evaluated.\n"
    assert prose_numbers(text) == [(4, "45")]


def test_markup_numbers_are_not_prose() -> None:
    """Are numbers in roles, labels, headings and list ordinals skipped?"""
    text = "(ch-01)=\n## Step 2\n1. See {ref}`ch-04` and {glue:text}`ch01_n`.\n"
    assert prose_numbers(text) == []


def test_name_labels_are_not_numbers() -> None:
    """Are "Horizon 3", "H2+", "level 3" and a "95 % interval" skipped, and other numbers kept?"""
    text = "Horizon 3 and H2+ need level 3 and a 95 % interval, not 45 %.\n"
    assert prose_numbers(text) == [(1, "45")]


@pytest.mark.parametrize("page", chapter_pages())
def test_chapter_ends_teaching_with_on_monday(page: str) -> None:
    """Does the chapter have an 'On Monday' admonition with 3-5 actions before 'Reflect'?"""
    text = (ROOT / f"{page}.md").read_text(encoding="utf-8")
    match = re.search(r"^```\{admonition\} On Monday\n(.*?)^```", text, re.DOTALL | re.MULTILINE)
    assert match, f"{page}: no On Monday admonition"
    actions = re.findall(r"^(?:- |\d+\. )", match.group(1), re.MULTILINE)
    assert 3 <= len(actions) <= 5, f"{page}: {len(actions)} actions"
    assert match.start() < text.index("## Reflect")


@pytest.mark.parametrize("page", chapter_pages())
def test_chapter_tells_a_cited_swedish_story(page: str) -> None:
    """Does a sentence name a Swedish municipality or region and carry its citation?"""
    text = (ROOT / f"{page}.md").read_text(encoding="utf-8")
    sentences = re.split(r"(?<=[.?!])\s", text.replace("\n", " "))
    named = re.compile(r"\b\w+s? kommun\b|\bRegion [A-ZÅÄÖ]\w+|\b[A-ZÅÄÖ]\w+ municipality\b")
    assert any(named.search(s) and CITE.search(s) for s in sentences), page


def test_register_file_is_in_repository() -> None:
    """Is the register a file of the repository (the test reads nothing outside it)?"""
    assert Path(REGISTER).resolve().is_relative_to(ROOT)
