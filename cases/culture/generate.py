"""Generate the SYNTHETIC `culture` case: a staff survey and idea counts in a fictional kommun.

Run from the repository root:  .venv/bin/python cases/culture/generate.py

Strandvik kommun is invented, and so is every unit, respondent and answer below. The seven
psychological-safety items are the course's own paraphrased teaching items in the spirit of
Edmondson (1999); they are not her validated instrument. No Swedish survey of this kind was used
for calibration: every number here is a stated ASSUMPTION (see README.md), chosen to be plausible
and to make the leadership lesson visible through realistic noise.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 19990651  # Edmondson's study appeared in 1999 and covered 51 teams; the seed is arbitrary
OUT = Path(__file__).resolve().parent

# --- Units (ASSUMPTIONS) ---
# Administration (förvaltning): number of units, median staff count, effect on unit safety.
ADMINISTRATIONS = {
    "education": (22, 20, 0.0),
    "elder care": (18, 30, -0.3),
    "social services": (12, 18, -0.1),
    "community building": (10, 16, 0.0),
    "culture and leisure": (8, 12, 0.1),
    "central administration": (8, 18, 0.25),
}
STAFF_MIN, STAFF_MAX = 6, 70
RESPONSE_RATE_MEAN, RESPONSE_RATE_SD = 0.72, 0.10
MIN_RESPONDENTS = 5  # results for smaller groups are not reported, so every unit has 5 or more
TENURE_MEDIAN_YEARS = 3.5  # manager tenure, unrelated to safety (assumption)

# --- Psychological safety (ASSUMPTIONS) ---
SAFETY_MEAN = 5.0  # mean of the safety index on the 1-7 scale
MANAGER_ON_SAFETY = 0.35  # a manager one SD better at inviting ideas lifts unit safety this much
UNIT_NOISE_SD = 0.30  # other reasons units differ
PERSON_SD = 0.85  # differences between colleagues in the same unit
ROLES = ["frontline staff", "specialist", "administrative staff", "team leader"]
P_ROLES = [0.62, 0.18, 0.12, 0.08]
ROLE_EFFECT = {"specialist": 0.1, "team leader": 0.6}  # the view from higher up is rosier
# The seven items: column name, offset from the person's level, item noise (reverse-keyed items
# are noisier), reverse-keyed.
ITEMS = [
    ("ps1_errors_blamed_r", -0.1, 1.3, True),
    ("ps2_raise_problems", -0.2, 1.1, False),
    ("ps3_differ_excluded_r", 0.2, 1.3, True),
    ("ps4_safe_to_try", -0.3, 1.1, False),
    ("ps5_help_looks_weak_r", 0.3, 1.3, True),
    ("ps6_no_undermining", 0.4, 1.1, False),
    ("ps7_skills_used", 0.0, 1.1, False),
]
# Leadership items: column name, mean, effect of the manager, effect of the person's own safety.
LEADERSHIP = [
    ("lead_invites_ideas", 4.9, 0.8, 0.35),
    ("lead_mistakes_learning", 4.7, 0.7, 0.45),
]
LEAD_NOISE_SD = 1.0
P_ITEM_MISSING = 0.025  # each safety item left blank
P_LEAD_MISSING = 0.045  # some prefer not to rate their own manager

# --- Ideas over the 12 months before the survey (ASSUMPTIONS) ---
IDEAS_PER_STAFF = 0.45  # ideas registered per staff member and year, on average
IDEAS_SAFETY_EFFECT = 0.35  # log-rate change per SD of unit safety
IDEAS_MANAGER_EFFECT = 0.15  # log-rate change per SD of manager behaviour
IDEAS_DISPERSION = 4.0  # negative binomial shape: units are noisier than Poisson
CAMPAIGN_MULTIPLIER = 3.5  # one unit ran an idea campaign during the year (a plausible outlier)
P_IMPLEMENTED = 0.35  # share of submitted ideas implemented, on average
IMPLEMENT_SAFETY_EFFECT = 0.2  # log-odds change per SD of unit safety
IMPLEMENT_MANAGER_EFFECT = 0.2  # log-odds change per SD of manager behaviour
IMPLEMENT_NOISE_SD = 0.3


def units(rng: np.random.Generator) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """The units, with each one's (unrecorded) manager behaviour and safety level."""
    admin = np.repeat(list(ADMINISTRATIONS), [v[0] for v in ADMINISTRATIONS.values()])
    n = len(admin)
    median = np.array([ADMINISTRATIONS[a][1] for a in admin])
    staff = np.clip(np.rint(median * rng.lognormal(0, 0.4, size=n)), STAFF_MIN, STAFF_MAX)
    manager = rng.normal(0, 1, size=n)
    admin_effect = np.array([ADMINISTRATIONS[a][2] for a in admin])
    safety = (
        SAFETY_MEAN
        + admin_effect
        + MANAGER_ON_SAFETY * manager
        + rng.normal(0, UNIT_NOISE_SD, size=n)
    )
    tenure = np.clip(TENURE_MEDIAN_YEARS * rng.lognormal(0, 0.8, size=n), 0.1, 25)
    table = pd.DataFrame(
        {
            "unit_id": [f"U{i:02d}" for i in range(1, n + 1)],
            "administration": admin,
            "staff_count": staff.astype(int),
            "manager_tenure_years": np.round(tenure, 1),
        }
    )
    return table, manager, safety


