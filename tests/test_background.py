"""The shared results built in the background (``tests.conftest.BACKGROUND``) can be built."""

from __future__ import annotations

import importlib
import pickle
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests import conftest
from tests.conftest import BACKGROUND, ROOT


@pytest.mark.parametrize("fixture", sorted(BACKGROUND))
def test_every_background_builder_exists(fixture: str) -> None:
    """Does each entry name a function that takes the folder to build in?"""
    module, function = BACKGROUND[fixture][1].split(":")
    assert callable(getattr(importlib.import_module(module), function))


def _build(target: str, folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tests.background", "thing", str(folder), target],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_background_build_leaves_its_result_for_shared_once(tmp_path: Path) -> None:
    """Does a build leave the pickle that ``shared_once`` reads, made in its own folder?"""
    run = _build("os.path:abspath", tmp_path)
    assert run.returncode == 0, run.stderr
    assert pickle.loads((tmp_path / "thing.pickle").read_bytes()) == str(tmp_path / "thing")
    assert (tmp_path / "thing").is_dir()


def test_background_build_that_fails_says_why(tmp_path: Path) -> None:
    """Does a failing build exit non-zero with its traceback, and leave no result?"""
    run = _build("json:loads", tmp_path)  # a folder is no JSON text
    assert run.returncode != 0
    assert "TypeError" in run.stderr
    assert not (tmp_path / "thing.pickle").exists()


def test_prefetch_starts_each_build_once_per_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Do two workers asking for the same build start one builder process between them?"""
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    monkeypatch.setattr(conftest, "_PREFETCHED", {})
    factory = SimpleNamespace(getbasetemp=lambda: tmp_path)
    conftest.prefetch("thing", factory, "os.path:abspath")
    first = conftest._PREFETCHED.pop("thing")  # the other worker has started nothing itself
    conftest.prefetch("thing", factory, "os.path:abspath")
    assert conftest._PREFETCHED == {}
    assert first.wait(timeout=120) == 0
    assert pickle.loads((tmp_path / "thing.pickle").read_bytes()) == str(tmp_path / "thing")
