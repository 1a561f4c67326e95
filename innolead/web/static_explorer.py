"""The kernel-free explorer: every state of a case explorer, precomputed, for the static book.

An explorer's controls take a few fixed values each, so all their combinations can be
computed at build time by the same ``view`` function the live explorer calls. The page then
only looks up the state the reader chose: the numbers a reader sees are the Python toolkit's
numbers by construction. ``_static/course/explorer.js`` draws the controls, the Vega-Lite chart,
the table and the sentence; without JavaScript the default view still shows as plain HTML.
When the book is built, ``innolead.web.sphinx_assets`` moves the states out of the page into a
separate JSON file, which the script fetches when the explorer nears the screen.
"""

from __future__ import annotations

import html
import itertools
import json
from typing import Any

from innolead.explorers import spec as explorer_spec
from innolead.explorers.base import ExplorerSpec, check_state, run_view
from innolead.explorers.controls import Choice, Slider, shown
from innolead.explorers.view import View
from innolead.i18n import _
from innolead.render.vegalite import vega_spec

MAX_STATES = 2000
MARK = "data-innolead-explorer"


def state_key(indices: tuple[int, ...]) -> str:
    """The lookup key of a state: each control's option index, joined by dashes."""
    return "-".join(str(i) for i in indices)


def view_json(view: View) -> dict[str, Any]:
    """What the page needs to show one state."""
    table = view.display_table()
    return {
        "sentence": view.sentence,
        "alt": view.alt,
        "error": view.error,
        "columns": [str(c) for c in table.columns],
        "rows": table.values.tolist(),
        "chart": vega_spec(view.chart, view.alt) if view.chart is not None else None,
    }


def _control_json(control: Choice | Slider) -> dict[str, Any]:
    """A control as the page draws it, in the course language."""
    control = shown(control)
    kind = "slider" if isinstance(control, Slider) else "toggle" if control.toggle else "select"
    return {
        "name": control.name,
        "label": control.label,
        "kind": kind,
        "options": control.option_labels(),
        "default": control.values().index(control.default),
        "help": control.help,
    }


def export(spec: ExplorerSpec, data: Any = None) -> dict[str, Any]:
    """Every state of an explorer, ready to serialise into a page."""
    data = spec.load() if data is None else data
    ranges = [range(len(c.values())) for c in spec.controls]
    total = 1
    for r in ranges:
        total *= len(r)
    if total > MAX_STATES:
        msg = f"{spec.case} explorer has {total} states; at most {MAX_STATES} can be precomputed"
        raise ValueError(msg)
    states = {}
    for indices in itertools.product(*ranges):
        state = {c.name: c.values()[i] for c, i in zip(spec.controls, indices, strict=True)}
        states[state_key(indices)] = view_json(run_view(spec, data, state))
    title = _(spec.title)
    return {
        "case": spec.case,
        "title": title,
        "look_for": _(spec.look_for),
        "words": {
            "look_for": _("What to look for:"),
            "controls": _("{title}: controls").format(title=title),
        },
        "controls": [_control_json(c) for c in spec.controls],
        "states": states,
    }


def _fallback(default: dict[str, Any]) -> str:
    """The default view as plain HTML, for readers without JavaScript and for print."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in default["columns"])
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
        for row in default["rows"]
    )
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>" if head else ""
    failed = html.escape(
        _("The interactive explorer could not be loaded; the default view is shown above.")
    )
    return (
        f'<p class="innolead-sentence">{html.escape(default["sentence"])}</p>{table}'
        f'<p class="innolead-help innolead-failed" hidden>{failed}</p>'
    )


def page_html(
    name: str, data: Any = None, state: dict[str, Any] | None = None, look_for: str | None = None
) -> str:
    """The HTML block that the book embeds for a case's kernel-free explorer.

    ``state`` sets the controls the page opens on (others stay at the spec's defaults), so a
    chapter can open on the view that tells its point; ``look_for`` replaces the spec's hint.
    """
    spec = explorer_spec(name)
    opening = check_state(spec, state or {})  # a typo fails before every state is computed
    exported = export(spec, data)
    for control, described in zip(spec.controls, exported["controls"], strict=True):
        described["default"] = control.values().index(opening[control.name])
    if look_for is not None:
        exported["look_for"] = look_for
    default_key = state_key(tuple(c["default"] for c in exported["controls"]))
    payload = json.dumps(exported, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("</", "<\\/")
    return (
        f'<div class="innolead-explorer" {MARK}="{html.escape(name)}">'
        f'<script type="application/json">{payload}</script>'
        f'<div class="innolead-fallback">{_fallback(exported["states"][default_key])}</div>'
        "</div>"
    )


class StaticExplorer:
    """Displays as the kernel-free explorer in the book (``text/html``)."""

    def __init__(
        self,
        name: str,
        data: Any = None,
        state: dict[str, Any] | None = None,
        look_for: str | None = None,
    ) -> None:
        self.name = name
        self.data = data
        self.state = dict(state or {})
        self.look_for = look_for
        check_state(explorer_spec(name), self.state)  # a wrong control fails at build time

    def _repr_html_(self) -> str:
        return page_html(self.name, self.data, self.state, self.look_for)


def show(name: str, look_for: str | None = None, **state: Any) -> StaticExplorer:
    """The kernel-free explorer of a case, opening on ``state``, for a chapter's hidden cell."""
    return StaticExplorer(name, state=state, look_for=look_for)
