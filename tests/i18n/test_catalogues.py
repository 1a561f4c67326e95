"""The Swedish edition is complete and current: no page has a stale or untranslated block.

The page catalogues (locales/sv/pages/*.po) pair each English block with its Swedish
translation. When an English block changes, its Swedish block is stale until a translator
revises it (``python -m innolead.editions update`` marks it fuzzy, as msgmerge does), and these
tests name the page and the block. The theme catalogues (locales/sv/LC_MESSAGES/*.po) must be
fully translated too.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from innolead.editions import catalog, sources

PAGES = sources.pages()
THEME_CATALOGUES = sorted((catalog.LOCALES / "sv" / "LC_MESSAGES").glob("*.po"))


@pytest.mark.parametrize("page", PAGES)
def test_page_catalogue_has_no_stale_or_untranslated_block(page: str) -> None:
    """Does every English block of the page have a current (not fuzzy) Swedish translation?"""
    status = catalog.status(page)
    assert status.complete, status.report()


@pytest.mark.parametrize("path", THEME_CATALOGUES, ids=lambda p: p.name)
def test_theme_catalogue_is_fully_translated(path: Path) -> None:
    """Are all theme strings we supply translated (none empty, none fuzzy)?"""
    po = polib.pofile(str(path))
    missing = [e.msgid for e in po.untranslated_entries() + po.fuzzy_entries()]
    assert not missing, f"{path.name}: untranslated or fuzzy: {missing}"


def test_swedish_sources_are_generated_from_the_catalogues() -> None:
    """Is sv/ what `python -m innolead.editions sources` writes (nobody edited it by hand)?"""
    stale = [
        relative
        for relative, text in sources.expected().items()
        if not (sources.EDITION / relative).is_file()
        or (sources.EDITION / relative).read_text(encoding="utf-8") != text
    ]
    assert not stale, f"sv/ is out of date, run `python -m innolead.editions sources`: {stale}"


def test_update_marks_a_changed_block_fuzzy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When an English paragraph changes, is its old translation kept but marked stale?"""
    page = "book/page"
    (tmp_path / "book").mkdir()
    english = "# Title\n\nThe first paragraph says one thing.\n"
    (tmp_path / "book/page.md").write_text(english, encoding="utf-8")
    monkeypatch.setattr(catalog, "ROOT", tmp_path)
    monkeypatch.setattr(catalog, "LOCALES", tmp_path / "locales")
    catalog.import_translation(page, "# Rubrik\n\nFörsta stycket säger en sak.\n")
    assert catalog.status(page).complete
    (tmp_path / "book/page.md").write_text(english.replace("one thing", "one thing only"))
    catalog.update(page)
    status = catalog.status(page)
    assert status.fuzzy == ["The first paragraph says one thing only."]
    assert "Första stycket" in catalog.render(page), "a stale block keeps its old translation"
