"""Isolation on the course hub, asserted once the cohort has submissions and feedback: a
participant cannot read another participant's home, submission or feedback, the instructor's
source/ or gradebook, through the file system, the exchange or the hub; nor open the formgrader."""

from __future__ import annotations

import pytest

from tests.hub import hubclient as hc
from tests.hub.conftest import ASSIGNMENT, INSTRUCTOR, NOTEBOOK

pytestmark = pytest.mark.hub


@pytest.fixture(scope="module")
def pair(cohort) -> tuple[str, str]:
    """Two participants who both submitted and fetched feedback: (snoop, victim)."""
    cohort.reach("feedback")
    both = [n for n, count in cohort.submissions.items() if count]
    return both[-1], both[-2]


def cannot_read(user: str, path: str) -> None:
    """As ``user``: neither list nor read ``path`` (cat/ls exit non-zero, say 'Permission')."""
    for command in (("cat", path), ("ls", path)):
        result = hc.as_user(user, *command, check=False)
        assert result.returncode != 0, (command, result.stdout[:200])
        assert "Permission denied" in result.stderr or "No such file" in result.stderr


def test_file_system_keeps_homes_and_the_course_private(cohort, pair):
    snoop, victim = pair
    cannot_read(snoop, f"/home/{victim}")
    cannot_read(snoop, f"/home/{victim}/{NOTEBOOK}")
    cannot_read(snoop, f"/home/{victim}/.local/share/jupyter/nbgrader_cache")
    cannot_read(snoop, f"/home/{INSTRUCTOR}/course/source/{ASSIGNMENT}/{ASSIGNMENT}.ipynb")
    cannot_read(snoop, f"/home/{INSTRUCTOR}/course/gradebook.db")
    cannot_read(snoop, f"/home/{INSTRUCTOR}/course/feedback/{victim}")
    # and writing into another home fails too
    result = hc.as_user(snoop, "touch", f"/home/{victim}/planted", check=False)
    assert result.returncode != 0


def test_exchange_hides_submissions_and_feedback(cohort, pair):
    snoop, victim = pair
    course = cohort.hub.exchange / hc.COURSE_ID
    # the inbound and feedback folders can be written into but not listed
    for folder in ("inbound", "feedback"):
        result = hc.as_user(snoop, "ls", str(course / folder), check=False)
        assert result.returncode != 0, folder
        assert "Permission denied" in result.stderr, folder
    # names are not guessable: each submission folder ends in a random suffix
    theirs = [p.name for p in (course / "inbound").iterdir() if p.name.startswith(victim + "+")]
    assert theirs
    assert all(len(name.rsplit("+", 1)[-1]) >= 12 for name in theirs)
    # a participant cannot overwrite the released assignment or plant a course folder
    released = course / "outbound" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert hc.as_user(snoop, "sh", "-c", f"echo x >> '{released}'", check=False).returncode
    assert hc.as_user(snoop, "mkdir", str(course / "outbound" / "part9"), check=False).returncode
    # nbgrader itself, as the participant, fetches only their own feedback
    server = cohort.server(snoop)
    listed = server.assignments()
    students = {s.get("student_id") for a in listed for s in a.get("submissions", [])}
    assert students <= {snoop}


def test_hub_api_and_proxy_keep_users_apart(cohort, pair):
    snoop, victim = pair
    hub = cohort.hub
    token = cohort.server(snoop).token
    assert hub.api("GET", "/users", token=token).status_code == 403
    assert hub.api("GET", f"/users/{victim}", token=token).status_code in (403, 404)
    assert hub.api("POST", f"/users/{victim}/tokens", token=token).status_code in (403, 404)
    assert hub.api("DELETE", f"/users/{victim}/server", token=token).status_code in (403, 404)
    other = hc.Server(hub, victim, token)  # the snoop's token against the victim's server
    for path in (f"/api/contents/{NOTEBOOK}", "/api/contents", "/assignments?course_id=innolead"):
        assert other.request("GET", path).status_code in (403, 404), path
    teacher = hc.Server(hub, INSTRUCTOR, token)
    assert teacher.request("GET", "/formgrader/api/assignments").status_code in (403, 404)


def test_participants_cannot_open_the_formgrader(cohort, pair):
    snoop, _ = pair
    own = cohort.server(snoop)
    assert own.request("GET", "/formgrader").status_code == 404
    assert own.request("GET", "/formgrader/api/assignments").status_code == 404
    # the instructor's own server has it
    hub = cohort.hub
    hub.spawn(INSTRUCTOR)
    teacher = hc.Server(hub, INSTRUCTOR, hub.user_token(INSTRUCTOR))
    assert teacher.request("GET", "/formgrader/api/assignments").status_code == 200


def test_a_login_outside_the_course_groups_is_refused(cohort):
    import requests

    session = requests.Session()
    page = session.get(f"{cohort.hub.url}/hub/login", timeout=30)
    xsrf = session.cookies.get("_xsrf", "")
    answer = session.post(
        f"{cohort.hub.url}/hub/login",
        data={"username": "root", "password": cohort.hub.password, "_xsrf": xsrf},
        allow_redirects=False, timeout=30,
    )
    assert page.ok
    assert answer.status_code == 403
