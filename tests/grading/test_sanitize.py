"""Nothing a participant wrote or printed survives as active markup in a graded notebook.

Each payload is one way script or a request can hide in HTML (event handlers, ``<script>``,
``javascript:`` links, SVG, ``<iframe>``, ``<meta refresh>``, CSS that loads a URL). The
checks parse the cleaned HTML (not search it as text), so an attribute counts wherever it is;
what a grader needs (text, tables, links to the web, pictures in the page) must remain.
"""

from __future__ import annotations

import base64

import nbformat
import pytest
from bs4 import BeautifulSoup

from innolead.grading.feedback_page import self_contained
from innolead.grading.sanitize import (
    BOX,
    SanitizeSubmission,
    clean_data,
    clean_html,
    markdown_to_safe_html,
)
from innolead.html_policy import POLICY
from tests.grading.hostile import HONEST_TEXT, PAYLOADS

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 16).decode("ascii")


def active_parts(fragment: str) -> list[str]:
    """Every element, attribute or URL in ``fragment`` that could run script or load a URL."""
    soup = BeautifulSoup(fragment, "html.parser")
    found = []
    for tag in soup.find_all(True):
        if tag.name in ("script", "iframe", "object", "embed", "meta", "style", "svg", "link"):
            found.append(f"<{tag.name}>")
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on") or name.lower() in ("style", "srcdoc", "formaction"):
                found.append(f"{tag.name}[{name}]")
            if name.lower() in ("href", "src", "action", "data", "xlink:href"):
                url = text.strip().lower()
                if url.startswith(("javascript:", "vbscript:")) or (
                    url.startswith("data:") and not url.startswith("data:image/")
                ):
                    found.append(f"{tag.name}[{name}]={url[:30]}")
                if name.lower() == "src" and not url.startswith("data:image/"):
                    found.append(f"{tag.name}[src]={url[:30]}")
    return found


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_payload_is_made_inactive(payload: str) -> None:
    """Is every active part of a payload gone from an HTML output?"""
    assert active_parts(clean_html(f"<p>{HONEST_TEXT}</p>{payload}")) == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_payload_is_made_inactive_and_keeps_the_text(payload: str) -> None:
    """Is a written answer's payload inactive, and its own words still there?"""
    cleaned = markdown_to_safe_html(f"{HONEST_TEXT}\n\n{payload}\n\n**Next:** act.")
    assert active_parts(cleaned) == []
    text = BeautifulSoup(cleaned, "html.parser").get_text()
    assert HONEST_TEXT in text
    assert "Next: act." in text


def test_markdown_keeps_what_a_grader_reads() -> None:
    """Do headings, lists, tables, emphasis, code and web links survive cleaning?"""
    cleaned = markdown_to_safe_html(
        "## Plan\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n*so* `x = 1`\n\n"
        "[SKR](https://skr.se)"
    )
    soup = BeautifulSoup(cleaned, "html.parser")
    for tag in ("h2", "ul", "li", "table", "td", "em", "code"):
        assert soup.find(tag) is not None, tag
    assert soup.find("a", string="SKR")["href"] == "https://skr.se"
    assert "\n" not in cleaned  # one HTML block, so Markdown shows it as it is
    assert BOX in cleaned  # MathJax skips it


def test_svg_output_becomes_an_image() -> None:
    """Does an SVG output (which can carry script) become a picture that cannot run it?"""
    svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>'
    data = clean_data({"image/svg+xml": svg, "text/plain": "<SVG>"})
    img = BeautifulSoup(data["text/html"], "html.parser").find("img")
    assert img["src"].startswith("data:image/svg+xml;base64,")
    assert active_parts(data["text/html"]) == []


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("application/javascript", "alert(1)"),
        ("application/vnd.jupyter.widget-view+json", {"model_id": "x"}),
        ("text/latex", r"$\href{javascript:alert(1)}{x}$"),
    ],
)
def test_script_like_outputs_leave_only_plain_text(kind: str, value: object) -> None:
    """Are script, widget and LaTeX outputs dropped, their plain-text form kept?"""
    assert clean_data({kind: value, "text/plain": "shown"}) == {"text/plain": "shown"}


def test_pictures_must_be_real_base64() -> None:
    """Is a PNG kept, and a "PNG" that breaks out of its attribute dropped?"""
    assert clean_data({"image/png": PNG})["image/png"] == PNG
    forged = clean_data({"image/png": '" onerror="alert(1)'})
    assert "image/png" not in forged


def _notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    answer = nbformat.v4.new_markdown_cell(f"{HONEST_TEXT}\n\n{PAYLOADS[0]}")
    answer.metadata["nbgrader"] = {"grade_id": "reflection", "solution": True, "grade": True}
    raw = nbformat.v4.new_raw_cell(PAYLOADS[1])
    tagged = nbformat.v4.new_markdown_cell("text")
    tagged.metadata["tags"] = ['"><img src=x onerror=alert(1)>']
    code = nbformat.v4.new_code_cell("show()")
    code.outputs = [
        nbformat.v4.new_output("display_data", data={"text/html": PAYLOADS[0]}),
        nbformat.v4.new_output("display_data", data={"image/png": PNG}, metadata={"width": "x"}),
    ]
    nb.cells = [answer, raw, tagged, code]
    nb.metadata["language_info"] = {"name": '"><script>alert(1)</script>'}
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
    return nb


def test_whole_notebook_is_rewritten() -> None:
    """Are answers, raw cells, tags, outputs and notebook metadata all made safe?"""
    nb, _ = SanitizeSubmission().preprocess(_notebook(), {})
    answer, raw, tagged, code = nb.cells
    assert active_parts(answer.source) == []
    assert HONEST_TEXT in answer.source
    assert answer.metadata["nbgrader"]["grade_id"] == "reflection"
    assert raw.cell_type == "markdown"
    assert active_parts(raw.source) == []
    assert "tags" not in tagged.metadata
    assert active_parts(code.outputs[0].data["text/html"]) == []
    assert code.outputs[1].metadata == {}
    assert nb.metadata.language_info == {"name": "python"}
    assert "widgets" not in nb.metadata


def test_feedback_page_runs_no_script_and_loads_nothing() -> None:
    """Does a finished page lose every script and gain a policy that forbids them?"""
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        "<script src='https://cdnjs.cloudflare.com/mathjax.js'></script>"
        "<link rel='stylesheet' href='https://cdn.example/x.css'></head>"
        "<body><p>Score</p><script>alert(1)</script></body></html>"
    )
    soup = BeautifulSoup(self_contained(page), "html.parser")
    assert soup.find("script") is None
    assert soup.find("link") is None
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert policy["content"] == POLICY
    assert "script-src" not in POLICY  # so default-src 'none' forbids every script
    assert soup.html["lang"] == "en"
