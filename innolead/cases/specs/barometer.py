"""The `barometer` case: a Nordic-style innovation barometer of public workplaces."""

from __future__ import annotations

from innolead.cases.spec import Case, Column, Table

_SHARE = "share 0-1"
_IF_INNOVATED = "Empty when the workplace did not innovate."


def _innovator_flag(name: str, what: str) -> Column:
    """A yes/no answer about the latest innovation, asked only of innovating workplaces."""
    return Column(name, "bool", f"{what} {_IF_INNOVATED}", nullable=True)


WORKPLACES = Table(
    name="workplaces",
    file="workplaces.csv",
    description=(
        "SYNTHETIC: one row per public workplace, answered by its manager about the last two "
        "years and the workplace's latest innovation. Invented survey answers calibrated to "
        "published Nordic barometer figures."
    ),
    columns=(
        Column("workplace_id", "string", "A code that identifies the workplace."),
        Column(
            "sector",
            "category",
            "The level of government the workplace belongs to.",
            allowed=("municipality", "region", "state"),
        ),
        Column(
            "service_area",
            "category",
            "The kind of service the workplace provides.",
            allowed=(
                "education",
                "health and care",
                "social services",
                "technical services",
                "culture and leisure",
                "administration",
            ),
        ),
        Column(
            "size_band",
            "category",
            "The number of employees at the workplace, in bands.",
            unit="employees",
            allowed=("1-9", "10-49", "50-249", "250+"),
            ordered=True,
        ),
        Column(
            "municipality_group",
            "category",
            "The kind of municipality the workplace is located in (a simplified grouping).",
            allowed=("large city", "medium town", "rural"),
        ),
        Column(
            "innovated",
            "bool",
            "Whether the workplace introduced at least one innovation in the last two years.",
        ),
        _innovator_flag(
            "type_process_org",
            "Whether the latest innovation changed processes or the way work is organised.",
        ),
        _innovator_flag(
            "type_communication",
            "Whether the latest innovation changed how the workplace communicates with users.",
        ),
        _innovator_flag(
            "type_service", "Whether the latest innovation was a new or changed service."
        ),
        _innovator_flag(
            "type_product",
            "Whether the latest innovation was a new or changed product, such as equipment.",
        ),
        Column(
            "n_types",
            "int",
            f"How many of the four types the latest innovation combines. {_IF_INNOVATED}",
            unit="types",
            minimum=1,
            maximum=4,
            nullable=True,
        ),
        Column(
            "origin",
            "category",
            "Whether the latest innovation was adapted from others, more or less copied, the "
            f"first of its kind, or the manager does not know. {_IF_INNOVATED}",
            allowed=("adapted", "copy", "first", "don't know"),
            nullable=True,
        ),
        _innovator_flag(
            "collaboration_external",
            "Whether anyone from outside the workplace took part in the latest innovation.",
        ),
        _innovator_flag(
            "collaborated_private",
            "Whether a private company took part in the latest innovation (always false when "
            "nobody from outside took part).",
        ),
        Column(
            "evaluated",
            "category",
            "Whether the latest innovation was evaluated: not at all, by the workplace "
            f"itself, or externally or with outside help. {_IF_INNOVATED}",
            allowed=("none", "internal", "external"),
            nullable=True,
        ),
        _innovator_flag(
            "spread_actively",
            "Whether the workplace did something active to spread the latest innovation to others.",
        ),
        _innovator_flag(
            "driver_efficiency",
            "Whether efficiency or savings was a reason for the latest innovation.",
        ),
        _innovator_flag(
            "driver_citizens",
            "Whether citizens' needs and expectations were a reason for the latest innovation.",
        ),
        Column(
            "employees_role",
            "category",
            "Whether employees' participation helped, made no difference to, or hindered the "
            f"latest innovation. {_IF_INNOVATED}",
            allowed=("helped", "neutral", "hindered"),
            nullable=True,
        ),
        Column(
            "externally_financed",
            "bool",
            "Whether money from outside the workplace's own budget paid for part of the "
            "latest innovation. Empty when the workplace did not innovate, or when the "
            "manager did not answer (about 4 % of innovators).",
            nullable=True,
        ),
        _innovator_flag(
            "effect_quality", "Whether the latest innovation improved the quality of the service."
        ),
        _innovator_flag(
            "effect_user_satisfaction",
            "Whether the latest innovation made users more satisfied.",
        ),
        _innovator_flag(
            "effect_efficiency",
            "Whether the latest innovation made the work more efficient or saved money.",
        ),
        Column(
            "main_barrier",
            "category",
            "What the manager sees as the main barrier to innovation at the workplace "
            "(asked of every workplace, innovating or not).",
            allowed=(
                "time and resources",
                "uncertainty about testing",
                "regulation",
                "skills",
                "technology",
                "other",
            ),
        ),
    ),
    key=("workplace_id",),
)

