"""The built editions' kernel-free explorers speak their edition's language.

Each edition exports its explorers' states at build time, executed under its own
``INNOLEAD_LANG`` with its own notebook cache, into its own ``_static/explorers/``. This reads
the exported files of the built site: every word of the Swedish edition's explorers must be
Swedish and every word of the English edition's English, so neither an English kernel nor a
shared cache can have served one edition's explorers to the other.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from innolead.web.sphinx_assets import loaded_states
from tests.i18n.html import sentences
from tests.i18n.test_language import SCANDINAVIAN, _foreign

pytestmark = pytest.mark.book
TITTA = "Titta efter:"


def _texts(export: dict) -> list[str]:
    texts = [export["title"], export["look_for"], *export.get("words", {}).values()]
    for control in export["controls"]:
        texts += [control["label"], control["help"], *control["options"]]
    for state in export["states"].values():
        texts += [state["sentence"], state["alt"], *state["columns"]]
        chart = state.get("chart") or {}
        title = chart.get("title")
        texts += [title.get("text", "") if isinstance(title, dict) else title or ""]
    return [t for t in texts if t]


def _exports(html: Path) -> dict[str, dict]:
    """The explorer states the edition's pages load (``data-states``); files an earlier build
    left in ``_static/explorers/`` that no page names are not part of the site."""
    pages = [
        page
        for page in html.rglob("*.html")
        if html.name == "sv" or (html / "sv") not in page.parents  # the English edition's only
    ]
    files = sorted(loaded_states(pages))
    return {f.name: json.loads(f.read_text(encoding="utf-8")) for f in files}


def _new_wordings(texts: list[str], seen: set[str]) -> list[str]:
    """One sentence for each wording not met before: states repeat a sentence with other
    numbers thousands of times, and the language is in the words, not the numbers."""
    new = {}
    for text in texts:
        wording = re.sub(r"\d+", "0", text)
        if wording not in seen:
            seen.add(wording)
            new[wording] = text
    return sorted(new.values())


@pytest.mark.parametrize(("edition", "unwanted"), [("sv", {"en"}), ("en", SCANDINAVIAN)])
def test_exported_explorers_speak_their_edition(built_book: Path, edition: str, unwanted) -> None:
    """Is every exported word of each edition's explorers in that edition's language?"""
    html = built_book / "sv" if edition == "sv" else built_book
    exports = _exports(html)
    assert len(exports) >= 7, f"{html}: expected every case's explorer states, found {exports}"
    seen: set[str] = set()
    found = {
        name: bad
        for name, export in exports.items()
        if (bad := sorted(_foreign(_new_wordings(sentences(_texts(export)), seen), unwanted)))
    }
    assert not found, f"{edition} explorers in the wrong language:\n" + json.dumps(
        found, ensure_ascii=False, indent=1
    )


def test_swedish_explorers_have_their_words(built_book: Path) -> None:
    """Does every Swedish export carry its own "Titta efter:" (not explorer.js's English)?"""
    exports = _exports(built_book / "sv")
    missing = [n for n, e in exports.items() if e.get("words", {}).get("look_for") != TITTA]
    assert not missing, missing
