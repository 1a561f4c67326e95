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
from innolead.format import count_of, of_ten, pct
from innolead.i18n import N_, _


@dataclass(frozen=True)
class Item:
    """A self-rated item: its two columns, how it reads (msgids), and its published figure."""

    pre: str
    post: str
    label: str
    phrase: str
    metric: str


ITEMS = {
    "knowledge": Item(
        "knowledge_pre",
        "knowledge_post",
        N_("Knowledge of innovation work"),
        N_("their knowledge of innovation work"),
        "share_more_knowledge",
    ),
    "insight": Item(
        "insight_pre",
        "insight_post",
        N_("Insight into own contribution"),
        N_("their insight into their own contribution"),
        "share_more_insight",
    ),
}

#: Per breakdown: the menu label, the table's first column and the words in a sentence.
BREAKDOWNS = {
    "all": (N_("Everyone"), N_("Group"), N_("all participants")),
    "role": (N_("Role"), N_("Role"), N_("role")),
    "org_type": (N_("Organisation type"), N_("Organisation type"), N_("organisation type")),
    "relay": (N_("Relay"), N_("Relay"), N_("relay")),
}
DIRECTION_LABELS = {
    "increased": N_("Rated higher"),
    "same": N_("Same"),
    "decreased": N_("Rated lower"),
}
#: The case's roles and organisation types, as the table and sentences show them.
GROUP_NAMES = (
    N_("department head"),
    N_("staff specialist"),
    N_("top official"),
    N_("unit manager"),
    N_("county council"),
    N_("municipal company"),
    N_("municipality"),
)
TOTAL = N_("All participants")
SYNTHETIC = N_("synthetic data that match the published totals")


def pooled_label() -> str:
    """How the pooled small groups read: "Other groups (under 5 people)"."""
    return _("Other groups (under {min_size} people)").format(min_size=MIN_SIZE)


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
        return pooled_label()
    if by == "relay":
        return _("Relay {number}").format(number=group)
    name = _(TOTAL) if by == "all" else _(group)
    return name[:1].upper() + name[1:]


#: The table's columns (msgids), in the order of the analysis columns ``_table`` names.
FORMATS = {
    N_("People"): "num",
    N_("Rated higher"): "num",
    N_("Share higher"): "pct",
    N_("Share same"): "pct",
    N_("Share lower"): "pct",
    N_("Mean change (steps)"): "num2",
}


def _table(groups: pd.DataFrame, overall: pd.DataFrame, by: str) -> pd.DataFrame:
    rows = groups if by == "all" else pd.concat([groups, overall], ignore_index=True)
    labels = [group_label(g, by) for g in groups["group"]]
    labels += [] if by == "all" else [_(TOTAL)]
    columns = ("n", "increased", "share_increased", "share_same", "share_decreased", "mean_change")
    values = {_(name): rows[c].to_numpy() for name, c in zip(FORMATS, columns, strict=True)}
    return pd.DataFrame({_(BREAKDOWNS[by][1]): labels, **values})


def _chart(groups: pd.DataFrame, item: str, by: str) -> Chart:
    data = change_long(groups)
    data["group"] = [group_label(g, by) for g in data["group"]]
    labels = [_(label) for label in DIRECTION_LABELS.values()]
    shown = dict(zip(DIRECTION_LABELS, labels, strict=True))
    data["direction"] = pd.Categorical(data["direction"].map(shown), categories=labels)
    title = _("{item}: after the relay compared with before (synthetic data)").format(
        item=_(ITEMS[item].label)
    )
    if by == "all":
        return Chart(
            "bar",
            data,
            "direction",
            "share",
            title,
            _("Rating after the relay"),
            _("Share of participants"),
            share=True,
            order=tuple(labels),
        )
    return Chart(
        "hbar",
        data,
        "group",
        "share",
        title,
        _(BREAKDOWNS[by][0]),
        _("Share of participants"),
        series="direction",
        share=True,
        order=tuple(dict.fromkeys(data["group"])),
    )


