"""The course on a real JupyterHub, in the order a cohort lives it: release, fetch, work in the
participant's own kernel, submit (some twice, one never), the hub restarting mid-course, collect,
sandboxed parallel autograding, a reflection graded by hand in the formgrader (Chromium), feedback
released and fetched back; one participant uses the Assignment List in Chromium throughout."""

from __future__ import annotations

import grp
import os
import re
import time
from pathlib import Path

import nbformat
import pytest

from innolead.grading import samples
from tests.hub import hubclient as hc
from tests.hub.conftest import (
    ASSIGNMENT,
    COMMENT,
    INSTRUCTOR,
    N_PARTICIPANTS,
    NOTEBOOK,
    REFLECTION,
    feedback_html,
    gradebook,
)

pytestmark = pytest.mark.hub
EXPECTED_MANUAL = 3.0


def login(browser, hub: hc.Hub, name: str):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(f"{hub.url}/hub/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", hub.password)
    page.click("#login_submit")
    page.wait_for_url(re.compile(r".*/(hub/(spawn-pending|home)|user/).*"), timeout=60_000)
    return context, page


def _wait_for_grade(cohort, name: str, seconds: float = 15) -> dict:
    """The gradebook's entry once the formgrader has saved a manual grade (or after seconds)."""
    deadline = time.monotonic() + seconds
    while True:
        entry = gradebook(cohort.hub)[name]
        if entry["manual"] is not None and entry["comment"] or time.monotonic() > deadline:
            return entry
        time.sleep(1)


def test_release_reaches_the_exchange(cohort):
    cohort.reach("released")
    outbound = cohort.hub.exchange / hc.COURSE_ID / "outbound" / ASSIGNMENT
    assert (outbound / f"{ASSIGNMENT}.ipynb").is_file()
    folder = cohort.hub.exchange / hc.COURSE_ID
    assert folder.stat().st_uid == hc.hubtools.pwd.getpwnam(INSTRUCTOR).pw_uid
    assert grp.getgrgid(folder.stat().st_gid).gr_name == hc.hubtools.INSTRUCTORS_GROUP
    assert oct((folder / "inbound").stat().st_mode & 0o7777) == oct(0o2733)
    released = nbformat.read(outbound / f"{ASSIGNMENT}.ipynb", as_version=4)
    assert "### BEGIN SOLUTION" not in nbformat.writes(released)


def test_servers_run_as_the_participant_with_limits(cohort):
    cohort.reach("worked")
    name = cohort.names[5]
    pid = cohort.hub.server_pid(name)
    status = Path(f"/proc/{pid}/status").read_text()
    uid = int(re.search(r"^Uid:\s+(\d+)", status, re.M).group(1))
    assert uid == hc.hubtools.pwd.getpwnam(name).pw_uid
    limits = hc.hubtools.limits_of(name)
    assert limits["memory"] == str(1024**3)
    assert limits["cpu"] in ("100000", "100000 100000")
    assert str(pid) in limits["procs"].split()
    # The shared environment is the installed package, not a checkout.
    site = hc.as_user(name, "python", "-I", "-c", "import innolead; print(innolead.__file__)")
    assert site.stdout.startswith(str(hc.VENV)), site.stdout


def test_every_participant_fetched_ran_and_submitted(cohort):
    cohort.reach("worked")
    plans = cohort.facts["plans"]
    assert len(plans) + 1 == N_PARTICIPANTS  # and the browser participant
    assert N_PARTICIPANTS >= 20 or "HUB_PARTICIPANTS" in os.environ  # 21 unless debugging
    for name, plan in plans.items():
        assert cohort.submissions.get(name, 0) == len(plan), name
        fetched = Path(f"/home/{name}/{NOTEBOOK}")
        assert fetched.is_file(), name
        if plan:  # executed in their own kernel and saved: outputs are on disk
            nb = nbformat.read(fetched, as_version=4)
            outputs = sum(len(c.outputs) for c in nb.cells if c.cell_type == "code")
            assert outputs == cohort.facts[f"outputs:{name}"], name
            assert outputs > 0, name
    assert [n for n, plan in plans.items() if not plan], "one participant never submits"
    assert [n for n, plan in plans.items() if len(plan) == 2], "some submit twice"


def test_a_killed_server_leaves_the_saved_notebook_intact(cohort):
    cohort.reach("worked")
    killed = cohort.facts["killed"]
    assert not Path(f"/proc/{killed['pid']}").exists()
    saved = nbformat.writes(killed["saved"])
    assert nbformat.writes(killed["on_disk"]) == saved
    assert nbformat.writes(killed["reopened"]) == saved


