"""A cohort's self-assessments: every collected notebook read, pre and post matched by id.

nbgrader's ``collect`` (or ``zip_collect``) leaves each participant's notebook at
``submitted/<participant>/<assignment>/<notebook>.ipynb``; ``read_cohort`` reads both rounds
from there (never running them) and ``cohort_frame`` lays the answers out one row per
participant, the shape ``innolead.analysis.prepost`` expects.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from innolead.coursedir import Course
from innolead.evaluation.answers import Problem, Response, read_response
from innolead.evaluation.items import (
    ASSIGNMENTS,
    CHANGE_ITEMS,
    GROUP_ITEMS,
    NOTEBOOK,
    PHASES,
)
from innolead.i18n import _


@dataclass(frozen=True)
class Cohort:
    """The responses of both rounds, by participant id."""

    pre: dict[str, Response]
    post: dict[str, Response]

    @property
    def matched(self) -> list[str]:
        """Participants with a response in both rounds."""
        return sorted(set(self.pre) & set(self.post))

    @property
    def pre_only(self) -> list[str]:
        """Participants who answered before but not after."""
        return sorted(set(self.pre) - set(self.post))

    @property
    def post_only(self) -> list[str]:
        """Participants who answered after but not before."""
        return sorted(set(self.post) - set(self.pre))

    def responses(self) -> list[Response]:
        """Every response, pre first, each round by participant."""
        pre = [self.pre[p] for p in sorted(self.pre)]
        return pre + [self.post[p] for p in sorted(self.post)]

    @property
    def problems(self) -> list[Problem]:
        """Every answer that could not be used, in the order of ``responses``."""
        return [problem for response in self.responses() for problem in response.problems]


def _notebook(folder: Path) -> Path | None:
    """The submitted notebook: ``selfassessment.ipynb``, else the only notebook there.

    An LMS download renamed by ``zip_collect`` (whose file-name pattern stops at the last
    underscore) arrives as ``assessment.ipynb``; a participant may have renamed it too.
    """
    expected = folder / f"{NOTEBOOK}.ipynb"
    if expected.is_file():
        return expected
    found = sorted(folder.glob("*.ipynb"))
    return found[0] if len(found) == 1 else None


def _no_notebook(folder: Path, participant: str, phase: str, assignment: str) -> Response:
    found = sorted(p.name for p in folder.glob("*.ipynb"))
    reason = _(
        "the submission has {n} notebooks ({names}) and none is called {notebook}.ipynb; keep "
        "the participant's one and collect again"
    ).format(n=len(found), names=", ".join(found) or _("none"), notebook=NOTEBOOK)
    notebook = f"{assignment}/"
    problem = Problem(participant, phase, notebook, None, "", "", reason)
    return Response(participant, phase, notebook, problems=(problem,))


def read_round(course: Course, phase: str) -> dict[str, Response]:
    """Every collected response of one round, by participant id."""
    assignment = ASSIGNMENTS[phase]
    responses = {}
    for participant in course.submitters(assignment):
        folder = course.submission(participant, assignment)
        path = _notebook(folder)
        responses[participant] = (
            read_response(path, participant, phase, f"{assignment}/{path.name}")
            if path is not None
            else _no_notebook(folder, participant, phase, assignment)
        )
    return responses


def read_cohort(course: Course | str | Path | None = None) -> Cohort:
    """Read both rounds from ``submitted/`` of the course folder (never executing them).

    Parameters
    ----------
    course
        A ``Course``, its folder, or ``None`` for ``$INNOLEAD_COURSE`` or ``exercises/``.

    Returns
    -------
    Cohort
        The pre and post responses by participant id.
    """
    chosen = course if isinstance(course, Course) else Course.at(course)
    return Cohort(pre=read_round(chosen, "pre"), post=read_round(chosen, "post"))


def _group(cohort: Cohort, participant: str, item: str) -> object:
    """A group answer (role, organisation type): the pre answer, else the post one."""
    for responses in (cohort.pre, cohort.post):
        response = responses.get(participant)
        if response is not None and item in response.answers:
            return response.answers[item]
    return None


def cohort_frame(cohort: Cohort) -> pd.DataFrame:
    """One row per participant: the answers of both rounds, ready for ``prepost``.

    Returns
    -------
    pandas.DataFrame
        ``participant``, ``in_pre``, ``in_post``, ``role``, ``org_type`` (the pre answer, or
        the post one if the pre one is missing or invalid), ``<item>_pre`` and ``<item>_post``
        for knowledge, insight and confidence, ``satisfaction`` (``Int64``, missing where
        blank, invalid or not answered) and ``comments``.
    """
    people = sorted(set(cohort.pre) | set(cohort.post))
    frame = pd.DataFrame({"participant": people})
    frame["in_pre"] = frame["participant"].isin(list(cohort.pre))
    frame["in_post"] = frame["participant"].isin(list(cohort.post))
    for item in GROUP_ITEMS:
        frame[item] = pd.Series([_group(cohort, p, item) for p in people], dtype=object)
    for item in CHANGE_ITEMS:
        for phase in PHASES:
            responses = getattr(cohort, phase)
            values = [responses[p].answers.get(item) if p in responses else None for p in people]
            frame[f"{item}_{phase}"] = pd.array(values, dtype="Int64")
    post = [cohort.post[p].answers if p in cohort.post else {} for p in people]
    frame["satisfaction"] = pd.array([a.get("satisfaction") for a in post], dtype="Int64")
    frame["comments"] = pd.Series([a.get("comments") for a in post], dtype=object)
    return frame
