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
from innolead.i18n import N_, _

#: The barometer's main barriers other than "uncertainty about testing".
_OTHER_BARRIERS = ("time and resources", "regulation", "skills", "technology", "other")

#: Two proxies that ``MEASURES`` lacks, built the same way from the barometer's columns.
DRIVEN_BY_NEEDS = Measure(
    "driver_citizens",
    True,
    N_("Driven by citizens' needs"),
    N_("named citizens' needs and expectations as a reason for their latest innovation"),
)
TESTING_NOT_MAIN_BARRIER = Measure(
    "main_barrier",
    _OTHER_BARRIERS,
    N_("Testing not the main barrier"),
    N_("did not name uncertainty about testing and experimenting as their main barrier"),
    WORKPLACES,
)


@dataclass(frozen=True)
class Capability:
    """A capability: the management group's question, the chapter, and its benchmark.

    ``label``, ``question`` and ``chapter_title`` are msgids, translated where shown.
    """

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
            N_("Strategy and governance"),
            N_(
                "Do our goals, budget and decision routes make room for testing new ways of "
                "working?"
            ),
            "ch-06",
            N_("Strategy, Governance and Funding"),
            "book/chapters/06-strategy-governance.md",
            MEASURES["innovated"],
        ),
        Capability(
            "culture_safety",
            N_("Culture and psychological safety"),
            N_("Do staff dare to raise problems, suggest ideas and admit a failed test?"),
            "ch-07",
            N_("Culture and Psychological Safety"),
            "book/chapters/07-culture-safety.md",
            MEASURES["employees_helped"],
        ),
        Capability(
            "needs_ideas",
            N_("Needs and ideas"),
            N_(
                "Do we start from users' needs, frame challenges without a ready solution, and "
                "collect ideas widely?"
            ),
            "ch-03",
            N_("Understanding Needs"),
            "book/chapters/03-understanding-needs.md",
            DRIVEN_BY_NEEDS,
        ),
        Capability(
            "testing_evidence",
            N_("Testing and evidence"),
            N_("Do we test ideas on a small scale first, and judge the results honestly?"),
            "ch-04",
            N_("Ideas, Tests and Evidence"),
            "book/chapters/04-ideas-tests-evidence.md",
            TESTING_NOT_MAIN_BARRIER,
        ),
        Capability(
            "implementation_spread",
            N_("Implementation and spread"),
            N_("Do good tests become everyday practice, and do we reuse what others have done?"),
            "ch-05",
            N_("Implementation and Spread"),
            "book/chapters/05-implementation-spread.md",
            MEASURES["spread_actively"],
        ),
        Capability(
            "collaboration",
            N_("Collaboration"),
            N_(
                "Do we work with users, companies, academia and other municipalities when a "
                "challenge needs it?"
            ),
            "ch-08",
            N_("Collaboration and Co-creation"),
            "book/chapters/08-collaboration.md",
            MEASURES["collaboration_external"],
        ),
        Capability(
            "evaluation_learning",
            N_("Evaluation and learning"),
            N_(
                "Do we know which of our innovations worked, and do we learn from those that "
                "did not?"
            ),
            "ch-09",
            N_("Measuring, Evaluating and Learning"),
            "book/chapters/09-measuring-learning.md",
            MEASURES["evaluated"],
        ),
    )
}

#: The lowest and highest rating.
LOWEST, HIGHEST = 1, 5
#: What the ends of the scale mean.
SCALE = {
    1: N_("weak"),
    2: N_("fairly weak"),
    3: N_("mixed"),
    4: N_("fairly strong"),
    5: N_("strong"),
}
#: How the benchmark is named wherever it is shown.
BENCHMARK_NAME = N_("synthetic barometer benchmark")
BENCHMARK_NOTE = N_(
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
        return _("innovating workplaces (their latest innovation)")
    return _("all workplaces")


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
            _("Capability"): [_(c.label) for c in shown],
            _("Chapter"): [f"{chapter_number(c)}. {_(c.chapter_title)}" for c in shown],
            _("Barometer measure"): [_(c.measure.label) for c in shown],
            _("Share of"): [base_phrase(c.measure) for c in shown],
            _("What it counts"): [_(c.measure.phrase) for c in shown],
        }
    )
