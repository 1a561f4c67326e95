"""``innolead``: the instructor's commands, a thin front end over ``innolead.grading``.

Run ``innolead --help`` or ``innolead COMMAND --help``. Every command works on the course
folder ``exercises/`` unless ``--course PATH`` (or ``$INNOLEAD_COURSE``) names another, and
speaks the course language: ``--lang sv`` (or ``$INNOLEAD_LANG``) for a Swedish cohort, whose
course folder is ``exercises/sv/``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

# nbformat checks notebooks with jsonschema, which imports rfc3987_syntax: that builds about 40
# parsers when imported (2-3 s of processor time in every command) only to check the "iri"
# string format, which no notebook schema uses (python-jsonschema/jsonschema#1428). The
# course's commands go without it; jsonschema then simply does not check that format.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

from innolead.grading.course import DEFAULT_ROOT, Course, CourseError  # noqa: E402
from innolead.language import LANGUAGES, VARIABLE  # noqa: E402

Handler = Callable[[Course, argparse.Namespace], object]


def _generate(course: Course, args: argparse.Namespace) -> object:
    from innolead.grading.generate import generate

    return generate(course, args.assignments or None)


def _release(course: Course, args: argparse.Namespace) -> object:
    from innolead.grading.release import release_exchange, release_lms

    if args.exchange:
        release_exchange(course, args.assignment, args.exchange_root)
        return None
    return release_lms(course, args.assignment)


def _collect(course: Course, args: argparse.Namespace) -> object:
    from innolead.grading.collect import collect_exchange, collect_lms

    if args.lms:
        return collect_lms(course, args.assignment, Path(args.lms))
    return collect_exchange(course, args.assignment, args.exchange_root)


def _autograde(course: Course, args: argparse.Namespace) -> object:
    from innolead.grading.autograde import autograde

    return autograde(
        course, args.assignment, args.student or None, timeout=args.timeout, workers=args.workers
    )


def _feedback(course: Course, args: argparse.Namespace) -> object:
    from innolead.grading.feedback import feedback

    return feedback(
        course, args.assignment, exchange=args.exchange, exchange_root=args.exchange_root
    )


def _export(course: Course, args: argparse.Namespace) -> object:
    from innolead.grading.export import export

    return export(course, args.assignment)


def _report(course: Course, args: argparse.Namespace) -> object:
    from innolead.grading.cohort_report import report

    return report(course, args.assignment)


def _evaluate(course: Course, args: argparse.Namespace) -> object:
    from innolead.evaluation import evaluation_report

    return evaluation_report(course, args.out)


def _grade(course: Course, args: argparse.Namespace) -> object:
    from innolead.grading.pipeline import grade

    options = {
        "timeout": args.timeout,
        "workers": args.workers,
        "exchange": args.exchange,
        "exchange_root": args.exchange_root,
    }
    grade(course, args.assignment, options)
    return None


def _students(course: Course, args: argparse.Namespace) -> object:
    from innolead.grading.roster import import_roster

    return import_roster(course, Path(args.roster))


def _practice(course: Course, args: argparse.Namespace) -> object:
    from innolead.grading import samples

    a = course.check_assignment(args.assignment)
    unknown = sorted(set(args.scenario or []) - set(samples.SCENARIOS))
    if unknown:
        msg = f"Unknown scenario(s) {unknown}; choose from {', '.join(samples.SCENARIOS)}."
        raise CourseError(msg)
    scenarios = args.scenario or list(samples.SCENARIOS)
    if args.lms:
        archive = course.root / f"practice-{a}.zip"
        cohort = samples.write_lms_download(course, a, scenarios, archive, prefix="practice-")
        where = f"an LMS-style download {archive}. Next: `innolead collect {a} --lms {archive}`"
    else:
        cohort = samples.write_cohort(course, a, scenarios, prefix="practice-")
        where = f"{course.submitted}. Next: `innolead grade {a}`"
    for student, scenario in cohort.items():
        points = samples.expected_score(course, a, scenario)
        what = samples.SCENARIOS[scenario].description
        print(f"{student}: {what}; expect {points:g} autograded points.")
    print(f"Wrote {len(cohort)} practice submission(s) to {where}.")
    if course.root == DEFAULT_ROOT:
        print(
            "Note: this is the real course folder. Rehearse in a copy instead "
            "(`cp -r exercises /tmp/rehearsal`, then `innolead --course /tmp/rehearsal ...`), "
            "or remove the practice participants with `nbgrader db student remove ID --force`."
        )
    return cohort


def _rubrics(course: Course, args: argparse.Namespace) -> object:
    from innolead.grading.content import rubrics_markdown

    text = rubrics_markdown(course, args.assignments or course.assignments())
    print(text)
    return text


Options = Callable[[argparse.ArgumentParser], None]


def _exchange_options(verb: str) -> Options:
    def add(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--exchange",
            action="store_true",
            help=f"{verb} through the nbgrader exchange (JupyterHub)",
        )
        parser.add_argument(
            "--exchange-root",
            metavar="PATH",
            help=(
                "the exchange folder, if not the one in nbgrader_config.py (/srv/nbgrader/exchange)"
            ),
        )

    return add


def _timeout_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="stop a cell after this many seconds (default: nbgrader_config.py's, 60)",
    )


def _workers_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="grade N submissions at once (default: the number of cores; 1 grades one at a time)",
    )


def _argument(*names: str, **settings: object) -> Options:
    def add(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(*names, **settings)  # type: ignore[arg-type]

    return add


_ASSIGNMENT = _argument("assignment")
_ASSIGNMENTS = _argument("assignments", nargs="*", metavar="ASSIGNMENT", help="default: all")

#: The subcommands, in the order ``innolead --help`` lists them: name, handler, what it does
#: (its help line and description) and the options it takes. All the words an instructor
#: reads in ``--help`` are here and in the option helpers above.
COMMANDS: tuple[tuple[str, Handler, str, tuple[Options, ...]], ...] = (
    (
        "generate",
        _generate,
        "check the instructor versions and write the student versions",
        (_ASSIGNMENTS,),
    ),
    (
        "release",
        _release,
        "hand out a student version: LMS files (default) or exchange",
        (
            _ASSIGNMENT,
            _argument("--lms", action="store_true", help="write lms/ASSIGNMENT.zip (the default)"),
            _exchange_options("release"),
        ),
    ),
    (
        "collect",
        _collect,
        "collect submissions from an LMS download or the exchange",
        (
            _ASSIGNMENT,
            _argument("--lms", metavar="DOWNLOAD", help="the zip file (or folder) from the LMS"),
            _exchange_options("collect"),
        ),
    ),
    (
        "autograde",
        _autograde,
        "autograde the submissions, with progress and a summary",
        (
            _ASSIGNMENT,
            _argument("--student", action="append", metavar="ID", help="only these (repeatable)"),
            _timeout_option,
            _workers_option,
        ),
    ),
    (
        "feedback",
        _feedback,
        "write each participant's feedback page (HTML)",
        (_ASSIGNMENT, _exchange_options("release the feedback")),
    ),
    (
        "export",
        _export,
        "write reports/grades.csv and the points per question",
        (_argument("assignment", nargs="?"),),
    ),
    (
        "report",
        _report,
        "write the cohort report (reports/ASSIGNMENT/cohort.html)",
        (_ASSIGNMENT,),
    ),
    (
        "grade",
        _grade,
        "autograde, feedback, export and report, in that order",
        (_ASSIGNMENT, _timeout_option, _workers_option, _exchange_options("release the feedback")),
    ),
    (
        "students",
        _students,
        "import a roster CSV (id,first_name,last_name,email)",
        (_argument("roster"),),
    ),
    (
        "practice",
        _practice,
        "write made-up submissions to rehearse grading",
        (
            _ASSIGNMENT,
            _argument("--scenario", action="append", help="only these kinds (repeatable)"),
            _argument("--lms", action="store_true", help="write them as an LMS download zip"),
        ),
    ),
    ("rubrics", _rubrics, "print the reflections' rubrics as Markdown", (_ASSIGNMENTS,)),
    (
        "evaluate",
        _evaluate,
        "write the programme evaluation from the pre/post self-assessments",
        (
            _argument(
                "--out",
                metavar="PATH",
                help="default: reports/evaluation/programme_evaluation.html",
            ),
        ),
    ),
)


def build_parser() -> argparse.ArgumentParser:
    """The command line: one subcommand per step of the instructor's workflow (``COMMANDS``)."""
    parser = argparse.ArgumentParser(
        prog="innolead",
        description="The instructor's commands for the course's nbgrader assignments.",
        epilog="The instructor guide in the book walks through them step by step.",
    )
    parser.add_argument(
        "--course",
        metavar="PATH",
        help="the nbgrader course folder (default: $INNOLEAD_COURSE, else exercises/)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=(
            "the language of feedback, reports and messages (default: $INNOLEAD_LANG, else en); "
            "sets INNOLEAD_LANG for everything the command starts"
        ),
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, handler, text, options in COMMANDS:
        cmd = sub.add_parser(name, help=text, description=text)
        cmd.set_defaults(handler=handler)
        for add in options:
            add(cmd)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one instructor command; errors print a message, not a traceback."""
    args = build_parser().parse_args(argv)
    if args.lang:  # chosen once: the grading workers and nbgrader inherit it
        os.environ[VARIABLE] = args.lang
    try:
        course = Course.at(args.course)
        args.handler(course, args)
    except (CourseError, FileNotFoundError) as err:
        print(f"innolead {args.command}: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
