"""The toolkit installs as a package and works away from the checkout, as a hub image uses it.

A wheel is built from the repository and installed (without its dependencies) into a new
virtual environment whose third-party libraries come from the course's own (a ``.pth`` file
names that folder; its editable ``innolead`` is not on the path). Run from a folder outside the
repository, the installed toolkit must load every case, build every explorer and answer
``innolead --help``. A full ``pip install .`` with every dependency downloaded takes over a
minute; README's "Installing the toolkit elsewhere" gives that command.
"""

from __future__ import annotations

import ast
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
from pathlib import Path

import pytest

from tests.conftest import shared_once

ROOT = Path(__file__).resolve().parents[2]
CHECK = """
import innolead, sys
from innolead import paths
from innolead.cases import load, names
from innolead.explorers import explore
assert sys.prefix != sys.base_prefix
assert paths.checkout() is None, paths.checkout()
assert str(paths.cases_dir()).startswith(sys.prefix), paths.cases_dir()
for name in names():
    frame = load(name)
    assert len(frame) > 0, name
    explore(name)
print("ok", len(names()), innolead.__file__)
"""


_IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "_build", "build", "node_modules", "*.egg-info", "exercises"
)


def _ignored(folder: str, names: list[str]) -> set[str]:
    """What the wheel's copy of the sources leaves out: the Swedish book (``sv/`` at the top,
    not the toolkit's ``innolead/locale/sv/`` catalogues), builds and the course folder."""
    top = {"sv"} & set(names) if Path(folder) == ROOT else set()
    return set(_IGNORED(folder, names)) | top


def _build_and_install(tmp: Path) -> Path:
    """Build the wheel (in a copy of the sources, so no ``build/`` folder is shared) and
    install it into a new virtual environment."""
    sources = tmp / "sources"
    shutil.copytree(
        ROOT,
        sources,
        ignore=_ignored,
    )
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp / "wheel"), str(sources)],
        capture_output=True, text=True, cwd=tmp, check=False, timeout=300,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp / "wheel").glob("innolead-*.whl")
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    (Path(site) / "course-libraries.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    done = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return env_dir


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with the toolkit installed from a wheel, not from the checkout."""
    return shared_once("installed-toolkit", tmp_path_factory, _build_and_install)


def _run(env_dir: Path, *command: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INNOLEAD_", "PYTHON"))}
    return subprocess.run(
        list(command), capture_output=True, text=True, cwd=cwd, env=env, check=False, timeout=300
    )


def test_installed_toolkit_loads_every_case_and_explorer(installed: Path, tmp_path: Path) -> None:
    """From another folder, does the installed package find its case data and build explorers?"""
    run = _run(installed, str(installed / "bin" / "python"), "-c", CHECK, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.startswith("ok 7 ")
    assert str(installed) in run.stdout


def test_installed_command_answers_help(installed: Path, tmp_path: Path) -> None:
    """Does the installed ``innolead`` command start and list the instructor's commands?"""
    run = _run(installed, str(installed / "bin" / "innolead"), "--help", cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "autograde" in run.stdout


def test_installed_command_asks_for_a_course_folder(installed: Path, tmp_path: Path) -> None:
    """Away from a checkout, does a command that needs a course say how to name one?"""
    run = _run(installed, str(installed / "bin" / "innolead"), "autograde", "part1", cwd=tmp_path)
    assert run.returncode != 0
    assert "--course" in run.stderr
    assert "Traceback" not in run.stderr


def test_every_package_folder_is_listed_in_pyproject() -> None:
    """Is every folder of the toolkit with an ``__init__.py`` shipped (setuptools lists them)?"""
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "innolead").rglob("__init__.py")
    }
    assert found | {"innolead.casedata"} == listed


def _pins(path: Path) -> dict[str, str]:
    """The ``name==version`` lines of a requirements file, names normalised."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            name, version = line.split("==")
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version.strip()
    return pins


def _third_party_imports() -> set[str]:
    """The top-level modules the toolkit imports that are not its own or Python's."""
    found = set()
    for path in (ROOT / "innolead").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names} - {"innolead"}


