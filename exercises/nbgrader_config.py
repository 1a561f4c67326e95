"""nbgrader configuration of the course "Innovation Leadership" (the course root is this folder).

Plain `nbgrader ...` commands run in this folder, the formgrader and the course's own
`innolead ...` commands all read this file, so they grade, hide and limit in the same way.
The course's own preprocessors are named as strings: if the `innolead` package is missing,
nbgrader then stops with an import error instead of silently running without them.
"""

c = get_config()  # noqa: F821 (nbgrader provides get_config when it reads this file)

# --- The course ----------------------------------------------------------------------------
# The id the exchange (JupyterHub) files assignments under; participants' `nbgrader fetch`
# and `submit` must use the same id.
c.CourseDirectory.course_id = "innolead"
# Only notebooks are assignments; the case data comes from the installed toolkit, not from
# files copied next to the notebook.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback"]

# --- Student versions (generate_assignment) --------------------------------------------------
# Participants are not programmers: an answer cell shows three dots to replace, not
# nbgrader's "raise NotImplementedError()".
c.ClearSolutions.code_stub = {"python": "...  # your answer here, in place of the three dots"}
c.ClearSolutions.text_stub = "Write your answer here, in place of this line."
# The rubric of a reflection sits in the read-only question cell above the answer, inside
# "### BEGIN MARK SCHEME" ... "### END MARK SCHEME": removed from the student version, shown
# to the grader in the formgrader. nbgrader only allows mark schemes in task cells by default.
c.ClearMarkScheme.enforce_metadata = False

# --- The grading sandbox ---------------------------------------------------------------------
# Participants' code runs inside bubblewrap (Debian package `bubblewrap`): it sees only its own
# submission, the toolkit and the case data, writes only to a private scratch folder, has no
# network and runs under limits on processor time, memory, processes and file size. Plain
# `nbgrader autograde` and `innolead autograde` both grade this way; without bubblewrap they
# stop with a message saying what to install instead of grading unprotected.
c.CourseExecute.kernel_manager_class = "innolead.grading.sandbox.SandboxedKernelManager"
# The limits of one grading kernel (all processes together); raise them only for a notebook
# that honestly needs more. A notebook that goes over one is stopped and the summary says why.
c.SandboxedKernelManager.cpu_seconds = 300
c.SandboxedKernelManager.memory_bytes = 3 * 1024**3
c.SandboxedKernelManager.max_processes = 16
# A cell that prints more than this (a runaway loop) is stopped with OutputLimitExceeded.
c.SandboxedKernelManager.stop_output_chars = 10_000_000

# --- Autograding -----------------------------------------------------------------------------
# A cell that runs longer than this is stopped (an infinite loop, for example); its tests
# fail and the rest of the notebook is graded. Honest cells take a few seconds at most.
c.ExecutePreprocessor.timeout = 60
# Seconds to wait for a kernel to start; a loaded JupyterHub machine can be slow.
c.ExecutePreprocessor.startup_timeout = 120
# Grade with the course's Python, whatever kernel the participant's notebook names.
c.ExecutePreprocessor.kernel_name = "python3"
# Characters of output one graded cell keeps (a participant printing megabytes would
# otherwise bloat the gradebook, the autograded notebook and the feedback).
c.CourseExecute.max_output_chars = 100_000
# nbgrader's line-based limit stays as a second guard for many short lines.
c.LimitOutput.max_lines = 1000
# The sanitising steps: nbgrader's defaults, plus RestoreDeletedCells (put back graded and
# read-only cells a participant deleted, and reset changed nbgrader metadata) before
# OverwriteCells restores the content of locked cells.
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "innolead.grading.preprocessors.RestoreDeletedCells",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "nbgrader.preprocessors.OverwriteCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]
# The grading steps: nbgrader's defaults, with the decision taken out of the participant's
# kernel. AskForAnswers sends each test cell to the kernel as a report of its answers (plain
# data with their real types) and its visible form checks, without the hidden tests;
# CourseExecute (an output cap and the sandboxed kernel manager) runs the notebook;
# DecideGrades runs the gradebook's hidden tests here, on the reported answers, and writes each
# test cell's outputs so that SaveAutoGrades scores exactly what they decided. Whatever the
# kernel does, it can only report an answer: only a right answer scores, and the expected
# answers never enter it. SanitizeSubmission, last (after the scores are saved), rewrites
# everything the participant wrote or printed so no page that shows it can run script.
c.Autograde.autograde_preprocessors = [
    "innolead.grading.verdict.AskForAnswers",
    "innolead.grading.preprocessors.CourseExecute",
    "innolead.grading.verdict.DecideGrades",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
    "innolead.grading.sanitize.SanitizeSubmission",
]

# --- Feedback --------------------------------------------------------------------------------
# nbgrader's defaults plus HideHiddenTests: feedback shows the score and the visible checks
# but never the hidden tests, the rubric or a traceback quoting a hidden line (nbgrader shows
# them by default: jupyter/nbgrader#917, #1363). SanitizeSubmission again, for notebooks graded
# before it ran in autograding. Configured here, not in a wrapper, so the formgrader's
# "Generate feedback" button and plain `nbgrader generate_feedback` are safe too.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "innolead.grading.sanitize.SanitizeSubmission",
    "innolead.grading.preprocessors.HideHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
# Feedback pages with no script and no request to another host (nbgrader's template loads
# MathJax from a CDN), under a Content-Security-Policy that forbids scripts.
c.GenerateFeedback.exporter_class = "innolead.grading.feedback_page.FeedbackExporter"

# --- Collecting from an LMS (zip_collect) ---------------------------------------------------
# Maps an LMS download's file names to participant ids. It accepts the common patterns
#   <participant>_part1.ipynb                     (files renamed by hand: anna_part1.ipynb)
#   <participant>_<anything>_part1.ipynb          (Canvas: svenssonanna_1234_5678_part1.ipynb)
#   <participant>_<anything>/part1.ipynb          (Moodle: one folder per participant)
# The participant id is the text before the first underscore; macOS's __MACOSX copies are
# skipped. Ids and file names may hold only letters, digits, spaces and . @ + - (file names
# also brackets): an id becomes part of pages the instructor opens, so one that carries
# markup ("<img onerror=...>_part1.ipynb") is never collected. Change it if your LMS names
# files differently (`innolead collect` lists the files it could not match).
c.FileNameCollectorPlugin.named_regexp = (
    r"(?!.*__MACOSX).*/(?P<student_id>(?:[^\W_]|[ .@+-])+)_(?:[^/]*[_/])?"
    r"(?P<file_id>(?:[^\W_]|[ .()+-])+\.ipynb)$"
)

# --- The exchange (JupyterHub) ---------------------------------------------------------------
# nbgrader's default exchange folder is /srv/nbgrader/exchange; it must exist and be
# writable by everyone (see the instructor guide). Uncomment to use another folder:
# c.Exchange.root = "/srv/nbgrader/exchange"
