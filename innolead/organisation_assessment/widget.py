"""The self-assessment as a widget: seven labelled sliders, a profile, a reading list, a file.

A thin layer over ``innolead.organisation_assessment.profile``: each change recomputes the
profile with the pure functions and redraws the chart (with alt text), the reading list and,
if an earlier assessment is chosen, the comparison. "Save assessment" writes the JSON file that
``innolead.organisation_assessment.store.load`` reads back.
"""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd

from innolead.cases import load as load_case
from innolead.i18n import N_, _
from innolead.organisation_assessment import store
from innolead.organisation_assessment.capabilities import (
    BENCHMARK_NOTE,
    CAPABILITIES,
    HIGHEST,
    LOWEST,
)
from innolead.organisation_assessment.display import (
    profile_alt,
    profile_png,
    reading_html,
    table_html,
)
from innolead.organisation_assessment.profile import benchmarks, compare, profile, reading_list
from innolead.render.pages import piece

SECTOR_OPTIONS = (
    (N_("All public workplaces"), "all"),
    (N_("Municipalities"), "municipality"),
    (N_("Regions"), "region"),
    (N_("State agencies"), "state"),
)
NO_EARLIER = (N_("(none)"), "")
_STYLE = {"description_width": "16em"}


#: How a change between two assessments reads in the comparison table.
DIRECTIONS = {"increased": N_("increased"), "same": N_("same"), "decreased": N_("decreased")}


def _no_earlier() -> tuple[str, str]:
    return (_(NO_EARLIER[0]), NO_EARLIER[1])


def _png_outputs(png: bytes, alt: str) -> tuple[dict, ...]:
    image = base64.b64encode(png).decode("ascii")
    return (
        {
            "output_type": "display_data",
            "data": {"image/png": image, "text/plain": alt},
            "metadata": {"image/png": {"alt": alt}},
        },
    )


def _capability_sliders() -> dict[str, widgets.IntSlider]:
    """One slider per capability, from 1 to 5, starting in the middle."""
    return {
        key: widgets.IntSlider(
            value=3,
            min=LOWEST,
            max=HIGHEST,
            step=1,
            description=_(capability.label),
            continuous_update=False,
            style=_STYLE,
            layout=widgets.Layout(width="34em"),
            tooltip=_(capability.question),
        )
        for key, capability in CAPABILITIES.items()
    }


