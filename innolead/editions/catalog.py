"""The Swedish edition's page catalogues: one gettext ``.po`` file per page of the book.

Each entry pairs one English block (``msgid``, see :mod:`innolead.editions.blocks`) with its
Swedish translation (``msgstr``). The catalogues are the source of the Swedish edition: the
Swedish pages under ``sv/`` are rendered from the English pages and these catalogues, so the
two editions always have the same blocks in the same order.

When an English block changes, its old entry no longer matches: :func:`update` marks the
nearest old translation *fuzzy* (as ``msgmerge`` does, keeping the previous English as
``#| msgid``), and :func:`status` counts it as stale until a translator revises it. A stale or
untranslated block fails ``make test`` (``tests/i18n``), naming the page and the block.

Why not Sphinx's own gettext translation of the doctree? The chapters are MyST notebooks: their
explorer cells carry reader-facing sentences in code (which Sphinx does not translate), each
edition must execute its code in its own language with its own notebook cache, and Sphinx's
i18n would re-parse every translated paragraph through the notebook parser. Translating the
Markdown blocks keeps gettext's workflow (``.po`` files, fuzzy and untranslated counts, any
PO editor) and gives each edition ordinary MyST sources that Jupyter Book builds as they are.
Sphinx's i18n still serves the theme: ``locales/sv/LC_MESSAGES/`` holds what the themes and
extensions lack in Swedish.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

import polib  # type: ignore[import-untyped]

from innolead.editions.blocks import Block, join, split
from innolead.paths import PACKAGE, checkout

#: The repository whose book is translated (the book's tools work only in a checkout).
ROOT = checkout() or PACKAGE.parent
LOCALES = ROOT / "locales"
#: How close an old English block must be to a new one for its translation to be kept (fuzzy).
FUZZY_RATIO = 0.6


def catalog_path(page: str, language: str = "sv") -> Path:
    """The catalogue of ``page`` (a path without suffix, as in ``_toc.yml``)."""
    return LOCALES / language / "pages" / f"{page}.po"


def source_path(page: str) -> Path:
    return ROOT / f"{page}.md"


def english_blocks(page: str) -> list[Block]:
    return split(source_path(page).read_text(encoding="utf-8"))


def _header(page: str, language: str) -> dict[str, str]:
    return {
        "Project-Id-Version": "Innovation Leadership",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source": f"{page}.md",
    }


def load(page: str, language: str = "sv") -> polib.POFile:
    path = catalog_path(page, language)
    if path.exists():
        return polib.pofile(str(path), wrapwidth=0)
    po = polib.POFile(wrapwidth=0)
    po.metadata = _header(page, language)
    return po


def save(po: polib.POFile, page: str, language: str = "sv") -> Path:
    path = catalog_path(page, language)
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return path


def import_translation(page: str, translated: str, language: str = "sv") -> Path:
    """Write the catalogue of ``page`` from a whole translated page (same blocks, same order)."""
    english = english_blocks(page)
    other = split(translated)
    if [b.kind for b in english] != [b.kind for b in other]:
        pairs = list(zip(english, other, strict=False))
        first = next((i for i, (a, b) in enumerate(pairs) if a.kind != b.kind), len(pairs))
        msg = (
            f"{page}: the translation has {len(other)} blocks, the English page {len(english)};"
            f" they part at block {first + 1}: {english[min(first, len(english) - 1)].text[:80]!r}"
        )
        raise ValueError(msg)
    po = polib.POFile(wrapwidth=0)
    po.metadata = _header(page, language)
    for n, (en, tr) in enumerate(zip(english, other, strict=True), start=1):
        if en.translatable and po.find(en.text) is None:
            po.append(polib.POEntry(msgid=en.text, msgstr=tr.text, occurrences=[(f"{page}.md", n)]))
    return save(po, page, language)


def update(page: str, language: str = "sv") -> polib.POFile:
    """Bring the page's catalogue in line with the English page, as ``msgmerge`` does."""
    fresh = merge(load(page, language), english_blocks(page), f"{page}.md")
    fresh.metadata = fresh.metadata or _header(page, language)
    save(fresh, page, language)
    return fresh


def merge(po: polib.POFile, blocks: list[Block], source: str) -> polib.POFile:
    """A catalogue for ``blocks`` that keeps what ``po`` already translates.

    A new English block whose old version is close (difflib ratio) keeps the old translation,
    marked fuzzy with the previous English; an English block with no match is untranslated;
    entries no English block uses any more become obsolete. ``source`` names the English file
    in each entry's occurrence. The page catalogues and the notebooks' catalogues
    (:mod:`innolead.editions.notebooks`) share this one merge.
    """
    old = {e.msgid: e for e in po if not e.obsolete}
    fresh = polib.POFile(wrapwidth=0)
    fresh.metadata = po.metadata
    wanted = [b.text for b in blocks if b.translatable]
    for n, block in enumerate(blocks, start=1):
        if not block.translatable or fresh.find(block.text) is not None:
            continue
        entry = old.get(block.text)
        if entry is None:
            entry = polib.POEntry(msgid=block.text, msgstr="")
            unused = [m for m in old if m not in wanted]
            near = difflib.get_close_matches(block.text, unused, n=1, cutoff=FUZZY_RATIO)
            if near and old[near[0]].msgstr:
                entry.msgstr = old[near[0]].msgstr
                entry.flags = ["fuzzy"]
                entry.previous_msgid = near[0]
        entry.occurrences = [(source, n)]
        fresh.append(entry)
    for msgid, entry in old.items():
        if msgid not in wanted:
            entry.obsolete = True
            fresh.append(entry)
    return fresh


@dataclass
class Status:
    """How far a page's translation is: counts, and the blocks a translator must look at."""

    page: str
    translated: int = 0
    fuzzy: list[str] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)
    where: Path | None = None  # the catalogue to edit (the page's own when not given)

    @property
    def complete(self) -> bool:
        return not self.fuzzy and not self.untranslated

    def report(self) -> str:
        where = (self.where or catalog_path(self.page)).relative_to(ROOT)
        lines = [
            f"{self.page}: {self.translated} translated, {len(self.fuzzy)} fuzzy (stale), "
            f"{len(self.untranslated)} untranslated; edit {where}"
        ]
        lines += [f"  stale: {text[:100]!r}" for text in self.fuzzy]
        lines += [f"  untranslated: {text[:100]!r}" for text in self.untranslated]
        return "\n".join(lines)


def status(page: str, language: str = "sv") -> Status:
    """Count the page's blocks: translated, fuzzy (stale) or untranslated, against the English."""
    return tally(Status(page), load(page, language), english_blocks(page))


def tally(result: Status, po: polib.POFile, blocks: list[Block]) -> Status:
    """Count ``blocks`` into ``result`` as ``po`` translates them (shared with the notebooks)."""
    for block in blocks:
        if not block.translatable:
            continue
        entry = po.find(block.text)
        if entry is None or not entry.msgstr:
            result.untranslated.append(block.text)
        elif "fuzzy" in entry.flags:
            result.fuzzy.append(block.text)
        else:
            result.translated += 1
    return result


def render(page: str, language: str = "sv") -> str:
    """The translated page: each English block replaced by its translation.

    Copied blocks (front matter, hidden code) stay as in English. A stale (fuzzy) block keeps
    its old translation, nearer the truth for a reader than English, and ``make test`` fails on
    it until a translator revises it; an untranslated block stays English.
    """
    po = load(page, language)
    out = []
    for block in english_blocks(page):
        entry = po.find(block.text) if block.translatable else None
        out.append(entry.msgstr if entry is not None and entry.msgstr else block.text)
    return join(out)
