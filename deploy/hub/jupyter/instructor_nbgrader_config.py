"""nbgrader for the course's instructors (first on their JUPYTER_CONFIG_PATH, set by the hub).

The course folder is ~/course (the repository's exercises/: nbgrader_config.py and source/);
its own nbgrader_config.py (sandboxed grading, the course's preprocessors) is loaded too, so the
formgrader's buttons grade exactly as `innolead autograde` does.
"""

import os

c = get_config()  # noqa: F821 (nbgrader provides get_config when it reads this file)

course = os.environ.get("INNOLEAD_COURSE") or os.path.join(os.path.expanduser("~"), "course")
c.CourseDirectory.root = course
if os.path.isfile(os.path.join(course, "nbgrader_config.py")):
    load_subconfig(os.path.join(course, "nbgrader_config.py"))  # noqa: F821
