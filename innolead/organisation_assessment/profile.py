"""A leader's ratings of the seven capabilities, set against the barometer and over time.

Pure functions over plain data: ``benchmarks`` computes each capability's benchmark from the
barometer's workplaces with the analysis functions (``filter_frame`` and ``share``), ``profile``
sets the ratings beside them, ``reading_list`` names the chapters for the weakest areas and
``compare`` sets two assessments side by side.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from innolead.analysis.barometer import WORKPLACES
from innolead.analysis.prepost import change_direction
from innolead.analysis.shares import filter_frame, share
from innolead.format import num, pct
from innolead.i18n import _
from innolead.organisation_assessment.capabilities import (
    CAPABILITIES,
    HIGHEST,
    LOWEST,
    base_phrase,
    chapter_number,
)

#: How many of the weakest capabilities the reading list names.
READING = 3


def check_ratings(ratings: Mapping[str, object], *, where: str = "") -> dict[str, int]:
    """The ratings as ``{capability: 1..5}``, or an error that says what to fix.

    Examples
    --------
    >>> check_ratings({key: 3 for key in CAPABILITIES})["collaboration"]
    3
    """
    where = where or _("the ratings")
    missing = [key for key in CAPABILITIES if key not in ratings]
    unknown = [key for key in ratings if key not in CAPABILITIES]
    if missing or unknown:
        msg = _(
            "{where} should rate each of the seven capabilities once: missing {missing}, "
            "unknown {unknown}. The capabilities are {capabilities}."
        ).format(where=where, missing=missing, unknown=unknown, capabilities=list(CAPABILITIES))
        raise ValueError(msg)
    checked = {}
    for key in CAPABILITIES:
        value = ratings[key]
        if isinstance(value, bool) or not isinstance(value, int) or not LOWEST <= value <= HIGHEST:
            msg = _(
                "{where}: the rating of {key} is {value}; give a whole number from {lowest} "
                "(weak) to {highest} (strong)."
            ).format(where=where, key=repr(key), value=repr(value), lowest=LOWEST, highest=HIGHEST)
            raise ValueError(msg)
        checked[key] = value
    return checked


def benchmarks(workplaces: pd.DataFrame, sector: str = "all") -> pd.DataFrame:
    """Each capability's benchmark: the share of barometer workplaces doing what it is about.

    Parameters
    ----------
    workplaces
        The barometer case's ``workplaces`` table (SYNTHETIC), or a frame with its columns.
    sector
        ``"all"``, or ``"municipality"``, ``"region"`` or ``"state"`` to compare with one
        sector's workplaces.

    Returns
    -------
    pandas.DataFrame
        ``capability``, ``measure`` (the barometer measure's label), ``base`` (what the share
        is of), ``n``, ``yes``, ``share`` and ``level`` (the share on the 1-5 scale,
        ``1 + 4 * share``).

    Examples
    --------
    >>> frame = pd.DataFrame({"sector": ["region"] * 4, "innovated": [True, True, True, False],
    ...     "employees_role": ["helped", "helped", "hindered", None],
    ...     "driver_citizens": [True, False, True, None],
    ...     "main_barrier": ["skills", "uncertainty about testing", "other", "regulation"],
    ...     "spread_actively": [True, False, False, None],
    ...     "collaboration_external": [True, True, False, None],
    ...     "evaluated": ["none", "internal", "external", None]})
    >>> benchmarks(frame)[["capability", "n", "share", "level"]].head(2)
                capability  n     share  level
    0  strategy_governance  4  0.750000   4.00
    1       culture_safety  3  0.666667   3.67
    """
    frame = filter_frame(workplaces, noun=WORKPLACES, sector=sector)
    rows = []
    for capability in CAPABILITIES.values():
        measure = capability.measure
        row = share(frame, measure.column, value=measure.value, noun=measure.base).iloc[0]
        rows.append(
            {
                "capability": capability.key,
                "measure": _(measure.label),
                "base": base_phrase(measure),
                "n": int(row["n"]),
                "yes": int(row["yes"]),
                "share": float(row["share"]),
            }
        )
    table = pd.DataFrame(rows)
    table["level"] = (LOWEST + (HIGHEST - LOWEST) * table["share"]).round(2)
    return table


def profile(ratings: Mapping[str, object], bench: pd.DataFrame) -> pd.DataFrame:
    """The ratings beside the benchmarks, one row per capability in the course's order.

    Parameters
    ----------
    ratings
        ``{capability: 1..5}`` for all seven capabilities.
    bench
        What ``benchmarks`` returns.

    Returns
    -------
    pandas.DataFrame
        ``capability``, ``label``, ``chapter``, ``rating``, ``benchmark`` (the level on the
        1-5 scale), ``share`` (the barometer share) and ``gap`` (rating minus benchmark).
    """
    checked = check_ratings(ratings)
    levels = bench.set_index("capability")
    rows = [
        {
            "capability": key,
            "label": _(capability.label),
            "chapter": capability.chapter,
            "rating": checked[key],
            "benchmark": float(levels.loc[key, "level"]),
            "share": float(levels.loc[key, "share"]),
        }
        for key, capability in CAPABILITIES.items()
    ]
    table = pd.DataFrame(rows)
    table["gap"] = (table["rating"] - table["benchmark"]).round(2)
    return table


def weakest(table: pd.DataFrame, n: int = READING) -> pd.DataFrame:
    """The ``n`` lowest-rated capabilities; ties go to the one furthest below its benchmark.

    Examples
    --------
    >>> table = pd.DataFrame({"capability": ["a", "b", "c"], "rating": [2, 2, 4],
    ...                       "gap": [-0.5, -1.5, 0.3]})
    >>> weakest(table, 2)["capability"].tolist()
    ['b', 'a']
    """
    order = table.assign(_order=range(len(table)))
    ranked = order.sort_values(["rating", "gap", "_order"], kind="stable")
    return ranked.head(n).drop(columns="_order").reset_index(drop=True)


def reading_list(table: pd.DataFrame, n: int = READING) -> pd.DataFrame:
    """The chapters to read for the weakest capabilities, with the reason for each.

    Parameters
    ----------
    table
        What ``profile`` returns.
    n
        How many capabilities to name.

    Returns
    -------
    pandas.DataFrame
        ``capability``, ``label``, ``chapter`` (label, e.g. ``ch-09``), ``title`` ("Chapter 9:
        Measuring, Evaluating and Learning"), ``file`` and ``why``.
    """
    rows = []
    for row in weakest(table, n).itertuples(index=False):
        capability = CAPABILITIES[row.capability]
        measure = capability.measure
        why = _(
            "You rated it {rating} of 5; the benchmark is {benchmark}: in the synthetic "
            "barometer, {share} of {base} {phrase}."
        ).format(
            rating=row.rating,
            benchmark=num(row.benchmark, 1),
            share=pct(row.share),
            base=_(measure.base),
            phrase=_(measure.phrase),
        )
        rows.append(
            {
                "capability": row.capability,
                "label": _(capability.label),
                "chapter": capability.chapter,
                "title": _("Chapter {number}: {title}").format(
                    number=chapter_number(capability), title=_(capability.chapter_title)
                ),
                "file": capability.chapter_file,
                "why": why,
            }
        )
    return pd.DataFrame(rows, columns=["capability", "label", "chapter", "title", "file", "why"])


def compare(
    earlier: Mapping[str, object],
    later: Mapping[str, object],
    bench: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Two assessments side by side: which capabilities rose, stayed or fell.

    Parameters
    ----------
    earlier, later
        ``{capability: 1..5}`` for all seven capabilities (for example ``Assessment.ratings``).
    bench
        What ``benchmarks`` returns, to add the benchmark level; or ``None``.

    Returns
    -------
    pandas.DataFrame
        ``capability``, ``label``, ``earlier``, ``later``, ``change`` (later minus earlier),
        ``direction`` (``increased``/``same``/``decreased``, as ``prepost.change_direction``
        labels a before-and-after pair) and optionally ``benchmark``.

    Examples
    --------
    >>> first = dict.fromkeys(CAPABILITIES, 3)
    >>> second = {**first, "collaboration": 4, "culture_safety": 2}
    >>> compare(first, second)[["capability", "change", "direction"]].head(3)
                capability  change  direction
    0  strategy_governance       0       same
    1       culture_safety      -1  decreased
    2          needs_ideas       0       same
    """
    before = check_ratings(earlier, where=_("the earlier assessment"))
    after = check_ratings(later, where=_("the later assessment"))
    table = pd.DataFrame(
        {
            "capability": list(CAPABILITIES),
            "label": [_(c.label) for c in CAPABILITIES.values()],
            "earlier": [before[key] for key in CAPABILITIES],
            "later": [after[key] for key in CAPABILITIES],
        }
    )
    table["change"] = table["later"] - table["earlier"]
    table["direction"] = change_direction(table, "earlier", "later").astype(str)
    if bench is not None:
        table["benchmark"] = table["capability"].map(bench.set_index("capability")["level"])
    return table
