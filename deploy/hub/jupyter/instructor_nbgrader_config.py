"""nbgrader for the course's instructors (first on their JUPYTER_CONFIG_PATH, set by the hub).

The course folder is ~/course (the repository's exercises/: nbgrader_config.py and source/);
its own nbgrader_config.py (sandboxed grading, the course's preprocessors) is loaded too, so the
formgrader's buttons grade exactly as `innolead autograde` does.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821 (nbgrader provides get_config when it reads this file)

course = Path(os.environ.get("INNOLEAD_COURSE") or Path.home() / "course")
c.CourseDirectory.root = str(course)
if (course / "nbgrader_config.py").is_file():
    load_subconfig(str(course / "nbgrader_config.py"))  # noqa: F821
