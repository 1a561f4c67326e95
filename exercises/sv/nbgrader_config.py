"""nbgrader configuration of the Swedish course "Innovationsledning" (this folder is its root).

A Swedish cohort is graded exactly as an English one: this file loads the English course's
configuration (the folder above) and changes only what a participant reads. The notebooks in
`source/` are written from the English ones and `locales/sv/exercises/` by
`python -m innolead.editions sources`; do not edit them here. Feedback and the commands' own
messages are in Swedish when the language is (`INNOLEAD_LANG=sv`, or `innolead --lang sv`).
"""

from pathlib import Path

c = get_config()  # noqa: F821 (nbgrader provides get_config when it reads this file)

# --- Everything the English course sets: the sandbox, the grading steps, the feedback --------
# traitlets' load_subconfig passes silently over a missing file; grading without the sandbox
# and the grader's own verdict must never happen silently, so the file must be there.
_english = Path(__file__).resolve().parent.parent / "nbgrader_config.py"
if not _english.is_file():
    msg = f"The Swedish course needs the English course's configuration at {_english}."
    raise FileNotFoundError(msg)
load_subconfig(_english.name, path=str(_english.parent))  # noqa: F821

# --- What differs ----------------------------------------------------------------------------
# Its own course id, so that an English and a Swedish cohort on one exchange (JupyterHub) never
# fetch each other's notebooks; participants fetch with `--course innolead-sv`.
c.CourseDirectory.course_id = "innolead-sv"
# The placeholders a participant replaces, in Swedish.
c.ClearSolutions.code_stub = {"python": "...  # ditt svar här, i stället för de tre punkterna"}
c.ClearSolutions.text_stub = "Skriv ditt svar här, i stället för den här raden."
