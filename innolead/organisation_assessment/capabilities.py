"""The seven capabilities the course teaches, the chapter for each, and its barometer measure.

Each capability is set against one measure of the ``barometer`` case, the share of public
workplaces that do what the capability is about. The case is **SYNTHETIC**: 2,400 invented
workplaces whose overall shares are calibrated to the published Nordic innovation barometers
(see ``cases/barometer/README.md``). A measure is a proxy, not a definition: the barometer asks
what workplaces did with their latest innovation, not how well they are led.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from innolead.analysis.barometer import INNOVATORS, MEASURES, WORKPLACES, Measure

#: The barometer's main barriers other than "uncertainty about testing".
_OTHER_BARRIERS = ("time and resources", "regulation", "skills", "technology", "other")

#: Two proxies that ``MEASURES`` lacks, built the same way from the barometer's columns.
DRIVEN_BY_NEEDS = Measure(
    "driver_citizens",
    True,
    "Driven by citizens' needs",
    "named citizens' needs and expectations as a reason for their latest innovation",
)
TESTING_NOT_MAIN_BARRIER = Measure(
    "main_barrier",
    _OTHER_BARRIERS,
    "Testing not the main barrier",
    "did not name uncertainty about testing and experimenting as their main barrier",
    WORKPLACES,
)


@dataclass(frozen=True)
class Capability:
    """A capability: the management group's question, the chapter, and its benchmark."""

    key: str
    label: str
    question: str
    chapter: str
    chapter_title: str
    chapter_file: str
    measure: Measure


CAPABILITIES: dict[str, Capability] = {
    c.key: c
    for c in (
        Capability(
            "strategy_governance",
            "Strategy and governance",
            "Do our goals, budget and decision routes make room for testing new ways of working?",
            "ch-06",
            "Strategy, Governance and Funding",
            "book/chapters/06-strategy-governance.md",
            MEASURES["innovated"],
        ),
        Capability(
            "culture_safety",
            "Culture and psychological safety",
            "Do staff dare to raise problems, suggest ideas and admit a failed test?",
            "ch-07",
            "Culture and Psychological Safety",
            "book/chapters/07-culture-safety.md",
            MEASURES["employees_helped"],
        ),
        Capability(
            "needs_ideas",
            "Needs and ideas",
            "Do we start from users' needs, frame challenges without a ready solution, and "
            "collect ideas widely?",
            "ch-03",
            "Understanding Needs",
            "book/chapters/03-understanding-needs.md",
            DRIVEN_BY_NEEDS,
        ),
        Capability(
            "testing_evidence",
            "Testing and evidence",
            "Do we test ideas on a small scale first, and judge the results honestly?",
            "ch-04",
            "Ideas, Tests and Evidence",
            "book/chapters/04-ideas-tests-evidence.md",
            TESTING_NOT_MAIN_BARRIER,
        ),
        Capability(
            "implementation_spread",
            "Implementation and spread",
            "Do good tests become everyday practice, and do we reuse what others have done?",
            "ch-05",
            "Implementation and Spread",
            "book/chapters/05-implementation-spread.md",
            MEASURES["spread_actively"],
        ),
        Capability(
            "collaboration",
            "Collaboration",
            "Do we work with users, companies, academia and other municipalities when a "
            "challenge needs it?",
            "ch-08",
            "Collaboration and Co-creation",
            "book/chapters/08-collaboration.md",
            MEASURES["collaboration_external"],
        ),
        Capability(
            "evaluation_learning",
            "Evaluation and learning",
            "Do we know which of our innovations worked, and do we learn from those that did not?",
            "ch-09",
            "Measuring, Evaluating and Learning",
            "book/chapters/09-measuring-learning.md",
            MEASURES["evaluated"],
        ),
    )
}

#: The lowest and highest rating.
LOWEST, HIGHEST = 1, 5
#: What the ends of the scale mean.
SCALE = {1: "weak", 2: "fairly weak", 3: "mixed", 4: "fairly strong", 5: "strong"}
#: How the benchmark is named wherever it is shown.
BENCHMARK_NAME = "synthetic barometer benchmark"
BENCHMARK_NOTE = (
    "The benchmark comes from the course's barometer case: SYNTHETIC data on 2,400 invented "
    "public workplaces, calibrated to the published Nordic innovation barometers. Each "
    "capability is set against one barometer measure, the share of workplaces that do what "
    "the capability is about, put on the 1-5 scale as 1 + 4 x share (no workplace = 1, "
    "every workplace = 5). It is a rough guide for a conversation, not a verdict."
)


def chapter_number(capability: Capability) -> int:
    """The chapter's number, from its label.

    Examples
    --------
    >>> chapter_number(CAPABILITIES["evaluation_learning"])
    9
    """
    return int(capability.chapter.removeprefix("ch-"))


def base_phrase(measure: Measure) -> str:
    """What a measure's share is a share of, in words.

    Examples
    --------
    >>> base_phrase(MEASURES["evaluated"])
    'innovating workplaces (their latest innovation)'
    """
    if measure.base == INNOVATORS:
        return "innovating workplaces (their latest innovation)"
    return "all workplaces"


def mapping() -> pd.DataFrame:
    """Which barometer measure each capability is set against, as a table to show.

    Examples
    --------
    >>> mapping().loc[6, ["Capability", "Barometer measure"]].tolist()
    ['Evaluation and learning', 'Evaluated']
    """
    shown = CAPABILITIES.values()
    return pd.DataFrame(
        {
            "Capability": [c.label for c in shown],
            "Chapter": [f"{chapter_number(c)}. {c.chapter_title}" for c in shown],
            "Barometer measure": [c.measure.label for c in shown],
            "Share of": [base_phrase(c.measure) for c in shown],
            "What it counts": [c.measure.phrase for c in shown],
        }
    )
