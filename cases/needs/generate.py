"""Generate the SYNTHETIC user study of the `needs` case (home care in Ekdala kommun).

Run from the repository root:  .venv/bin/python cases/needs/generate.py

Ekdala kommun is fictional and so is every answer below. No published study was used for the
numbers: all the patterns are stated assumptions, chosen to teach the move "from assumption to
insight" (see README.md), and each one is tested in tests/cases/test_needs.py.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 4102
OUT = Path(__file__).resolve().parent

# The home-care journey (assumption: a simplified but typical Swedish home-care process).
JOURNEY = [
    # step, Swedish term, what happens
    ("first contact", "första kontakt",
     "The older person, a relative or the hospital contacts the municipality to ask for help."),
    ("needs assessment", "biståndsbedömning",
     "A needs assessor visits and assesses what help the person needs."),
    ("decision", "beslut",
     "The municipality sends a written decision on what help is granted."),
    ("start of care", "uppstart",
     "The home-care team makes a first visit and agrees a plan for the help."),
    ("daily visits", "dagliga besök",
     "Home-care staff visit to help with meals, hygiene, medicines and other tasks."),
    ("changes to care", "förändrade behov",
     "Needs change, for example after a hospital stay, and the help is reassessed."),
    ("ending", "avslut",
     "The help ends: the person moves to a care home, no longer needs it, or dies."),
]  # fmt: skip
STEPS = [j[0] for j in JOURNEY]

PAIN_POINTS = [
    "waiting",
    "too many different staff",
    "unclear information",
    "time pressure",
    "digital access",
    "not involved",
    "none",
]

# Assumption: who took part. 180 respondents, 28 of them interviewed in depth.
GROUPS = {
    # group: (respondents, of whom interviewed)
    "older person living alone": (70, 8),
    "older person living with spouse": (40, 6),
    "relative": (40, 7),
    "staff": (30, 7),
}
AGE_BANDS = ["18-44", "45-64", "65-74", "75-84", "85+"]
AGE_PROBS = {
    "older person living alone": [0, 0, 0.13, 0.39, 0.48],
    "older person living with spouse": [0, 0, 0.22, 0.48, 0.30],
    "relative": [0.08, 0.57, 0.22, 0.13, 0],
    "staff": [0.58, 0.42, 0, 0, 0],
}
SURVEY_STEPS = [1, 2, 3]  # a survey respondent answers about 1-3 steps they remember
SURVEY_STEP_PROBS = [0.25, 0.45, 0.30]
INTERVIEW_STEPS = [4, 5, 6, 7]  # an interview walks through more of the journey
INTERVIEW_STEP_PROBS = [0.15, 0.35, 0.35, 0.15]

# Assumption: which steps each group talks about (relative weights, in STEPS order).
STEP_WEIGHTS = {
    "user": [0.9, 1.2, 1.0, 1.0, 3.0, 1.2, 0.4],
    "relative": [1.2, 1.2, 1.0, 0.9, 1.6, 1.4, 1.2],
    "staff": [0.3, 0.6, 0.5, 1.4, 3.0, 1.4, 0.6],
}

# Assumption: mean satisfaction (1-5) at each step; it dips at the needs assessment and when
# needs change.
STEP_SATISFACTION = [4.0, 3.2, 3.8, 4.0, 4.0, 3.1, 3.8]
GROUP_SATISFACTION_SHIFT = {"user": 0.0, "relative": -0.25, "staff": 0.15}
PAIN_SATISFACTION_SHIFT = 0.4  # naming a pain point goes with a lower rating
SATISFACTION_SD = 0.85  # how much answers scatter around the step's mean
# Assumption: how clear the information was (1-5); relatives rate it lower than users.
INFORMATION_MEAN = {"user": 3.4, "relative": 2.7, "staff": 3.2}
INFORMATION_SD = 0.9
INFORMATION_MISSING = 0.04  # survey respondents who skipped the information question

# Assumption: the main pain point named at each step, by group (shares in PAIN_POINTS order).
PAIN = {
    "user": {
        "first contact":    [0.14, 0.02, 0.28, 0.04, 0.12, 0.05, 0.35],
        "needs assessment": [0.16, 0.02, 0.22, 0.08, 0.04, 0.25, 0.23],
        "decision":         [0.16, 0.01, 0.34, 0.02, 0.05, 0.10, 0.32],
        "start of care":    [0.12, 0.20, 0.18, 0.08, 0.04, 0.06, 0.32],
        "daily visits":     [0.05, 0.36, 0.07, 0.16, 0.04, 0.07, 0.25],
        "changes to care":  [0.17, 0.10, 0.22, 0.06, 0.03, 0.22, 0.20],
        "ending":           [0.12, 0.05, 0.25, 0.05, 0.03, 0.10, 0.40],
    },
    "relative": {
        "first contact":    [0.15, 0.02, 0.33, 0.03, 0.14, 0.05, 0.28],
        "needs assessment": [0.14, 0.02, 0.28, 0.05, 0.05, 0.26, 0.20],
        "decision":         [0.12, 0.01, 0.42, 0.02, 0.08, 0.10, 0.25],
        "start of care":    [0.10, 0.20, 0.25, 0.06, 0.05, 0.08, 0.26],
        "daily visits":     [0.05, 0.34, 0.16, 0.12, 0.05, 0.06, 0.22],
        "changes to care":  [0.14, 0.08, 0.32, 0.05, 0.04, 0.20, 0.17],
        "ending":           [0.10, 0.04, 0.35, 0.04, 0.05, 0.10, 0.32],
    },
    "staff": {
        "first contact":    [0.20, 0.02, 0.20, 0.20, 0.08, 0.02, 0.28],
        "needs assessment": [0.18, 0.02, 0.22, 0.22, 0.04, 0.08, 0.24],
        "decision":         [0.20, 0.02, 0.25, 0.15, 0.05, 0.05, 0.28],
        "start of care":    [0.08, 0.15, 0.20, 0.30, 0.05, 0.04, 0.18],
        "daily visits":     [0.04, 0.22, 0.08, 0.48, 0.04, 0.02, 0.12],
        "changes to care":  [0.10, 0.10, 0.22, 0.30, 0.03, 0.05, 0.20],
        "ending":           [0.06, 0.05, 0.25, 0.20, 0.03, 0.05, 0.36],
    },
}  # fmt: skip

# What the management group of the elderly care department believed before the study
# (a fictional workshop; assumption). "not involved" is missing: nobody thought of it.
ASSUMPTIONS = [
    # rank, pain point, where they thought it hurts most, what they wrote down
    (1, "waiting", "decision",
     "Users wait too long for a decision and for the help to start."),
    (2, "digital access", "first contact",
     "Older people cannot use our e-services and digital locks."),
    (3, "time pressure", "daily visits",
     "Staff have too little time at each visit."),
    (4, "unclear information", "decision",
     "Some users do not understand the decision letter."),
    (5, "too many different staff", "daily visits",
     "Users sometimes meet new staff, but the teams are mostly stable."),
]  # fmt: skip


def kind_of(group: str) -> str:
    """Collapse the two groups of older people into one: they are the service's users."""
    return "user" if group.startswith("older person") else group


