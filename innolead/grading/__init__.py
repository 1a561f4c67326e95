"""The instructor's workflow over nbgrader: generate, release, collect, grade, report.

Each step is a thin layer over nbgrader's own commands and API, run on the course folder
``exercises/`` (or another one given with ``--course``), and prints what it did and what to do
next. ``innolead.cli`` is the command-line front end; ``exercises/nbgrader_config.py`` holds
the nbgrader configuration the steps (and plain nbgrader) share.
"""

from innolead.grading.course import Course, CourseError

__all__ = ["Course", "CourseError"]