def _named(row: pd.Series, by: str) -> str:
    group = _("relay {number}").format(number=row["group"]) if by == "relay" else _(row["group"])
    if row["group"] == OTHER:
        group = pooled_label().lower()
    return _("{share} ({group}, {count})").format(
        share=pct(row["share_increased"]), group=group, count=count_of(row["increased"], row["n"])
    )


def sentence(
    overall: pd.DataFrame, groups: pd.DataFrame, item: str, by: str, published: float
) -> str:
    """The view's sentence: the headline with its base, then the range over the groups."""
    row = overall.iloc[0]
    phrase = _(ITEMS[item].phrase)
    headline = f"{of_ten(row['share_increased'])} ({count_of(row['increased'], row['n'])})"
    synthetic = _(SYNTHETIC)
    if by == "all":
        return _(
            "{headline} rated {phrase} higher after the relay than before, {same} the same and "
            "{lower} lower; SKL reported {published} ({synthetic})."
        ).format(
            headline=headline,
            phrase=phrase,
            same=pct(row["share_same"]),
            lower=pct(row["share_decreased"]),
            published=of_ten(published),
            synthetic=synthetic,
        )
    if len(groups) < 2:
        return _("{headline} rated {phrase} higher after the relay ({synthetic}).").format(
            headline=headline, phrase=phrase, synthetic=synthetic
        )
    low = groups.loc[groups["share_increased"].idxmin()]
    high = groups.loc[groups["share_increased"].idxmax()]
    pooled = ""
    if OTHER in set(groups["group"]):
        pooled = " " + _("Groups under {min_size} people are pooled.").format(min_size=MIN_SIZE)
    return _(
        "By {breakdown}, the share who rated {phrase} higher ranges from {low} to {high}; "
        "overall {headline} ({synthetic})."
    ).format(
        breakdown=_(BREAKDOWNS[by][2]),
        phrase=phrase,
        low=_named(low, by),
        high=_named(high, by),
        headline=headline,
        synthetic=synthetic,
    ) + pooled


def _alt(groups: pd.DataFrame, item: str, by: str) -> str:
    parts = "; ".join(
        _("{group}: {higher} higher, {same} same, {lower} lower").format(
            group=group_label(r.group, by),
            higher=pct(r.share_increased),
            same=pct(r.share_same),
            lower=pct(r.share_decreased),
        )
        for r in groups.itertuples(index=False)
    )
    phrase = _(ITEMS[item].phrase)
    if by == "all":
        text = _(
            "Bar chart of the share of participants who rated {phrase} higher, the same or "
            "lower after the relay."
        ).format(phrase=phrase)
    else:
        text = _(
            "Bar chart of the share of participants who rated {phrase} higher, the same or "
            "lower after the relay, by {breakdown}."
        ).format(phrase=phrase, breakdown=_(BREAKDOWNS[by][2]))
    return f"{text} {parts}."


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
        formats={_(name): rule for name, rule in FORMATS.items()},
    )


SPEC = ExplorerSpec(
    case="relay",
    title=N_("The innovation relays: who rated themselves higher afterwards? (synthetic data)"),
    look_for=N_(
        "8 of 10 rated their knowledge higher, exactly as SKL reported. Now break it down by "
        "role: top officials, who rated themselves highest before, moved up least often. Then "
        "by relay: the first relays did less well than the later ones, when the concept had "
        "been developed. None of this shows what would have happened without the relay."
    ),
    controls=(
        Choice(
            "item",
            N_("Self-rating"),
            tuple((spec.label, key) for key, spec in ITEMS.items()),
            "knowledge",
            toggle=True,
        ),
        Choice(
            "by",
            N_("Break down by"),
            tuple((label, key) for key, (label, _, _) in BREAKDOWNS.items()),
            "all",
            help=N_(
                "Groups with fewer than {min_size} people are pooled so no one is identifiable."
            ),
            help_args=(("min_size", MIN_SIZE),),
        ),
    ),
    load=load,
    view=view,
)

__all__ = ["ITEMS", "SPEC", "group_label", "load", "pooled_label", "sentence", "view"]
