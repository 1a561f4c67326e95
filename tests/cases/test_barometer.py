"""Tests of the `barometer` case: calibration to published figures, the stated assumptions and
the real published table.

Tolerances. Where sources.md section 2.4 gives a range, the share must fall inside it. Where it
gives a point value, the share must lie within +/-0.03 of it (+/-0.02 for the employees' role and
external funding, whose targets are tight). With about 1,900 innovators a share's sampling error
is about 0.01, so these bands allow for noise yet catch a miscalibrated generator.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from innolead.cases import load

#: The course's verified source notes on the barometers, copied into the repository.
SOURCES_MD = Path(__file__).resolve().parents[2] / "cases" / "barometer" / "source-notes.md"

INNOVATOR_COLUMNS = [
    "type_process_org",
    "type_communication",
    "type_service",
    "type_product",
    "n_types",
    "origin",
    "collaboration_external",
    "collaborated_private",
    "evaluated",
    "spread_actively",
    "driver_efficiency",
    "driver_citizens",
    "employees_role",
    "externally_financed",
    "effect_quality",
    "effect_user_satisfaction",
    "effect_efficiency",
]

# Yes/no shares among innovators: column, lowest and highest accepted share, source.
FLAG_TARGETS = [
    ("type_process_org", 0.76, 0.82),  # 0.79 +/- 0.03, copi_types
    ("type_communication", 0.34, 0.40),  # 0.37 +/- 0.03, copi_types
    ("type_service", 0.26, 0.32),  # 0.29 +/- 0.03, copi_types
    ("type_product", 0.19, 0.25),  # 0.22 +/- 0.03, copi_types
    ("collaboration_external", 0.69, 0.80),  # range 0.69-0.80, copi_collaboration/difi2019nordic
    ("collaborated_private", 0.22, 0.28),  # 1 in 4 +/- 0.03, copi_private
    ("spread_actively", 0.50, 0.58),  # "more than half", copi_spread2014
    ("externally_financed", 0.10, 0.14),  # 0.12 +/- 0.02, copi_funding
    ("driver_efficiency", 0.57, 0.63),  # 0.60 +/- 0.03, scb2024utility
    ("effect_quality", 0.69, 0.75),  # 0.72 +/- 0.03, scb2024utility
    ("effect_user_satisfaction", 0.69, 0.75),  # 0.72 +/- 0.03, scb2024utility
    ("effect_efficiency", 0.49, 0.55),  # 0.52 +/- 0.03, scb2024utility
]

# Shares of one answer among innovators: column, answer(s), lowest and highest accepted share.
ANSWER_TARGETS = [
    ("origin", ("adapted",), 0.53, 0.59),  # 0.56 +/- 0.03, copi_spread
    ("origin", ("copy",), 0.16, 0.22),  # 0.19 +/- 0.03, copi_spread
    ("origin", ("first",), 0.13, 0.19),  # 0.16 +/- 0.03, copi_spread
    ("origin", ("don't know",), 0.07, 0.13),  # 0.10 +/- 0.03, copi_spread
    ("evaluated", ("internal", "external"), 0.40, 0.45),  # range, copi2019evaluation
    ("evaluated", ("internal",), 0.32, 0.38),  # about 0.35, copi2019evaluation
    ("evaluated", ("external",), 0.07, 0.13),  # 0.10 +/- 0.03, copi2019evaluation
    ("employees_role", ("helped",), 0.88, 0.92),  # 0.90 +/- 0.02, copi_drivers
    ("employees_role", ("hindered",), 0.05, 0.09),  # 0.07 +/- 0.02, copi_drivers
]

# The real published figures, transcribed from sources.md sections 2.1-2.3: the key of the
# row, its value, and the words in sources.md that state it.
PUBLISHED = [
    ("SE", "2018", "innovated", "all", 0.81, "The Nordic comparison gives Sweden as 81 %"),
    ("SE", "2021-22", "driver_efficiency", "all", 0.60, "60 % of workplaces named efficiency"),
    ("SE", "2021-22", "effect_quality", "all", 0.72, "about 72 % improved quality"),
    ("SE", "2021-22", "effect_user_satisfaction", "all", 0.72,
     "about 72 % increased user satisfaction"),
    ("SE", "2021-22", "effect_efficiency", "all", 0.52, "about 52 % efficiency or savings"),
    ("DK", "2018-19", "innovated", "all", 0.81, "81 % in 2018-19 (n = 2 271)"),
    ("DK", "current", "innovated", "all", 0.83, "83 % on the current CO-PI page"),
    ("DK", "current", "type_process_org", "all", 0.79, "| Process/organisational | 79 % |"),
    ("DK", "current", "type_communication", "all", 0.37, "| Communication | 37 % |"),
    ("DK", "current", "type_service", "all", 0.29, "| Service | 29 % |"),
    ("DK", "current", "type_product", "all", 0.22, "| Product | 22 % |"),
    ("DK", "current", "more_than_one_type", "all", 0.47,
     "47 % of innovations combine more than one type"),
    ("DK", "current", "origin_adapted", "all", 0.56, "| Inspired by others and adapted | 56 % |"),
    ("DK", "current", "origin_copy", "all", 0.19, "| More or less a copy | 19 % |"),
    ("DK", "current", "origin_first", "all", 0.16, "| First of its kind | 16 % |"),
    ("DK", "current", "origin_dont_know", "all", 0.10, "| Don't know | 10 % |"),
    ("DK", "current", "reuse", "all", 0.74, "74 % of innovations reuse others' solutions"),
    ("DK", "current", "collaboration_external", "all", 0.69,
     "69 % of innovations involved at least one actor outside the workplace"),
    ("DK", "current", "collaboration_outside_public_sector", "all", 0.48,
     "48 % involved external collaboration"),
    ("DK", "2018-19", "collaborated_private", "all", 0.25,
     "3rd edition: 1 in 4 innovations were made with a private company"),
    ("DK", "current", "employees_helped", "all", 0.90, "helped in 90 % of innovations"),
    ("DK", "current", "employees_hindered", "all", 0.07,
     "helped in 90 % of innovations and hindered in 7 %"),
    ("DK", "current", "cross_workplace_helped", "all", 0.82, "helped in 82 %"),
    ("DK", "current", "cross_workplace_hindered", "all", 0.08,
     "helped in 82 % and hindered in 8 %"),
    ("DK", "current", "externally_financed", "all", 0.12,
     "12 % of innovations are externally financed"),
    ("DK", "current", "economic_pressure_trigger", "all", 0.14,
     "14 % were triggered partly by economic pressure"),
    ("DK", "current", "limited_resources_helped", "all", 0.22,
     "22 % were helped by limited resources"),
    ("DK", "2013-14", "evaluated", "all", 0.44, "first edition (2013-14): 44 %"),
    ("DK", "2015-16", "evaluated", "all", 0.45, "Evaluation, 2015-16: 45 %"),
    ("DK", "2015-16", "evaluated_internal_only", "all", 0.35,
     "35 % were evaluated internally only"),
    ("DK", "2015-16", "evaluated_external", "all", 0.10,
     "10 % externally or with external help"),
    ("IS", "Nordic 2019", "innovated", "all", 0.78, "| Iceland | 78 % |"),
    ("NO", "Nordic 2019", "innovated", "all", 0.77, "| Norway | 77 % |"),
    ("DK", "Nordic 2019", "innovated", "all", 0.80, "| Denmark | 80 % |"),
    ("SE", "Nordic 2019", "innovated", "all", 0.81, "| Sweden | 81 % |"),
    ("FI", "Nordic 2019", "innovated", "municipal sector only", 0.95,
     "| Finland | 95 % (municipal sector only) |"),
    ("Nordic", "Nordic 2019", "collaboration_external", "all", 0.80,
     "About 4 in 5 innovations happen in collaboration"),
    ("NO", "2018", "innovated", "municipal sector", 0.74,
     "74 % introduced at least one innovation"),
    ("NO", "2018", "innovated", "education and upbringing", 0.80,
     "8 out of 10 in education and upbringing"),
    ("NO", "2018", "innovated", "health and care", 0.70, "7 out of 10 in health and care"),
    ("NO", "2018", "type_process_org", "municipal sector", 0.63, "(63 % in 2018)"),
    ("NO", "2020", "innovated", "municipal sector", 0.75, "about 3 out of 4 workplaces innovate"),
    ("NO", "2020", "type_process_org", "municipal sector", 0.60,
     "About 60 % made process or organisational changes"),
    ("NO", "2020", "core_tasks", "municipal sector", 0.90,
     "About 90 % say the newest innovation touches their core tasks"),
    ("NO", "2020", "limited_money_helped", "municipal sector", 0.22,
     "22 % say limited money helped"),
]  # fmt: skip
_PUBLISHED_IDS = [f"{r[0]}-{r[1]}-{r[2]}-{r[3]}" for r in PUBLISHED]


@pytest.fixture(scope="module")
def workplaces() -> pd.DataFrame:
    return load("barometer")


@pytest.fixture(scope="module")
def innovators(workplaces: pd.DataFrame) -> pd.DataFrame:
    return workplaces[workplaces["innovated"]]


@pytest.fixture(scope="module")
def published() -> pd.DataFrame:
    return load("barometer", table="published").set_index(
        ["country", "edition", "measure", "group"]
    )


def _plain(text: str) -> str:
    """Text without Markdown bold, with en dashes as hyphens, for matching against sources.md."""
    return text.replace("**", "").replace("*", "").replace("\u2013", "-")


def _rate(frame: pd.DataFrame, by: str) -> pd.Series:
    """The share of workplaces that innovated, by a column."""
    return frame.groupby(by, observed=True)["innovated"].mean()


# --- Calibration ----------------------------------------------------------------------------------


def test_barometer_has_about_2400_workplaces(workplaces: pd.DataFrame) -> None:
    """Does the survey hold between 2,000 and 3,000 workplaces?"""
    assert 2000 <= len(workplaces) <= 3000


def test_barometer_share_innovated_in_published_range(workplaces: pd.DataFrame) -> None:
    """Did between 78 % and 83 % of workplaces innovate, as the Nordic barometers report?"""
    assert 0.78 <= workplaces["innovated"].mean() <= 0.83


@pytest.mark.parametrize(("column", "low", "high"), FLAG_TARGETS, ids=[t[0] for t in FLAG_TARGETS])
def test_barometer_innovator_share_calibrated(
    innovators: pd.DataFrame, column: str, low: float, high: float
) -> None:
    """Is the share of innovators answering yes within the tolerance of its published target?"""
    assert low <= innovators[column].mean() <= high


@pytest.mark.parametrize(
    ("column", "answers", "low", "high"),
    ANSWER_TARGETS,
    ids=[f"{t[0]}-{'+'.join(t[1])}" for t in ANSWER_TARGETS],
)
def test_barometer_answer_share_calibrated(
    innovators: pd.DataFrame, column: str, answers: tuple[str, ...], low: float, high: float
) -> None:
    """Is the share of innovators giving these answers within the tolerance of its target?"""
    answered = innovators[column].dropna()
    assert low <= answered.isin(answers).mean() <= high


def test_barometer_more_than_one_type_in_range(innovators: pd.DataFrame) -> None:
    """Do between 47 % and 50 % of innovations combine more than one type?"""
    assert 0.47 <= (innovators["n_types"] > 1).mean() <= 0.50


# --- Consistency of the answers -------------------------------------------------------------------


@pytest.mark.parametrize("column", INNOVATOR_COLUMNS)
def test_barometer_innovator_answers_empty_for_non_innovators(
    workplaces: pd.DataFrame, column: str
) -> None:
    """Is every answer about the latest innovation empty for workplaces that did not innovate?"""
    assert workplaces.loc[~workplaces["innovated"], column].isna().all()


@pytest.mark.parametrize("column", [c for c in INNOVATOR_COLUMNS if c != "externally_financed"])
def test_barometer_innovator_answers_complete(innovators: pd.DataFrame, column: str) -> None:
    """Did every innovator answer this question (only external financing has nonresponse)?"""
    assert innovators[column].notna().all()


def test_barometer_financing_nonresponse_small(innovators: pd.DataFrame) -> None:
    """Did between 2 % and 6 % of innovators leave the external-financing question blank?"""
    assert 0.02 <= innovators["externally_financed"].isna().mean() <= 0.06


def test_barometer_n_types_counts_type_flags(innovators: pd.DataFrame) -> None:
    """Does n_types equal the number of type flags that are true, for every innovator?"""
    flags = innovators[["type_process_org", "type_communication", "type_service", "type_product"]]
    assert (flags.astype(int).sum(axis=1) == innovators["n_types"]).all()


def test_barometer_private_partner_implies_external(innovators: pd.DataFrame) -> None:
    """Does every innovation with a private partner also count as external collaboration?"""
    private = innovators[innovators["collaborated_private"]]
    assert private["collaboration_external"].all()


# --- Assumptions ----------------------------------------------------------------------------------


def test_barometer_rate_rises_with_size(workplaces: pd.DataFrame) -> None:
    """Does the share of innovating workplaces rise from each size band to the next?"""
    assert _rate(workplaces, "size_band").is_monotonic_increasing


def test_barometer_size_gap_is_large(workplaces: pd.DataFrame) -> None:
    """Do workplaces of 250+ innovate at least 0.10 more often than those of 1-9 employees?"""
    rates = _rate(workplaces, "size_band")
    assert rates["250+"] - rates["1-9"] >= 0.10


@pytest.mark.parametrize("other", ["region", "state"])
def test_barometer_municipal_rate_higher(workplaces: pd.DataFrame, other: str) -> None:
    """Do municipal workplaces innovate more often than regional and state ones, by 0.02-0.15?"""
    rates = _rate(workplaces, "sector")
    assert 0.02 <= rates["municipality"] - rates[other] <= 0.15


def test_barometer_education_above_health_and_care(workplaces: pd.DataFrame) -> None:
    """Do education workplaces innovate more often than health and care ones?"""
    rates = _rate(workplaces, "service_area")
    assert rates["education"] > rates["health and care"]


def test_barometer_municipality_group_makes_little_difference(workplaces: pd.DataFrame) -> None:
    """Are the innovation rates of the municipality groups within 0.05 of each other?"""
    rates = _rate(workplaces, "municipality_group")
    assert rates.max() - rates.min() <= 0.05


def test_barometer_broader_innovations_collaborate_more(innovators: pd.DataFrame) -> None:
    """Do multi-type innovations involve outside partners more often than single-type ones?"""
    collab = innovators.groupby(innovators["n_types"] > 1)["collaboration_external"].mean()
    assert collab[True] - collab[False] >= 0.05


def test_barometer_private_partners_common_in_technical_services(
    innovators: pd.DataFrame,
) -> None:
    """Do technical services work with private companies more often than innovators overall?"""
    technical = innovators[innovators["service_area"] == "technical services"]
    assert technical["collaborated_private"].mean() > innovators["collaborated_private"].mean()


def test_barometer_financed_innovations_evaluated_more(innovators: pd.DataFrame) -> None:
    """Are externally financed innovations evaluated more often than the others?"""
    evaluated = (innovators["evaluated"] != "none").groupby(innovators["externally_financed"])
    share = evaluated.mean()
    assert share[True] - share[False] >= 0.10


def test_barometer_evaluated_innovations_spread_more(innovators: pd.DataFrame) -> None:
    """Are evaluated innovations actively spread more often, by at least 0.15?"""
    spread = innovators.groupby(innovators["evaluated"] != "none")["spread_actively"].mean()
    assert spread[True] - spread[False] >= 0.15


def test_barometer_citizens_driver_more_common_than_efficiency(innovators: pd.DataFrame) -> None:
    """Are citizens' needs a more common driver than efficiency, as in Sweden's 2018 barometer?"""
    assert innovators["driver_citizens"].mean() > innovators["driver_efficiency"].mean()


def test_barometer_citizens_driver_lower_in_administration(innovators: pd.DataFrame) -> None:
    """Do administrative workplaces name citizens' needs as a driver less often than others?"""
    admin = innovators["service_area"] == "administration"
    drivers = innovators.groupby(admin)["driver_citizens"].mean()
    assert drivers[False] - drivers[True] >= 0.05


