"""The `diffusion` explorer: every state shows what the diffusion functions compute for it."""

from __future__ import annotations

import html

import pandas as pd
import pytest

from innolead import explore
from innolead.analysis.diffusion import (
    bass_curve,
    category_shares,
    cumulative_adoption,
    fit_bass,
    mean_gap,
    year_reaching,
)
from innolead.cases import load
from innolead.explorers.diffusion import GROUPS, SPEC, prepare
from innolead.format import num
from innolead.web.static_explorer import export

STATES = [
    (0.01, 0.4, "all", "cumulative"),
    (0.002, 0.7, "rural", "cumulative"),
    (0.03, 0.1, "city", "cumulative"),
    (0.01, 0.4, "all", "yearly"),
    (0.005, 0.3, "small town", "yearly"),
]


@pytest.fixture(scope="module")
def explorer():
    return explore("diffusion")


@pytest.fixture(scope="module")
def municipalities() -> pd.DataFrame:
    return load("diffusion")


def _expected(municipalities: pd.DataFrame, p: float, q: float, group: str):
    """The group's rows, observed curve, best fit and Bass curve, from the analysis functions."""
    groups = GROUPS[group][2]
    rows = municipalities
    if groups is not None:
        rows = municipalities[municipalities["municipality_group"].isin(groups)]
    adoption = cumulative_adoption(rows, first=2008, last=2025)
    fit = fit_bass(adoption)
    return rows, adoption, fit, bass_curve(adoption, p, q, fit.m)


@pytest.mark.parametrize(("p", "q", "group", "show"), STATES)
def test_diffusion_explorer_chart_matches_curves(explorer, municipalities, p, q, group, show):
    """Are the chart's two lines the observed curve and the Bass curve for this p and q?"""
    view = explorer.set(p=p, q=q, group=group, show=show)
    _, adoption, _, curve = _expected(municipalities, p, q, group)
    column = "share" if show == "cumulative" else "adopters"
    expected = [*adoption[column], *curve[column]]
    assert view.chart.data["value"].tolist() == pytest.approx(expected)


@pytest.mark.parametrize(("p", "q", "group", "show"), STATES[:3])
def test_diffusion_explorer_cumulative_table_compares_curves(
    explorer, municipalities, p, q, group, show
):
    """Does the table give the reader's and the best-fit curve's p, q, gap and 50 % year?"""
    view = explorer.set(p=p, q=q, group=group, show=show)
    _, adoption, fit, curve = _expected(municipalities, p, q, group)
    best = bass_curve(adoption, fit.p, fit.q, fit.m)
    expected = pd.DataFrame(
        {
            "p": [p, fit.p],
            "q": [q, fit.q],
            "gap": [100 * mean_gap(adoption, curve), 100 * mean_gap(adoption, best)],
            "year": [year_reaching(curve), year_reaching(best)],
        }
    )
    got = view.table[["p", "q", "Mean gap (percentage points)", "Reaches 50 % in"]]
    assert got.astype(float).to_numpy() == pytest.approx(expected.astype(float).to_numpy())


@pytest.mark.parametrize(("p", "q", "group", "show"), STATES[3:])
def test_diffusion_explorer_yearly_table_shows_categories(
    explorer, municipalities, p, q, group, show
):
    """In the yearly view, does the table give the group's Rogers category counts?"""
    view = explorer.set(p=p, q=q, group=group, show=show)
    rows, *_ = _expected(municipalities, p, q, group)
    assert view.table["Adopters"].tolist() == category_shares(rows)["adopters"].tolist()


@pytest.mark.parametrize(("p", "q", "group", "show"), STATES[:3])
def test_diffusion_explorer_sentence_compares_curves(explorer, municipalities, p, q, group, show):
    """Does the sentence give the adopters, the mean gap and the 50 % year of this state?"""
    view = explorer.set(p=p, q=q, group=group, show=show)
    rows, adoption, _, curve = _expected(municipalities, p, q, group)
    expected = (
        f"{adoption['cumulative'].iloc[-1]} of the {len(rows)}",
        f"on average {num(100 * mean_gap(adoption, curve), 1)} percentage points",
        f"reaches 50 % in {year_reaching(curve)}",
    )
    assert all(part in view.sentence for part in expected)


def test_diffusion_explorer_sentence_widget_shows_sentence(explorer) -> None:
    """Does the sentence widget show the view's sentence?"""
    view = explorer.set(p=0.02, q=0.6, group="larger town", show="cumulative")
    assert view.sentence in html.unescape(explorer.sentence.value)


@pytest.mark.parametrize(("name", "tolerance"), [("p", 0.002), ("q", 0.02)])
def test_diffusion_explorer_default_is_close_to_best_fit(municipalities, name, tolerance) -> None:
    """Is the default p within 0.002, and q within 0.02, of the best fit for all 290?"""
    fit = fit_bass(cumulative_adoption(municipalities, first=2008, last=2025))
    assert explore("diffusion").state[name] == pytest.approx(getattr(fit, name), abs=tolerance)


def test_diffusion_explorer_default_tells_main_story() -> None:
    """Does the default sentence give 265 of 290 adopters, 50 % in 2017 and a 0.9-point gap?"""
    sentence = explore("diffusion").view.sentence
    expected = (
        "265 of the 290 municipalities (91 %)",
        "the observed share passed 50 % in 2017",
        "on average 0.9 percentage points",
    )
    assert all(part in sentence for part in expected)


def test_diffusion_explorer_every_exported_state_shows_something() -> None:
    """Does every precomputed state have a sentence and either a chart or an error?"""
    states = export(SPEC)["states"].values()
    assert all(s["sentence"] and (s["chart"] is not None or s["error"]) for s in states)


def test_diffusion_explorer_has_under_600_states() -> None:
    """Does the explorer stay under about 600 precomputed states?"""
    total = 1
    for control in SPEC.controls:
        total *= len(control.values())
    assert total <= 600


@pytest.fixture(scope="module")
def rural_never_adopted(municipalities):
    """The explorer over data in which no rural municipality has adopted, at that group."""
    frame = municipalities.copy()
    frame.loc[frame["municipality_group"] == "rural municipality", "adoption_year"] = pd.NA
    return explore("diffusion", data=prepare(frame), group="rural")


def test_diffusion_explorer_group_without_adopters_shows_message(rural_never_adopted) -> None:
    """For a group with no adopters, does the sentence say so?"""
    assert "has adopted yet" in rural_never_adopted.sentence.value


def test_diffusion_explorer_group_without_adopters_shows_no_chart(rural_never_adopted) -> None:
    """For a group with no adopters, is no chart shown?"""
    assert rural_never_adopted.chart.outputs == ()
