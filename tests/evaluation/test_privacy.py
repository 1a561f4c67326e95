"""The report never shows a group under 5, whatever the cohort: random cohorts, many seeds.

Cohorts are built as ``Response`` objects directly (no files), with skewed roles, missing
roles, unmatched participants and invalid answers, and the report's own tables are read back.
"""

from __future__ import annotations

import random

import pytest

from innolead.analysis.prepost import MIN_SIZE
from innolead.evaluation.answers import Response
from innolead.evaluation.cohort import Cohort
from innolead.evaluation.figures import evaluation_figures
from innolead.evaluation.items import ORG_TYPES, ROLES
from innolead.evaluation.report import build_report
from tests.evaluation.htmltables import tables


def _answers(rng: random.Random, phase: str) -> dict[str, object]:
    answers: dict[str, object] = {
        name: rng.randint(1, 5) for name in ("knowledge", "insight", "confidence")
    }
    if rng.random() < 0.8:
        answers["role"] = rng.choices(ROLES, weights=(1, 2, 8, 3, 1))[0]
    if rng.random() < 0.9:
        answers["org_type"] = rng.choices(ORG_TYPES, weights=(10, 4, 1, 1, 1))[0]
    if rng.random() < 0.1:
        del answers["knowledge"]  # as if invalid or blank
    if phase == "post":
        answers["satisfaction"] = rng.randint(1, 5)
    return answers


def random_cohort(seed: int) -> Cohort:
    rng = random.Random(seed)
    people = [f"x{i}" for i in range(rng.randint(3, 40))]
    rounds: dict[str, dict[str, Response]] = {"pre": {}, "post": {}}
    for person in people:
        for phase in ("pre", "post"):
            if rng.random() < 0.9:
                rounds[phase][person] = Response(person, phase, "nb", _answers(rng, phase))
    return Cohort(pre=rounds["pre"], post=rounds["post"])


#: The report is drawn (charts and all) for fewer cohorts: it shows the figures checked below.
@pytest.mark.parametrize("seed", range(5))
def test_build_report_never_shows_a_group_under_five(seed: int) -> None:
    """In every by-group table of a random cohort's report, has each row 5 or more?"""
    html = build_report(evaluation_figures(random_cohort(seed)), "course", "list.csv", "today")
    for table in tables(html):
        if ", by " in table.caption:
            column = "Participants" if "Participants" in table.headers else "Answers"
            assert all(int(n) >= MIN_SIZE for n in table.column(column)), table.caption


@pytest.mark.parametrize("seed", range(40))
def test_evaluation_figures_keep_small_groups_out(seed: int) -> None:
    """In every breakdown of a random cohort's figures, has each group 5 or more, and do the
    groups add up to the total, so that none can be found by subtraction?"""
    figures = evaluation_figures(random_cohort(seed))
    for name, table in [*figures.by_group.items(), *figures.satisfaction_by_group.items()]:
        if table is not None:
            assert (table["n"] >= MIN_SIZE).all(), (name, table.loc[table["n"] < MIN_SIZE])
    totals = {} if figures.change.empty else figures.change.set_index("item")["n"].to_dict()
    for table in figures.by_group.values():
        if table is not None:
            sums = table.groupby("item")["n"].sum().to_dict()
            assert sums == {item: totals[item] for item in sums}
