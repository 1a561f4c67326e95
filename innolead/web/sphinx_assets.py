"""Sphinx extension: load heavy JavaScript only where needed, and mend theme accessibility.

Jupyter Book adds every ``.js`` file under ``_static/`` to every page. The vendored widget
manager and Vega weigh about 1 MB compressed, so a text-only chapter would carry them for
nothing. This extension removes ``_static/vendor/`` and ``_static/course/`` from the global
list and adds the explorer scripts back only to pages that contain an explorer; MyST-NB adds
the widget manager itself to pages that embed widget state.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

PAGE_ONLY = ("vendor/", "course/")
EXPLORER_MARK = "data-innolead-explorer"
EXPLORER_JS = (
    "vendor/vega/vega.min.js",
    "vendor/vega/vega-lite.min.js",
    "vendor/vega/vega-embed.min.js",
    "course/explorer.js",
)


def _name(entry: Any) -> str:
    return entry[0] if isinstance(entry, tuple | list) else str(entry)


def _drop_page_only(app: Sphinx, config: Config) -> None:
    config.html_js_files = [f for f in config.html_js_files if not _name(f).startswith(PAGE_ONLY)]


def has_explorer(doctree: nodes.Node | None) -> bool:
    """Does the page hold a kernel-free explorer (an HTML output carrying our mark)?"""
    if doctree is None:
        return False
    return any(EXPLORER_MARK in node.astext() for node in doctree.findall(nodes.raw))


def _add_explorer_js(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.Node | None
) -> None:
    if has_explorer(doctree):
        for path in EXPLORER_JS:
            app.add_js_file(path, priority=600)


def _is_thebe(script: Any) -> bool:
    text = f"{getattr(script, 'filename', script)} {getattr(script, 'attributes', {})}"
    return "thebe" in text.lower()


def _drop_thebe(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.Node | None
) -> None:
    """Remove Thebe's scripts: live code runs through launch buttons, not Thebe, and Thebe's
    config (injected twice by Jupyter Book, a console error) names a third-party host."""
    context["script_files"] = [s for s in context.get("script_files", []) if not _is_thebe(s)]
    context["css_files"] = [s for s in context.get("css_files", []) if not _is_thebe(s)]


def _fix_citation_roles(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.Node | None
) -> None:
    """Docutils marks bibliography entries ``doc-biblioentry`` inside a ``list``: a deprecated
    role that also leaves the list without list items (two WCAG failures in axe)."""
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body = body.replace('role="doc-biblioentry"', 'role="listitem"')
    # MyST-NB labels hidden-code toggles "Toggle hidden content" although they read "Show code
    # cell source": the accessible name must contain the visible text (WCAG 2.5.3).
    if body and '<summary aria-label="Toggle hidden content">' in body:
        context["body"] = body.replace('<summary aria-label="Toggle hidden content">', "<summary>")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _drop_page_only)
    app.add_js_file("course/nav.js", loading_method="defer")  # every page: phone menus
    app.connect("html-page-context", _add_explorer_js)
    app.connect("html-page-context", _drop_thebe, priority=900)
    app.connect("html-page-context", _fix_citation_roles)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
