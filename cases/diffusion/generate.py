"""Generate the SYNTHETIC `diffusion` case: when 290 fictional municipalities adopted digital
night-time supervision (digital tillsyn) in home care, 2008-2025.

Run from the repository root: ``.venv/bin/python cases/diffusion/generate.py``. It rewrites
``municipalities.csv`` in this folder, byte for byte the same on every run.

How it works. The number of adopters over time follows the Bass diffusion model (Bass 1969)
with the stated coefficients P and Q: each potential adopter's adoption time is drawn from the
Bass distribution, which gives the S-shaped cumulative curve plus sampling noise. Which
municipality gets which adoption time is decided by a propensity score: larger municipalities
tend to come first, with plenty of chance in between. The municipalities,
their names, regions, groups and populations are invented. Every number below is an ASSUMPTION
unless its comment names a source.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20080101
OUT = Path(__file__).resolve().parent

N_MUNICIPALITIES = 290  # Sweden has 290 municipalities (a public fact; the case keeps the count)
FIRST_YEAR, LAST_YEAR = 2008, 2025  # assumption: the years the case covers

# Bass model (bass1969) coefficients per year, assumptions: P is innovation (outside
# influence), Q imitation (municipalities learning from each other). Peak adoption comes
# ln(Q/P)/(P+Q), about 9 years, after the start.
P, Q = 0.01, 0.4
EVER_ADOPT_SHARE = 0.93  # assumption: the Bass market potential; the rest never adopt

# Who adopts first (assumption): larger municipalities tend to, but chance matters more.
SIZE_WEIGHT = 0.6  # weight of standardised log population in the propensity score
CHANCE_SD = 1.0  # everything else: local champions, budgets, timing

# The municipality groups, inspired by SKR's municipality groups but simplified (assumption),
# with the median population and its log-scale spread in each group (assumptions).
LARGE_CITIES = (950_000, 580_000, 360_000)
GROUP_POPULATION = {
    "commuter municipality near a large city": (40_000, 0.55),
    "larger town": (70_000, 0.45),
    "commuter municipality near a town": (13_000, 0.5),
    "small town": (17_000, 0.45),
    "rural municipality": (6_500, 0.5),
}
OTHER_GROUPS = ("larger town", "commuter municipality near a town", "small town")
OTHER_WEIGHTS = (0.15, 0.45, 0.4)  # assumption: chance of each for a non-rural municipality
RURAL = "rural municipality"
COMMUTER_NEAR_CITY = "commuter municipality near a large city"

# Fictional regions: name, number of municipalities, commuters to its large city (if it has
# one) and how rural it is (chance that a remaining municipality is rural). Assumptions.
REGIONS = (
    ("Region Norrskog", 14, 0, 0.55),
    ("Region Fjällmark", 15, 0, 0.55),
    ("Region Älvland", 8, 0, 0.5),
    ("Region Myrland", 7, 0, 0.45),
    ("Region Granmark", 10, 0, 0.4),
    ("Region Hedland", 15, 0, 0.4),
    ("Region Bergsland", 16, 0, 0.4),
    ("Region Insjöbygd", 12, 0, 0.3),
    ("Region Dalbygd", 10, 0, 0.25),
    ("Region Sjöslätt", 26, 22, 0.2),
    ("Region Lövskog", 9, 0, 0.25),
    ("Region Östmark", 13, 0, 0.25),
    ("Region Åsbygd", 8, 0, 0.25),
    ("Region Ekslätt", 13, 0, 0.3),
    ("Region Kustland", 12, 0, 0.3),
    ("Region Öbygd", 1, 0, 0.0),
    ("Region Skärkust", 5, 0, 0.2),
    ("Region Västslätt", 49, 12, 0.25),
    ("Region Ängsbygd", 6, 0, 0.15),
    ("Region Sandkust", 8, 0, 0.2),
    ("Region Sydkust", 33, 10, 0.15),
)
CITY_REGIONS = ("Region Sjöslätt", "Region Västslätt", "Region Sydkust")

# Parts of Swedish place names. Combinations that are real Swedish municipalities (checked
# against the list of all 290), well-known real places or ordinary words are left out.
NAME_STARTS = (
    "Al", "Ask", "Asp", "Berg", "Björk", "Björn", "Bred", "Bro", "Dal", "Ek", "Fager",
    "Fors", "Gran", "Gull", "Hassel", "Hed", "Hjort", "Holm", "Hög", "Kvarn", "Kyrk",
    "Lill", "Lind", "Lång", "Mal", "Mo", "Myr", "Norr", "Ny", "Rönn", "Sand", "Sil",
    "Sjö", "Sten", "Stor", "Sund", "Sör", "Tall", "Ulv", "Vall", "Väst", "Ål", "Äng", "Örn",
    "Öst",
)  # fmt: skip
NAME_ENDS = (
    "by", "vik", "ås", "torp", "hult", "fors", "stad", "holm", "dal", "näs", "ryd",
    "sjö", "bo", "hamn", "lunda", "tuna", "mark", "berga", "köping", "inge", "åker",
    "sta", "backa",
)  # fmt: skip
AVOID = frozenset(
    {"Eksjö", "Fagersta", "Norrköping", "Nyköping", "Sjöbo", "Storfors"}  # municipalities
    | {"Ektorp", "Forsmark", "Storstad"}  # a well-known place, a nuclear plant, a word
)


def municipality_names(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` different fictional names made of a start and an ending."""
    combos = [
        s + e
        for s in NAME_STARTS
        for e in NAME_ENDS
        if s[-1] != e[0] and s.lower() not in e and e not in s.lower()
    ]
    combos = sorted(c for c in combos if c not in AVOID)
    return list(rng.choice(combos, size=n, replace=False))