def ideas(
    rng: np.random.Generator, table: pd.DataFrame, manager: np.ndarray, safety: np.ndarray
) -> pd.DataFrame:
    """Ideas submitted to and implemented through the idea system during the year."""
    z_safety = (safety - safety.mean()) / safety.std()
    log_rate = IDEAS_SAFETY_EFFECT * z_safety + IDEAS_MANAGER_EFFECT * manager
    mean = table["staff_count"].to_numpy() * IDEAS_PER_STAFF * np.exp(log_rate)
    mean[rng.integers(len(mean))] *= CAMPAIGN_MULTIPLIER
    submitted = rng.negative_binomial(
        IDEAS_DISPERSION, IDEAS_DISPERSION / (IDEAS_DISPERSION + mean)
    )
    logit = (
        np.log(P_IMPLEMENTED / (1 - P_IMPLEMENTED))
        + IMPLEMENT_SAFETY_EFFECT * z_safety
        + IMPLEMENT_MANAGER_EFFECT * manager
        + rng.normal(0, IMPLEMENT_NOISE_SD, size=len(mean))
    )
    implemented = rng.binomial(submitted, 1 / (1 + np.exp(-logit)))
    table = table.copy()
    table["ideas_submitted"] = submitted
    table["ideas_implemented"] = implemented
    return table


def agreement(rng: np.random.Generator, level: np.ndarray, noise_sd: float) -> np.ndarray:
    """Answers on the 1-7 agreement scale around a latent level."""
    return np.clip(np.rint(level + rng.normal(0, noise_sd, size=len(level))), 1, 7)


def responses(
    rng: np.random.Generator, table: pd.DataFrame, manager: np.ndarray, safety: np.ndarray
) -> pd.DataFrame:
    """One row per respondent: unit, role, the seven safety items and two leadership items."""
    staff = table["staff_count"].to_numpy()
    rate = np.clip(rng.normal(RESPONSE_RATE_MEAN, RESPONSE_RATE_SD, size=len(staff)), 0.45, 0.95)
    count = np.minimum(np.maximum(rng.binomial(staff, rate), MIN_RESPONDENTS), staff)
    unit = np.repeat(np.arange(len(staff)), count)
    role = rng.choice(ROLES, size=len(unit), p=P_ROLES)
    own = rng.normal(0, PERSON_SD, size=len(unit))
    level = safety[unit] + own + pd.Series(role).map(ROLE_EFFECT).fillna(0).to_numpy()
    out = pd.DataFrame(
        {
            "respondent_id": [f"R{i:04d}" for i in range(1, len(unit) + 1)],
            "unit_id": table["unit_id"].to_numpy()[unit],
            "administration": table["administration"].to_numpy()[unit],
            "role": role,
        }
    )
    for name, offset, noise, reverse in ITEMS:
        answer = agreement(rng, level + offset, noise)
        out[name] = 8 - answer if reverse else answer
    for name, mean, on_manager, on_own in LEADERSHIP:
        out[name] = agreement(rng, mean + on_manager * manager[unit] + on_own * own, LEAD_NOISE_SD)
    for name, *_ in ITEMS:
        out[name] = blank_some(rng, out[name], P_ITEM_MISSING)
    for name, *_ in LEADERSHIP:
        out[name] = blank_some(rng, out[name], P_LEAD_MISSING)
    return out


def blank_some(rng: np.random.Generator, values: pd.Series, share: float) -> pd.Series:
    """Whole-number answers with a random `share` left blank (item nonresponse)."""
    answers = values.astype("Int64")
    return answers.mask(rng.random(len(answers)) < share)


def write(table: pd.DataFrame, name: str) -> None:
    table.to_csv(OUT / f"{name}.csv", index=False, lineterminator="\n", encoding="utf-8")


def main() -> None:
    # One independent stream per step, so changing one step's constants leaves the others alone.
    unit_rng, idea_rng, response_rng = np.random.default_rng(SEED).spawn(3)
    table, manager, safety = units(unit_rng)
    table = ideas(idea_rng, table, manager, safety)
    write(table, "units")
    write(responses(response_rng, table, manager, safety), "responses")


if __name__ == "__main__":
    main()
