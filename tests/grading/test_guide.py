"""The instructor guide matches the course: its rubrics and its commands."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from innolead.cli import build_parser
from innolead.grading.content import rubrics_markdown
from innolead.grading.course import DEFAULT_ROOT, Course
from tests.grading.conftest import ASSIGNMENTS

GUIDE = Path(__file__).resolve().parents[2] / "book" / "appendices" / "instructor-guide.md"


def test_guide_shows_the_rubrics_of_the_source_notebooks() -> None:
    """Are the guide's rubrics exactly those in the instructor versions (`innolead rubrics`)?"""
    text = GUIDE.read_text(encoding="utf-8")
    block = text.split("<!-- rubrics:start -->\n")[1].split("<!-- rubrics:end -->")[0]
    assert block == rubrics_markdown(Course(DEFAULT_ROOT), ASSIGNMENTS)


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")  # noqa: SLF001
    return list(sub.choices)


@pytest.mark.parametrize("command", _commands())
def test_guide_mentions_every_command(command: str) -> None:
    """Does the guide show every instructor command at least once?"""
    assert re.search(rf"innolead (--course \S+ )?{command}\b", GUIDE.read_text(encoding="utf-8"))


def test_guide_quotes_the_missing_sandbox_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Does the guide quote, word for word, what grading says when bubblewrap is missing?"""
    from innolead.grading.bwrap import SandboxUnavailable, require_tools

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("prlimit", "setpriv"):
        if shutil.which(tool):
            (bin_dir / tool).symlink_to(shutil.which(tool))
    monkeypatch.setenv("PATH", str(bin_dir))
    with pytest.raises(SandboxUnavailable) as raised:
        require_tools()
    assert f"innolead autograde: {raised.value}" in GUIDE.read_text(encoding="utf-8")


def test_guide_documents_the_workers_option() -> None:
    """Does the guide explain --workers for grading in parallel?"""
    text = GUIDE.read_text(encoding="utf-8")
    assert "--workers N" in text
    assert "sudo apt-get install bubblewrap" in text
