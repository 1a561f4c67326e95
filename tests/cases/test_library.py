"""Every case in the library loads, is documented, and regenerates byte for byte."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from innolead.cases import CASES_DIR, all_cases, get, load, names
from innolead.cases.docs import stale_files

EXPECTED = {"barometer", "culture", "diffusion", "needs", "pilot", "portfolio", "relay"}
TABLES = [(case.name, table.name) for case in all_cases().values() for table in case.tables]


def test_library_has_the_seven_cases() -> None:
    """Does the library hold exactly the seven cases of the course design?"""
    assert set(names()) == EXPECTED


@pytest.mark.parametrize(("case", "table"), TABLES)
def test_table_loads_with_documented_columns(case: str, table: str) -> None:
    """Does every table load, validated, with exactly its documented columns in order?"""
    frame = load(case, table)
    assert list(frame.columns) == get(case).table(table).column_names()
    assert len(frame) > 0


@pytest.mark.parametrize(("case", "table"), TABLES)
def test_categories_are_pandas_categories(case: str, table: str) -> None:
    """Do category columns arrive as pandas categoricals in their documented order?"""
    frame = load(case, table)
    for column in get(case).table(table).columns:
        if column.kind == "category":
            assert isinstance(frame[column.name].dtype, pd.CategoricalDtype)
            assert list(frame[column.name].cat.categories) == list(column.allowed)


@pytest.mark.parametrize(("case", "table"), TABLES)
def test_csv_header_matches_spec(case: str, table: str) -> None:
    """Is every CSV column documented, and every documented column in the CSV?"""
    spec = get(case).table(table)
    header = (CASES_DIR / case / spec.file).read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == spec.column_names()


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_readme_documents_every_column(case: str) -> None:
    """Does the case README's data dictionary name every column of every table?"""
    readme = (CASES_DIR / case / "README.md").read_text(encoding="utf-8")
    for table in get(case).tables:
        for column in table.columns:
            assert f"`{column.name}`" in readme, f"{case}: {column.name} not in README"


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_readme_labels_synthetic_data(case: str) -> None:
    """Does a case with synthetic tables say SYNTHETIC in its README and provenance?"""
    spec = get(case)
    if any(t.synthetic for t in spec.tables):
        assert "SYNTHETIC" in (CASES_DIR / case / "README.md").read_text(encoding="utf-8")
        assert "SYNTHETIC" in spec.provenance


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_readme_story_length(case: str) -> None:
    """Is the case's story between 300 and 600 words?"""
    readme = (CASES_DIR / case / "README.md").read_text(encoding="utf-8")
    story = re.search(r"## The story\n(.*?)\n## ", readme, re.DOTALL)
    assert story, f"{case}: README has no '## The story' section"
    words = len(story.group(1).split())
    assert 300 <= words <= 600, f"{case}: story has {words} words"


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_sources_are_in_bibliography(case: str) -> None:
    """Does every source a case cites exist in book/references.bib?"""
    bib = (CASES_DIR.parent / "book" / "references.bib").read_text(encoding="utf-8")
    for key in get(case).sources:
        assert f"{{{key}," in bib, f"{case}: {key} missing from references.bib"


def test_generated_docs_are_current() -> None:
    """Are the README dictionaries and the case-library page up to date with the specs?"""
    assert stale_files() == [], "run `make docs` (python -m innolead.cases.docs)"


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_generator_reproduces_committed_files(case: str, tmp_path: Path) -> None:
    """Does the seeded generator rewrite the committed CSV files byte for byte?"""
    folder = tmp_path / case
    folder.mkdir()
    shutil.copy(CASES_DIR / case / "generate.py", folder / "generate.py")
    subprocess.run([sys.executable, "generate.py"], cwd=folder, check=True, timeout=300)
    for table in get(case).tables:
        if table.synthetic or (folder / table.file).exists():
            fresh = (folder / table.file).read_bytes()
            assert fresh == (CASES_DIR / case / table.file).read_bytes(), table.file


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_generator_states_the_spec_seed(case: str) -> None:
    """Does the generator use the seed the spec (and README) documents?"""
    source = (CASES_DIR / case / "generate.py").read_text(encoding="utf-8")
    seed = get(case).seed
    assert seed is not None
    assert re.search(rf"^SEED\s*=\s*{seed}\b", source, re.MULTILINE)
