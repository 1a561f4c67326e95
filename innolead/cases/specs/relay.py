"""The `relay` case: SKL's innovation relays (innovationsstafetter), 2014-2015."""

from __future__ import annotations

from innolead.cases.spec import Case, Column, Table

_SCALE = "1-5 scale"
_RATING_HELP = "(1 = very little, 5 = very much)"
_REGIONS = (
    "Stockholm",
    "East Middle Sweden",
    "Småland and the islands",
    "South Sweden",
    "West Sweden",
    "North Middle Sweden",
    "Middle Norrland",
    "Upper Norrland",
)


def _rating(name: str, when: str, what: str) -> Column:
    return Column(
        name,
        "int",
        f"The participant's own rating {when} the relay of {what} {_RATING_HELP}.",
        unit=_SCALE,
        minimum=1,
        maximum=5,
    )


PARTICIPANTS = Table(
    name="participants",
    file="participants.csv",
    description=(
        "One row per relay participant, with self-ratings before and after the relay. "
        "SYNTHETIC: invented records whose totals match the programme's published results."
    ),
    columns=(
        Column(
            "participant_id",
            "int",
            "A number that identifies the participant.",
            minimum=1,
            maximum=550,
        ),
        Column(
            "relay",
            "int",
            "Which of the 11 relays the participant took part in.",
            minimum=1,
            maximum=11,
        ),
        Column(
            "region",
            "category",
            "The part of Sweden where the relay was held.",
            allowed=_REGIONS,
        ),
        Column(
            "relay_start",
            "date",
            "The date of the relay's first meeting.",
            minimum="2014-10-01",
            maximum="2015-12-31",
        ),
        Column(
            "role",
            "category",
            "The participant's position in their organisation, from the most senior down.",
            allowed=(
                "top official",
                "department head",
                "unit manager",
                "staff specialist",
            ),
            ordered=True,
        ),
        Column(
            "org_type",
            "category",
            "The kind of organisation the participant works in.",
            allowed=("municipality", "county council", "municipal company"),
        ),
        _rating(
            "knowledge_pre",
            "before",
            "their knowledge of what innovation work involves",
        ),
        _rating(
            "knowledge_post",
            "after",
            "their knowledge of what innovation work involves",
        ),
        _rating(
            "insight_pre",
            "before",
            "their insight into how they themselves can contribute",
        ),
        _rating(
            "insight_post",
            "after",
            "their insight into how they themselves can contribute",
        ),
        Column(
            "satisfaction",
            "int",
            "How satisfied the participant was with the relay (1 = very dissatisfied, "
            "5 = very satisfied); empty when the participant skipped the question.",
            unit=_SCALE,
            minimum=1,
            maximum=5,
            nullable=True,
        ),
    ),
    key=("participant_id",),
)

INNOVATION_DAY = Table(
    name="innovation_day",
    file="innovation_day.csv",
    description=(
        "One row per respondent of the evaluation of SKL's Innovation Day. "
        "SYNTHETIC: invented answers whose total matches the published 80 % satisfied."
    ),
    columns=(
        Column(
            "respondent_id",
            "int",
            "A number that identifies the respondent.",
            minimum=1,
            maximum=250,
        ),
        Column(
            "respondent_type",
            "category",
            "Whether the respondent came as a manager, a politician or in another role.",
            allowed=("manager", "politician", "other"),
        ),
        Column(
            "satisfaction",
            "category",
            "How satisfied the respondent was with the Innovation Day.",
            allowed=(
                "very dissatisfied",
                "dissatisfied",
                "neither",
                "satisfied",
                "very satisfied",
            ),
            ordered=True,
        ),
    ),
    key=("respondent_id",),
)

PUBLISHED = Table(
    name="published",
    file="published.csv",
    description=(
        "The programme's own reported results, as published on Vinnova's project page, one "
        "row per figure. REAL figures, not synthetic."
    ),
    columns=(
        Column("metric", "string", "A short name for the reported figure."),
        Column(
            "value",
            "float",
            "The reported figure: a count, or a share between 0 and 1.",
            minimum=0,
        ),
        Column("unit", "string", "What the value counts or measures."),
        Column("description", "string", "What the figure means, in plain English."),
        Column("as_reported", "string", "The figure in the project's own Swedish words."),
        Column(
            "source",
            "string",
            "The reference the figure comes from (a bibliography key).",
        ),
    ),
    key=("metric",),
    synthetic=False,
)

CASE = Case(
    name="relay",
    title="SKL's innovation relays, 2014-2015",
    summary=(
        "In 2014-2015 SKL ran innovation relays (innovationsstafetter) for 550 managers and "
        "leaders from municipalities and county councils, and an Innovation Day for 250 people. "
        "The case pairs the programme's published results with SYNTHETIC individual records "
        "that add up to them exactly."
    ),
    question=(
        "The programme reported that 8 of 10 participants gained knowledge: what does that "
        "figure show, what does it not show, and how would you evaluate a relay in your own "
        "organisation?"
    ),
    tables=(PARTICIPANTS, INNOVATION_DAY, PUBLISHED),
    provenance=(
        "The table 'published' holds the real figures the project published in its own summary on "
        "Vinnova's project page for "
        "Innovationsledning (dnr 2014-06031). No individual records were ever published, so the "
        "tables 'participants' and 'innovation_day' are SYNTHETIC. They were generated by "
        "cases/relay/generate.py with seed 20151231 and calibrated to match the published "
        "results exactly: 550 participants, of whom 440 (8 of 10) rate their knowledge higher "
        "after the relay and 385 (7 of 10) rate their insight higher, and 250 Innovation Day "
        "respondents, of whom 200 (80 %) were satisfied or very satisfied. The number and size "
        "of the relays, their regions and dates, the participants' roles and organisations, the "
        "rating scales and the relay satisfaction scores are assumptions."
    ),
    sources=("vinnova2015innovationsledning", "puttick2013standards"),
    seed=20151231,
    chapters=(0, 9),
)