def test_assignment_list_in_the_browser(cohort, browser, tmp_path):
    """One participant: Nbgrader > Assignment List, Fetch, open the notebook, Submit."""
    cohort.reach("worked")
    name = cohort.browser_steps["user"]
    context, page = login(browser, cohort.hub, name)
    try:
        page.goto(f"{cohort.hub.url}/user/{name}/lab")
        page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click(timeout=60_000)
        page.locator(".lm-Menu-itemLabel", has_text="Assignment List").click()
        released = page.locator("#released_assignments_list")
        released.locator("button", has_text="Fetch").click(timeout=60_000)
        fetched = page.locator("#fetched_assignments_list")
        fetched.get_by_text(ASSIGNMENT).first.wait_for(timeout=60_000)
        assert Path(f"/home/{name}/{NOTEBOOK}").is_file()
        # open the notebook from the list (expand the assignment, click the notebook)
        fetched.get_by_text(ASSIGNMENT).first.click()
        fetched.locator("a", has_text=ASSIGNMENT).last.click()
        page.locator(".lm-TabBar-tabLabel", has_text=f"{ASSIGNMENT}.ipynb").wait_for(
            timeout=60_000
        )
        page.locator(".jp-NotebookPanel .jp-RenderedMarkdown h1").first.wait_for(timeout=60_000)
        page.screenshot(path=str(tmp_path / "notebook.png"))
        page.locator(".lm-TabBar-tabLabel", has_text="Assignments").first.click()
        fetched.locator("button", has_text="Submit").click(timeout=60_000)
        page.locator("#submitted_assignments_list").get_by_text(ASSIGNMENT).first.wait_for(
            timeout=60_000
        )
        page.screenshot(path=str(tmp_path / "submitted.png"))
    finally:
        context.close()
    inbound = cohort.hub.exchange / hc.COURSE_ID / "inbound"
    assert any(p.name.startswith(f"{name}+{ASSIGNMENT}+") for p in inbound.iterdir())
    cohort.submissions[name] = 1
    cohort.scenario[name] = "blank"
    cohort.browser_steps["submitted"] = True


def test_hub_restart_keeps_servers_and_submissions(cohort):
    cohort.reach("restarted")
    restart = cohort.facts["restart"]
    assert restart["before"] == restart["after"]
    assert all(restart["after"].values())
    inbound = cohort.hub.exchange / hc.COURSE_ID / "inbound"
    assert sorted(p.name for p in inbound.iterdir()) == restart["inbound"]
    # the routes came back: a participant's server answers through the new proxy
    name = cohort.names[-2]
    assert cohort.server(name).assignments()


def test_collect_and_sandboxed_parallel_autograde(cohort):
    cohort.reach("graded")
    book = gradebook(cohort.hub)
    submitters = {n for n, count in cohort.submissions.items() if count}
    assert set(book) == submitters
    never = [n for n, plan in cohort.facts["plans"].items() if not plan]
    assert not set(never) & set(book)
    course = cohort.course
    for name in submitters:
        expected = samples.expected_score(course, ASSIGNMENT, cohort.scenario[name])
        assert book[name]["auto"] == pytest.approx(expected), (name, cohort.scenario[name])
    assert "2 at a time" in cohort.facts["autograde"] or "workers" in cohort.facts["autograde"]


def test_formgrader_hand_grading_in_the_browser(cohort, browser, tmp_path):
    cohort.reach("graded")
    full = next(n for n, s in cohort.scenario.items() if s == "full")
    notebook_id = gradebook(cohort.hub)[full]["notebook_id"]
    context, page = login(browser, cohort.hub, INSTRUCTOR)
    try:
        page.goto(f"{cohort.hub.url}/user/{INSTRUCTOR}/formgrader/submissions/"
                  f"{notebook_id}/?index=0")
        score = page.locator(f"input#{REFLECTION}")
        score.wait_for(timeout=60_000)
        # the page fills its fields from the gradebook once loaded: type after that
        page.wait_for_load_state("networkidle", timeout=60_000)
        for _ in range(3):
            score.fill(str(int(EXPECTED_MANUAL)))
            score.press("Tab")
            comment = page.locator(f"textarea#{REFLECTION}-comment")
            comment.fill(COMMENT)
            comment.press("Tab")
            entry = _wait_for_grade(cohort, full)
            if entry["manual"] == EXPECTED_MANUAL and entry["comment"] == COMMENT:
                break
        page.screenshot(path=str(tmp_path / "formgrader.png"))
    finally:
        context.close()
    entry = gradebook(cohort.hub)[full]
    assert entry["manual"] == EXPECTED_MANUAL
    assert entry["comment"] == COMMENT
    cohort.browser_steps["formgrader"] = full


def test_participants_fetch_feedback_with_points_and_comment(cohort):
    cohort.reach("feedback")
    graded = cohort.browser_steps["formgrader"]
    book = gradebook(cohort.hub)
    page = feedback_html(graded)
    assert COMMENT in page
    total = book[graded]["auto"] + EXPECTED_MANUAL
    assert re.search(rf"Score:\s*{total:g}(\.0)?\s*/\s*12", re.sub(r"<[^>]+>", " ", page)), total
    for name in book:
        text = re.sub(r"<[^>]+>", " ", feedback_html(name))
        assert re.search(rf"Score:\s*{book[name]['score']:g}", text), name
        if name != graded:
            assert COMMENT not in text
    never = [n for n, plan in cohort.facts["plans"].items() if not plan]
    for name in never:
        assert not Path(f"/home/{name}/{hc.COURSE_ID}/{ASSIGNMENT}/feedback").exists()


def test_idle_culler_runs_as_a_hub_service(hub):
    services = hub.api("GET", "/services").json()
    assert "idle-culler" in services
    command = " ".join(services["idle-culler"].get("command") or [])
    assert "jupyterhub_idle_culler" in command
    assert (hc.VENV / "bin/jupyterhub-idle-culler").exists()
