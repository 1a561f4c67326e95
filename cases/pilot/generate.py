"""Generate the SYNTHETIC `pilot` case: digital night-time supervision in Lindåsa's home care.

Run from the repository root: ``.venv/bin/python cases/pilot/generate.py``. It rewrites
``observations.csv`` and ``truth.csv`` in this folder, byte for byte the same on every run.

Every number below is an ASSUMPTION of this teaching case; none is a published figure. The
generator plants a known true effect (``TRUE_EFFECT``) so that an estimate can be checked
against it, and a common downward trend in all units so that a naive before/after comparison
in the pilot units overstates the effect.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20240101
OUT = Path(__file__).resolve().parent

# Time frame (assumption): 12 months before and 12 months after the start on 1 January 2024.
FIRST_MONTH = "2023-01-01"
START_MONTH = "2024-01-01"
N_MONTHS = 24

# The planted effect (assumption): digital night-time supervision removes 0.9 staff hours of
# night-time visits per user per month, on average over the intervention units.
TRUE_EFFECT = -0.9
EFFECT_SD = 0.25  # assumption: units implement it with different success

# Common time trend (assumption): a new route-planning system rolled out in all of home care
# cuts night-time hours everywhere by 0.07 hours per user each month, pilot or not.
COMMON_TREND = -0.07
UNIT_TREND_SD = 0.012  # assumption: units follow the common trend loosely

# Levels and noise (assumptions).
BASELINE_MEAN = 6.0  # night-time staff hours per user per month before the pilot
BASELINE_SD = 1.0  # between-unit differences in level
SELECTION_GAP = 0.8  # volunteer (intervention) units had a heavier night-time load
SEASON_AMPLITUDE = 0.35  # more hours in midwinter, fewer in midsummer
NOISE_SD = 0.35  # month-to-month noise within a unit
USERS_RANGE = (18, 66)  # users with night-time visits in a unit
STAFF_COST_PER_HOUR = 520  # SEK per night-time staff hour, salary, supplements and travel
TECH_COST_PER_USER = 300  # SEK per user and month for cameras, licences and support

# Data problems (assumptions): a reporting gap and one extreme month.
# HT07 is Lindåsa centrum (a pilot area), HT18 Södra Lindåsa and HT21 Västra Lindåsa.
MISSING = (("HT07", "2023-09-01", 3), ("HT18", "2024-05-01", 2))  # unit, first month, months
OUTLIER = ("HT21", "2024-02-01", 1.8)  # unit, month, factor (a winter flu outbreak)

# Home-care areas (hemtjänstområden) of the fictional Lindåsa kommun. True = intervention.
UNITS = (
    ("Björkhaga", True),
    ("Ekbacken", False),
    ("Granlunda", False),
    ("Hagaby", True),
    ("Kvarnbyn", False),
    ("Kyrkbyn", False),
    ("Lindåsa centrum", True),
    ("Lövhagen", False),
    ("Mossen", False),
    ("Norra Lindåsa", False),
    ("Nyhem", True),
    ("Rosendal", False),
    ("Sjöudden", False),
    ("Skogslund", True),
    ("Solberga", False),
    ("Stenbro", False),
    ("Strandvik", True),
    ("Södra Lindåsa", False),
    ("Tallbacka", False),
    ("Vikaby", True),
    ("Västra Lindåsa", False),
    ("Åsbo", False),
    ("Ängsvik", True),
    ("Östervång", False),
)


def unit_table(rng: np.random.Generator) -> pd.DataFrame:
    """One row per unit: its level, trend, effect and number of users."""
    n = len(UNITS)
    units = pd.DataFrame(
        {
            "unit_id": [f"HT{i:02d}" for i in range(1, n + 1)],
            "unit": [name for name, _ in UNITS],
            "treated": [treated for _, treated in UNITS],
        }
    )
    units["baseline"] = (
        BASELINE_MEAN + rng.normal(0, BASELINE_SD, n) + SELECTION_GAP * units["treated"]
    )
    units["trend"] = COMMON_TREND + rng.normal(0, UNIT_TREND_SD, n)
    units["effect"] = np.where(units["treated"], TRUE_EFFECT + rng.normal(0, EFFECT_SD, n), 0.0)
    units["base_users"] = rng.integers(USERS_RANGE[0], USERS_RANGE[1] + 1, n)
    return units


def monthly_rows(units: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """One row per unit and month, with users, hours per user and cost."""
    months = pd.date_range(FIRST_MONTH, periods=N_MONTHS, freq="MS")
    grid = units.merge(pd.DataFrame({"month": months}), how="cross")
    t = np.tile(np.arange(N_MONTHS), len(units))
    after = grid["month"] >= pd.Timestamp(START_MONTH)
    season = SEASON_AMPLITUDE * np.cos(2 * np.pi * (grid["month"].dt.month - 1) / 12)
    hours = (
        grid["baseline"]
        + grid["trend"] * t
        + season
        + grid["effect"] * after
        + rng.normal(0, NOISE_SD, len(grid))
    )
    drift = rng.normal(0, 1.2, (len(units), N_MONTHS)).cumsum(axis=1).ravel()
    users = np.maximum(5, np.round(grid["base_users"] + drift)).astype(int)
    grid["hours"] = hours.clip(lower=0.5)
    grid["users"] = users
    grid["after"] = after
    return grid


def add_data_problems(grid: pd.DataFrame) -> pd.DataFrame:
    """Apply the documented reporting gaps and the one extreme month."""
    out = grid.copy()
    unit, month, factor = OUTLIER
    out.loc[(out["unit_id"] == unit) & (out["month"] == month), "hours"] *= factor
    for unit, first, length in MISSING:
        months = pd.date_range(first, periods=length, freq="MS")
        out.loc[(out["unit_id"] == unit) & out["month"].isin(months), "hours"] = np.nan
    return out


def observations(grid: pd.DataFrame) -> pd.DataFrame:
    """The published table: rounded, labelled, in a stable order."""
    hours = grid["hours"].round(2)
    tech = np.where(grid["treated"] & grid["after"], TECH_COST_PER_USER, 0)
    cost = (grid["users"] * (hours * STAFF_COST_PER_HOUR + tech)).round(0)
    return pd.DataFrame(
        {
            "unit_id": grid["unit_id"],
            "unit": grid["unit"],
            "group": np.where(grid["treated"], "intervention", "comparison"),
            "month": grid["month"].dt.strftime("%Y-%m-%d"),
            "period": np.where(grid["after"], "after", "before"),
            "users": grid["users"],
            "night_hours_per_user": hours,
            "cost_sek": cost.astype("Int64"),
        }
    ).sort_values(["unit_id", "month"], ignore_index=True)


def truth() -> pd.DataFrame:
    """The planted parameters, so that estimates can be checked against them."""
    return pd.DataFrame(
        {
            "parameter": ["true_effect", "common_trend"],
            "value": [TRUE_EFFECT, COMMON_TREND],
            "unit": ["hours per user per month", "hours per user per month, each month"],
            "description": [
                "The average effect of digital night-time supervision on night-time staff "
                "hours per user in the intervention units after the start.",
                "The change per month in night-time staff hours per user that happened in all "
                "units, pilot or not (the new route-planning system).",
            ],
        }
    )


def main() -> None:
    rng = np.random.default_rng(SEED)
    units = unit_table(rng)
    grid = add_data_problems(monthly_rows(units, rng))
    observations(grid).to_csv(OUT / "observations.csv", index=False, lineterminator="\n")
    truth().to_csv(OUT / "truth.csv", index=False, lineterminator="\n")


if __name__ == "__main__":
    main()
