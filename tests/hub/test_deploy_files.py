"""The deployment's files agree with each other and with what was measured: the hub's pins
with the course's, the Kubernetes values with the load benchmark, the singleuser image with
the hub's installer. (The chart's own values schema cannot be fetched where these tests run;
deploy/k8s/README.md says how an administrator checks the values against it.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
HUB = ROOT / "deploy" / "hub"
K8S = ROOT / "deploy" / "k8s"


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line.strip())
        if match:
            found[match.group(1).lower()] = match.group(2)
    return found


def _bytes(text: str) -> int:
    units = {"K": 1024, "M": 1024**2, "G": 1024**3}
    return int(float(text[:-1]) * units[text[-1]]) if text[-1] in units else int(text)


def values() -> dict:
    return yaml.safe_load((K8S / "values.yaml").read_text())


def test_hub_pins_agree_with_the_course():
    hub, course = pins(HUB / "requirements.txt"), pins(ROOT / "requirements.txt")
    shared = set(hub) & set(course)
    assert {"jupyterlab", "nbgrader", "pandas", "ipywidgets"} <= shared
    assert {name: hub[name] for name in shared} == {name: course[name] for name in shared}
    assert hub["jupyterhub"].startswith("5.")
    lock = json.loads((HUB / "package-lock.json").read_text())
    chp = lock["packages"]["node_modules/configurable-http-proxy"]["version"]
    assert chp == json.loads((HUB / "package.json").read_text())["dependencies"][
        "configurable-http-proxy"]


def test_k8s_values_carry_the_measured_memory_and_the_courses_image():
    single = values()["singleuser"]
    assert single["defaultUrl"] == "/lab/tree/innolead"
    assert values()["cull"]["enabled"] is True
    limit = _bytes(single["memory"]["limit"])
    assert limit == _bytes("1G")  # the one-machine hub's per-user limit
    measured = ROOT / "benchmarks" / "results" / "hub.json"
    if measured.is_file():
        figures = json.loads(measured.read_text())
        per = figures["summary"]["memory_per_active_participant_mib"] * 1024**2
        guarantee = _bytes(single["memory"]["guarantee"])
        assert per <= guarantee <= 2 * per, (per, guarantee)
    dockerfile = (K8S / "Dockerfile").read_text()
    assert "deploy/hub/install.sh --image" in dockerfile
    assert single["extraEnv"]["INNOLEAD_EXCHANGE"] in dockerfile