def region_groups(rng: np.random.Generator) -> pd.DataFrame:
    """One row per municipality: its region and municipality group."""
    if sum(r[1] for r in REGIONS) != N_MUNICIPALITIES:
        msg = f"REGIONS must hold {N_MUNICIPALITIES} municipalities in all; correct the counts."
        raise ValueError(msg)
    rows = []
    city_sizes = iter(LARGE_CITIES)
    for name, count, commuters, rural in REGIONS:
        groups = []
        if name in CITY_REGIONS:
            groups += ["large city"] + [COMMUTER_NEAR_CITY] * commuters
        else:
            groups.append("larger town")  # the regional centre
        for _ in range(count - len(groups)):
            groups.append(
                RURAL if rng.random() < rural else str(rng.choice(OTHER_GROUPS, p=OTHER_WEIGHTS))
            )
        for group in groups:
            city = next(city_sizes) if group == "large city" else None
            rows.append({"region": name, "municipality_group": group, "city_size": city})
    return pd.DataFrame(rows)


def populations(frame: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """A population for each municipality, drawn around its group's median."""
    pop = np.empty(len(frame))
    pairs = zip(frame["municipality_group"], frame["city_size"], strict=True)
    for i, (group, city) in enumerate(pairs):
        if group == "large city":
            pop[i] = city * np.exp(rng.normal(0, 0.05))
        else:
            median, spread = GROUP_POPULATION[group]
            pop[i] = median * np.exp(rng.normal(0, spread))
    return np.maximum(2_000, np.round(pop, -1)).astype(int)


def bass_times(rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` adoption times in years after the start, drawn from the Bass distribution.

    Inverting F(t) = (1 - e^{-(P+Q)t}) / (1 + (Q/P) e^{-(P+Q)t}) for a uniform draw u gives
    t = -ln((1 - u) / (1 + u Q/P)) / (P + Q).
    """
    u = rng.random(n)
    return np.sort(-np.log((1 - u) / (1 + u * Q / P)) / (P + Q))


def adoption_years(frame: pd.DataFrame, rng: np.random.Generator) -> pd.Series:
    """Adoption year per municipality; empty for never-adopters and those after LAST_YEAR."""
    log_pop = np.log(frame["population"])
    size = (log_pop - log_pop.mean()) / log_pop.std()
    propensity = SIZE_WEIGHT * size + rng.normal(0, CHANCE_SD, len(frame))
    n_adopters = round(EVER_ADOPT_SHARE * len(frame))
    times = bass_times(rng, n_adopters)
    years = FIRST_YEAR + np.floor(times).astype(int)
    order = np.argsort(-propensity.to_numpy(), kind="stable")
    result = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    result.iloc[order[:n_adopters]] = years
    return result.where(result <= LAST_YEAR)


def main() -> None:
    rng = np.random.default_rng(SEED)
    frame = region_groups(rng)
    frame["municipality"] = municipality_names(rng, len(frame))
    frame["population"] = populations(frame, rng)
    frame["adoption_year"] = adoption_years(frame, rng)
    frame = frame.sort_values(["region", "municipality"], ignore_index=True)
    frame.insert(0, "municipality_id", [f"M{i:03d}" for i in range(1, len(frame) + 1)])
    columns = [
        "municipality_id",
        "municipality",
        "region",
        "municipality_group",
        "population",
        "adoption_year",
    ]
    frame[columns].to_csv(OUT / "municipalities.csv", index=False, lineterminator="\n")


if __name__ == "__main__":
    main()
