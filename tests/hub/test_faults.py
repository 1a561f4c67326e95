"""Faults an instructor meets on a hub: the exchange folder missing, or with the wrong owner or
permissions, gives a message that says what to check, and nothing half-done. (The hub
restarting mid-course and a participant's server killed mid-assignment are steps of the cohort
in test_course.py.)"""

from __future__ import annotations

import pytest

from tests.hub.conftest import ASSIGNMENT, instructor

pytestmark = pytest.mark.hub


@pytest.fixture
def broken(cohort):
    cohort.reach("released")
    folder = cohort.hub.workdir / "broken"
    folder.mkdir(mode=0o755, exist_ok=True)
    return folder


def test_missing_exchange_is_explained(cohort, broken):
    missing = broken / "no-such-exchange"
    result = instructor(cohort.hub, "innolead", "release", ASSIGNMENT, "--exchange",
                        "--exchange-root", str(missing), check=False)
    assert result.returncode != 0
    assert f"Check that {missing} exists and everyone can write to it" in result.stderr
    assert "Traceback" not in result.stderr
    assert not missing.exists()


def test_exchange_with_wrong_permissions_is_explained(cohort, broken):
    wrong = broken / "root-only-exchange"
    wrong.mkdir(mode=0o755, exist_ok=True)
    wrong.chmod(0o755)  # root's, not writable by the instructor: nbgrader cannot fix it
    result = instructor(cohort.hub, "innolead", "release", ASSIGNMENT, "--exchange",
                        "--exchange-root", str(wrong), check=False)
    assert result.returncode != 0
    assert f"Check that {wrong} exists and everyone can write to it" in result.stderr
    assert "Traceback" not in result.stderr
    collect = instructor(cohort.hub, "innolead", "collect", ASSIGNMENT, "--exchange",
                         "--exchange-root", str(wrong), check=False)
    assert collect.returncode != 0
    assert f"could not collect {ASSIGNMENT} from the exchange" in collect.stderr
    assert str(wrong) in collect.stderr  # nbgrader's own reason names the folder
    assert "Traceback" not in collect.stderr.split("from the exchange", 1)[0]
