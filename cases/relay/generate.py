"""Generate the SYNTHETIC records of the `relay` case (SKL's innovation relays, 2014-2015).

Run from the repository root:  .venv/bin/python cases/relay/generate.py

No individual records of the relays were ever published, so every participant and every
Innovation Day respondent below is invented. Only the headline counts are real, and the
generator hits them exactly; everything else is a stated assumption (see README.md).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20151231
OUT = Path(__file__).resolve().parent

# Calibration targets, all from the Vinnova project page Innovationsledning, dnr 2014-06031
# (bib key vinnova2015innovationsledning): 550 managers and leaders took part in the relays,
# 8 of 10 gained knowledge of what innovation work involves, 7 of 10 gained insight into how
# they can contribute, the Innovation Day had 250 participants and 80 % were satisfied or very
# satisfied.
N_PARTICIPANTS = 550
N_KNOWLEDGE_UP = 440  # 8 of 10
N_INSIGHT_UP = 385  # 7 of 10
N_DAY = 250
N_DAY_SATISFIED = 200  # 80 %

# Assumption: 11 relays of 40-60 people each (sizes sum to 550), held from November 2014 to
# November 2015 in the eight Swedish NUTS 2 areas (riksområden). Not published.
RELAYS = [
    # relay, region, date of first meeting, participants
    (1, "Stockholm", "2014-11-12", 44),
    (2, "West Sweden", "2014-12-03", 52),
    (3, "South Sweden", "2015-01-21", 47),
    (4, "East Middle Sweden", "2015-02-11", 58),
    (5, "Upper Norrland", "2015-03-11", 50),
    (6, "Småland and the islands", "2015-04-15", 41),
    (7, "North Middle Sweden", "2015-05-20", 55),
    (8, "Stockholm", "2015-08-26", 49),
    (9, "Middle Norrland", "2015-09-16", 53),
    (10, "West Sweden", "2015-10-14", 46),
    (11, "South Sweden", "2015-11-11", 55),
]

# Assumptions: who took part, and how their self-ratings behave.
ROLES = ["top official", "department head", "unit manager", "staff specialist"]
ROLE_SHARES = [0.15, 0.35, 0.35, 0.15]
ROLE_PRE_SHIFT = [0.5, 0.2, 0.0, -0.1]  # senior leaders start a little higher
ROLE_GAIN_WEIGHT = [
    0.8,
    1.0,
    1.15,
    1.1,
]  # and are a little less likely to report a gain
ORG_TYPES = ["municipality", "county council", "municipal company"]
ORG_SHARES = [0.75, 0.18, 0.07]
RELAY_GAIN_TREND = 0.06  # later relays gain a little more: the concept was developed step by step
RELAY_NOISE_SD = 0.15  # and relays differ a little for reasons the data do not record
GAIN_SIZES = [1, 2, 3]
GAIN_PROBS = [0.62, 0.32, 0.06]
SHARE_NON_GAINERS_WHO_DROP = 0.12  # a few rate themselves lower afterwards
SHARE_SATISFACTION_MISSING = 0.03

# Assumptions for the Innovation Day survey.
DAY_TYPES = ["manager", "politician", "other"]
DAY_TYPE_COUNTS = [150, 50, 50]
DAY_TYPE_SATISFIED_WEIGHT = [1.0, 0.45, 1.0]  # politicians a little harder to please
DAY_SCALE = [
    "very dissatisfied",
    "dissatisfied",
    "neither",
    "satisfied",
    "very satisfied",
]
DAY_VERY_SATISFIED_SHARE = 0.42  # of the satisfied ones
DAY_UNSATISFIED_PROBS = [0.12, 0.28, 0.60]  # very dissatisfied, dissatisfied, neither


def pick_exactly(rng: np.random.Generator, weights: np.ndarray, k: int) -> np.ndarray:
    """Boolean mask with exactly k True, drawn without replacement in proportion to weights."""
    chosen = rng.choice(len(weights), size=k, replace=False, p=weights / weights.sum())
    mask = np.zeros(len(weights), dtype=bool)
    mask[chosen] = True
    return mask


def pre_ratings(rng: np.random.Generator, shift: np.ndarray) -> np.ndarray:
    """Self-ratings before the relay on the 1-5 scale: mostly 2-3, few at 5."""
    latent = rng.normal(2.5 + shift, 0.85)
    return np.clip(np.rint(latent), 1, 5).astype(int)


def post_ratings(rng: np.random.Generator, pre: np.ndarray, gained: np.ndarray) -> np.ndarray:
    """Ratings after the relay: gainers move up 1-3 steps, a few others move down one."""
    up = rng.choice(GAIN_SIZES, size=len(pre), p=GAIN_PROBS)
    drop = (rng.random(len(pre)) < SHARE_NON_GAINERS_WHO_DROP) & (pre > 1)
    post = np.where(gained, np.minimum(pre + up, 5), np.where(drop, pre - 1, pre))
    return post.astype(int)


def participants(rng: np.random.Generator) -> pd.DataFrame:
    relay = np.repeat([r[0] for r in RELAYS], [r[3] for r in RELAYS])
    by_relay = {r[0]: r for r in RELAYS}
    role_idx = rng.choice(len(ROLES), size=N_PARTICIPANTS, p=ROLE_SHARES)
    org_idx = rng.choice(len(ORG_TYPES), size=N_PARTICIPANTS, p=ORG_SHARES)
    shift = np.array(ROLE_PRE_SHIFT)[role_idx]
    trend = np.exp(RELAY_GAIN_TREND * (relay - 6))
    relay_noise = np.exp(rng.normal(0, RELAY_NOISE_SD, size=len(RELAYS)))[relay - 1]
    base = np.array(ROLE_GAIN_WEIGHT)[role_idx] * trend * relay_noise

    know_pre = pre_ratings(rng, shift)
    know_w = base * (6 - know_pre) * (know_pre < 5)
    know_up = pick_exactly(rng, know_w, N_KNOWLEDGE_UP)
    know_post = post_ratings(rng, know_pre, know_up)

    ins_pre = pre_ratings(rng, shift - 0.2)
    ins_w = base * (6 - ins_pre) * (ins_pre < 5) * np.where(know_up, 2.5, 1.0)
    ins_up = pick_exactly(rng, ins_w, N_INSIGHT_UP)
    ins_post = post_ratings(rng, ins_pre, ins_up)

    sat_latent = rng.normal(3.7 + 0.3 * know_up + 0.2 * ins_up, 0.8)
    satisfaction = pd.array(np.clip(np.rint(sat_latent), 1, 5).astype(int), dtype="Int64")
    satisfaction[rng.random(N_PARTICIPANTS) < SHARE_SATISFACTION_MISSING] = pd.NA

    return pd.DataFrame(
        {
            "participant_id": np.arange(1, N_PARTICIPANTS + 1),
            "relay": relay,
            "region": [by_relay[r][1] for r in relay],
            "relay_start": [by_relay[r][2] for r in relay],
            "role": np.array(ROLES)[role_idx],
            "org_type": np.array(ORG_TYPES)[org_idx],
            "knowledge_pre": know_pre,
            "knowledge_post": know_post,
            "insight_pre": ins_pre,
            "insight_post": ins_post,
            "satisfaction": satisfaction,
        }
    )


def innovation_day(rng: np.random.Generator) -> pd.DataFrame:
    kind = np.repeat(DAY_TYPES, DAY_TYPE_COUNTS)
    kind = kind[rng.permutation(N_DAY)]
    weight = np.array(DAY_TYPE_SATISFIED_WEIGHT)[[DAY_TYPES.index(k) for k in kind]]
    satisfied = pick_exactly(rng, weight, N_DAY_SATISFIED)
    very = rng.random(N_DAY) < DAY_VERY_SATISFIED_SHARE
    low = rng.choice(DAY_SCALE[:3], size=N_DAY, p=DAY_UNSATISFIED_PROBS)
    answer = np.where(satisfied, np.where(very, DAY_SCALE[4], DAY_SCALE[3]), low)
    return pd.DataFrame(
        {
            "respondent_id": np.arange(1, N_DAY + 1),
            "respondent_type": kind,
            "satisfaction": answer,
        }
    )


def published() -> pd.DataFrame:
    """The programme's own reported figures, as published by Vinnova (REAL, not synthetic)."""
    source = "vinnova2015innovationsledning"
    rows = [
        ("relay_participants", 550, "people",
         "Managers and leaders who took part in the innovation relays.",
         "550 chefer och ledare har deltagit i stafetterna"),
        ("share_more_knowledge", 0.8, "share 0-1",
         "Share of relay participants with more knowledge of what innovation work involves.",
         "8 av 10 har ökad kunskap om vad innovationsarbete innebär"),
        ("share_more_insight", 0.7, "share 0-1",
         "Share of relay participants with more insight into how they can contribute.",
         "7 av 10 har ökad insikt om hur de själva kan bidra till innovation"),
        ("share_members_aware", 0.57, "share 0-1",
         "Share of SKL's members who knew about SKL's innovation work.",
         "57% av medlemmarna har kännedom om SKLs arbete"),
        ("innovation_day_participants", 250, "people",
         "Participants in SKL's Innovation Day.",
         "SKL:s Innovationsdag lockade 250 deltagare"),
        ("innovation_day_share_satisfied", 0.8, "share 0-1",
         "Share of Innovation Day participants who were satisfied or very satisfied.",
         "80 % av dessa var nöjda eller mycket nöjda"),
        ("organisations_implementing_2016", 10, "organisations",
         "Organisations in which SKL's innovation model was to be implemented in 2016.",
         "Under 2016 ska modellen implementeras i 10 verksamheter"),
    ]  # fmt: skip
    table = pd.DataFrame(rows, columns=["metric", "value", "unit", "description", "as_reported"])
    table["value"] = table["value"].astype(float)
    table["source"] = source
    return table


def write(table: pd.DataFrame, name: str) -> None:
    table.to_csv(OUT / f"{name}.csv", index=False, lineterminator="\n", encoding="utf-8")


def main() -> None:
    rng = np.random.default_rng(SEED)
    write(participants(rng), "participants")
    write(innovation_day(rng), "innovation_day")
    write(published(), "published")


if __name__ == "__main__":
    main()
