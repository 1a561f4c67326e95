"""The `needs` case: a user study of home care (hemtjänst) in the fictional Ekdala kommun."""

from __future__ import annotations

from innolead.cases.spec import Case, Column, Table

_STEPS = (
    "first contact",
    "needs assessment",
    "decision",
    "start of care",
    "daily visits",
    "changes to care",
    "ending",
)
_PAIN_POINTS = (
    "waiting",
    "too many different staff",
    "unclear information",
    "time pressure",
    "digital access",
    "not involved",
    "none",
)
_SCALE = "1-5 scale"


def _step(description: str) -> Column:
    return Column("journey_step", "category", description, allowed=_STEPS, ordered=True)


RESPONSES = Table(
    name="responses",
    file="responses.csv",
    description=(
        "One row per respondent and journey step they told us about, from a survey and "
        "interviews with home-care users, relatives and staff. SYNTHETIC: invented answers."
    ),
    columns=(
        Column("respondent_id", "int", "A number that identifies the respondent.", minimum=1),
        Column(
            "user_group",
            "category",
            "Who the respondent is: an older person receiving home care (living alone or with "
            "a spouse), a relative of one, or a member of the home-care staff.",
            allowed=(
                "older person living alone",
                "older person living with spouse",
                "relative",
                "staff",
            ),
        ),
        Column(
            "age_band",
            "category",
            "The respondent's age group in years.",
            allowed=("18-44", "45-64", "65-74", "75-84", "85+"),
            ordered=True,
        ),
        Column(
            "method",
            "category",
            "Whether the answer came from a short survey or an in-depth interview.",
            allowed=("survey", "interview"),
        ),
        _step("The step of the home-care journey the answer is about."),
        Column(
            "satisfaction",
            "int",
            "How satisfied the respondent was with this step (1 = very dissatisfied, "
            "5 = very satisfied); staff rate how well the step works for the users.",
            unit=_SCALE,
            minimum=1,
            maximum=5,
        ),
        Column(
            "information",
            "int",
            "How clear and timely the information at this step was (1 = very unclear, "
            "5 = very clear); empty when a survey respondent skipped the question.",
            unit=_SCALE,
            minimum=1,
            maximum=5,
            nullable=True,
        ),
        Column(
            "pain_point",
            "category",
            "The main problem the respondent named at this step, or none.",
            allowed=_PAIN_POINTS,
        ),
    ),
    key=("respondent_id", "journey_step"),
)

JOURNEY = Table(
    name="journey",
    file="journey.csv",
    description=(
        "The steps of the home-care journey as the study mapped them, one row per step, in "
        "order. SYNTHETIC: a simplified, invented journey."
    ),
    columns=(
        Column("step_order", "int", "The step's place in the journey.", minimum=1, maximum=7),
        _step("The name of the step."),
        Column("swedish_term", "string", "What the step is called in Swedish home care."),
        Column("what_happens", "string", "What happens to the user at this step."),
    ),
    key=("journey_step",),
)

ASSUMPTIONS = Table(
    name="assumptions",
    file="assumptions.csv",
    description=(
        "The problems the management group believed users had, ranked, as written down in a "
        "workshop before the study began. SYNTHETIC: an invented workshop."
    ),
    columns=(
        Column(
            "rank",
            "int",
            "The management group's ranking of the problem (1 = the biggest).",
            minimum=1,
            maximum=5,
        ),
        Column(
            "pain_point",
            "category",
            "The problem, in the same categories users and staff answered with.",
            allowed=_PAIN_POINTS,
        ),
        _step("The step where the management group thought the problem hurt most."),
        Column("belief", "string", "What the management group wrote down, in their words."),
    ),
    key=("rank",),
)

CASE = Case(
    name="needs",
    title="Home care in Ekdala: from assumption to insight",
    summary=(
        "The elderly care department of the fictional Ekdala kommun studied the home-care "
        "journey through a survey and interviews with users, relatives and staff. Before the "
        "study, the management group wrote down what it thought the problems were. All the "
        "data are SYNTHETIC."
    ),
    question=(
        "The management group was sure the problem was waiting times: what do users, "
        "relatives and staff actually report, and how should the group frame the challenge now?"
    ),
    tables=(RESPONSES, JOURNEY, ASSUMPTIONS),
    provenance=(
        "Everything in this case is SYNTHETIC: Ekdala kommun is fictional and no real study "
        "was used for the numbers. The data were generated by cases/needs/generate.py with seed "
        "4102. There is no published calibration target; the patterns are stated teaching "
        "assumptions, each tested: satisfaction dips at the needs assessment and when needs "
        "change; 'too many different staff' is the pain point named most often about daily "
        "visits; relatives rate information lower than users do; staff name time pressure most "
        "often; and the management group's top-ranked problem (waiting) is not what users and "
        "relatives name most. The study design (180 respondents, 28 of them interviewed) and "
        "the journey steps are assumptions."
    ),
    sources=("skr_innovationsguiden", "svid2017innovationsguiden", "vinnova2016tranaforinnovation"),
    seed=4102,
    chapters=(3,),
)
