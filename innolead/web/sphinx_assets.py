"""Sphinx extension: text first, heavy JavaScript only where and when it is needed.

A reader on a phone must see a page's text before any script runs (issue 16). This extension:

- removes ``_static/vendor/`` and ``_static/course/`` from the scripts Jupyter Book adds to
  every page, and adds the explorer script back only to pages that hold an explorer;
- loads every remaining script with ``defer`` (none blocks the first paint); Sphinx's tiny
  ``documentation_options.js`` is inlined instead, because inline scripts after it use it;
- moves each explorer's precomputed states out of the page into a content-addressed JSON file
  under ``_static/explorers/`` (compressed and cached by any web server), which
  ``course/explorer.js`` fetches, together with Vega, when the explorer nears the screen;
- on pages with ipywidgets, replaces the widget manager (about 0.9 MB compressed) by a static
  rendering of the saved widget state and a button that loads the manager on request
  (``course/widgets.js``);
- leaves out the styles and scripts of components a page does not use (sphinx-design, code
  highlighting and copy buttons);
- mends theme accessibility (citation roles, hidden-code toggles) and drops Thebe.

The search index is no longer loaded on every page either: ``_templates/layout.html`` keeps it
to the search page, where ``_templates/search.html`` defers it.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html._assets import _file_checksum, _JavaScript
from sphinx.config import Config

from innolead.i18n import _

PAGE_ONLY = ("vendor/", "course/")
EXPLORER_MARK = "data-innolead-explorer"
EXPLORER_JS = "course/explorer.js"
VEGA_JS = (
    "vendor/vega/vega.min.js",
    "vendor/vega/vega-lite.min.js",
    "vendor/vega/vega-embed.min.js",
)
WIDGETS_JS = "course/widgets.js"
#: Where the explorers' states go in the built site (below ``_static/``, so served cacheable).
STATES_DIR = "_static/explorers"
#: The largest inline data block (explorer or widget state) a page may carry; tests assert it.
MAX_INLINE_DATA = 16_000
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = re.compile(
    r'(<script type="application/vnd\.jupyter\.widget-view\+json">(.*?)</script>)', re.S
)
EXPLORER_STATES = re.compile(
    r'(<div class="innolead-explorer" data-innolead-explorer="([^"]+)")>'
    r'<script type="application/json">(.*?)</script>',
    re.S,
)


def _name(entry: Any) -> str:
    filename = getattr(entry, "filename", None)  # _JavaScript, _CascadingStyleSheet
    return os.fspath(filename or "") if hasattr(entry, "filename") else str(entry)


def _config_name(entry: Any) -> str:
    return str(entry[0] if isinstance(entry, tuple | list) else entry)


def _drop_page_only(app: Sphinx, config: Config) -> None:
    config.html_js_files = [
        f for f in config.html_js_files if not _config_name(f).startswith(PAGE_ONLY)
    ]


def has_explorer(doctree: nodes.Node | None) -> bool:
    """Does the page hold a kernel-free explorer (an HTML output carrying our mark)?"""
    if doctree is None:
        return False
    return any(EXPLORER_MARK in node.astext() for node in doctree.findall(nodes.raw))


def _static_uri(app: Sphinx, context: dict, path: str) -> str:
    """A page-relative URL of a file under ``_static/``, with Sphinx's cache-busting checksum."""
    uri = context["pathto"](f"_static/{path}", 1)
    checksum = _file_checksum(Path(app.outdir), f"_static/{path}")
    if not checksum:  # not copied yet on a first build: checksum the source
        source = Path(app.srcdir) / "_static" / path
        checksum = _file_checksum(source.parent, source.name)
    return f"{uri}?v={checksum}" if checksum else uri


def _add_explorer_js(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.Node | None
) -> None:
    if has_explorer(doctree):
        vega = " ".join(_static_uri(app, context, path) for path in VEGA_JS)
        attributes = {"defer": "defer", "data-vega": vega}
        script: Any = _JavaScript  # Sphinx's stub types its keyword attributes too narrowly
        context["script_files"].append(script(f"_static/{EXPLORER_JS}", **attributes))


def _write_states(app: Sphinx, name: str, payload: str) -> str:
    """Write an explorer's states once, named by their content; return the path in the site."""
    data = payload.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()[:16]
    safe = re.sub(r"[^A-Za-z0-9_-]", "-", name)[:40]
    relative = f"{STATES_DIR}/{safe}-{digest}.json"
    target = Path(app.outdir) / relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(data)
        temporary.replace(target)  # atomic: parallel writers of the same page agree
    return relative


