"""The course's nbgrader configuration, the order of the grading steps and the command line."""

from __future__ import annotations

import re

import pytest

from innolead.cli import build_parser, main
from innolead.grading.course import DEFAULT_ROOT, Course, load_config

CONFIG = DEFAULT_ROOT / "nbgrader_config.py"


@pytest.fixture(scope="module")
def config() -> object:
    return load_config(Course(DEFAULT_ROOT))


def test_config_names_the_course(config: object) -> None:
    """Is the course id set, so exchange commands file the course under one name?"""
    assert config.CourseDirectory.course_id == "innolead"


def test_scores_are_decided_outside_the_kernel_in_order(config: object) -> None:
    """Is each test cell reported, run, decided by the grader, then saved, then sanitised?

    The order is the guarantee: the report must be asked for before the kernel runs, the
    decision taken before nbgrader saves the scores, and the sanitising done only after the
    scores are saved (so an answer's checksum is the participant's own).
    """
    names = list(config.Autograde.autograde_preprocessors)
    order = [
        "innolead.grading.verdict.AskForAnswers",
        "innolead.grading.preprocessors.CourseExecute",
        "innolead.grading.verdict.DecideGrades",
        "nbgrader.preprocessors.SaveAutoGrades",
        "innolead.grading.sanitize.SanitizeSubmission",
    ]
    assert [names.index(name) for name in order] == sorted(names.index(name) for name in order)
    assert "nbgrader.preprocessors.Execute" not in names


def test_feedback_is_sanitised_and_script_free(config: object) -> None:
    """Is feedback made from a sanitised notebook by the script-free exporter?"""
    assert "innolead.grading.sanitize.SanitizeSubmission" in config.GenerateFeedback.preprocessors
    exporter = config.GenerateFeedback.exporter_class
    assert exporter == "innolead.grading.feedback_page.FeedbackExporter"


def test_feedback_hides_hidden_tests_by_configuration(config: object) -> None:
    """Is HideHiddenTests part of nbgrader's own feedback step, after the grades are read?"""
    names = list(config.GenerateFeedback.preprocessors)
    assert names.index("innolead.grading.preprocessors.HideHiddenTests") > names.index(
        "nbgrader.preprocessors.GetGrades"
    )


def test_deleted_cells_are_restored_before_overwrite(config: object) -> None:
    """Does RestoreDeletedCells run before OverwriteCells restores locked content?"""
    names = list(config.Autograde.sanitize_preprocessors)
    restore = names.index("innolead.grading.preprocessors.RestoreDeletedCells")
    assert restore < names.index("nbgrader.preprocessors.OverwriteCells")


def test_every_setting_says_why() -> None:
    """Is every `c.` setting in nbgrader_config.py preceded by a comment?"""
    lines = CONFIG.read_text().splitlines()
    for number, line in enumerate(lines):
        if re.match(r"^c\.\w+", line):
            above = lines[number - 1].strip()
            assert above.startswith("#") or above.startswith("c."), line


@pytest.mark.parametrize(
    ("path", "student", "notebook"),
    [
        ("/d/extracted/svenssonanna_1234_5678_part1.ipynb", "svenssonanna", "part1.ipynb"),
        ("/d/extracted/anna_part1.ipynb", "anna", "part1.ipynb"),
        (
            "/d/extracted/Anna Svensson_12_assignsubmission_file/part1.ipynb",
            "Anna Svensson",
            "part1.ipynb",
        ),
        ("/d/extracted/svenssonanna_LATE_1_2_part1 (1).ipynb", "svenssonanna", "part1 (1).ipynb"),
    ],
)
def test_lms_file_names_map_to_participants(
    config: object, path: str, student: str, notebook: str
) -> None:
    """Does the zip_collect pattern find the participant and notebook in LMS file names?"""
    match = re.match(config.FileNameCollectorPlugin.named_regexp, path)
    assert match
    assert (match["student_id"], match["file_id"]) == (student, notebook)


@pytest.mark.parametrize(
    "path",
    [
        "/d/extracted/<img src=x onerror=alert(1)>_part1.ipynb",
        '/d/extracted/anna" onmouseover="x_1_2_part1.ipynb',
        "/d/extracted/anna_1_2_<svg onload=x>.ipynb",
    ],
)
def test_lms_pattern_refuses_markup_in_names(config: object, path: str) -> None:
    """Is a file whose participant id or name carries markup left uncollected?"""
    assert not re.match(config.FileNameCollectorPlugin.named_regexp, path)


def test_lms_pattern_accepts_swedish_names(config: object) -> None:
    """Do ids with å, ä and ö still map to participants?"""
    match = re.match(config.FileNameCollectorPlugin.named_regexp, "/d/åsa.öberg_part1.ipynb")
    assert match
    assert match["student_id"] == "åsa.öberg"


def test_lms_pattern_skips_macos_copies(config: object) -> None:
    """Are macOS's __MACOSX shadow files skipped?"""
    assert not re.match(config.FileNameCollectorPlugin.named_regexp, "/d/__MACOSX/._a_part1.ipynb")


@pytest.mark.parametrize(
    "command",
    [
        "generate",
        "release",
        "collect",
        "autograde",
        "feedback",
        "export",
        "report",
        "grade",
        "students",
        "practice",
        "rubrics",
    ],
)
def test_cli_offers_each_step(command: str) -> None:
    """Does the command line offer each step of the instructor's workflow?"""
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args([command, "--help"])
    assert done.value.code == 0


def test_cli_explains_an_unknown_assignment(capsys: pytest.CaptureFixture[str]) -> None:
    """Does a misspelt assignment give one clear line and exit code 2, not a traceback?"""
    assert main(["report", "part9"]) == 2
    err = capsys.readouterr().err
    assert "There is no assignment 'part9'" in err
    assert "Traceback" not in err


def test_cli_explains_a_missing_course(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """Does --course pointing at a folder without nbgrader_config.py say what to do?"""
    assert main(["--course", str(tmp_path), "generate"]) == 2
    assert "is not an nbgrader course folder" in capsys.readouterr().err


def test_rubrics_command_prints_every_rubric(capsys: pytest.CaptureFixture[str]) -> None:
    """Does `innolead rubrics` print a rubric table for each assignment's reflection?"""
    assert main(["rubrics"]) == 0
    out = capsys.readouterr().out
    assert out.count("| criterion |") >= 4


@pytest.mark.parametrize(
    ("log", "reason"),
    [
        (
            "raise DeadKernelError('Kernel died')\nnbclient.exceptions.DeadKernelError: died",
            "the notebook's Python stopped while it ran",
        ),
        ("RuntimeError: Kernel didn't respond in 120 seconds", "did not start in time"),
        (
            "KeyError: 'q1'\nnbgrader.converters.base.NbGraderException: Please see",
            "KeyError: 'q1'",
        ),
    ],
)
def test_failure_reason_names_the_cause(log: str, reason: str) -> None:
    """Does a failed autograde get a one-line reason an instructor can act on?"""
    from innolead.grading.autograde import failure_reason

    assert reason in failure_reason(log)
