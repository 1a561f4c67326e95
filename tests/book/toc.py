"""Read the pages listed in _toc.yml (shared by the book tests)."""

from __future__ import annotations

from pathlib import Path

from innolead.editions.sources import pages

ROOT = Path(__file__).resolve().parents[2]


def toc_pages() -> list[str]:
    """Every page of the book, root first, as paths without suffix (the toolkit's reader)."""
    return pages()


def chapter_pages() -> list[str]:
    """The numbered chapters 1-10 (book/chapters/NN-*.md)."""
    return [p for p in toc_pages() if p.startswith("book/chapters/")]
