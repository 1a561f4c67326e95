"""The ipywidgets layer: controls over a case's ``view`` function, and nothing more.

Each case's explorer module declares its controls, how to load its data and a pure ``view``
function. ``Explorer`` turns that into a widget: labelled controls, a chart, a table and a
sentence. It recomputes only when the state changes, redraws only the parts that changed, and
after an error shows the reason in place of the chart, never a stale one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from innolead.analysis.errors import SelectionError
from innolead.explorers.controls import Choice, Control, Slider, defaults, shown
from innolead.explorers.view import View
from innolead.i18n import _
from innolead.render.pages import piece
from innolead.render.vegalite import vega_spec


@dataclass(frozen=True)
class ExplorerSpec:
    """What a case's explorer module declares; ``view(data, **state)`` must be pure."""

    case: str
    title: str
    look_for: str
    controls: tuple[Control, ...]
    load: Callable[[], Any]
    view: Callable[..., View]


def _widget_for(control: Control) -> widgets.ValueWidget:
    """The widget of a control, in the course language."""
    control = shown(control)
    style = {"description_width": "initial"}
    if isinstance(control, Slider):
        return widgets.SelectionSlider(
            options=list(zip(control.option_labels(), control.steps, strict=True)),
            value=control.default,
            description=control.label,
            continuous_update=False,
            style=style,
            layout=widgets.Layout(width="28em"),
        )
    cls = widgets.ToggleButtons if control.toggle else widgets.Dropdown
    return cls(
        options=list(control.options),
        value=control.default,
        description=control.label,
        style=style,
        tooltip=control.help or None,
    )


def table_html(view: View) -> str:
    """The view's table as HTML with header cells, formatted as the book shows it."""
    if view.table.empty:
        return ""
    return view.display_table().to_html(index=False, border=0, classes="innolead-table")


def run_view(spec: ExplorerSpec, data: Any, state: dict[str, Any]) -> View:
    """The view for a state; a selection the analysis cannot summarise becomes a failed view."""
    try:
        return spec.view(data, **state)
    except SelectionError as err:
        return View.failed(str(err))


class Explorer(widgets.VBox):
    """A case explorer: controls, then a sentence, a chart and a table."""

    def __init__(self, spec: ExplorerSpec, data: Any = None, **state: Any) -> None:
        self.spec = spec
        self.data = spec.load() if data is None else data
        self.controls = {c.name: _widget_for(c) for c in spec.controls}
        for name, value in check_values(spec, state).items():
            self.controls[name].value = value
        self.sentence = widgets.HTML()
        self.chart = widgets.Output(layout=widgets.Layout(min_height="370px"))
        self.table = widgets.HTML()
        self.view: View | None = None
        self._state: dict[str, Any] | None = None
        header = widgets.HTML(
            str(piece("explorer_header", _(spec.title), _(spec.look_for), template="widgets.html"))
        )
        box = widgets.HBox(list(self.controls.values()), layout=widgets.Layout(flex_flow="wrap"))
        super().__init__([header, box, self.sentence, self.chart, self.table])
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.refresh()

    @property
    def state(self) -> dict[str, Any]:
        """The current value of every control, by name."""
        return {name: widget.value for name, widget in self.controls.items()}

    def set(self, **state: Any) -> View:
        """Set controls as a reader would and return the resulting view.

        A name that is not a control, or a value a control does not offer, gets the
        toolkit's message naming the choices (not the widget library's ``TraitError``).
        """
        for name, value in check_values(self.spec, state).items():
            self.controls[name].value = value
        assert self.view is not None  # refresh() ran in __init__
        return self.view

    def _on_change(self, change: dict) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Recompute the view if the state changed, and redraw what differs."""
        state = self.state
        if state == self._state:
            return
        old, self._state = self.view, state
        self.view = run_view(self.spec, self.data, state)
        self._draw(old, self.view)

    def _draw(self, old: View | None, new: View) -> None:
        self.sentence.value = str(
            piece("status", new.sentence, bool(new.error), template="widgets.html")
        )
        if old is None or not _same_chart(old, new):
            self.chart.outputs = _chart_outputs(new)
        if old is None or not old.table.equals(new.table):
            self.table.value = table_html(new)


def _same_chart(old: View, new: View) -> bool:
    if old.chart is None or new.chart is None:
        return old.chart is new.chart
    return old.chart.title == new.chart.title and old.chart.data.equals(new.chart.data)


#: JupyterLab's built-in renderer draws this in the browser; the kernel only sends JSON.
VEGALITE = "application/vnd.vegalite.v5+json"


def _chart_outputs(view: View) -> tuple[dict, ...]:
    if view.chart is None:
        return ()
    spec = vega_spec(view.chart, view.alt, version=5)
    return (
        {
            "output_type": "display_data",
            "data": {VEGALITE: spec, "text/plain": view.alt},
            "metadata": {},
        },
    )


class ControlValueError(ValueError):
    """A value a control does not offer; the message names the values it does."""


def check_values(spec: ExplorerSpec, state: dict[str, Any]) -> dict[str, Any]:
    """``state`` itself, once every name is a control and every value one it offers.

    Unknown names raise ``TypeError`` (as an unknown keyword argument would); impossible
    values raise ``ControlValueError`` with the values to choose from.
    """
    controls = {c.name: c for c in spec.controls}
    unknown = sorted(set(state) - set(controls))
    if unknown:
        msg = (
            f"{spec.case} explorer has no control(s) {unknown}; its controls are {sorted(controls)}"
        )
        raise TypeError(msg)
    for name, value in state.items():
        if value not in controls[name].values():
            msg = f"{name!r} cannot be {value!r}; choose one of {controls[name].values()}"
            raise ControlValueError(msg)
    return state


def check_state(spec: ExplorerSpec, state: dict[str, Any]) -> dict[str, Any]:
    """A full state: defaults overridden by ``state`` (checked as ``check_values`` does)."""
    return defaults(spec.controls) | check_values(spec, state)


__all__ = [
    "Choice",
    "ControlValueError",
    "Explorer",
    "ExplorerSpec",
    "Slider",
    "check_state",
    "check_values",
    "run_view",
]
