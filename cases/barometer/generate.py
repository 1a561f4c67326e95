"""Generate the `barometer` case: a SYNTHETIC workplace survey plus the REAL published figures.

Run from the repository root:  .venv/bin/python cases/barometer/generate.py

Table `workplaces` is invented: one row per public workplace, as a workplace manager would
answer a Nordic innovation barometer about the last two years. Its overall shares are calibrated
to the published Nordic figures collected in the course's source notes (sources.md, section 2.4);
every other pattern (sector, size, service area, how the answers hang together) is a stated
ASSUMPTION. Table `published` holds the real headline figures, with their bib keys.

Each calibrated share is hit in expectation: a logistic model's intercept is solved so that the
mean probability equals the target, then every row is drawn at random. The realised shares
therefore carry ordinary sampling noise around the targets.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20191001  # the day the Swedish Innovationsbarometern 2018 report was published
OUT = Path(__file__).resolve().parent
N_WORKPLACES = 2400

# --- Calibration targets (all from sources.md section 2.4, with the bib key of each) ---
P_INNOVATED = 0.805  # SE 81 % (skl2019innovationsbarometern), DK 80-83 % (copi_types)
# Type shares among innovators, multi-select (copi_types, current CO-PI edition).
TYPES = ["type_process_org", "type_communication", "type_service", "type_product"]
P_TYPES = [0.79, 0.37, 0.29, 0.22]
P_MORE_THAN_ONE_TYPE = 0.485  # DK 47 % (copi_types); "about half" in SE 2018 and DK 2018-19
# Origin of the innovation (copi_spread); the published shares add up to 101 %.
ORIGINS = ["adapted", "copy", "first", "don't know"]
P_ORIGINS = [0.56, 0.19, 0.16, 0.10]
P_COLLAB_EXTERNAL = 0.72  # DK 69 % (copi_collaboration) to Nordic "4 in 5" (difi2019nordic)
P_COLLAB_PRIVATE = 0.25  # DK 3rd edition: 1 in 4 innovations with a private company (copi_private)
P_EVAL_INTERNAL = 0.34  # DK 2015-16: 35 % internally only (copi2019evaluation)
P_EVAL_EXTERNAL = 0.09  # DK 2015-16: 10 % externally or with external help (copi2019evaluation)
P_SPREAD = 0.53  # DK 2013-14: "more than half" actively spread (copi_spread2014)
EMPLOYEE_ROLES = ["helped", "neutral", "hindered"]
P_EMPLOYEE_ROLES = [0.90, 0.03, 0.07]  # DK: helped 90 %, hindered 7 % (copi_drivers)
P_EXT_FINANCED = 0.12  # DK: 12 % externally financed (copi_funding)
P_DRIVER_EFFICIENCY = 0.60  # SE SCB 2021-22: 60 % (scb2024utility)
P_EFFECT_QUALITY = 0.72  # SE SCB 2021-22 (scb2024utility)
P_EFFECT_USERS = 0.72  # SE SCB 2021-22 (scb2024utility)
P_EFFECT_EFFICIENCY = 0.52  # SE SCB 2021-22 (scb2024utility)

# --- ASSUMPTIONS (no published numbers exist for these) ---
# Sampling frame: shares of workplaces by sector, and size and service area within a sector.
SECTORS = ["municipality", "region", "state"]
P_SECTORS = [0.62, 0.16, 0.22]
SIZES = ["1-9", "10-49", "50-249", "250+"]
P_SIZES = {
    "municipality": [0.22, 0.50, 0.23, 0.05],
    "region": [0.10, 0.35, 0.38, 0.17],
    "state": [0.25, 0.40, 0.25, 0.10],
}
AREAS = [
    "education",
    "health and care",
    "social services",
    "technical services",
    "culture and leisure",
    "administration",
]
P_AREAS = {
    "municipality": [0.30, 0.22, 0.16, 0.12, 0.10, 0.10],
    "region": [0.05, 0.70, 0.00, 0.08, 0.05, 0.12],
    "state": [0.20, 0.00, 0.15, 0.15, 0.05, 0.45],
}
GROUPS = ["large city", "medium town", "rural"]  # an SKR-like grouping, simplified
P_GROUPS = [0.38, 0.37, 0.25]
# Effects on the log-odds of having innovated. Rates rise with size, as Norway's KS barometer
# found (ks2018barometer); the municipal level is slightly higher (sources.md 2.4 suggests it);
# education above health and care, echoing KS's 8 vs 7 out of 10; no effect of municipality group.
SIZE_EFFECT = {"1-9": -0.75, "10-49": 0.0, "50-249": 0.6, "250+": 1.2}
SECTOR_EFFECT = {"municipality": 0.0, "region": -0.55, "state": -0.45}
AREA_EFFECT = {"education": 0.3, "health and care": -0.3}
CAPACITY_SD = 0.6  # unobserved differences in innovation capacity between workplaces
# How answers among innovators hang together (log-odds effects, all assumptions).
COLLAB_PER_EXTRA_TYPE = 0.35  # broader innovations involve more partners
PRIVATE_AREA_EFFECT = {"technical services": 0.9, "health and care": 0.4}
PRIVATE_PRODUCT_EFFECT = 0.9  # new products are often bought or co-developed
EXT_FINANCED_COLLAB_EFFECT = 0.8  # outside money usually comes with outside partners
EVAL_EXT_FINANCED_EFFECT = 1.0  # funders ask for evaluation
EVAL_EXTERNAL_IF_FINANCED = 1.2  # ... and often an external one
SPREAD_EVALUATED_EFFECT = 0.9  # evaluated innovations are more often shared
P_DRIVER_CITIZENS = 0.68  # SE 2018: citizens' needs the most important trigger (no number)
CITIZEN_AREA_EFFECT = {"administration": -0.8, "technical services": -0.3}
EFFECT_EFFICIENCY_DRIVER_EFFECT = 1.2  # an efficiency aim makes an efficiency gain likelier
EFFECT_USERS_QUALITY_EFFECT = 1.5  # better quality and happier users go together
P_EXT_FINANCED_MISSING = 0.04  # some managers do not know how an innovation was financed
# Main barrier, asked of every workplace. SE 2018 names lack of time and resources first and
# uncertainty about testing second (skl2019innovationsbarometern); the shares are assumptions.
BARRIERS = [
    "time and resources",
    "uncertainty about testing",
    "regulation",
    "skills",
    "technology",
    "other",
]
P_BARRIERS = [0.38, 0.21, 0.13, 0.11, 0.10, 0.07]


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def calibrated_draw(rng: np.random.Generator, effects: np.ndarray, target: float) -> np.ndarray:
    """Draw booleans whose mean probability is `target`, with log-odds shifted by `effects`."""
    low, high = -20.0, 20.0
    for _ in range(100):  # bisection on the intercept
        mid = (low + high) / 2
        low, high = (mid, high) if sigmoid(mid + effects).mean() < target else (low, mid)
    return rng.random(len(effects)) < sigmoid((low + high) / 2 + effects)


def lookup(values: pd.Series, effects: dict[str, float]) -> np.ndarray:
    return values.map(lambda v: effects.get(v, 0.0)).to_numpy(dtype=float)


def type_pattern_probs() -> tuple[np.ndarray, np.ndarray]:
    """The 15 non-empty type combinations and their probabilities, fitted to the targets.

    Iterative proportional fitting: start from independent types and rescale until each
    type's share and the share with more than one type match the published figures.
    """
    patterns = np.array([[(i >> k) & 1 for k in range(4)] for i in range(1, 16)], dtype=bool)
    probs = np.prod(np.where(patterns, P_TYPES, 1 - np.array(P_TYPES)), axis=1)
    probs /= probs.sum()
    margins = [(patterns[:, k], P_TYPES[k]) for k in range(4)]
    margins.append((patterns.sum(axis=1) > 1, P_MORE_THAN_ONE_TYPE))
    for _ in range(500):
        for mask, target in margins:
            share = probs[mask].sum()
            probs = np.where(mask, probs * target / share, probs * (1 - target) / (1 - share))
    return patterns, probs


def frame(rng: np.random.Generator) -> pd.DataFrame:
    """Who answered: sector, size, service area and municipality group of each workplace."""
    sector = rng.choice(SECTORS, size=N_WORKPLACES, p=P_SECTORS)
    size = np.empty(N_WORKPLACES, dtype=object)
    area = np.empty(N_WORKPLACES, dtype=object)
    for s in SECTORS:
        rows = sector == s
        size[rows] = rng.choice(SIZES, size=rows.sum(), p=P_SIZES[s])
        area[rows] = rng.choice(AREAS, size=rows.sum(), p=P_AREAS[s])
    return pd.DataFrame(
        {
            "workplace_id": [f"W{i:04d}" for i in range(1, N_WORKPLACES + 1)],
            "sector": sector,
            "service_area": area,
            "size_band": size,
            "municipality_group": rng.choice(GROUPS, size=N_WORKPLACES, p=P_GROUPS),
        }
    )


def innovation(rng: np.random.Generator, wp: pd.DataFrame, capacity: np.ndarray) -> pd.DataFrame:
    """The innovator's answers about its latest innovation (one row per innovating workplace)."""
    n = len(wp)
    patterns, probs = type_pattern_probs()
    types = patterns[rng.choice(len(probs), size=n, p=probs)]
    n_types = types.sum(axis=1)
    out = pd.DataFrame(types, columns=TYPES, index=wp.index)
    out["n_types"] = n_types
    out["origin"] = rng.choice(ORIGINS, size=n, p=np.array(P_ORIGINS) / sum(P_ORIGINS))

    collab = calibrated_draw(
        rng, COLLAB_PER_EXTRA_TYPE * (n_types - 1) + capacity, P_COLLAB_EXTERNAL
    )
    private_effects = (
        lookup(wp["service_area"], PRIVATE_AREA_EFFECT) + PRIVATE_PRODUCT_EFFECT * (types[:, 3])
    )
    private = collab & calibrated_draw(
        rng, np.where(collab, private_effects, -50.0), P_COLLAB_PRIVATE
    )
    financed = calibrated_draw(rng, EXT_FINANCED_COLLAB_EFFECT * collab, P_EXT_FINANCED)

    evaluated = calibrated_draw(
        rng, EVAL_EXT_FINANCED_EFFECT * financed + capacity, P_EVAL_INTERNAL + P_EVAL_EXTERNAL
    )
    external = evaluated & calibrated_draw(
        rng, np.where(evaluated, EVAL_EXTERNAL_IF_FINANCED * financed, -50.0), P_EVAL_EXTERNAL
    )
    out["collaboration_external"] = collab
    out["collaborated_private"] = private
    out["evaluated"] = np.where(external, "external", np.where(evaluated, "internal", "none"))
    spread_effects = SPREAD_EVALUATED_EFFECT * evaluated + 0.5 * capacity
    out["spread_actively"] = calibrated_draw(rng, spread_effects, P_SPREAD)

    efficiency = calibrated_draw(rng, np.zeros(n), P_DRIVER_EFFICIENCY)
    out["driver_efficiency"] = efficiency
    citizens = lookup(wp["service_area"], CITIZEN_AREA_EFFECT)
    out["driver_citizens"] = calibrated_draw(rng, citizens, P_DRIVER_CITIZENS)
    out["employees_role"] = rng.choice(EMPLOYEE_ROLES, size=n, p=P_EMPLOYEE_ROLES)
    out["externally_financed"] = financed

    quality = calibrated_draw(rng, capacity, P_EFFECT_QUALITY)
    out["effect_quality"] = quality
    users = EFFECT_USERS_QUALITY_EFFECT * quality + capacity
    out["effect_user_satisfaction"] = calibrated_draw(rng, users, P_EFFECT_USERS)
    eff = EFFECT_EFFICIENCY_DRIVER_EFFECT * efficiency
    out["effect_efficiency"] = calibrated_draw(rng, eff, P_EFFECT_EFFICIENCY)
    return out


