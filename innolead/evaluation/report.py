"""The programme evaluation report: one self-contained HTML page and a follow-up list.

``evaluation_report(course_dir, out_path)`` reads the collected pre and post
self-assessments (without running them), computes the figures with ``innolead.analysis``
and writes the report, which can be shared: it shows no participant ids and no group under
5. Answers that could not be used, and participants who answered only one round, are counted
in the report and listed by participant id in ``<report>-follow-up.csv`` next to it, for the
instructor only. It prints what it did and where the files are.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd

from innolead.analysis.prepost import MIN_SIZE, OTHER
from innolead.coursedir import Course, CourseError
from innolead.evaluation.cohort import Cohort, read_cohort
from innolead.evaluation.figures import (
    NOT_STATED,
    Figures,
    evaluation_figures,
    satisfaction_sentence,
)
from innolead.evaluation.items import ASSIGNMENTS, GROUP_ITEMS, ITEMS
from innolead.format import pct
from innolead.i18n import N_, _
from innolead.render import pages as page
from innolead.render.png import bars_png

TITLE = N_("Programme evaluation: Innovation Leadership")
REPORT_NAME = "programme_evaluation.html"
_DIRECTIONS = {"increased": N_("Higher"), "same": N_("Same"), "decreased": N_("Lower")}
_CHANGE_HEADERS = {
    "item": N_("Question"),
    "group": N_("Group"),
    "n": N_("Participants"),
    "increased": N_("Rated higher"),
    "same": N_("Same"),
    "decreased": N_("Rated lower"),
    "share_increased": N_("Share higher"),
    "share_same": N_("Share same"),
    "share_decreased": N_("Share lower"),
    "mean_pre": N_("Mean before"),
    "mean_post": N_("Mean after"),
    "mean_change": N_("Mean change (steps)"),
}
#: How the report names the rounds (the data say ``pre`` and ``post``).
_ROUNDS = {"pre": N_("pre"), "post": N_("post")}


def _headers(headers: dict[str, str]) -> dict[str, str]:
    """Column headings (msgids) in the course language."""
    return {column: _(heading) for column, heading in headers.items()}


def _groups(table: pd.DataFrame, column: str = "group") -> pd.DataFrame:
    """Groups as readers see them: roles, organisation types, "other groups", "not stated"."""
    return table.assign(**{column: [_(str(value)) for value in table[column]]})


def _summary(figures: Figures) -> list[str]:
    counts = figures.counts
    lines = list(figures.headlines)
    if not figures.satisfaction.empty:
        lines.append(satisfaction_sentence(figures.satisfaction))
    if counts["pre_only"] or counts["post_only"]:
        base = _(
            "The change figures count the {matched} participants who answered both before and "
            "after. {pre_only} answered only before and {post_only} only after; they are left "
            "out of the change figures."
        ).format(**counts)
    else:
        base = _("All {matched} participants answered both before and after.").format(**counts)
    return [page.bullets(lines, "headline"), page.paragraph(base)]


def _responses(figures: Figures) -> list[str]:
    counts = figures.counts
    rows = [
        (_("Self-assessments before the course"), counts["pre"]),
        (_("Self-assessments after the course"), counts["post"]),
        (_("Participants who answered both (matched)"), counts["matched"]),
        (_("Answered only before (unmatched, left out of change)"), counts["pre_only"]),
        (_("Answered only after (unmatched, left out of change)"), counts["post_only"]),
        (_("Answers that could not be used (invalid)"), counts["problems"]),
        (_("Notebooks with such answers"), counts["notebooks_with_problems"]),
        (_("Answers left blank"), int(figures.blanks["answers"].sum())),
    ]
    frame = pd.DataFrame(rows, columns=[_("What"), _("Count")])
    return [page.table(frame, _("Responses collected, matched and unmatched"))]


def _change_alt(change: pd.DataFrame) -> str:
    parts = "; ".join(
        _("{item}: higher {higher}, same {same}, lower {lower} (of {n})").format(
            item=row.item,
            higher=pct(row.share_increased),
            same=pct(row.share_same),
            lower=pct(row.share_decreased),
            n=row.n,
        )
        for row in change.itertuples(index=False)
    )
    return _(
        "Bar chart of the shares of matched participants who rated themselves higher, the "
        "same and lower after the course than before. {parts}."
    ).format(parts=parts)


def _change(figures: Figures) -> list[str]:
    body = [page.paragraph(note, "note") for note in figures.notes]
    change = figures.change
    if change.empty:
        return body
    png = bars_png(
        list(change["item"]),
        {_(label): list(change[f"share_{d}"]) for d, label in _DIRECTIONS.items()},
        title=_("Rated higher, the same or lower after the course"),
        value_title=_("Share of matched participants"),
        horizontal=True,
        percent=True,
        value_max=1.0,
    )
    caption = _("Change from before to after, matched participants only.")
    shown = change.drop(columns=["share_same", "share_decreased"])
    return [
        *body,
        page.figure(png, _change_alt(change), caption),
        page.table(shown, caption, _headers(_CHANGE_HEADERS)),
    ]


def _distribution_alt(item: str, table: pd.DataFrame) -> str:
    def counts(column: str) -> str:
        return ", ".join(f"{r.answer}: {getattr(r, column)}" for r in table.itertuples())

    scale = ITEMS[item].scale
    return _(
        "Bar chart of how the {n} matched participants rated {item} before and after the "
        "course, from 1 ({lowest}) to 5 ({highest}). Before: {before}. After: {after}."
    ).format(
        n=table["n"].iloc[0],
        item=_(ITEMS[item].label).lower(),
        lowest=_(scale[0]),
        highest=_(scale[-1]),
        before=counts("before"),
        after=counts("after"),
    )


def _distributions(figures: Figures) -> list[str]:
    body = []
    for item, table in figures.distributions.items():
        label = _(ITEMS[item].label)
        png = bars_png(
            [f"{a}\n{m}" for a, m in zip(table["answer"], table["meaning"], strict=True)],
            {_("Before"): list(table["before"]), _("After"): list(table["after"])},
            title=_("{item}: answers before and after").format(item=label),
            value_title=_("Participants"),
        )
        caption = _("{item}: how the {n} matched participants answered.").format(
            item=label, n=table["n"].iloc[0]
        )
        shown = table.drop(columns="n")
        headers = {
            "answer": _("Answer"),
            "meaning": _("Meaning"),
            "before": _("Before"),
            "after": _("After"),
        }
        body.append(
            page.section(
                label,
                [
                    page.figure(png, _distribution_alt(item, table), caption),
                    page.table(shown, caption, headers),
                ],
                level=3,
            )
        )
    return body or [page.paragraph(_("Too few matched participants to show the answers."))]


def _satisfaction(figures: Figures) -> list[str]:
    if figures.satisfaction.empty:
        return [
            page.paragraph(
                _(
                    "Fewer than {min_size} participants rated their satisfaction, so it is not "
                    "shown."
                ).format(min_size=MIN_SIZE)
            )
        ]
    table = figures.satisfaction_answers
    n = int(table["n"].iloc[0])
    parts = ", ".join(f"{r.answer} ({r.meaning}): {r.count}" for r in table.itertuples())
    alt = _(
        "Bar chart of how {n} participants rated their satisfaction with the course: {parts}."
    ).format(n=n, parts=parts)
    png = bars_png(
        [f"{a}\n{m}" for a, m in zip(table["answer"], table["meaning"], strict=True)],
        {_("Participants"): list(table["count"])},
        title=_("Satisfaction with the course"),
        value_title=_("Participants"),
    )
    caption = _("Satisfaction with the course: every answer after the course ({n}).").format(n=n)
    headers = {
        "answer": _("Answer"),
        "meaning": _("Meaning"),
        "count": _("Participants"),
        "share": _("Share"),
    }
    return [
        page.paragraph(satisfaction_sentence(figures.satisfaction), "headline"),
        page.figure(png, alt, caption),
        page.table(table.drop(columns="n"), caption, headers),
    ]


def _group_note() -> str:
    return _(
        'Groups with fewer than {min_size} participants are merged into "{other}" (with the '
        "next smallest group if needed), so no one can be identified; participants who did not "
        'say are in "{not_stated}".'
    ).format(min_size=MIN_SIZE, other=_(OTHER), not_stated=_(NOT_STATED))


def _by_group(figures: Figures, by: str) -> list[str]:
    label = _(ITEMS[by].label)
    noun = label.lower()
    body = [page.paragraph(_group_note())]
    change = figures.by_group[by]
    if change is None:
        body.append(
            page.paragraph(
                _("No {group} has {min_size} or more matched participants.").format(
                    group=noun, min_size=MIN_SIZE
                )
            )
        )
    else:
        for item, table in change.groupby("item", sort=False):
            caption = _(
                "{item}, by {group}: matched participants who rated themselves higher."
            ).format(item=item, group=noun)
            headers = {**_headers(_CHANGE_HEADERS), "group": label}
            body.append(page.table(_groups(table.drop(columns="item")), caption, headers))
    satisfied = figures.satisfaction_by_group[by]
    if satisfied is not None:
        caption = _("Satisfied with the course (4 or 5), by {group}: every answer after.").format(
            group=noun
        )
        headers = {
            "group": label,
            "n": _("Answers"),
            "satisfied": _("Satisfied"),
            "share": _("Share"),
        }
        body.append(page.table(_groups(satisfied), caption, headers))
    return body


def _comments(figures: Figures) -> list[str]:
    if not figures.comments:
        return [page.paragraph(_("No comments to show."))]
    intro = _(
        "Shown without names and in alphabetical order. Read them before you share this "
        "report: a comment can reveal who wrote it."
    )
    return [page.paragraph(intro), page.bullets(figures.comments)]


def _quality(figures: Figures, follow_up: str) -> list[str]:
    counts = figures.counts
    unmatched = counts["pre_only"] + counts["post_only"]
    if unmatched:
        text = _(
            "{pre_only} participants answered only before and {post_only} only after: they are "
            "counted here and left out of the change figures."
        ).format(**counts)
    else:
        text = _("Every participant answered both before and after.")
    if counts["problems"]:
        text += " " + _(
            "{problems} answers could not be used (for example 7 on a 1-5 scale, or text where "
            "a number belongs); they are left out of the figures for that question."
        ).format(**counts)
    else:
        text += " " + _("Every answer given could be used.")
    if unmatched or counts["problems"]:
        text += " " + _(
            "The follow-up list {follow_up} names each by participant, notebook and cell, for "
            "the instructor only, so that this report can be shared."
        ).format(follow_up=follow_up)
    body = [page.paragraph(text)]
    headers = {"round": _("Round"), "question": _("Question"), "answers": _("Answers")}
    rounds = {phase: _(name) for phase, name in _ROUNDS.items()}
    if not figures.problems.empty:
        problems = figures.problems.assign(round=figures.problems["round"].map(rounds))
        body.append(page.table(problems, _("Answers that could not be used"), headers))
    if not figures.blanks.empty:
        blanks = figures.blanks.assign(round=figures.blanks["round"].map(rounds))
        body.append(page.table(blanks, _("Answers left blank"), headers))
    return body


_READING = N_(
    "These are self-ratings: they show that participants feel they learned, the first two "
    "rungs of the ladder in chapter 9, not that they lead differently or that their "
    "organisations innovate more. Without a comparison group, we cannot tell how many would "
    "have rated themselves higher anyway. Participants who already rated themselves 5 "
    "cannot rate themselves higher (a ceiling), so the most experienced seem to gain least."
)


def build_report(figures: Figures, course: str, follow_up: str, made: str) -> str:
    """The report as one HTML document."""
    intro = _(
        "From the self-assessments before ({pre}) and after ({post}) the course, collected in "
        "{course}. Made {made}."
    ).format(pre=ASSIGNMENTS["pre"], post=ASSIGNMENTS["post"], course=course, made=made)
    sections = [
        page.paragraph(intro),
        page.section(_("Headlines"), _summary(figures)),
        page.section(_("Who answered"), _responses(figures)),
        page.section(_("Change from before to after"), _change(figures)),
        page.section(_("Answers before and after"), _distributions(figures)),
        page.section(_("Satisfaction"), _satisfaction(figures)),
        *(
            page.section(
                _("By {group}").format(group=_(ITEMS[by].label).lower()), _by_group(figures, by)
            )
            for by in GROUP_ITEMS
        ),
        page.section(_("Open comments"), _comments(figures)),
        page.section(_("Unmatched and invalid responses"), _quality(figures, follow_up)),
        page.section(_("How to read these figures"), [page.paragraph(_(_READING))]),
    ]
    return page.page(_(TITLE), sections)


def follow_up_rows(cohort: Cohort) -> list[dict[str, str]]:
    """The instructor's list: every unusable answer and every unmatched participant."""
    rows = [
        {
            "participant": p.participant,
            "round": p.phase,
            "notebook": p.notebook,
            "cell": "" if p.cell is None else str(p.cell),
            "question": p.item,
            "value": p.value,
            "problem": p.reason,
        }
        for p in cohort.problems
    ]
    for participant, phase, missing in [
        *((p, "pre", "post") for p in cohort.pre_only),
        *((p, "post", "pre") for p in cohort.post_only),
    ]:
        reason = (
            _("no self-assessment after the course: left out of the change figures")
            if missing == "post"
            else _("no self-assessment before the course: left out of the change figures")
        )
        rows.append(
            {
                "participant": participant,
                "round": phase,
                "notebook": "",
                "cell": "",
                "question": "",
                "value": "",
                "problem": reason,
            }
        )
    return rows


