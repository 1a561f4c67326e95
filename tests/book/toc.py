"""Read the pages listed in _toc.yml (shared by the book tests)."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _files(entries: list[dict]) -> list[str]:
    found = []
    for entry in entries:
        if "file" in entry:
            found.append(entry["file"])
        for key in ("chapters", "sections", "parts"):
            found += _files(entry.get(key, []))
    return found


def toc_pages() -> list[str]:
    """Every page of the book, root first, as paths without suffix."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"], *_files(toc.get("parts", []) + toc.get("chapters", []))]


def chapter_pages() -> list[str]:
    """The numbered chapters 1-10 (book/chapters/NN-*.md)."""
    return [p for p in toc_pages() if p.startswith("book/chapters/")]