def respondents(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for group, (n, n_interviews) in GROUPS.items():
        methods = np.array(["interview"] * n_interviews + ["survey"] * (n - n_interviews))
        ages = rng.choice(AGE_BANDS, size=n, p=AGE_PROBS[group])
        rows += [
            (group, age, method) for age, method in zip(ages, rng.permutation(methods), strict=True)
        ]
    table = pd.DataFrame(rows, columns=["user_group", "age_band", "method"])
    table = table.iloc[rng.permutation(len(table))].reset_index(drop=True)
    table.insert(0, "respondent_id", np.arange(1, len(table) + 1))
    return table


def steps_for(rng: np.random.Generator, group: str, method: str) -> list[str]:
    """The journey steps one respondent talks about, in journey order."""
    if method == "interview":
        k = rng.choice(INTERVIEW_STEPS, p=INTERVIEW_STEP_PROBS)
    else:
        k = rng.choice(SURVEY_STEPS, p=SURVEY_STEP_PROBS)
    weights = np.array(STEP_WEIGHTS[kind_of(group)])
    chosen = rng.choice(len(STEPS), size=k, replace=False, p=weights / weights.sum())
    return [STEPS[i] for i in sorted(chosen)]


def answer(rng: np.random.Generator, group: str, step: str, method: str) -> dict:
    kind = kind_of(group)
    pain = rng.choice(PAIN_POINTS, p=PAIN[kind][step])
    mean = STEP_SATISFACTION[STEPS.index(step)] + GROUP_SATISFACTION_SHIFT[kind]
    mean += PAIN_SATISFACTION_SHIFT if pain == "none" else -PAIN_SATISFACTION_SHIFT
    satisfaction = int(np.clip(np.rint(rng.normal(mean, SATISFACTION_SD)), 1, 5))
    information = int(np.clip(np.rint(rng.normal(INFORMATION_MEAN[kind], INFORMATION_SD)), 1, 5))
    skipped = method == "survey" and rng.random() < INFORMATION_MISSING
    return {
        "journey_step": step,
        "satisfaction": satisfaction,
        "information": pd.NA if skipped else information,
        "pain_point": pain,
    }


def responses(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for person in respondents(rng).itertuples(index=False):
        for step in steps_for(rng, person.user_group, person.method):
            rows.append(
                {
                    "respondent_id": person.respondent_id,
                    "user_group": person.user_group,
                    "age_band": person.age_band,
                    "method": person.method,
                    **answer(rng, person.user_group, step, person.method),
                }
            )
    table = pd.DataFrame(rows)
    table["information"] = table["information"].astype("Int64")
    return table  # already in respondent order, and journey order within a respondent


def journey() -> pd.DataFrame:
    table = pd.DataFrame(JOURNEY, columns=["journey_step", "swedish_term", "what_happens"])
    table.insert(0, "step_order", np.arange(1, len(table) + 1))
    return table


def assumptions() -> pd.DataFrame:
    return pd.DataFrame(ASSUMPTIONS, columns=["rank", "pain_point", "journey_step", "belief"])


def write(table: pd.DataFrame, name: str) -> None:
    table.to_csv(OUT / f"{name}.csv", index=False, lineterminator="\n", encoding="utf-8")


def main() -> None:
    rng = np.random.default_rng(SEED)
    write(responses(rng), "responses")
    write(journey(), "journey")
    write(assumptions(), "assumptions")


if __name__ == "__main__":
    main()
