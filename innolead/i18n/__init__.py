"""The toolkit's words in the course language: gettext over Babel's compiled catalogues.

Reader-facing words in the code are English ``msgid``s marked for extraction; their
translations live in ``innolead/locale/<language>/LC_MESSAGES/<domain>.po`` and ship compiled
(``.mo``) inside the package. The language is never guessed per string: each call asks
:func:`innolead.language.current` (``INNOLEAD_LANG``), so a Swedish build, a Swedish cohort's
commands and a test that switches the variable all get the right words without reloading.

How a module speaks:

- inside functions, ``from innolead.i18n import _, ngettext`` and ``_("Share higher")``, with
  named placeholders filled afterwards (``_("{share} of {n}").format(...)``) so that Swedish word
  order can differ;
- a module-level constant cannot be translated at import (the language may change later), so it
  is only marked, ``N_("Role")``, and translated where it is shown (``_(label)``);
- another domain (another catalogue, with its own translators and sources) binds its own
  functions: ``_ = Messages("grading").gettext``.

Adding a domain is one line in :data:`DOMAINS` (its name and the sources it is extracted from);
``python -m innolead.i18n extract`` then writes its template, ``update`` its ``.po`` per
language and ``compile`` its ``.mo`` (see ``locales/README.md``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from gettext import NullTranslations
from pathlib import Path

from babel.support import Translations

from innolead.language import LANGUAGES, current

#: Where the catalogues live inside the package: ``<language>/LC_MESSAGES/<domain>.mo``.
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
#: The language the ``msgid``s are written in: it needs no catalogue.
SOURCE_LANGUAGE = LANGUAGES[0]
#: Each domain and the toolkit sources (relative to ``innolead/``) its words are extracted from.
#: A source belongs to one domain; add a line here to add a domain.
DOMAINS: dict[str, tuple[str, ...]] = {
    "innolead": (
        "analysis",
        "cases",
        "evaluation",
        "explorers",
        "organisation_assessment",
        "render",
        "web",
        "book.py",
        "format.py",
    ),
    # The graded course's words: feedback verdicts, the batch summary, the cohort report.
    "grading": ("grading", "cli.py"),
}
DEFAULT_DOMAIN = "innolead"


@cache
def translations(language: str, domain: str = DEFAULT_DOMAIN) -> NullTranslations:
    """The compiled catalogue of a domain in a language (cached: read once per pair).

    English is the source language and has no catalogue; a missing catalogue is an error, not
    a silent fall back to English, because a Swedish cohort must not get English without notice.
    """
    if domain not in DOMAINS:
        msg = f"No gettext domain {domain!r}; the domains are {', '.join(DOMAINS)} (innolead.i18n)."
        raise KeyError(msg)
    if language == SOURCE_LANGUAGE:
        return NullTranslations()
    mo = LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.mo"
    if not mo.is_file():
        msg = f"{mo} is missing; run `python -m innolead.i18n compile` to build it from the .po."
        raise FileNotFoundError(msg)
    return Translations.load(str(LOCALE_DIR), [language], domain)


@dataclass(frozen=True)
class Messages:
    """The gettext functions of one domain, translating into the course language per call."""

    domain: str = DEFAULT_DOMAIN

    def gettext(self, message: str) -> str:
        if not message:  # gettext("") is the catalogue's header, never a reader's word
            return message
        return translations(current(), self.domain).gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return translations(current(), self.domain).ngettext(singular, plural, int(n))

    def pgettext(self, context: str, message: str) -> str:
        return translations(current(), self.domain).pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it (module-level constants)."""
    return message


_default = Messages()
gettext = _ = _default.gettext
ngettext = _default.ngettext
pgettext = _default.pgettext

__all__ = [
    "DOMAINS",
    "LOCALE_DIR",
    "Messages",
    "N_",
    "_",
    "gettext",
    "ngettext",
    "pgettext",
    "translations",
]
