"""Explorer of the `relay` case: who rated themselves higher after SKL's innovation relays?

The default view is the programme's headline: 8 of 10 (440 of 550) participants rated their
knowledge of innovation work higher after the relay than before, as SKL reported. Breaking the
figure down by role, organisation type or relay shows what the headline hides: top officials,
who started higher, moved up less often, and the early relays did less well than the later ones.
Groups of fewer than five people are pooled so that no one can be identified.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from innolead.analysis.prepost import (
    MIN_SIZE,
    OTHER,
    change_long,
    compare_published,
    prepost_change,
)
from innolead.cases import load as load_case
from innolead.explorers.base import ExplorerSpec
from innolead.explorers.controls import Choice
from innolead.explorers.view import Chart, View
from innolead.format import num, of_ten, pct


@dataclass(frozen=True)
class Item:
    """A self-rated item: its two columns, how it reads, and its published figure."""

    pre: str
    post: str
    label: str
    phrase: str
    metric: str


ITEMS = {
    "knowledge": Item(
        "knowledge_pre",
        "knowledge_post",
        "Knowledge of innovation work",
        "their knowledge of innovation work",
        "share_more_knowledge",
    ),
    "insight": Item(
        "insight_pre",
        "insight_post",
        "Insight into own contribution",
        "their insight into their own contribution",
        "share_more_insight",
    ),
}

#: Per breakdown: the menu label, the table's first column and the words in a sentence.
BREAKDOWNS = {
    "all": ("Everyone", "Group", "all participants"),
    "role": ("Role", "Role", "role"),
    "org_type": ("Organisation type", "Organisation type", "organisation type"),
    "relay": ("Relay", "Relay", "relay"),
}
DIRECTION_LABELS = {"increased": "Rated higher", "same": "Same", "decreased": "Rated lower"}
POOLED_LABEL = f"Other groups (under {MIN_SIZE} people)"
TOTAL = "All participants"
SYNTHETIC = "synthetic data that match the published totals"


@dataclass(frozen=True)
class RelayData:
    """The participants and each item's published share (0.8 for "8 of 10")."""

    participants: pd.DataFrame
    published: dict[str, float]


def prepare(
    participants: pd.DataFrame, innovation_day: pd.DataFrame, published: pd.DataFrame
) -> RelayData:
    """The participants and each item's published share, read once from the published table."""
    table = compare_published(participants, innovation_day, published)
    return RelayData(participants, dict(zip(table["metric"], table["published"], strict=True)))


def load() -> RelayData:
    """The relay participants (SYNTHETIC) and the programme's published shares (REAL)."""
    return prepare(
        load_case("relay"),
        load_case("relay", table="innovation_day"),
        load_case("relay", table="published"),
    )


def group_label(group: str, by: str) -> str:
    """How a group reads in the chart and table: "Relay 3", "Top official"."""
    if group == OTHER:
        return POOLED_LABEL
    if by == "relay":
        return f"Relay {group}"
    return TOTAL if by == "all" else group[:1].upper() + group[1:]


def _table(groups: pd.DataFrame, overall: pd.DataFrame, by: str) -> pd.DataFrame:
    rows = groups if by == "all" else pd.concat([groups, overall], ignore_index=True)
    labels = [group_label(g, by) for g in groups["group"]]
    labels += [] if by == "all" else [TOTAL]
    return pd.DataFrame(
        {
            BREAKDOWNS[by][1]: labels,
            "People": rows["n"].to_numpy(),
            "Rated higher": rows["increased"].to_numpy(),
            "Share higher": rows["share_increased"].to_numpy(),
            "Share same": rows["share_same"].to_numpy(),
            "Share lower": rows["share_decreased"].to_numpy(),
            "Mean change (steps)": rows["mean_change"].to_numpy(),
        }
    )


FORMATS = {
    "People": "num",
    "Rated higher": "num",
    "Share higher": "pct",
    "Share same": "pct",
    "Share lower": "pct",
    "Mean change (steps)": "num2",
}


