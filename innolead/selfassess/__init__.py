"""The organisational innovation self-assessment: rate seven capabilities, plan from the gaps.

``benchmarks``, ``profile``, ``reading_list`` and ``compare`` are pure functions over the
barometer case; ``save`` and ``load`` keep an assessment as JSON; ``SelfAssessment`` is the
widget that ``exercises/self-assessment/organisation_self_assessment.ipynb`` shows.
"""

from innolead.selfassess.capabilities import BENCHMARK_NOTE, CAPABILITIES, Capability, mapping
from innolead.selfassess.profile import (
    benchmarks,
    check_ratings,
    compare,
    profile,
    reading_list,
    weakest,
)
from innolead.selfassess.store import Assessment, load, save
from innolead.selfassess.widget import SelfAssessment

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