PUBLISHED = Table(
    name="published",
    file="published.csv",
    description=(
        "Real published headline figures from the Swedish, Danish, Norwegian and Nordic "
        "innovation barometers, each with its source. Not synthetic."
    ),
    columns=(
        Column(
            "country",
            "category",
            "The country the figure describes (Nordic = the five countries together).",
            allowed=("SE", "DK", "NO", "IS", "FI", "Nordic"),
        ),
        Column(
            "edition",
            "string",
            "The survey round or period the figure comes from ('current' = the edition on "
            "CO-PI's web pages, apparently 2021-23).",
        ),
        Column(
            "measure",
            "string",
            "What was measured; names match the columns of the synthetic table where they can.",
        ),
        Column(
            "group",
            "string",
            "Which workplaces the figure covers ('all' unless the source narrows it).",
        ),
        Column(
            "base",
            "category",
            "Whether the share is of workplaces or of innovations.",
            allowed=("workplaces", "innovations"),
        ),
        Column(
            "value",
            "float",
            "The published figure as a share (0.81 means 81 %; '8 out of 10' is 0.80).",
            unit=_SHARE,
            minimum=0,
            maximum=1,
        ),
        Column("as_reported", "string", "How the source states the figure, in English."),
        Column(
            "source",
            "category",
            "The reference (key in the book's bibliography) the figure comes from.",
            allowed=(
                "skl2019innovationsbarometern",
                "scb2024utility",
                "copi2019innovative",
                "copi_types",
                "copi_spread",
                "copi_collaboration",
                "copi_private",
                "copi_drivers",
                "copi_funding",
                "copi2019evaluation",
                "difi2019nordic",
                "ks2018barometer",
                "ks2020barometer",
            ),
        ),
    ),
    key=("country", "edition", "measure", "group"),
    synthetic=False,
)

CASE = Case(
    name="barometer",
    title="The innovation barometer",
    summary=(
        "A SYNTHETIC survey of 2,400 Swedish public workplaces in the style of the Nordic "
        "innovation barometers: who innovated in the last two years, what kind of innovation "
        "it was, where the idea came from, who took part, and whether it was evaluated, spread "
        "and worth it. A second table holds the real published headline figures it is "
        "calibrated to."
    ),
    question=(
        "Most public workplaces innovate, but few evaluate or actively spread what they "
        "do: where should a top official push, and which differences between workplaces are "
        "worth acting on?"
    ),
    tables=(WORKPLACES, PUBLISHED),
    provenance=(
        "The workplaces table is SYNTHETIC: every workplace and answer is invented by "
        "cases/barometer/generate.py with seed 20191001. Its overall shares are calibrated to "
        "published figures: the share of innovating workplaces to the Swedish (81 %) and "
        "Danish barometers; innovation types, multi-type share, idea origin, collaboration, "
        "evaluation, employees' role and external funding to CO-PI's Danish "
        "Innovationsbarometeret; active spreading to its 2013-14 edition; and the efficiency "
        "driver and the three effects to SCB's 2021-22 Swedish survey. The differences by "
        "sector, size and service area, the municipality grouping, the shares of each main "
        "barrier and how the answers relate to one another are ASSUMPTIONS made for teaching, "
        "not published results. The published table holds real figures with their sources."
    ),
    sources=(
        "skl2019innovationsbarometern",
        "scb2024utility",
        "copi_barometer",
        "copi2019innovative",
        "copi_types",
        "copi_spread",
        "copi_collaboration",
        "copi_private",
        "copi_drivers",
        "copi_funding",
        "copi2019evaluation",
        "copi_spread2014",
        "difi2019nordic",
        "ks2018barometer",
        "ks2020barometer",
    ),
    seed=20191001,
    chapters=(1, 8),
)