def _chart(groups: pd.DataFrame, item: str, by: str) -> Chart:
    data = change_long(groups)
    data["group"] = [group_label(g, by) for g in data["group"]]
    labels = list(DIRECTION_LABELS.values())
    data["direction"] = pd.Categorical(data["direction"].map(DIRECTION_LABELS), categories=labels)
    title = f"{ITEMS[item].label}: after the relay compared with before (synthetic data)"
    if by == "all":
        return Chart(
            "bar",
            data,
            "direction",
            "share",
            title,
            "Rating after the relay",
            "Share of participants",
            share=True,
            order=tuple(DIRECTION_LABELS.values()),
        )
    return Chart(
        "hbar",
        data,
        "group",
        "share",
        title,
        BREAKDOWNS[by][0],
        "Share of participants",
        series="direction",
        share=True,
        order=tuple(dict.fromkeys(data["group"])),
    )


def _named(row: pd.Series, by: str) -> str:
    group = f"relay {row['group']}" if by == "relay" else str(row["group"])
    return f"{pct(row['share_increased'])} ({group}, {row['increased']} of {row['n']})"


def sentence(
    overall: pd.DataFrame, groups: pd.DataFrame, item: str, by: str, published: float
) -> str:
    """The view's sentence: the headline with its base, then the range over the groups."""
    row = overall.iloc[0]
    phrase = ITEMS[item].phrase
    headline = f"{of_ten(row['share_increased'])} ({num(row['increased'])} of {num(row['n'])})"
    if by == "all":
        return (
            f"{headline} rated {phrase} higher after the relay than before, "
            f"{pct(row['share_same'])} the same and {pct(row['share_decreased'])} lower; "
            f"SKL reported {of_ten(published)} ({SYNTHETIC})."
        )
    if len(groups) < 2:
        return f"{headline} rated {phrase} higher after the relay ({SYNTHETIC})."
    low = groups.loc[groups["share_increased"].idxmin()]
    high = groups.loc[groups["share_increased"].idxmax()]
    pooled = f" Groups under {MIN_SIZE} people are pooled." if OTHER in set(groups["group"]) else ""
    return (
        f"By {BREAKDOWNS[by][2]}, the share who rated {phrase} higher ranges from "
        f"{_named(low, by)} to {_named(high, by)}; overall {headline} ({SYNTHETIC}).{pooled}"
    )


def _alt(groups: pd.DataFrame, item: str, by: str) -> str:
    parts = "; ".join(
        f"{group_label(r.group, by)}: {pct(r.share_increased)} higher, {pct(r.share_same)} same, "
        f"{pct(r.share_decreased)} lower"
        for r in groups.itertuples(index=False)
    )
    where = "" if by == "all" else f", by {BREAKDOWNS[by][2]}"
    return (
        f"Bar chart of the share of participants who rated {ITEMS[item].phrase} higher, the "
        f"same or lower after the relay{where}. {parts}."
    )


def view(data: RelayData, item: str, by: str) -> View:
    """Who rated themselves higher, the same or lower on one item, overall or by group."""
    spec = ITEMS[item]
    people = data.participants
    overall = prepost_change(people, spec.pre, spec.post)
    groups = overall if by == "all" else prepost_change(people, spec.pre, spec.post, by)
    return View(
        _chart(groups, item, by),
        _table(groups, overall, by),
        sentence(overall, groups, item, by, data.published[spec.metric]),
        _alt(groups, item, by),
        formats=FORMATS,
    )


SPEC = ExplorerSpec(
    case="relay",
    title="The innovation relays: who rated themselves higher afterwards? (synthetic data)",
    look_for=(
        "8 of 10 rated their knowledge higher, exactly as SKL reported. Now break it down by "
        "role: top officials, who rated themselves highest before, moved up least often. Then "
        "by relay: the first relays did less well than the later ones, when the concept had "
        "been developed. None of this shows what would have happened without the relay."
    ),
    controls=(
        Choice(
            "item",
            "Self-rating",
            tuple((spec.label, key) for key, spec in ITEMS.items()),
            "knowledge",
            toggle=True,
        ),
        Choice(
            "by",
            "Break down by",
            tuple((label, key) for key, (label, _, _) in BREAKDOWNS.items()),
            "all",
            help=f"Groups with fewer than {MIN_SIZE} people are pooled so no one is identifiable.",
        ),
    ),
    load=load,
    view=view,
)

__all__ = ["ITEMS", "SPEC", "group_label", "load", "sentence", "view"]
