"""The controls an explorer offers, described as data.

Labels, option labels and help are English ``msgid``s (marked with ``N_``): :func:`shown` gives
the control in the course language, at the moment it is drawn.

Describing controls rather than building widgets directly lets the same description produce
the ipywidgets controls in JupyterLab and the HTML controls of the kernel-free explorer, and
lets tests and the static export enumerate every state.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from innolead.format import decimal_mark
from innolead.i18n import _


@dataclass(frozen=True)
class Choice:
    """A dropdown (or toggle buttons when ``toggle``): one of a few labelled options."""

    name: str
    label: str
    options: tuple[tuple[str, Any], ...]
    default: Any
    toggle: bool = False
    help: str = ""
    #: Values for the named placeholders of ``help`` (``{min_size}``), filled after translation.
    help_args: tuple[tuple[str, Any], ...] = ()

    def values(self) -> list[Any]:
        return [value for _label, value in self.options]

    def option_labels(self) -> list[str]:
        return [label for label, _value in self.options]

    def __post_init__(self) -> None:
        if self.default not in self.values():
            msg = f"control {self.name!r}: default {self.default!r} is not one of its options"
            raise ValueError(msg)


@dataclass(frozen=True)
class Slider:
    """A slider over a few fixed values, for continuous parameters such as Bass's p and q.

    The values are fixed so that the kernel-free explorer can precompute every state; the
    format string says how a value reads next to the slider.
    """

    name: str
    label: str
    steps: tuple[float, ...]
    default: float
    fmt: str = "{:.3f}"
    help: str = ""
    help_args: tuple[tuple[str, Any], ...] = ()

    def values(self) -> list[float]:
        return list(self.steps)

    def option_labels(self) -> list[str]:
        """Each step as it reads next to the slider, with the course language's decimal mark."""
        return [decimal_mark(self.fmt.format(v)) for v in self.steps]

    def __post_init__(self) -> None:
        if self.default not in self.steps:
            msg = f"control {self.name!r}: default {self.default!r} is not one of its steps"
            raise ValueError(msg)


Control = Choice | Slider


def shown(control: Control) -> Control:
    """The control in the course language: its label, option labels and help translated.

    Option labels that are data values without a catalogue entry (a unit's name) stay as
    they are.
    """
    help_text = _(control.help).format(**dict(control.help_args)) if control.help else ""
    if isinstance(control, Slider):
        return replace(control, label=_(control.label), help=help_text, help_args=())
    options = tuple((_(label), value) for label, value in control.options)
    return replace(control, label=_(control.label), options=options, help=help_text, help_args=())


def defaults(controls: tuple[Control, ...]) -> dict[str, Any]:
    """The default state: each control at its default value."""
    return {control.name: control.default for control in controls}