def _write_follow_up(rows: list[dict[str, str]], path: Path) -> None:
    columns = ["participant", "round", "notebook", "cell", "question", "value", "problem"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def evaluation_report(
    course_dir: Course | str | Path | None = None, out_path: str | Path | None = None
) -> Path:
    """Read the cohort's self-assessments and write the programme evaluation report.

    Parameters
    ----------
    course_dir
        The nbgrader course folder (or a ``Course``); ``None`` for ``$INNOLEAD_COURSE`` or
        ``exercises/``.
    out_path
        The HTML file to write; ``None`` for ``reports/evaluation/programme_evaluation.html``
        in the course folder. The follow-up list is written next to it.

    Returns
    -------
    pathlib.Path
        The report's path.
    """
    course = course_dir if isinstance(course_dir, Course) else Course.at(course_dir)
    cohort = read_cohort(course)
    if not cohort.pre and not cohort.post:
        msg = (
            f"No self-assessments collected in {course.submitted}: collect "
            f"{ASSIGNMENTS['pre']} and {ASSIGNMENTS['post']} first, as you collect the "
            "assignments."
        )
        raise CourseError(msg)
    target = Path(out_path) if out_path else course.reports / "evaluation" / REPORT_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    follow_up = target.with_name(f"{target.stem}-follow-up.csv")
    figures = evaluation_figures(cohort)
    made = dt.date.today().isoformat()
    target.write_text(build_report(figures, str(course.root), follow_up.name, made), "utf-8")
    rows = follow_up_rows(cohort)
    _write_follow_up(rows, follow_up)
    _print_summary(cohort, figures, target, follow_up)
    return target


def _print_summary(cohort: Cohort, figures: Figures, report: Path, follow_up: Path) -> None:
    counts = figures.counts
    print(
        _(
            "Read {pre} self-assessments from before and {post} from after the course (none "
            "was run)."
        ).format(**counts)
    )
    print(
        _(
            "{matched} participants answered both; {pre_only} only before and {post_only} only "
            "after (left out of the change figures)."
        ).format(**counts)
    )
    for line in figures.headlines:
        print(f"  {line}")
    problems = cohort.problems
    if problems:
        print(_("{n} answers could not be used:").format(n=len(problems)))
    else:
        print(_("{n} answers could not be used.").format(n=len(problems)))
    for problem in problems:
        print(f"  {problem.line()}")
    print(_("Wrote the report: {path}").format(path=report))
    print(
        _("Wrote the follow-up list (participant ids, for the instructor only): {path}").format(
            path=follow_up
        )
    )
