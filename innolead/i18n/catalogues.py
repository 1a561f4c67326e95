"""Extract, update and compile the toolkit's catalogues with Babel, and say what is missing.

The same steps as ``pybabel extract|update|compile``, driven by :data:`innolead.i18n.DOMAINS`
so that the sources of each domain are written down once. The template keeps each message's
files but not its line numbers, so it changes only when a message does; the tests compare a
fresh extraction with it, so a new string cannot reach a reader untranslated unnoticed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from innolead.i18n import DOMAINS, LOCALE_DIR, SOURCE_LANGUAGE
from innolead.language import LANGUAGES

PACKAGE = LOCALE_DIR.parent
#: The marking functions extraction looks for (Babel's keyword specifications).
KEYWORDS = {"_": None, "gettext": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
#: Comments above a marked string that reach the translator.
COMMENT_TAGS = ("TRANSLATORS:",)
#: ``{name}`` and ``%(name)s``/``%s``; "50 % in" and "95 %-intervall" are words, not placeholders.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\(\w+\))?\d*(?:\.\d+)?[sdifr]\b")


def template_path(domain: str) -> Path:
    return LOCALE_DIR / f"{domain}.pot"


def po_path(domain: str, language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def translated_languages() -> tuple[str, ...]:
    """Every course language but the one the messages are written in."""
    return tuple(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE)


#: How each kind of source is read: Python, and the Jinja2 templates' ``{{ _("...") }}``.
METHODS = {".py": "python", ".html": "jinja2.ext:babel_extract"}


def _sources(domain: str) -> Iterator[Path]:
    for name in DOMAINS[domain]:
        path = PACKAGE / name
        found = path.rglob("*") if path.is_dir() else [path]
        yield from sorted(p for p in found if p.suffix in METHODS)


def _catalog(domain: str, language: str | None = None) -> Catalog:
    header = (
        f"# The course toolkit's words, domain {domain!r}"
        + (f", in {language}." if language else " (template).")
        + "\n# Written by `python -m innolead.i18n`; see locales/README.md."
    )
    return Catalog(
        locale=language, domain=domain, project="innolead", version="0.1", fuzzy=False,
        header_comment=header, copyright_holder="Innovation Leadership course", charset="utf-8",
    )  # fmt: skip


def extract(domain: str) -> Catalog:
    """A fresh template of a domain, from its sources as they are now."""
    catalog = _catalog(domain)
    for path in _sources(domain):
        where = path.relative_to(PACKAGE.parent).as_posix()
        found = extract_from_file(
            METHODS[path.suffix], str(path), keywords=KEYWORDS, comment_tags=COMMENT_TAGS,
            strip_comment_tags=True,
        )  # fmt: skip
        for lineno, message, comments, context in found:
            catalog.add(message, None, [(where, lineno)], auto_comments=comments, context=context)
    return catalog


def _po_bytes(catalog: Catalog, **options: bool) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, include_lineno=False, width=100, **options)
    return buffer.getvalue()


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as source:
        return read_po(source, locale=language)


def keys(catalog: Catalog) -> dict[tuple[str, str | None], list[str]]:
    """Each message (id and context) with the files it comes from: what a template says."""
    return {
        (str(m.id), m.context): sorted({file for file, _ in m.locations}) for m in catalog if m.id
    }


def write_template(domain: str) -> bool:
    """Write the domain's ``.pot`` if its messages changed; True when it was written."""
    path = template_path(domain)
    fresh = extract(domain)
    if path.exists() and keys(read(path)) == keys(fresh):
        return False
    path.write_bytes(_po_bytes(fresh))
    return True


def update(domain: str, language: str) -> Path:
    """Merge the template into a language's ``.po`` (changed messages become fuzzy)."""
    template = read(template_path(domain))
    path = po_path(domain, language)
    if path.exists():
        catalog = read(path, language)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = _catalog(domain, language)
    catalog.update(template, update_creation_date=False)
    path.write_bytes(_po_bytes(catalog, ignore_obsolete=True, include_previous=True))
    return path


def compiled(domain: str, language: str) -> bytes:
    """The ``.mo`` that compiling a language's ``.po`` gives (fuzzy entries left out)."""
    buffer = io.BytesIO()
    write_mo(buffer, read(po_path(domain, language), language), use_fuzzy=False)
    return buffer.getvalue()


def compile_mo(domain: str, language: str) -> Path:
    path = po_path(domain, language).with_suffix(".mo")
    path.write_bytes(compiled(domain, language))
    return path


def placeholders(text: str) -> list[str]:
    """The format placeholders of a message, sorted: ``{share}``, ``%(n)s``."""
    return sorted(PLACEHOLDER.findall(text))


@dataclass(frozen=True)
class Problem:
    """One entry a reader would see wrongly, with the message it concerns."""

    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.message!r}"


def _texts(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


def _placeholder_problem(message: Message) -> bool:
    """Do the placeholders differ? A plural's singular form may leave out the count."""
    ids, forms = _texts(message.id), _texts(message.string)
    if len(ids) == 1:
        return placeholders(ids[0]) != placeholders(forms[0])
    allowed = set(placeholders(ids[0])) | set(placeholders(ids[1]))
    plural_ok = placeholders(forms[-1]) == placeholders(ids[1])
    return not plural_ok or any(not set(placeholders(f)) <= allowed for f in forms)


def problems(domain: str, language: str) -> list[Problem]:
    """Untranslated, fuzzy and placeholder-mismatched entries of a language's ``.po``."""
    found = []
    for message in read(po_path(domain, language), language):
        if not message.id:
            continue
        text = str(message.id)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            found.append(Problem("untranslated", text))
        elif message.fuzzy:
            found.append(Problem("fuzzy", text))
        elif _placeholder_problem(message):
            found.append(Problem("placeholders differ", text))
    return found