def test_barometer_efficiency_aim_goes_with_efficiency_gain(innovators: pd.DataFrame) -> None:
    """Do innovations driven by efficiency report an efficiency gain more often, by 0.15+?"""
    gain = innovators.groupby("driver_efficiency")["effect_efficiency"].mean()
    assert gain[True] - gain[False] >= 0.15


def test_barometer_quality_goes_with_user_satisfaction(innovators: pd.DataFrame) -> None:
    """Do innovations that raised quality also raise user satisfaction more often, by 0.15+?"""
    users = innovators.groupby("effect_quality")["effect_user_satisfaction"].mean()
    assert users[True] - users[False] >= 0.15


@pytest.mark.parametrize(
    ("rank", "barrier"), [(0, "time and resources"), (1, "uncertainty about testing")]
)
def test_barometer_barrier_ranking(workplaces: pd.DataFrame, rank: int, barrier: str) -> None:
    """Is time and resources the most common main barrier, and uncertainty about testing next?"""
    ranking = workplaces["main_barrier"].value_counts()
    assert ranking.index[rank] == barrier


# --- The real published figures -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "edition", "measure", "group", "value", "evidence"), PUBLISHED, ids=_PUBLISHED_IDS
)
def test_barometer_published_value_matches_sources(
    published: pd.DataFrame,
    country: str,
    edition: str,
    measure: str,
    group: str,
    value: float,
    evidence: str,
) -> None:
    """Does the published table hold this figure with the value sources.md gives?"""
    assert published.loc[(country, edition, measure, group), "value"] == pytest.approx(value)


