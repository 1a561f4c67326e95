"""In a real JupyterLab, an explorer runs on the kernel and answers a control change.

This proves that the pinned ipywidgets, JupyterLab and widget front end work together: the
test starts JupyterLab on 127.0.0.1 with a token, opens a notebook in headless Chromium, runs
``explore(...)``, picks another option and waits for the sentence the toolkit computes.
"""

from __future__ import annotations

from collections.abc import Iterator

import nbformat
import pytest

from innolead.explorers import explore
from innolead.explorers import spec as explorer_spec
from tests.conftest import jupyter_lab

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CASE = "barometer"


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """JupyterLab on 127.0.0.1 serving a folder with one explorer notebook."""
    root = tmp_path_factory.mktemp("lab")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(f'from innolead import explore\nexplore("{CASE}")')]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(notebook, root / "explore.ipynb")
    with jupyter_lab(root, root) as server:
        yield server


def _run_first_cell(tab: object, output: object, attempts: int = 4) -> None:
    """Run the notebook's cell, retrying while JupyterLab is still attaching the kernel.

    A Shift+Enter that arrives before the kernel connection is ready is silently dropped, so
    the test presses it again until the cell's output appears. On a busy machine JupyterLab may
    first ask something in a dialog (which kernel, or a kernel that was slow to start): its
    default answer is taken, and its words are reported if the cell still never runs.
    """
    dialogs = []
    for _ in range(attempts):
        dialog = tab.locator(".jp-Dialog")
        if dialog.count() and dialog.first.is_visible():
            dialogs.append(" ".join(dialog.first.inner_text().split()))
            dialog.first.locator(".jp-mod-accept").first.click()
            dialog.first.wait_for(state="hidden", timeout=30_000)
        try:
            tab.locator(".jp-Cell .jp-InputArea-editor").first.click(timeout=15_000)
            tab.keyboard.press("Shift+Enter")
            output.wait_for(state="visible", timeout=30_000)
            return
        except Exception:  # Playwright's TimeoutError (a dialog in the way, or no run): again
            continue
    pytest.fail(f"JupyterLab never ran the explorer cell (dialogs it showed: {dialogs})")


def _expected_sentence(name: str, value: object) -> str:
    explorer = explore(CASE)
    return explorer.set(**{name: value}).sentence


def test_explorer_runs_live_in_jupyterlab(lab: tuple[str, str], browser: object) -> None:
    """Does changing a dropdown in JupyterLab show the sentence the toolkit computes?"""
    base, token = lab
    first = next(c for c in explorer_spec(CASE).controls if hasattr(c, "options"))
    label, value = next((lbl, v) for lbl, v in first.options if v != first.default)
    expected = _expected_sentence(first.name, value)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.goto(f"{base}/lab/tree/explore.ipynb?token={token}")
    tab.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=60_000)
    select = tab.locator(".widget-dropdown select").first
    _run_first_cell(tab, select)
    select.select_option(label=label)
    status = tab.locator(".jp-OutputArea [role='status']").first
    status.filter(has_text=expected[:60]).wait_for(timeout=30_000)
    shown = status.inner_text().strip()
    chart = tab.locator(".jp-OutputArea .vega-embed svg, .jp-OutputArea .vega-embed canvas")
    drawn = chart.count()
    context.close()
    assert shown == expected
    assert drawn >= 1, "JupyterLab did not draw the explorer's Vega-Lite chart"
