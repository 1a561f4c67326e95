"""The Innovation Barometer's measures, set against the published figures.

``MEASURES`` names each measure the chapters and assignments quote (which answer counts as
yes, over which base, and how to say it in a sentence); the functions compute them on the
synthetic barometer with ``innolead.analysis.shares`` and set them beside the real published
Nordic figures (``compare_published``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from innolead.analysis.errors import SelectionError
from innolead.analysis.shares import ALL, distribution, multi_share, share
from innolead.format import num
from innolead.i18n import N_, _

WORKPLACES = N_("workplaces")
INNOVATORS = N_("innovating workplaces")


@dataclass(frozen=True)
class Measure:
    """A barometer measure: which answer counts as yes, and how to say it in a sentence.

    ``base`` is ``"workplaces"`` (asked of all) or ``"innovating workplaces"`` (asked about
    the latest innovation); ``phrase`` completes "412 of 503 workplaces, 82 %, ...". ``label``,
    ``phrase`` and ``base`` are msgids: translate them where they are shown (``_(m.label)``).
    """

    column: str
    value: Any
    label: str
    phrase: str
    base: str = INNOVATORS


#: The barometer's measures, named as in the ``measure`` column of the published table.
MEASURES: dict[str, Measure] = {
    "innovated": Measure(
        "innovated",
        True,
        N_("Introduced an innovation"),
        N_("introduced at least one innovation"),
        WORKPLACES,
    ),
    "type_process_org": Measure(
        "type_process_org",
        True,
        N_("Type: processes or organisation"),
        N_("changed processes or the way work is organised"),
    ),
    "type_communication": Measure(
        "type_communication",
        True,
        N_("Type: communication"),
        N_("changed how they communicate with users"),
    ),
    "type_service": Measure(
        "type_service", True, N_("Type: service"), N_("introduced a new or changed service")
    ),
    "type_product": Measure(
        "type_product", True, N_("Type: product"), N_("introduced a new or changed product")
    ),
    "more_than_one_type": Measure(
        "n_types",
        (2, 3, 4),
        N_("Combined more than one type"),
        N_("combined more than one type in their latest innovation"),
    ),
    "origin_adapted": Measure(
        "origin",
        "adapted",
        N_("Adapted from others"),
        N_("adapted their latest innovation from others"),
    ),
    "collaboration_external": Measure(
        "collaboration_external",
        True,
        N_("Collaborated outside the workplace"),
        N_("involved someone from outside the workplace"),
    ),
    "collaborated_private": Measure(
        "collaborated_private",
        True,
        N_("Collaborated with a company"),
        N_("involved a private company"),
    ),
    "employees_helped": Measure(
        "employees_role",
        "helped",
        N_("Employees helped"),
        N_("found that employees' participation helped"),
    ),
    "evaluated": Measure(
        "evaluated",
        ("internal", "external"),
        N_("Evaluated"),
        N_("evaluated their latest innovation"),
    ),
    "evaluated_external": Measure(
        "evaluated",
        "external",
        N_("Evaluated externally"),
        N_("had their latest innovation evaluated externally or with outside help"),
    ),
    "spread_actively": Measure(
        "spread_actively",
        True,
        N_("Actively spread"),
        N_("actively spread their latest innovation"),
    ),
    "externally_financed": Measure(
        "externally_financed",
        True,
        N_("Externally financed"),
        N_("paid for part of their latest innovation with outside money"),
    ),
    "effect_quality": Measure(
        "effect_quality", True, N_("Improved quality"), N_("improved the quality of the service")
    ),
    "effect_user_satisfaction": Measure(
        "effect_user_satisfaction",
        True,
        N_("More satisfied users"),
        N_("made users more satisfied"),
    ),
    "driver_efficiency": Measure(
        "driver_efficiency",
        True,
        N_("Driven by efficiency"),
        N_("named efficiency or savings as a reason"),
    ),
    "effect_efficiency": Measure(
        "effect_efficiency", True, N_("Improved efficiency"), N_("made the work more efficient")
    ),
}

TYPE_COLUMNS = ("type_process_org", "type_communication", "type_service", "type_product")
TYPE_LABELS = (
    N_("Processes or organisation"),
    N_("Communication"),
    N_("Service"),
    N_("Product"),
)

_COUNTRIES = {
    "SE": "Sweden",
    "DK": "Denmark",
    "NO": "Norway",
    "IS": "Iceland",
    "FI": "Finland",
    "Nordic": "Nordic countries",
}


def _measure(name: str) -> Measure:
    if name not in MEASURES:
        msg = f"There is no barometer measure {name!r}; the measures are {sorted(MEASURES)}."
        raise KeyError(msg)
    return MEASURES[name]


def measure_share(
    workplaces: pd.DataFrame, measure: str, by: str | None = None, *, missing: bool = False
) -> pd.DataFrame:
    """A barometer measure (see ``MEASURES``) as ``share`` computes it, overall or by group.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.
    measure
        A key of ``MEASURES``, for example ``"innovated"`` or ``"evaluated"``.
    by
        A column to group by, or ``None``.
    missing
        Add the ``missing`` count (non-innovators, for questions about the latest innovation).

    Returns
    -------
    pandas.DataFrame
        ``group``, ``n``, ``yes``, ``share`` as ``share`` returns them.

    Examples
    --------
    >>> frame = pd.DataFrame({"innovated": [True, True, False],
    ...                       "evaluated": ["internal", "none", None]})
    >>> measure_share(frame, "evaluated")
      group  n  yes  share
    0   all  2    1    0.5
    """
    spec = _measure(measure)
    return share(workplaces, spec.column, by, spec.value, missing=missing, noun=spec.base)


def measure_rate(workplaces: pd.DataFrame, measure: str) -> float:
    """The overall share for a barometer measure, among the workplaces it was asked of.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.
    measure
        A key of ``MEASURES``.

    Returns
    -------
    float
        yes / n among the workplaces that answered (innovators for questions about the latest
        innovation).

    Examples
    --------
    >>> frame = pd.DataFrame({"spread_actively": [True, False, None, True]})
    >>> round(measure_rate(frame, "spread_actively"), 3)
    0.667
    """
    return float(measure_share(workplaces, measure)["share"].iloc[0])


def innovation_rate(workplaces: pd.DataFrame) -> float:
    """The share of workplaces that introduced at least one innovation.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.

    Returns
    -------
    float
        Innovating workplaces / workplaces that answered (0.804 on the case data).

    Examples
    --------
    >>> innovation_rate(pd.DataFrame({"innovated": [True, True, True, False]}))
    0.75
    """
    return measure_rate(workplaces, "innovated")


def innovation_by(workplaces: pd.DataFrame, by: str = "size_band") -> pd.DataFrame:
    """The share of workplaces that innovated, per sector, size band or other grouping.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.
    by
        The grouping column: ``size_band``, ``sector``, ``service_area``, ...

    Returns
    -------
    pandas.DataFrame
        ``group``, ``n``, ``yes``, ``share`` per group.

    Examples
    --------
    >>> frame = pd.DataFrame({"sector": ["state", "state", "region"],
    ...                       "innovated": [True, False, True]})
    >>> innovation_by(frame, "sector")[["group", "share"]]
        group  share
    0  region    1.0
    1   state    0.5
    """
    return measure_share(workplaces, "innovated", by=by)


def type_shares(workplaces: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """The share of innovations that include each of the four types (several can apply).

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.
    by
        A column to group by, or ``None``.

    Returns
    -------
    pandas.DataFrame
        ``option`` (the type), ``n`` (innovating workplaces), ``yes``, ``share``.

    Examples
    --------
    >>> frame = pd.DataFrame({c: [True, False, None] for c in TYPE_COLUMNS})
    >>> type_shares(frame)["share"].tolist()
    [0.5, 0.5, 0.5, 0.5]
    """
    return multi_share(workplaces, TYPE_COLUMNS, TYPE_LABELS, by=by, noun=INNOVATORS)


def evaluated_rate(workplaces: pd.DataFrame) -> float:
    """The share of innovations that were evaluated, internally or externally.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.

    Returns
    -------
    float
        Share of innovating workplaces whose latest innovation was evaluated (0.431 on the case).

    Examples
    --------
    >>> frame = pd.DataFrame({"evaluated": ["none", "internal", "external", None]})
    >>> round(evaluated_rate(frame), 3)
    0.667
    """
    return measure_rate(workplaces, "evaluated")


def spread_rate(workplaces: pd.DataFrame) -> float:
    """The share of innovations that the workplace actively spread to others.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.

    Returns
    -------
    float
        Share of innovating workplaces that actively spread it (0.533 on the case data).

    Examples
    --------
    >>> spread_rate(pd.DataFrame({"spread_actively": [True, False]}))
    0.5
    """
    return measure_rate(workplaces, "spread_actively")


def origin_shares(workplaces: pd.DataFrame) -> pd.DataFrame:
    """Where the latest innovations came from: adapted, copied, first of its kind, don't know.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.

    Returns
    -------
    pandas.DataFrame
        ``answer``, ``count``, ``n``, ``share`` per origin, in the documented order.

    Examples
    --------
    >>> origin_shares(pd.DataFrame({"origin": ["adapted", "first", None, "adapted"]}))
        answer  count  n     share
    0  adapted      2  3  0.666667
    1    first      1  3  0.333333
    """
    return distribution(workplaces, "origin", noun=INNOVATORS)


def evaluation_shares(workplaces: pd.DataFrame) -> pd.DataFrame:
    """How the latest innovations were evaluated: not at all, internally, externally.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.

    Returns
    -------
    pandas.DataFrame
        ``answer`` (none, internal, external), ``count``, ``n``, ``share``.

    Examples
    --------
    >>> frame = pd.DataFrame({"evaluated": ["none", "none", "internal"]})
    >>> evaluation_shares(frame)[["answer", "count"]]
         answer  count
    0  internal      1
    1      none      2
    """
    return distribution(workplaces, "evaluated", noun=INNOVATORS)


def _figure_label(row: pd.Series) -> str:
    label = f"{_COUNTRIES.get(str(row['country']), row['country'])} {row['edition']}"
    return label if row["group"] == ALL else f"{label} ({row['group']})"


def compare_published(
    workplaces: pd.DataFrame, published: pd.DataFrame, measure: str = "innovated"
) -> pd.DataFrame:
    """The synthetic share of a measure next to every real published figure for it.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table (SYNTHETIC).
    published
        The barometer's ``published`` table (real figures with their sources).
    measure
        A key of ``MEASURES`` that the published table also has.

    Returns
    -------
    pandas.DataFrame
        ``figure``, ``share``, ``base`` (workplaces or innovations), ``as_reported``,
        ``source`` and ``synthetic``; the synthetic row comes first.

    Examples
    --------
    >>> work = pd.DataFrame({"innovated": [True, True, True, False]})
    >>> pub = pd.DataFrame({"country": ["SE"], "edition": ["2018"], "measure": ["innovated"],
    ...     "group": ["all"], "base": ["workplaces"], "value": [0.81],
    ...     "as_reported": ["8 out of 10"], "source": ["skl2019innovationsbarometern"]})
    >>> compare_published(work, pub)[["figure", "share", "synthetic"]]
                          figure  share  synthetic
    0  Teaching data (synthetic)   0.75       True
    1                Sweden 2018   0.81      False
    """
    spec = _measure(measure)
    rows = published.loc[published["measure"] == measure]
    if rows.empty:
        msg = _("The published table has no figure for {measure}; choose another measure.").format(
            measure=repr(measure)
        )
        raise SelectionError(msg)
    ours = measure_share(workplaces, measure).iloc[0]
    synthetic = {
        "figure": "Teaching data (synthetic)",
        "share": float(ours["share"]),
        "base": "workplaces" if spec.base == WORKPLACES else "innovations",
        "as_reported": f"{num(ours['yes'])} of {num(ours['n'])} {spec.base}",
        "source": "",
        "synthetic": True,
    }
    real = pd.DataFrame(
        {
            "figure": rows.apply(_figure_label, axis=1).to_numpy(),
            "share": rows["value"].to_numpy(dtype=float),
            "base": rows["base"].astype(str).to_numpy(),
            "as_reported": rows["as_reported"].astype(str).to_numpy(),
            "source": rows["source"].astype(str).to_numpy(),
            "synthetic": False,
        }
    )
    return pd.concat([pd.DataFrame([synthetic]), real], ignore_index=True)
