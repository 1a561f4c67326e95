"""The course's own evaluation: pre/post self-assessments and the programme evaluation report.

Participants fill in ``self_assessment_pre`` and ``self_assessment_post`` (ungraded nbgrader
assignments generated from ``items.ITEMS`` by ``notebooks``); the instructor collects them as
any assignment, and ``evaluation_report`` reads them without running them (``answers``),
matches the rounds (``cohort``), computes the figures with ``innolead.analysis.prepost``
(``figures``) and writes a self-contained HTML report (``report``, ``page``, ``charts``).
"""

from innolead.evaluation.answers import Problem, Response, read_response
from innolead.evaluation.cohort import Cohort, cohort_frame, read_cohort
from innolead.evaluation.figures import Figures, evaluation_figures
from innolead.evaluation.items import ASSIGNMENTS, ITEMS, NOTEBOOK, check_answer, check_answers
from innolead.evaluation.report import evaluation_report

__all__ = [
    "ASSIGNMENTS",
    "ITEMS",
    "NOTEBOOK",
    "Cohort",
    "Figures",
    "Problem",
    "Response",
    "check_answer",
    "check_answers",
    "cohort_frame",
    "evaluation_figures",
    "evaluation_report",
    "read_cohort",
    "read_response",
]
