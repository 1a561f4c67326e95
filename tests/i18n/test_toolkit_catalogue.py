"""The toolkit's catalogues (innolead/locale/) are current, complete and compiled.

A new or changed reader-facing string in the toolkit fails here, named, until it has been
extracted, translated and compiled (``python -m innolead.i18n extract|update|compile``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from innolead import i18n
from innolead.i18n import catalogues as cat
from innolead.language import VARIABLE

PAIRS = [(d, lang) for d in i18n.DOMAINS for lang in cat.translated_languages()]


@pytest.mark.parametrize("domain", list(i18n.DOMAINS))
def test_template_is_what_extraction_gives(domain: str) -> None:
    """Does the committed .pot hold exactly the messages the code marks, in the same files?"""
    committed = cat.keys(cat.read(cat.template_path(domain)))
    fresh = cat.keys(cat.extract(domain))
    new = sorted(str(k) for k in fresh.keys() - committed.keys())
    gone = sorted(str(k) for k in committed.keys() - fresh.keys())
    stale = f"{domain}.pot is stale: run `python -m innolead.i18n extract`, `update`, translate"
    assert not new, f"{stale}; new in the code: {new}"
    assert not gone, f"{stale}; no longer in the code: {gone}"
    assert committed == fresh, f"{domain}.pot: messages moved files; run extract"


@pytest.mark.parametrize(("domain", "language"), PAIRS)
def test_po_has_every_template_message(domain: str, language: str) -> None:
    """Has the .po been updated from the template (no message missing, none left over)?"""
    template = set(cat.keys(cat.read(cat.template_path(domain))))
    po = set(cat.keys(cat.read(cat.po_path(domain, language), language)))
    assert po == template, (
        f"{domain} [{language}]: run `python -m innolead.i18n update`; "
        f"missing {sorted(map(str, template - po))}, left over {sorted(map(str, po - template))}"
    )


@pytest.mark.parametrize(("domain", "language"), PAIRS)
def test_po_is_fully_translated(domain: str, language: str) -> None:
    """Is every entry translated, none fuzzy, with the same placeholders as its msgid?"""
    found = cat.problems(domain, language)
    assert not found, f"{cat.po_path(domain, language)}:\n" + "\n".join(map(str, found))


@pytest.mark.parametrize(("domain", "language"), PAIRS)
def test_mo_is_the_compiled_po(domain: str, language: str) -> None:
    """Is the shipped .mo what compiling the .po gives now?"""
    mo = cat.po_path(domain, language).with_suffix(".mo")
    assert mo.read_bytes() == cat.compiled(domain, language), (
        f"{mo} is stale: run `python -m innolead.i18n compile`"
    )


def test_problems_name_untranslated_fuzzy_and_placeholder_mismatch(tmp_path, monkeypatch) -> None:
    """Does the completeness check catch each kind of bad entry (so the test above can fail)?"""
    po = tmp_path / "sv" / "LC_MESSAGES" / "innolead.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: sv\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Open"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Close"\nmsgstr "Stäng"\n\n'
        'msgid "{share} of {n}"\nmsgstr "{andel} av {n}"\n\n'
        'msgid "{n} person"\nmsgid_plural "{n} people"\nmsgstr[0] "en person"\n'
        'msgstr[1] "{n} personer"\n\n'
        'msgid "Save"\nmsgstr "Spara"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(cat, "LOCALE_DIR", tmp_path)
    found = {(p.kind, p.message) for p in cat.problems("innolead", "sv")}
    assert found == {
        ("untranslated", "Open"),
        ("fuzzy", "Close"),
        ("placeholders differ", "{share} of {n}"),
    }


def test_gettext_follows_the_course_language(monkeypatch) -> None:
    """Does the same call give Swedish under INNOLEAD_LANG=sv and English without it?"""
    message = next(
        m
        for m in cat.read(cat.po_path("innolead", "sv"), "sv")
        if m.id and m.string and isinstance(m.id, str) and m.id != m.string
    )
    monkeypatch.setenv(VARIABLE, "sv")
    assert i18n._(message.id) == message.string
    monkeypatch.setenv(VARIABLE, "en")
    assert i18n._(message.id) == message.id


def test_unknown_domain_is_named() -> None:
    """Does asking for a domain that does not exist say which domains do?"""
    with pytest.raises(KeyError, match="innolead"):
        i18n.translations("sv", "no-such-domain")


def _shadows_gettext(path) -> list[str]:
    """Functions in a module that imports ``_`` and also bind ``_`` (``a, _ = ...``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imports = any(
        isinstance(n, ast.ImportFrom)
        and n.module == "innolead.i18n"
        and any((a.asname or a.name) == "_" for a in n.names)
        for n in tree.body
    )
    if not imports:
        return []
    found = []
    for func in ast.walk(tree):
        if isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(func):
                bound = isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)
                if bound and node.id == "_":
                    found.append(f"{path.name}:{node.lineno} in {func.name}()")
    return found


def test_no_function_shadows_gettext() -> None:
    """Does no function that may call ``_()`` also use ``_`` as a throwaway name?

    ``a, _ = pair`` inside a function makes ``_`` local to all of it, so a ``_("...")`` there
    raises UnboundLocalError, and only for the selection that reaches it.
    """
    package = Path(i18n.__file__).resolve().parents[1]
    found = [f for path in sorted(package.rglob("*.py")) for f in _shadows_gettext(path)]
    assert not found, "rename the throwaway variable:\n" + "\n".join(found)
