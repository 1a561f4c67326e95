"""The controls an explorer offers, described as data.

Describing controls rather than building widgets directly lets the same description produce
the ipywidgets controls in JupyterLab and the HTML controls of the kernel-free explorer, and
lets tests and the static export enumerate every state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Choice:
    """A dropdown (or toggle buttons when ``toggle``): one of a few labelled options."""

    name: str
    label: str
    options: tuple[tuple[str, Any], ...]
    default: Any
    toggle: bool = False
    help: str = ""

    def values(self) -> list[Any]:
        return [value for _, value in self.options]

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

    def values(self) -> list[float]:
        return list(self.steps)

    def __post_init__(self) -> None:
        if self.default not in self.steps:
            msg = f"control {self.name!r}: default {self.default!r} is not one of its steps"
            raise ValueError(msg)


Control = Choice | Slider


def defaults(controls: tuple[Control, ...]) -> dict[str, Any]:
    """The default state: each control at its default value."""
    return {control.name: control.default for control in controls}
