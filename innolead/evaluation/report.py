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
from innolead.render import pages as page
from innolead.render.png import bars_png

TITLE = "Programme evaluation: Innovation Leadership"
REPORT_NAME = "programme_evaluation.html"
_DIRECTIONS = {"increased": "Higher", "same": "Same", "decreased": "Lower"}
_CHANGE_HEADERS = {
    "item": "Question",
    "group": "Group",
    "n": "Participants",
    "increased": "Rated higher",
    "same": "Same",
    "decreased": "Rated lower",
    "share_increased": "Share higher",
    "share_same": "Share same",
    "share_decreased": "Share lower",
    "mean_pre": "Mean before",
    "mean_post": "Mean after",
    "mean_change": "Mean change (steps)",
}


def _summary(figures: Figures) -> list[str]:
    counts = figures.counts
    lines = list(figures.headlines)
    if not figures.satisfaction.empty:
        lines.append(satisfaction_sentence(figures.satisfaction))
    if counts["pre_only"] or counts["post_only"]:
        base = (
            f"The change figures count the {counts['matched']} participants who answered both "
            f"before and after. {counts['pre_only']} answered only before and "
            f"{counts['post_only']} only after; they are left out of the change figures."
        )
    else:
        base = f"All {counts['matched']} participants answered both before and after."
    return [page.bullets(lines, "headline"), page.paragraph(base)]


def _responses(figures: Figures) -> list[str]:
    counts = figures.counts
    rows = [
        ("Self-assessments before the course", counts["pre"]),
        ("Self-assessments after the course", counts["post"]),
        ("Participants who answered both (matched)", counts["matched"]),
        ("Answered only before (unmatched, left out of change)", counts["pre_only"]),
        ("Answered only after (unmatched, left out of change)", counts["post_only"]),
        ("Answers that could not be used (invalid)", counts["problems"]),
        ("Notebooks with such answers", counts["notebooks_with_problems"]),
        ("Answers left blank", int(figures.blanks["answers"].sum())),
    ]
    frame = pd.DataFrame(rows, columns=["What", "Count"])
    return [page.table(frame, "Responses collected, matched and unmatched")]


def _change_alt(change: pd.DataFrame) -> str:
    parts = "; ".join(
        f"{row.item}: higher {pct(row.share_increased)}, same {pct(row.share_same)}, "
        f"lower {pct(row.share_decreased)} (of {row.n})"
        for row in change.itertuples(index=False)
    )
    return (
        "Bar chart of the shares of matched participants who rated themselves higher, the "
        f"same and lower after the course than before. {parts}."
    )


def _change(figures: Figures) -> list[str]:
    body = [page.paragraph(note, "note") for note in figures.notes]
    change = figures.change
    if change.empty:
        return body
    png = bars_png(
        list(change["item"]),
        {label: list(change[f"share_{d}"]) for d, label in _DIRECTIONS.items()},
        title="Rated higher, the same or lower after the course",
        value_title="Share of matched participants",
        horizontal=True,
        percent=True,
        value_max=1.0,
    )
    caption = "Change from before to after, matched participants only."
    shown = change.drop(columns=["share_same", "share_decreased"])
    return [
        *body,
        page.figure(png, _change_alt(change), caption),
        page.table(shown, caption, _CHANGE_HEADERS),
    ]


def _distribution_alt(item: str, table: pd.DataFrame) -> str:
    def counts(column: str) -> str:
        return ", ".join(f"{r.answer}: {getattr(r, column)}" for r in table.itertuples())

    scale = ITEMS[item].scale
    return (
        f"Bar chart of how the {table['n'].iloc[0]} matched participants rated "
        f"{ITEMS[item].label.lower()} before and after the course, from 1 ({scale[0]}) to 5 "
        f"({scale[-1]}). Before: {counts('before')}. After: {counts('after')}."
    )


def _distributions(figures: Figures) -> list[str]:
    body = []
    for item, table in figures.distributions.items():
        label = ITEMS[item].label
        png = bars_png(
            [f"{a}\n{m}" for a, m in zip(table["answer"], table["meaning"], strict=True)],
            {"Before": list(table["before"]), "After": list(table["after"])},
            title=f"{label}: answers before and after",
            value_title="Participants",
        )
        caption = f"{label}: how the {table['n'].iloc[0]} matched participants answered."
        shown = table.drop(columns="n")
        headers = {"answer": "Answer", "meaning": "Meaning", "before": "Before", "after": "After"}
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
    return body or [page.paragraph("Too few matched participants to show the answers.")]


def _satisfaction(figures: Figures) -> list[str]:
    if figures.satisfaction.empty:
        return [
            page.paragraph(
                f"Fewer than {MIN_SIZE} participants rated their satisfaction, so it is not shown."
            )
        ]
    table = figures.satisfaction_answers
    n = int(table["n"].iloc[0])
    parts = ", ".join(f"{r.answer} ({r.meaning}): {r.count}" for r in table.itertuples())
    alt = f"Bar chart of how {n} participants rated their satisfaction with the course: {parts}."
    png = bars_png(
        [f"{a}\n{m}" for a, m in zip(table["answer"], table["meaning"], strict=True)],
        {"Participants": list(table["count"])},
        title="Satisfaction with the course",
        value_title="Participants",
    )
    caption = f"Satisfaction with the course: every answer after the course ({n})."
    headers = {"answer": "Answer", "meaning": "Meaning", "count": "Participants", "share": "Share"}
    return [
        page.paragraph(satisfaction_sentence(figures.satisfaction), "headline"),
        page.figure(png, alt, caption),
        page.table(table.drop(columns="n"), caption, headers),
    ]