def test_barometer_published_lists_only_sourced_figures(published: pd.DataFrame) -> None:
    """Is every row of the published table one of the figures transcribed from sources.md?"""
    assert set(published.index) == {r[:4] for r in PUBLISHED}


def _stated(text: str) -> list[float]:
    """The shares a sentence states, as 'N %' or 'N out of M' / 'N in M'."""
    percents = [int(p) / 100 for p in re.findall(r"(\d+) %", text)]
    fractions = [int(a) / int(b) for a, b in re.findall(r"(\d+) (?:out of|in) (\d+)", text)]
    return percents + fractions


def test_barometer_published_rows_state_their_value(published: pd.DataFrame) -> None:
    """Does each row's own 'as reported' text state the value the row holds?"""
    wrong = [
        key
        for key, row in published.iterrows()
        if not any(v == pytest.approx(row["value"]) for v in _stated(row["as_reported"]))
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("country", "edition", "measure", "group", "value", "evidence"), PUBLISHED, ids=_PUBLISHED_IDS
)
def test_barometer_published_evidence_in_sources_md(
    country: str, edition: str, measure: str, group: str, value: float, evidence: str
) -> None:
    """Do the quoted words appear in the course's verified source notes, sources.md?"""
    assert _plain(evidence) in _plain(SOURCES_MD.read_text(encoding="utf-8"))
