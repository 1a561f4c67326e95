"""The `culture` case: psychological safety, leadership and ideas in a fictional municipality."""

from __future__ import annotations

from innolead.cases.spec import Case, Column, Table

_SCALE = "1-7 scale"
_AGREE = "(1 = strongly disagree, 7 = strongly agree; empty if left blank)"
_REVERSED = "Reverse-keyed: a high score means LESS safety."
_ADMINISTRATIONS = (
    "education",
    "elder care",
    "social services",
    "community building",
    "culture and leisure",
    "central administration",
)

# The seven psychological-safety items: the course's own paraphrased teaching items, written in
# the spirit of Edmondson (1999). They are not the wording of her validated instrument.
PS_ITEMS = (
    (
        "ps1_errors_blamed_r",
        "After an error, people in my unit are more likely to be blamed than helped.",
        True,
    ),
    (
        "ps2_raise_problems",
        "Raising an awkward problem at a unit meeting feels natural here.",
        False,
    ),
    (
        "ps3_differ_excluded_r",
        "Someone who thinks differently from the rest of us would have a hard time fitting "
        "in here.",
        True,
    ),
    (
        "ps4_safe_to_try",
        "Trying something new that might not work is accepted in my unit.",
        False,
    ),
    (
        "ps5_help_looks_weak_r",
        "I hold back from asking colleagues for help because it could make me look incompetent.",
        True,
    ),
    (
        "ps6_no_undermining",
        "I trust my colleagues not to work against me behind my back.",
        False,
    ),
    (
        "ps7_skills_used",
        "What I know and can do is actually put to use in this unit's work.",
        False,
    ),
)
LEADERSHIP_ITEMS = (
    ("lead_invites_ideas", "My manager asks us for ideas on how to improve our work."),
    (
        "lead_mistakes_learning",
        "When something goes wrong, my manager treats it as something to learn from.",
    ),
)


def _item(name: str, wording: str, reverse: bool = False) -> Column:
    text = f"Agreement with: '{wording}' {_AGREE}."
    if reverse:
        text += f" {_REVERSED}"
    return Column(name, "int", text, unit=_SCALE, minimum=1, maximum=7, nullable=True)


RESPONSES = Table(
    name="responses",
    file="responses.csv",
    description=(
        "SYNTHETIC: one row per staff member who answered the staff survey, with seven "
        "psychological-safety items (paraphrased teaching items) and two items about their "
        "manager. Invented answers; about 2-5 % of each item is left blank."
    ),
    columns=(
        Column("respondent_id", "string", "A code that identifies the respondent."),
        Column("unit_id", "string", "The unit (team or workplace) the respondent works in."),
        Column(
            "administration",
            "category",
            "The administration (förvaltning) the unit belongs to.",
            allowed=_ADMINISTRATIONS,
        ),
        Column(
            "role",
            "category",
            "The respondent's role in the unit.",
            allowed=("frontline staff", "specialist", "administrative staff", "team leader"),
        ),
        *(_item(name, wording, reverse) for name, wording, reverse in PS_ITEMS),
        *(_item(name, wording) for name, wording in LEADERSHIP_ITEMS),
    ),
    key=("respondent_id",),
)

UNITS = Table(
    name="units",
    file="units.csv",
    description=(
        "SYNTHETIC: one row per unit of the municipality, with its size, its manager's "
        "tenure and the ideas it put into the municipality's idea system during the year."
    ),
    columns=(
        Column("unit_id", "string", "A code that identifies the unit."),
        Column(
            "administration",
            "category",
            "The administration (förvaltning) the unit belongs to.",
            allowed=_ADMINISTRATIONS,
        ),
        Column(
            "staff_count",
            "int",
            "The number of staff in the unit when the survey was sent out.",
            unit="people",
            minimum=1,
            maximum=200,
        ),
        Column(
            "manager_tenure_years",
            "float",
            "How long the unit's current manager has led the unit.",
            unit="years",
            minimum=0,
            maximum=40,
        ),
        Column(
            "ideas_submitted",
            "int",
            "Ideas the unit's staff submitted to the idea system in the 12 months before the "
            "survey.",
            unit="ideas",
            minimum=0,
        ),
        Column(
            "ideas_implemented",
            "int",
            "How many of those ideas had been put into practice by the end of the 12 months.",
            unit="ideas",
            minimum=0,
        ),
    ),
    key=("unit_id",),
)

CASE = Case(
    name="culture",
    title="Culture and psychological safety",
    summary=(
        "A SYNTHETIC staff survey of 78 units in the fictional Strandvik kommun: seven "
        "psychological-safety items, two items on how the manager behaves, and a year of "
        "ideas submitted and implemented per unit. The course planted differences between "
        "units and a noisy link in which safer units tend to produce and implement more ideas."
    ),
    question=(
        "If psychological safety is a property of the team, and the manager's everyday "
        "behaviour shapes it, how does a top official lead it through other managers, and "
        "how far should unit-level survey scores be trusted?"
    ),
    tables=(RESPONSES, UNITS),
    provenance=(
        "Both tables are SYNTHETIC: the municipality, its units, every respondent and every "
        "answer are invented by cases/culture/generate.py with seed 19990651. The seven "
        "safety items are the course's own paraphrased teaching items in the spirit of "
        "Edmondson's (1999) team psychological-safety measure, not her validated instrument. "
        "No published Swedish figures were used for calibration: the level of safety, the "
        "differences between units, roles and administrations, the effect of the manager, "
        "the link between safety and ideas (unit-level correlation about 0.3-0.6), the amount "
        "of nonresponse and the idea counts are all ASSUMPTIONS made for teaching, and each "
        "is checked by a test."
    ),
    sources=("edmondson1999",),
    seed=19990651,
    chapters=(7,),
)
