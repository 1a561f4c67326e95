"""Every Vega-Lite specification the toolkit exports is valid for the Vega-Lite that draws it.

The specifications are built by hand (``innolead.render.vegalite``), so nothing but these
tests checks them against Vega-Lite's own schema: version 6 for the book (the vendored
Vega-Lite in ``_static/vendor/vega``), version 5 for the live explorer (JupyterLab's
renderer). The schemas are vendored in ``tests/explorers/vega-lite/`` (see its README).

The unit tests cover each explorer at every value of every control (one control moved from
the default view at a time), in both versions; the ``book`` test covers every state the book
build exported, exactly as readers' browsers receive it.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from innolead.cases import names
from innolead.explorers import spec as explorer_spec
from innolead.explorers.base import check_state, run_view
from innolead.render.vegalite import vega_spec

SCHEMAS = Path(__file__).parent / "vega-lite"
#: The Vega-Lite release each specification version is drawn by.
RELEASES = {5: "5.6.1", 6: "6.5.0"}
VENDORED_JS = Path(__file__).parents[2] / "_static/vendor/vega/vega-lite.min.js"


@cache
def validator(version: int) -> Any:
    """A validator for the vendored schema of the Vega-Lite that draws ``version`` specs."""
    path = SCHEMAS / f"vega-lite-schema-v{RELEASES[version]}.json.gz"
    schema = json.loads(gzip.decompress(path.read_bytes()))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def problems(spec: dict[str, Any], version: int) -> list[str]:
    """What the schema rejects in ``spec``, one line each (empty when valid)."""
    assert spec["$schema"] == f"https://vega.github.io/schema/vega-lite/v{version}.json"
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
        for e in validator(version).iter_errors(spec)
    ]


def one_control_states(case: str) -> list[dict[str, Any]]:
    """The default state and, for each control, every value with the others at default."""
    spec = explorer_spec(case)
    states = [check_state(spec, {})]
    for control in spec.controls:
        states += [check_state(spec, {control.name: v}) for v in control.values()]
    return states


def test_schema_matches_vendored_vega_lite() -> None:
    """Is the version 6 schema the one of the Vega-Lite the book serves?"""
    head = VENDORED_JS.read_text(encoding="utf-8")[:2000]
    assert re.search(r'"(\d+\.\d+\.\d+)"', head).group(1) == RELEASES[6]


def test_schema_rejects_a_wrong_spec() -> None:
    """Does the check fail for a specification Vega-Lite would not draw (a misspelt mark)?"""
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": []},
        "mark": {"type": "barr"},
    }
    assert problems(spec, 6)


@pytest.mark.parametrize("case", names())
@pytest.mark.parametrize("version", sorted(RELEASES))
def test_explorer_specs_are_valid(case: str, version: int) -> None:
    """Is every chart of the explorer, at every control value, valid Vega-Lite?"""
    spec = explorer_spec(case)
    data = spec.load()
    found = {}
    for state in one_control_states(case):
        view = run_view(spec, data, state)
        if view.chart is not None:
            errors = problems(vega_spec(view.chart, view.alt, version=version), version)
            if errors:
                found[json.dumps(state)] = errors[:3]
    assert found == {}


@pytest.mark.book
def test_book_exported_specs_are_valid(built_book: Path) -> None:
    """Is every state the book build exported (what readers' browsers draw) valid Vega-Lite 6?"""
    from innolead.web.sphinx_assets import STATES_DIR

    files = sorted((built_book / STATES_DIR).glob("*.json"))
    assert files, f"no explorer states in {built_book / STATES_DIR}"
    found = {}
    for path in files:
        for key, state in json.loads(path.read_text(encoding="utf-8"))["states"].items():
            if state.get("chart"):
                errors = problems(state["chart"], 6)
                if errors:
                    found[f"{path.name} {key}"] = errors[:3]
    assert found == {}