class SelfAssessment(widgets.VBox):
    """Rate the organisation on seven capabilities; see the profile; save and compare."""

    def __init__(
        self,
        workplaces: pd.DataFrame | None = None,
        folder: str | Path = ".",
        organisation: str = "",
        assessed_on: str | None = None,
    ) -> None:
        self.workplaces = load_case("barometer") if workplaces is None else workplaces
        self.folder = Path(folder)
        self._benchmarks: dict[str, pd.DataFrame] = {}
        self.table: pd.DataFrame | None = None
        self.organisation = widgets.Text(
            value=organisation,
            description=_("Organisation"),
            style=_STYLE,
            placeholder=_("for example Norrvik municipality"),
        )
        self.assessed_on = widgets.Text(
            value=assessed_on or dt.date.today().isoformat(),
            description=_("Date (YYYY-MM-DD)"),
            style=_STYLE,
        )
        self.sector = widgets.Dropdown(
            options=[(_(label), value) for label, value in SECTOR_OPTIONS],
            value="all",
            description=_("Benchmark: workplaces in"),
            style=_STYLE,
        )
        self.sliders = _capability_sliders()
        self.sentence = widgets.HTML()
        self.chart = widgets.Output(layout=widgets.Layout(min_height="420px"))
        self.reading = widgets.HTML()
        self.file_name = widgets.Text(description=_("File name"), style=_STYLE)
        self.save_button = widgets.Button(description=_("Save assessment"), icon="save")
        self.save_status = widgets.HTML()
        self.earlier = widgets.Dropdown(
            options=[_no_earlier()], value="", description=_("Compare with"), style=_STYLE
        )
        self.look_button = widgets.Button(description=_("Look for saved files"), icon="refresh")
        self.comparison = widgets.HTML()
        super().__init__(self._layout())
        for control in [*self.sliders.values(), self.sector, self.organisation, self.earlier]:
            control.observe(self._on_change, names="value")
        self.assessed_on.observe(self._on_name_change, names="value")
        self.organisation.observe(self._on_name_change, names="value")
        self.save_button.on_click(lambda _: self.save())
        self.look_button.on_click(lambda _: self.find_saved())
        self.find_saved()
        self._on_name_change({})
        self.refresh()

    def _layout(self) -> list[widgets.Widget]:
        header = widgets.HTML(_html("assessment_header", _(BENCHMARK_NOTE)))
        rows = [
            widgets.VBox(
                [
                    widgets.HTML(_html("assessment_question", _(c.question), _(c.chapter_title))),
                    self.sliders[key],
                ]
            )
            for key, c in CAPABILITIES.items()
        ]
        saving = widgets.HBox([self.file_name, self.save_button])
        comparing = widgets.HBox([self.earlier, self.look_button])
        return [
            header,
            self.organisation,
            self.assessed_on,
            self.sector,
            *rows,
            self.sentence,
            self.chart,
            self.reading,
            saving,
            self.save_status,
            comparing,
            self.comparison,
        ]

    @property
    def ratings(self) -> dict[str, int]:
        """The current rating of each capability."""
        return {key: int(slider.value) for key, slider in self.sliders.items()}

    def set(self, **ratings: int) -> pd.DataFrame:
        """Set ratings as a reader would (``collaboration=4``) and return the profile."""
        unknown = sorted(set(ratings) - set(self.sliders))
        if unknown:
            msg = _("No capability {unknown}; the capabilities are {capabilities}.").format(
                unknown=unknown, capabilities=list(self.sliders)
            )
            raise TypeError(msg)
        for key, value in ratings.items():
            self.sliders[key].value = value
        return self.table

    def benchmarks(self) -> pd.DataFrame:
        """The benchmarks for the chosen sector (computed once per sector)."""
        sector = self.sector.value
        if sector not in self._benchmarks:
            self._benchmarks[sector] = benchmarks(self.workplaces, sector)
        return self._benchmarks[sector]

    def assessment(self) -> store.Assessment:
        """The current state as an ``Assessment`` to save."""
        return store.Assessment(
            organisation=self.organisation.value.strip(),
            assessed_on=self.assessed_on.value.strip(),
            ratings=self.ratings,
            sector=self.sector.value,
        )

    def _on_change(self, change: dict[str, Any]) -> None:
        self.refresh()

    def _on_name_change(self, change: dict[str, Any]) -> None:
        self.file_name.placeholder = store.default_name(self.assessment())

    def refresh(self) -> None:
        """Recompute the profile and redraw the chart, the reading list and the comparison."""
        bench = self.benchmarks()
        self.table = profile(self.ratings, bench)
        reading = reading_list(self.table)
        names = ", ".join(f"{r.label} ({self.ratings[r.capability]})" for r in reading.itertuples())
        self.sentence.value = _html("weakest", names)
        png = profile_png(self.table, self.organisation.value.strip())
        self.chart.outputs = _png_outputs(png, profile_alt(self.table))
        self.reading.value = reading_html(reading)
        self.comparison.value = self._comparison_html(bench)

    def _comparison_html(self, bench: pd.DataFrame) -> str:
        if not self.earlier.value:
            return ""
        try:
            earlier = store.load(self.earlier.value)
        except (OSError, ValueError) as err:
            return _html("status", str(err), True, "")
        table = compare(earlier.ratings, self.ratings, bench)
        shown = table[["label", "earlier", "later", "change", "direction", "benchmark"]]
        shown = shown.assign(direction=[_(DIRECTIONS[d]) for d in shown["direction"]])
        shown = shown.rename(
            columns={
                "label": _("Capability"),
                "earlier": earlier.assessed_on,
                "later": _("Now"),
                "change": _("Change"),
                "direction": _("Direction"),
                "benchmark": _("Benchmark"),
            }
        )
        caption = _("Compared with the assessment of {organisation} on {date}").format(
            organisation=earlier.organisation or _("your organisation"), date=earlier.assessed_on
        )
        return table_html(shown, caption)

    def find_saved(self) -> list[Path]:
        """List the saved assessments in the folder as choices to compare with."""
        files = sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []
        chosen = self.earlier.value
        self.earlier.options = [_no_earlier(), *((path.name, str(path)) for path in files)]
        self.earlier.value = chosen if chosen in [str(p) for p in files] else ""
        return files

    def save(self) -> Path | None:
        """Write the assessment to the folder; report where, or what to fix."""
        assessment = self.assessment()
        name = self.file_name.value.strip() or store.default_name(assessment)
        if not name.endswith(".json"):
            name += ".json"
        try:
            path = store.save(assessment, self.folder / name)
        except (OSError, ValueError) as err:
            self.save_status.value = _html("status", str(err), True)
            return None
        self.save_status.value = _html("saved", str(path))
        self.find_saved()
        return path


def _html(macro: str, *args: object) -> str:
    """A piece of the widget's HTML from ``innolead/render/templates/widgets.html``, escaped."""
    return str(piece(macro, *args, template="widgets.html"))