def _group_note() -> str:
    return (
        f"Groups with fewer than {MIN_SIZE} participants are merged into "
        f'"{OTHER}" (with the next smallest group if needed), so no one can be identified; '
        f'participants who did not say are in "{NOT_STATED}".'
    )


def _by_group(figures: Figures, by: str) -> list[str]:
    noun = ITEMS[by].label.lower()
    body = [page.paragraph(_group_note())]
    change = figures.by_group[by]
    if change is None:
        body.append(page.paragraph(f"No {noun} has {MIN_SIZE} or more matched participants."))
    else:
        for item, table in change.groupby("item", sort=False):
            caption = f"{item}, by {noun}: matched participants who rated themselves higher."
            headers = {**_CHANGE_HEADERS, "group": ITEMS[by].label}
            body.append(page.table(table.drop(columns="item"), caption, headers))
    satisfied = figures.satisfaction_by_group[by]
    if satisfied is not None:
        caption = f"Satisfied with the course (4 or 5), by {noun}: every answer after."
        headers = {
            "group": ITEMS[by].label,
            "n": "Answers",
            "satisfied": "Satisfied",
            "share": "Share",
        }
        body.append(page.table(satisfied, caption, headers))
    return body


def _comments(figures: Figures) -> list[str]:
    if not figures.comments:
        return [page.paragraph("No comments to show.")]
    intro = (
        "Shown without names and in alphabetical order. Read them before you share this "
        "report: a comment can reveal who wrote it."
    )
    return [page.paragraph(intro), page.bullets(figures.comments)]


def _quality(figures: Figures, follow_up: str) -> list[str]:
    counts = figures.counts
    unmatched = counts["pre_only"] + counts["post_only"]
    text = (
        f"{counts['pre_only']} participants answered only before and {counts['post_only']} "
        "only after: they are counted here and left out of the change figures. "
        if unmatched
        else "Every participant answered both before and after. "
    )
    text += (
        f"{counts['problems']} answers could not be used (for example 7 on a 1-5 scale, or "
        "text where a number belongs); they are left out of the figures for that question. "
        if counts["problems"]
        else "Every answer given could be used. "
    )
    if unmatched or counts["problems"]:
        text += (
            f"The follow-up list {follow_up} names each by participant, notebook and cell, for "
            "the instructor only, so that this report can be shared."
        )
    body = [page.paragraph(text)]
    headers = {"round": "Round", "question": "Question", "answers": "Answers"}
    if not figures.problems.empty:
        body.append(page.table(figures.problems, "Answers that could not be used", headers))
    if not figures.blanks.empty:
        body.append(page.table(figures.blanks, "Answers left blank", headers))
    return body


_READING = (
    "These are self-ratings: they show that participants feel they learned, the first two "
    "rungs of the ladder in chapter 9, not that they lead differently or that their "
    "organisations innovate more. Without a comparison group, we cannot tell how many would "
    "have rated themselves higher anyway. Participants who already rated themselves 5 "
    "cannot rate themselves higher (a ceiling), so the most experienced seem to gain least."
)


def build_report(figures: Figures, course: str, follow_up: str, made: str) -> str:
    """The report as one HTML document."""
    intro = (
        f"From the self-assessments before ({ASSIGNMENTS['pre']}) and after "
        f"({ASSIGNMENTS['post']}) the course, collected in {course}. Made {made}."
    )
    sections = [
        page.paragraph(intro),
        page.section("Headlines", _summary(figures)),
        page.section("Who answered", _responses(figures)),
        page.section("Change from before to after", _change(figures)),
        page.section("Answers before and after", _distributions(figures)),
        page.section("Satisfaction", _satisfaction(figures)),
        *(
            page.section(f"By {ITEMS[by].label.lower()}", _by_group(figures, by))
            for by in GROUP_ITEMS
        ),
        page.section("Open comments", _comments(figures)),
        page.section("Unmatched and invalid responses", _quality(figures, follow_up)),
        page.section("How to read these figures", [page.paragraph(_READING)]),
    ]
    return page.page(TITLE, sections)


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
        reason = f"no {missing} self-assessment: left out of the change figures"
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
        f"Read {counts['pre']} self-assessments from before and {counts['post']} from after "
        "the course (none was run)."
    )
    print(
        f"{counts['matched']} participants answered both; {counts['pre_only']} only before "
        f"and {counts['post_only']} only after (left out of the change figures)."
    )
    for line in figures.headlines:
        print(f"  {line}")
    problems = cohort.problems
    print(f"{len(problems)} answers could not be used" + (":" if problems else "."))
    for problem in problems:
        print(f"  {problem.line()}")
    print(f"Wrote the report: {report}")
    print(f"Wrote the follow-up list (participant ids, for the instructor only): {follow_up}")
