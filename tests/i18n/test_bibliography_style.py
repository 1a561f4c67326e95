"""The Swedish edition prints its bibliography with Swedish words; the English one is unchanged."""

from __future__ import annotations

import pybtex.plugin
import pytest
import yaml
from pybtex.database import parse_string

from innolead.editions.sphinx import BIBLIOGRAPHY_WORDS, _swedish_bibliography
from tests.book.toc import ROOT

ENTRIES = """
@incollection{chapter, author = {Ann Berg and Bo Ek and Cai Fors},
  editor = {Di Gran and Eva Hed}, title = {Ett kapitel}, booktitle = {En bok},
  pages = {1--10}, publisher = {Förlaget}, year = {2020}}
@article{article, author = {Ann Berg and Bo Ek}, title = {Artikel}, journal = {Tidskrift},
  pages = {5--9}, year = {2019}}
@techreport{report, author = {Ann Berg}, title = {Rapporten}, institution = {SKR}, year = {2021}}
"""


def rendered(style: str) -> dict[str, str]:
    """Each test entry as plain text in the bibliography style ``style``."""
    _swedish_bibliography()
    formatter = pybtex.plugin.find_plugin("pybtex.style.formatting", style)()
    entries = parse_string(ENTRIES, "bibtex").entries.values()
    return {e.key: e.text.render_as("text") for e in formatter.format_entries(entries)}


@pytest.mark.parametrize(
    ("key", "swedish"),
    [
        (
            "chapter",
            "Ann Berg, Bo Ek och Cai Fors. Ett kapitel. I Di Gran och Eva Hed, red., En bok, s.",
        ),
        ("article", "Ann Berg och Bo Ek. Artikel. Tidskrift, s. 5–9, 2019."),
        ("report", "Ann Berg. Rapporten. Rapport, SKR, 2021."),
    ],
)
def test_swedish_style_prints_swedish_words(key: str, swedish: str) -> None:
    """Does ``alpha_sv`` say "I", "red.", "s.", "Rapport" and "och" where pybtex says English?"""
    assert rendered("alpha_sv")[key].startswith(swedish)


def test_english_style_is_unchanged() -> None:
    """Does the English edition's ``alpha`` keep pybtex's own English words?"""
    chapter = rendered("alpha")["chapter"]
    assert chapter.startswith(
        "Ann Berg, Bo Ek, and Cai Fors. Ett kapitel. In Di Gran and Eva Hed, editors"
    )


def test_field_names_are_not_translated() -> None:
    """Are only the templates' words translated, so that fields like "pages" are still read?"""
    assert "1–10" in rendered("alpha_sv")["chapter"]
    assert "pages" in BIBLIOGRAPHY_WORDS  # the word, while field("pages") still finds the field


def test_editions_choose_their_styles() -> None:
    """Does the Swedish book use ``alpha_sv`` and the English book pybtex's default?"""
    swedish = yaml.safe_load((ROOT / "sv" / "_config.yml").read_text(encoding="utf-8"))
    english = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert swedish["sphinx"]["config"]["bibtex_default_style"] == "alpha_sv"
    assert "bibtex_default_style" not in english["sphinx"]["config"]