def test_every_library_the_toolkit_imports_is_pinned() -> None:
    """Is every distribution the toolkit imports directly pinned exactly in requirements.txt?

    The grading sandbox overrides private jupyter_client methods, so an unpinned upgrade of a
    library imported directly could break grading without any test noticing.
    """
    pins = _pins(ROOT / "requirements.txt")
    owners = importlib.metadata.packages_distributions()
    unpinned = {
        module: owners.get(module, [module])
        for module in _third_party_imports()
        if not any(re.sub(r"[-_.]+", "-", d).lower() in pins for d in owners.get(module, [module]))
    }
    assert unpinned == {}


def _oldest_python() -> str:
    """The oldest Python that pyproject.toml admits, as a full version (">=3.11" -> "3.11.0")."""
    floor = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    version = re.fullmatch(r">=\s*(\d+\.\d+(?:\.\d+)?)", floor.strip())
    assert version, f"pyproject.toml: requires-python {floor!r} should be '>=X.Y'"
    return version.group(1) if version.group(1).count(".") == 2 else f"{version.group(1)}.0"


def test_every_locked_version_installs_on_the_oldest_python_the_course_admits() -> None:
    """Does every pin in requirements.txt accept the oldest Python pyproject.toml admits?

    Debian 12's python3 is 3.11.2; a pin whose release needs 3.11.5 would stop `make` there
    before anything else runs. The installed distributions' own metadata says what they need.
    """
    from packaging.specifiers import SpecifierSet

    oldest = _oldest_python()
    refused = {}
    for name, version in _pins(ROOT / "requirements.txt").items():
        try:
            meta = importlib.metadata.distribution(name).metadata
        except importlib.metadata.PackageNotFoundError:
            continue  # not for this platform (a marker); pip checks it where it applies
        if meta["Version"] != version:
            refused[name] = f"installed {meta['Version']}, locked {version}: run `make setup`"
        elif not SpecifierSet(meta.get("Requires-Python") or "").contains(oldest):
            refused[name] = f"{version} needs Python {meta['Requires-Python']}"
    assert refused == {}, f"pins that do not install on Python {oldest}: {refused}"


def test_binder_installs_what_a_reader_needs_at_the_locked_versions() -> None:
    """Does Binder get the lock's versions, and no book-build or test tools?"""
    binder, lock = _pins(ROOT / "binder" / "requirements.txt"), _pins(ROOT / "requirements.txt")
    assert {name: lock.get(name) for name in binder} == binder
    assert not set(binder) & {"pytest", "playwright", "ruff", "mypy", "jupyter-book", "nbgrader"}
    assert {"jupyterlab", "ipywidgets", "pandas", "jupytext"} <= set(binder)


SWEDISH = """
from innolead import i18n
from innolead.analysis.errors import SelectionError
from innolead.analysis.diffusion import cumulative_adoption
import pandas as pd
assert str(i18n.LOCALE_DIR).startswith(__import__("sys").prefix), i18n.LOCALE_DIR
try:
    cumulative_adoption(pd.DataFrame({"adoption_year": []}), year="adoption_year")
except SelectionError as err:
    print(err)
"""


def test_installed_toolkit_speaks_swedish(installed: Path, tmp_path: Path) -> None:
    """Does the wheel ship the compiled catalogue, so INNOLEAD_LANG=sv gives Swedish messages?"""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INNOLEAD_", "PYTHON"))}
    run = subprocess.run(
        [str(installed / "bin" / "python"), "-c", SWEDISH], capture_output=True, text=True,
        cwd=tmp_path, env=env | {"INNOLEAD_LANG": "sv"}, check=False, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.startswith("Inga kommuner passar urvalet"), run.stdout


#: What jsonschema 4.25 and later import for the format-nongpl extra: three Earley parsers
#: built on import, 1.2 s of CPU (python-jsonschema/jsonschema#1428).
SLOW_IMPORTS = ("rfc3987_syntax", "lark")


def test_notebook_tools_start_without_the_slow_iri_parser() -> None:
    """Does importing nbformat, as every innolead and nbgrader command, grading worker and
    JupyterLab does, leave out the IRI parser that made each of them start 1.2 s slower?"""
    probe = "import nbformat, sys; print(sorted(m for m in sys.modules if m.startswith(SLOW)))"
    run = subprocess.run(
        [sys.executable, "-c", f"SLOW = {SLOW_IMPORTS!r}\n{probe}"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert run.stdout.strip() == "[]", (
        f"importing nbformat loads {run.stdout.strip()}: keep jsonschema below 4.25 in "
        "requirements.txt, deploy/hub/requirements.txt and binder/requirements.txt"
    )
