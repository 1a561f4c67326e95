"""nbgrader on the course hub, for everyone (installed into the shared environment's etc/jupyter).

Participants' Assignment List (list, fetch, submit, fetch feedback) and the instructor's
release, collect and feedback all use the same exchange and course id. Instructors also load
instructor_nbgrader_config.py, which points nbgrader at their course folder.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821 (nbgrader provides get_config when it reads this file)

c.CourseDirectory.course_id = "innolead"
# The exchange folder (0777, as nbgrader requires); the hub passes INNOLEAD_EXCHANGE on to
# every server so that the tests and a second hub on the machine can use another folder.
c.Exchange.root = os.environ.get("INNOLEAD_EXCHANGE", "/srv/nbgrader/exchange")
# Fetched assignments go to ~/innolead/<assignment>/, the folder JupyterLab opens on.
c.Exchange.assignment_dir = str(Path.home() / "innolead")