def _externalise_states(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.Node | None
) -> None:
    """Replace each explorer's inline states by a link to a separate, cacheable JSON file."""
    body = context.get("body")
    if not body or EXPLORER_MARK not in body:
        return

    def link(match: re.Match) -> str:
        relative = _write_states(app, html.unescape(match.group(2)), match.group(3))
        url = context["pathto"](relative, 1)
        return f'{match.group(1)} data-states="{html.escape(url)}">'

    context["body"] = EXPLORER_STATES.sub(link, body)


def _documentation_options(app: Sphinx) -> str:
    """The body of Sphinx's ``documentation_options.js``, rendered as Sphinx renders it."""
    builder: Any = app.builder  # the HTML builder (theme, templates, global context)
    cached = getattr(builder, "_innolead_doc_options", None)
    if cached is None:
        for folder in builder.theme.get_theme_dirs():
            for suffix in (".jinja", "_t"):
                template = Path(folder) / "static" / f"documentation_options.js{suffix}"
                if template.is_file():
                    text = template.read_text(encoding="utf-8")
                    cached = builder.templates.render_string(text, builder.globalcontext)
                    break
            if cached is not None:
                break
        builder._innolead_doc_options = cached = (cached or "").strip()
    return cached


def _defer_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.Node | None
) -> None:
    """No script blocks the first paint: files load with ``defer`` (in order, after parsing)."""
    scripts = sorted(context.get("script_files", []), key=lambda js: getattr(js, "priority", 500))
    deferred = []
    for script in scripts:
        js = script if isinstance(script, _JavaScript) else _JavaScript(str(script))
        name, attributes = _name(js), dict(js.attributes)
        if name.endswith("documentation_options.js"):
            body = _documentation_options(app)
            if body:  # inline scripts after it read DOCUMENTATION_OPTIONS
                deferred.append(_JavaScript("", priority=js.priority, body=body))
                continue
        classic = attributes.get("type", "text/javascript") in ("text/javascript", "")
        if name and classic and "async" not in attributes:
            attributes["defer"] = "defer"
        deferred.append(_JavaScript(js.filename, priority=js.priority, **attributes))
    context["script_files"][:] = deferred  # in place: the builder adds to this same list


#: Assets that only some pages use: (a mark in the page body, files to drop without it).
PAGE_USES = (
    ("sd-", ("sphinx-design.min.css", "design-tabs.js")),  # sphinx-design components
    ('class="highlight', ("pygments.css", "copybutton.css", "copybutton.js", "clipboard.min.js")),
)


def _drop_unused(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.Node | None
) -> None:
    """Leave out styles and scripts for components the page does not have (every render-
    blocking stylesheet delays the first paint, however little of it applies)."""
    body = context.get("body") or ""
    unused = {name for mark, names in PAGE_USES if mark not in body for name in names}

    def used(asset: Any) -> bool:
        return _name(asset).rsplit("/", 1)[-1] not in unused

    context["script_files"][:] = [s for s in context["script_files"] if used(s)]
    context["css_files"][:] = [c for c in context["css_files"] if used(c)]


def _is_thebe(script: Any) -> bool:
    text = f"{getattr(script, 'filename', script)} {getattr(script, 'attributes', {})}"
    return "thebe" in text.lower()


def _drop_thebe(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.Node | None
) -> None:
    """Remove Thebe's scripts: live code runs through launch buttons, not Thebe, and Thebe's
    config (injected twice by Jupyter Book, a console error) names a third-party host."""
    context["script_files"][:] = [s for s in context["script_files"] if not _is_thebe(s)]
    context["css_files"][:] = [s for s in context["css_files"] if not _is_thebe(s)]


# --- ipywidgets: a static rendering of the saved state, the manager on request ---------------


def _widget_html(models: dict, model_id: str, depth: int = 0) -> str:
    """The saved state of one widget as plain HTML (the kinds this book uses; others empty)."""
    model = models.get(model_id)
    if model is None or depth > 20:
        return ""
    kind, state = model.get("model_name", ""), model.get("state", {})
    if kind in ("VBoxModel", "HBoxModel", "BoxModel", "GridBoxModel", "AccordionModel"):
        children = "".join(
            _widget_html(models, str(child).removeprefix("IPY_MODEL_"), depth + 1)
            for child in state.get("children", [])
        )
        direction = "row" if kind == "HBoxModel" else "column"
        return f'<div class="innolead-widget-box innolead-widget-{direction}">{children}</div>'
    if kind in ("DropdownModel", "SelectModel"):
        ident = f"innolead-widget-{model_id[:12]}"
        chosen = state.get("index")
        options = "".join(
            f"<option{' selected' if i == chosen else ''}>{html.escape(str(o))}</option>"
            for i, o in enumerate(state.get("_options_labels", []))
        )
        label = html.escape(state.get("description") or "Choice")
        return (
            f'<div class="widget-dropdown innolead-widget-control"><label for="{ident}">{label}'
            f'</label><select id="{ident}">{options}</select></div>'
        )
    if kind in ("LabelModel", "HTMLModel"):
        value = state.get("value", "")
        return f"<div>{value if kind == 'HTMLModel' else html.escape(value)}</div>"
    if kind == "OutputModel":
        return "".join(_output_html(output) for output in state.get("outputs", []))
    return ""