def workplaces(rng: np.random.Generator) -> pd.DataFrame:
    wp = frame(rng)
    capacity = rng.normal(0, CAPACITY_SD, size=len(wp))
    effects = (
        lookup(wp["size_band"], SIZE_EFFECT)
        + lookup(wp["sector"], SECTOR_EFFECT)
        + lookup(wp["service_area"], AREA_EFFECT)
        + capacity
    )
    wp["innovated"] = calibrated_draw(rng, effects, P_INNOVATED)
    did = wp["innovated"].to_numpy()
    answers = innovation(rng, wp[did], capacity[did])
    missing = rng.random(len(answers)) < P_EXT_FINANCED_MISSING
    answers["externally_financed"] = answers["externally_financed"].astype(object).mask(missing)
    wp = wp.join(answers)
    wp["main_barrier"] = rng.choice(BARRIERS, size=len(wp), p=P_BARRIERS)
    return wp


# --- REAL published figures (sources.md sections 2.1-2.3); not synthetic ---
# country, edition, measure, group, base, value, as_reported, source
PUBLISHED = [
    ("SE", "2018", "innovated", "all", "workplaces", 0.81,
     "8 out of 10 workplaces; 81 % in the Nordic comparison", "skl2019innovationsbarometern"),
    ("SE", "2021-22", "driver_efficiency", "all", "workplaces", 0.60,
     "60 % named efficiency or savings as a driver of their most important innovation",
     "scb2024utility"),
    ("SE", "2021-22", "effect_quality", "all", "workplaces", 0.72,
     "about 72 % improved quality", "scb2024utility"),
    ("SE", "2021-22", "effect_user_satisfaction", "all", "workplaces", 0.72,
     "about 72 % increased user satisfaction", "scb2024utility"),
    ("SE", "2021-22", "effect_efficiency", "all", "workplaces", 0.52,
     "about 52 % efficiency or savings", "scb2024utility"),
    ("DK", "2018-19", "innovated", "all", "workplaces", 0.81,
     "81 % (n = 2 271)", "copi2019innovative"),
    ("DK", "current", "innovated", "all", "workplaces", 0.83,
     "83 % (n = 1 352 innovating workplaces)", "copi_types"),
    ("DK", "current", "type_process_org", "all", "innovations", 0.79,
     "79 % include a process or organisational change", "copi_types"),
    ("DK", "current", "type_communication", "all", "innovations", 0.37,
     "37 % include communication", "copi_types"),
    ("DK", "current", "type_service", "all", "innovations", 0.29,
     "29 % include a service", "copi_types"),
    ("DK", "current", "type_product", "all", "innovations", 0.22,
     "22 % include a product", "copi_types"),
    ("DK", "current", "more_than_one_type", "all", "innovations", 0.47,
     "47 % combine more than one type", "copi_types"),
    ("DK", "current", "origin_adapted", "all", "innovations", 0.56,
     "56 % inspired by others and adapted", "copi_spread"),
    ("DK", "current", "origin_copy", "all", "innovations", 0.19,
     "19 % more or less a copy", "copi_spread"),
    ("DK", "current", "origin_first", "all", "innovations", 0.16,
     "16 % first of its kind", "copi_spread"),
    ("DK", "current", "origin_dont_know", "all", "innovations", 0.10,
     "10 % don't know", "copi_spread"),
    ("DK", "current", "reuse", "all", "innovations", 0.74,
     "74 % reuse others' solutions", "copi_spread"),
    ("DK", "current", "collaboration_external", "all", "innovations", 0.69,
     "69 % involved at least one actor outside the workplace", "copi_collaboration"),
    ("DK", "current", "collaboration_outside_public_sector", "all", "innovations", 0.48,
     "48 % external collaboration, apparently outside the public sector (excerpt truncated)",
     "copi_collaboration"),
    ("DK", "2018-19", "collaborated_private", "all", "innovations", 0.25,
     "1 in 4 innovations made with a private company", "copi_private"),
    ("DK", "current", "employees_helped", "all", "innovations", 0.90,
     "employees' participation helped in 90 %", "copi_drivers"),
    ("DK", "current", "employees_hindered", "all", "innovations", 0.07,
     "employees' participation hindered in 7 %", "copi_drivers"),
    ("DK", "current", "cross_workplace_helped", "all", "innovations", 0.82,
     "collaboration across the workplace helped in 82 %", "copi_drivers"),
    ("DK", "current", "cross_workplace_hindered", "all", "innovations", 0.08,
     "collaboration across the workplace hindered in 8 %", "copi_drivers"),
    ("DK", "current", "externally_financed", "all", "innovations", 0.12,
     "12 % externally financed", "copi_funding"),
    ("DK", "current", "economic_pressure_trigger", "all", "innovations", 0.14,
     "14 % triggered partly by economic pressure", "copi_funding"),
    ("DK", "current", "limited_resources_helped", "all", "innovations", 0.22,
     "22 % helped by limited resources", "copi_funding"),
    ("DK", "2013-14", "evaluated", "all", "innovations", 0.44,
     "44 % evaluated", "copi2019evaluation"),
    ("DK", "2015-16", "evaluated", "all", "innovations", 0.45,
     "45 % evaluated", "copi2019evaluation"),
    ("DK", "2015-16", "evaluated_internal_only", "all", "innovations", 0.35,
     "35 % evaluated internally only", "copi2019evaluation"),
    ("DK", "2015-16", "evaluated_external", "all", "innovations", 0.10,
     "10 % evaluated externally or with external help", "copi2019evaluation"),
    ("IS", "Nordic 2019", "innovated", "all", "workplaces", 0.78,
     "78 %", "difi2019nordic"),
    ("NO", "Nordic 2019", "innovated", "all", "workplaces", 0.77,
     "77 %", "difi2019nordic"),
    ("DK", "Nordic 2019", "innovated", "all", "workplaces", 0.80,
     "80 %", "difi2019nordic"),
    ("SE", "Nordic 2019", "innovated", "all", "workplaces", 0.81,
     "81 %", "difi2019nordic"),
    ("FI", "Nordic 2019", "innovated", "municipal sector only", "workplaces", 0.95,
     "95 % (municipal sector only)", "difi2019nordic"),
    ("Nordic", "Nordic 2019", "collaboration_external", "all", "innovations", 0.80,
     "about 4 in 5 innovations happen in collaboration", "difi2019nordic"),
    ("NO", "2018", "innovated", "municipal sector", "workplaces", 0.74,
     "74 % (data 2017; 1 786 unit managers)", "ks2018barometer"),
    ("NO", "2018", "innovated", "education and upbringing", "workplaces", 0.80,
     "8 out of 10 in education and upbringing", "ks2018barometer"),
    ("NO", "2018", "innovated", "health and care", "workplaces", 0.70,
     "7 out of 10 in health and care", "ks2018barometer"),
    ("NO", "2018", "type_process_org", "municipal sector", "workplaces", 0.63,
     "63 % made process or organisational changes in 2018", "ks2020barometer"),
    ("NO", "2020", "innovated", "municipal sector", "workplaces", 0.75,
     "about 3 out of 4 workplaces innovate", "ks2020barometer"),
    ("NO", "2020", "type_process_org", "municipal sector", "workplaces", 0.60,
     "about 60 % made process or organisational changes", "ks2020barometer"),
    ("NO", "2020", "core_tasks", "municipal sector", "innovations", 0.90,
     "about 90 % say the newest innovation touches their core tasks", "ks2020barometer"),
    ("NO", "2020", "limited_money_helped", "municipal sector", "workplaces", 0.22,
     "22 % say limited money helped", "ks2020barometer"),
]  # fmt: skip
PUBLISHED_COLUMNS = [
    "country", "edition", "measure", "group", "base", "value", "as_reported", "source",
]  # fmt: skip


def published() -> pd.DataFrame:
    return pd.DataFrame(PUBLISHED, columns=PUBLISHED_COLUMNS)


def as_text(table: pd.DataFrame) -> pd.DataFrame:
    """Booleans as true/false (empty when missing), so the CSV is the same on every run."""
    table = table.copy()
    for col in table.columns:
        values = table[col]
        if values.map(lambda v: isinstance(v, (bool, np.bool_))).any():
            table[col] = values.map(
                lambda v: "" if v is None or pd.isna(v) else ("true" if v else "false")
            )
    return table


def write(table: pd.DataFrame, name: str) -> None:
    as_text(table).to_csv(OUT / f"{name}.csv", index=False, lineterminator="\n", encoding="utf-8")


def main() -> None:
    rng = np.random.default_rng(SEED)
    wp = workplaces(rng)
    wp["n_types"] = wp["n_types"].astype("Int64")
    write(wp, "workplaces")
    write(published(), "published")


if __name__ == "__main__":
    main()
