"""Sphinx extension: the two editions of the book know each other.

- Every page gets a language switch in its header: a link to the same page in the other
  edition (the English book at the site's root, the Swedish one under ``sv/``), named in the
  language it leads to, and a ``<link rel="alternate" hreflang>`` for search engines.
- The edition's language (Sphinx's ``language``; English when unset) becomes the course
  language of the kernels that execute the chapters (``INNOLEAD_LANG``, see
  :mod:`innolead.language`), so glued numbers and explorers speak the edition's language.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from innolead.editions.catalog import ROOT
from innolead.language import VARIABLE

LOCALES = ROOT / "locales"
#: The themes' and extensions' gettext domains our catalogues complete (behind their own).
DOMAINS = ("booktheme", "exercise", "togglebutton")
TEMPLATES = Path(__file__).with_name("templates")
SWITCH = "language-switch.html"
#: For each edition: the other edition's language, the way there, and the link's text.
OTHER = {
    "en": {"language": "sv", "prefix": "sv/", "label": "På svenska"},
    "sv": {"language": "en", "prefix": "../", "label": "In English"},
}


def edition(config: Config) -> str:
    return (config.language or "en")[:2]


def _configure(app: Sphinx, config: Config) -> None:
    os.environ[VARIABLE] = edition(config)
    config.templates_path = [*config.templates_path, str(TEMPLATES)]
    _add_catalogues(app, edition(config))
    options = config.html_theme_options
    if options.get("search_bar_text"):
        from sphinx.locale import _

        options["search_bar_text"] = _(options["search_bar_text"])
    end = list(options.get("article_header_end") or ["article-header-buttons.html"])
    if SWITCH not in end:
        options["article_header_end"] = [SWITCH, *end]


#: Words the themes and the course's page post-processing write into the HTML without gettext,
#: each in the context it appears in; the "sphinx" catalogue (locales/) has their translations.
HARD_CODED = (
    ('aria-label="{}"', "Main"),
    ('aria-label="{}"', "Page"),
    ('title="{}"', "Toggle primary sidebar"),
    ('title="{}"', "Toggle secondary sidebar"),
    ('aria-label="{}"', "Toggle hidden content"),
    (">{} <", "This is the saved view of the widget."),
    (">{}<", "Load the widget library (0.9 MB)"),
)


def _translate_hard_coded(app: Sphinx) -> None:
    """Put the edition's words in place of the themes' hard-coded English on every page."""
    if edition(app.config) == "en" or not hasattr(app.builder, "templates"):
        return
    from sphinx.locale import _

    pairs = [(form.format(en), form.format(_(en))) for form, en in HARD_CODED if _(en) != en]
    render = app.builder.templates.render

    def translated(template: str, context: dict) -> str:
        html = render(template, context)
        for english, local in pairs:
            html = html.replace(english, local)
        return html

    app.builder.templates.render = translated


def _add_catalogues(app: Sphinx, language: str) -> None:
    """Compile our catalogues for the themes' own domains and put them behind the themes'."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    folder = LOCALES / language / "LC_MESSAGES"
    for domain in DOMAINS:
        po = folder / f"{domain}.po"
        if not po.exists():
            continue
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            with po.open(encoding="utf-8") as source, mo.open("wb") as target:
                write_mo(target, read_po(source, locale=language))
        app.add_message_catalog(domain, str(LOCALES))


def counterpart(language: str, pagename: str) -> str:
    """The page-relative URL of ``pagename`` in the other edition.

    >>> counterpart("en", "book/chapters/01-why-innovate")
    '../../sv/book/chapters/01-why-innovate.html'
    >>> counterpart("sv", "index")
    '../index.html'
    """
    up = "../" * pagename.count("/")
    return f"{up}{OTHER[language]['prefix']}{pagename}.html"


def _add_switch(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    language = edition(app.config)
    other = OTHER[language]
    href = counterpart(language, pagename)
    context["innolead_switch"] = {**other, "href": href}
    alternate = f'<link rel="alternate" hreflang="{other["language"]}" href="{href}" />\n'
    context["metatags"] = context.get("metatags", "") + alternate


def _swedish_citations() -> None:
    """Register ``author_year_sv``: author-year citations that join two authors with "och"."""
    from dataclasses import dataclass, field

    from sphinxcontrib.bibtex.plugin import register_plugin
    from sphinxcontrib.bibtex.style.referencing import PersonStyle
    from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

    @dataclass
    class SwedishAuthorYear(AuthorYearReferenceStyle):
        person: PersonStyle = field(
            default_factory=lambda: PersonStyle(sep2=" och ", last_sep=" och ")
        )

    register_plugin("sphinxcontrib.bibtex.style.referencing", "author_year_sv", SwedishAuthorYear)


#: The fixed words of pybtex's bibliography templates (unsrt, and alpha built on it), in Swedish.
BIBLIOGRAPHY_WORDS = {
    "In": "I",
    "in": "i",
    "of": "av",
    "editor": "red.",
    "editors": "red.",
    "pages": "s.",
    "chapter": "kap.",
    "edition": "uppl.",
    "Volume": "Volym",
    "volume": "volym",
    "Number": "Nummer",
    "number": "nummer",
    "Master's thesis": "Masteruppsats",
    "PhD thesis": "Doktorsavhandling",
    "Technical Report": "Rapport",
    " (visited on ": " (besökt ",
}
#: How names are joined: "A och B", "A, B och C".
NAME_JOINS = {"sep2": " och ", "last_sep": " och "}


def swedish_template(node: Any) -> Any:
    """A copy of a pybtex template with its literal words in Swedish (field names untouched)."""
    from pybtex.style.template import Node

    if not isinstance(node, Node):
        return node
    clone = node._clone()  # noqa: SLF001 (pybtex's own copy of a template node)
    clone.children = [
        BIBLIOGRAPHY_WORDS.get(child, child) if isinstance(child, str) else swedish_template(child)
        for child in clone.children
    ]
    clone.args = [swedish_template(arg) for arg in clone.args]
    clone.kwargs = {
        key: NAME_JOINS.get(key, value) if key in NAME_JOINS else swedish_template(value)
        for key, value in clone.kwargs.items()
    }
    return clone


def _swedish_bibliography() -> None:
    """Register the pybtex style ``alpha_sv``: the ``alpha`` bibliography with Swedish words."""
    import pybtex.plugin
    from pybtex.style.formatting.alpha import Style as Alpha

    class SwedishAlpha(Alpha):
        def __getattribute__(self, name: str) -> Any:
            attribute = super().__getattribute__(name)
            if name.startswith("get_") and name.endswith("_template"):
                return lambda entry: swedish_template(attribute(entry))
            return attribute

    pybtex.plugin.register_plugin("pybtex.style.formatting", "alpha_sv", SwedishAlpha)


def setup(app: Sphinx) -> dict[str, Any]:
    _swedish_citations()
    _swedish_bibliography()
    app.connect("config-inited", _configure)
    app.connect("html-page-context", _add_switch)
    app.connect("builder-inited", _translate_hard_coded)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
