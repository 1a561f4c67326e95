"""Fixture cohorts: made-up participants' answers, written as nbgrader's collected notebooks.

``COMPLETE`` is 15 participants who answered both rounds, chosen so the headline figures are
easy to check by hand (see the comments). Each scenario starts from it and changes a few
answers; ``write_cohort`` writes every response to
``<course>/submitted/<participant>/<assignment>/selfassessment.ipynb`` from the notebook the
participants are given, with each answer typed in place of the three dots.
"""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat

from innolead.evaluation.answers import MARKER
from innolead.evaluation.items import ASSIGNMENTS, NOTEBOOK
from innolead.evaluation.notebooks import build_notebook

UM, DH, TO = '"unit manager"', '"department head"', '"top official"'
MUN, REG = '"municipality"', '"region"'

# id, role, organisation type, knowledge pre/post, insight pre/post, confidence pre/post,
# satisfaction. Knowledge: 12 higher (p01-04, p06-09, p11, p12, p14, p15), 2 same (p05,
# p13), 1 lower (p10). Insight: 10 higher, 4 same (p02, p07, p10, p13), 1 lower (p05).
# Confidence: 9 higher, 6 same (p03, p05, p08, p10, p12, p14). Satisfied (4 or 5): all but
# p05 (3), p09 (2) and p10 (3), so 12 of 15.
_ROWS = [
    ("p01", UM, MUN, 2, 3, 2, 3, 1, 2, 5),
    ("p02", UM, MUN, 2, 4, 3, 3, 2, 3, 4),
    ("p03", UM, MUN, 3, 4, 2, 4, 2, 2, 4),
    ("p04", UM, MUN, 1, 3, 3, 4, 3, 4, 5),
    ("p05", UM, MUN, 3, 3, 4, 3, 2, 2, 3),
    ("p06", DH, MUN, 2, 3, 2, 3, 1, 3, 4),
    ("p07", DH, MUN, 3, 5, 3, 3, 2, 3, 5),
    ("p08", DH, MUN, 4, 5, 1, 2, 3, 3, 4),
    ("p09", DH, MUN, 2, 3, 3, 4, 2, 3, 2),
    ("p10", DH, MUN, 3, 2, 2, 2, 3, 3, 3),
    ("p11", TO, REG, 4, 5, 3, 4, 2, 4, 4),
    ("p12", TO, REG, 3, 4, 4, 5, 3, 3, 5),
    ("p13", TO, REG, 5, 5, 4, 4, 3, 4, 4),
    ("p14", TO, REG, 2, 4, 3, 4, 2, 2, 4),
    ("p15", TO, REG, 3, 4, 2, 3, 3, 4, 5),
]
COMMENTS = {"p01": '"More cases from regions, please."', "p07": '"The relay was the best part."'}

Response = dict[str, str]
Cohort = dict[str, dict[str, Response | None]]


def complete() -> Cohort:
    """The 15 participants, both rounds, every answer valid (as source text)."""
    cohort: Cohort = {}
    for pid, role, org, kpre, kpost, ipre, ipost, cpre, cpost, sat in _ROWS:
        common = {"role": role, "org_type": org}
        pre = {**common, "knowledge": str(kpre), "insight": str(ipre), "confidence": str(cpre)}
        post = {
            **common,
            "knowledge": str(kpost),
            "insight": str(ipost),
            "confidence": str(cpost),
            "satisfaction": str(sat),
        }
        if pid in COMMENTS:
            post["comments"] = COMMENTS[pid]
        cohort[pid] = {"pre": pre, "post": post}
    return cohort


def with_missing() -> Cohort:
    """Complete, plus p16 and p17 who answered only before and p18 only after."""
    cohort = complete()
    low = {"role": UM, "org_type": MUN, "knowledge": "1", "insight": "1", "confidence": "1"}
    cohort["p16"] = {"pre": dict(low), "post": None}
    cohort["p17"] = {"pre": dict(low), "post": None}
    cohort["p18"] = {"pre": None, "post": {**low, "knowledge": "5", "satisfaction": "1"}}
    return cohort


def with_small_group() -> Cohort:
    """Complete, with p14 and p15 unit managers (7) and p15 in a region (the only one).

    Roles: unit manager 7, department head 5, top official 3. The 3 top officials are too
    few, so they are pooled with the next smallest group, the department heads: "other
    groups" 8. Organisation types: municipality 14, region 1; the region is pooled with the
    municipalities, so there is no breakdown by organisation type at all.
    """
    cohort = complete()
    for pid in ("p14", "p15"):
        for phase in ("pre", "post"):
            cohort[pid][phase]["role"] = UM
    for pid in ("p11", "p12", "p13", "p14"):
        for phase in ("pre", "post"):
            cohort[pid][phase]["org_type"] = MUN
    return cohort


#: The invalid answers of ``with_invalid``: (participant, round, item, typed, answer cell).
INVALID = [
    ("p03", "pre", "knowledge", "7", 7),
    ("p05", "post", "insight", '"a lot"', 9),
    ("p08", "pre", "role", '"boss"', 3),
    ("p09", "post", "satisfaction", "4.5", 13),
    ("p10", "post", "knowledge", "2 + 1", 7),
    ("p11", "pre", "insight", None, 9),  # the participant deleted "insight = ..."
    ("p12", "pre", "confidence", "3 3", 11),  # not valid Python
]


def with_invalid() -> Cohort:
    """Complete, with the seven unusable answers of ``INVALID``."""
    cohort = complete()
    for pid, phase, item, typed, _ in INVALID:
        cohort[pid][phase][item] = DELETED if typed is None else typed
    return cohort


DELETED = "<deleted>"


def fill(nb: nbformat.NotebookNode, answers: Response) -> nbformat.NotebookNode:
    filled = copy.deepcopy(nb)
    for cell in filled.cells:
        item = cell.metadata.get(MARKER, {}).get("answer")
        if item not in answers:
            continue
        comments = [line for line in cell.source.splitlines() if line.startswith("#")]
        typed = answers[item]
        answer = ["# I am not sure."] if typed == DELETED else [f"{item} = {typed}"]
        cell.source = "\n".join(comments + answer)
    return filled


def write_response(root: Path, participant: str, phase: str, answers: Response) -> Path:
    """One participant's notebook of one round, as nbgrader's collect leaves it."""
    folder = root / "submitted" / participant / ASSIGNMENTS[phase]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "timestamp.txt").write_text("2026-03-01 10:00:00.000000 UTC\n")
    path = folder / f"{NOTEBOOK}.ipynb"
    nbformat.write(fill(build_notebook(phase), answers), path)
    return path


def make_course(root: Path) -> Path:
    """An empty nbgrader course folder (a config file is what makes it one)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "nbgrader_config.py").write_text("c = get_config()  # noqa: F821\n")
    return root


def write_cohort(root: Path, cohort: Cohort) -> Path:
    """Write every response of a cohort into a new course folder at ``root``."""
    make_course(root)
    for participant, rounds in cohort.items():
        for phase, answers in rounds.items():
            if answers is not None:
                write_response(root, participant, phase, answers)
    return root
