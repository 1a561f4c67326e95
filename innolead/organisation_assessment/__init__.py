"""The organisational innovation self-assessment: rate seven capabilities, plan from the gaps.

An organisation's leaders rate it here (not graded, not collected); the participants' own
pre/post self-assessments, which the programme evaluation reads, are ``innolead.evaluation``'s.

``benchmarks``, ``profile``, ``reading_list`` and ``compare`` are pure functions over the
barometer case; ``save`` and ``load`` keep an assessment as JSON; ``SelfAssessment`` is the
widget that ``exercises/self-assessment/organisation_self_assessment.ipynb`` shows.
"""

from innolead.organisation_assessment.capabilities import (
    BENCHMARK_NOTE,
    CAPABILITIES,
    Capability,
    mapping,
)
from innolead.organisation_assessment.profile import (
    benchmarks,
    check_ratings,
    compare,
    profile,
    reading_list,
    weakest,
)
from innolead.organisation_assessment.store import Assessment, load, save
from innolead.organisation_assessment.widget import SelfAssessment

__all__ = [
    "BENCHMARK_NOTE",
    "CAPABILITIES",
    "Assessment",
    "Capability",
    "SelfAssessment",
    "benchmarks",
    "check_ratings",
    "compare",
    "load",
    "mapping",
    "profile",
    "reading_list",
    "save",
    "weakest",
]