def _output_html(output: dict) -> str:
    data = output.get("data", {})
    if "text/html" in data:
        return f'<div class="innolead-widget-output">{data["text/html"]}</div>'
    text = data.get("text/plain") or output.get("text")
    return f"<pre>{html.escape(text)}</pre>" if text else ""


def _widget_scripts(app: Sphinx, context: dict) -> tuple[list[dict], list[Any]]:
    """Split the page's scripts into the widget manager's (to load on request) and the rest."""
    manager = set(getattr(app.config, "nb_ipywidgets_js", {}) or {})
    chosen, rest = [], []
    for script in context.get("script_files", []):
        name = _name(script).removeprefix("_static/")
        if name in manager:
            attributes = dict(getattr(script, "attributes", {}))
            chosen.append({"src": _static_uri(app, context, name), "attributes": attributes})
        else:
            rest.append(script)
    return chosen, rest


def _widgets_on_request(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.Node | None
) -> None:
    """Show saved widgets as static HTML; load the widget manager when the reader asks."""
    body = context.get("body") or ""
    states = [
        s for s in context.get("script_files", []) if s.attributes.get("type") == WIDGET_STATE
    ]
    if not states or "widget-view+json" not in body:
        return
    manager, rest = _widget_scripts(app, context)
    if not manager:
        return
    models = json.loads(states[0].attributes.get("body", "{}")).get("state", {})
    data = {"data-scripts": json.dumps(manager)}
    loader = _JavaScript(f"_static/{WIDGETS_JS}", priority=600, defer="defer", **data)
    context["script_files"][:] = [*rest, loader]

    def fallback(match: re.Match) -> str:
        try:
            model_id = json.loads(match.group(2))["model_id"]
        except (ValueError, KeyError):
            return match.group(1)
        saved = _widget_html(models, model_id)
        # What widgets.js writes on the button while loading or after failing, in the edition's
        # language (the button's own label is translated with the themes' words).
        loading = html.escape(_("Loading the widget library..."))
        failed = html.escape(_("The widget library could not be loaded"))
        return (
            f'{match.group(1)}<div class="innolead-widget-fallback">{saved}'
            '<p class="innolead-widget-note">This is the saved view of the widget. '
            f'<button type="button" class="innolead-widgets-load" data-loading="{loading}" '
            f'data-failed="{failed}" hidden>'
            "Load the widget library (0.9 MB)</button></p></div>"
        )

    context["body"] = WIDGET_VIEW.sub(fallback, body)


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


#: How a built page names an explorer's state file (written by ``_externalise_states``).
STATES_LINK = re.compile(r'data-states="([^"?]+)')


def loaded_states(pages: Iterable[Path]) -> set[Path]:
    """The explorer state files these built pages load, as resolved paths."""
    return {
        (page.parent / html.unescape(found)).resolve()
        for page in pages
        for found in STATES_LINK.findall(page.read_text(encoding="utf-8"))
    }


def _prune_states(app: Sphinx, exception: Exception | None) -> None:
    """Delete state files no page of the site loads any more.

    The files are named by their content, so every change to an explorer writes a new one; an
    incremental build would otherwise keep shipping (and the tests keep reading) the old ones.
    """
    folder = Path(app.outdir) / STATES_DIR
    if exception is not None or app.builder.format != "html" or not folder.is_dir():
        return
    loaded = loaded_states(Path(app.outdir).rglob("*.html"))
    for state_file in folder.glob("*.json"):
        if state_file.resolve() not in loaded:
            state_file.unlink()


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _drop_page_only)
    app.connect("build-finished", _prune_states)
    app.add_js_file("course/nav.js", loading_method="defer")  # every page: phone menus
    app.connect("html-page-context", _add_explorer_js)
    app.connect("html-page-context", _externalise_states)
    app.connect("html-page-context", _fix_citation_roles)
    app.connect("html-page-context", _widgets_on_request, priority=800)
    app.connect("html-page-context", _drop_thebe, priority=900)
    app.connect("html-page-context", _drop_unused, priority=900)
    app.connect("html-page-context", _defer_scripts, priority=950)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
