"""Make a graded notebook safe to open: nothing a participant wrote or printed can run.

The formgrader shows an instructor each autograded notebook in a page of the instructor's own
Jupyter server, and the feedback pages are made from the same notebook. Markdown and HTML
outputs pass into those pages as they are, so a reflection holding ``<img src=x onerror=...>``
would run script with the instructor's session (read or change the gradebook, open a
terminal). ``SanitizeSubmission`` therefore rewrites every part of the notebook that came from
the participant or their kernel, with an allow-list (nh3, the maintained Rust sanitiser):

- a participant's Markdown (answers and any cell they added) is rendered to HTML here, cleaned,
  and stored as one HTML block that the page shows as it is, marked so that MathJax leaves it
  alone; raw cells become quoted text; attachments are dropped;
- outputs keep text, tables and images without handlers: HTML is cleaned, SVG is shown as an
  image (which cannot run script), pictures must be real base64 data, and script, widgets,
  LaTeX and unknown types are dropped, leaving their plain-text form;
- notebook and cell metadata the templates print into attributes are reset or dropped.

The locked cells nbgrader restored from the gradebook are the instructor's and stay as written.
It runs last in autograding (after the scores are saved, so checksums of answers are untouched)
and again before feedback is written, for notebooks graded before it existed.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
import uuid
from typing import Any

import nh3
from nbconvert.filters.markdown_mistune import markdown2html_mistune
from nbformat import NotebookNode
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import NbGraderPreprocessor

#: Tags a reader of an answer or an output needs: text, lists, tables, code, images, links.
TAGS = set(nh3.ALLOWED_TAGS) - {"area", "map"}
#: Attributes kept (no ``style`` or ``class``: a participant must not restyle or cover the page).
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "title"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start"},
}
#: Tags removed with everything inside them.
CLEAN_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg"}
#: The class of the box that holds a participant's Markdown; MathJax skips ``tex2jax_ignore``.
BOX = "innolead-participant tex2jax_ignore"
#: Image types an output may carry, and the base64 text they must be.
PICTURES = ("image/png", "image/jpeg", "image/gif")
_BASE64 = re.compile(r"[A-Za-z0-9+/=\s]*")
_DATA_IMAGE = re.compile(r"data:image/(png|jpeg|gif|svg\+xml);base64,[A-Za-z0-9+/=]+")
_LINK = re.compile(r"(https?://|mailto:|#)", re.IGNORECASE)
_CELL_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_GRADE_ID = re.compile(r"[A-Za-z0-9_-]{1,200}")


def _keep_safe_urls(tag: str, attribute: str, value: str) -> str | None:
    """Images only from data inside the page; links only to the web, mail or the same page."""
    if attribute == "src":
        return value if _DATA_IMAGE.fullmatch(value.strip()) else None
    if attribute == "href":
        return value if _LINK.match(value.strip()) else None
    return value


def clean_html(fragment: str) -> str:
    """``fragment`` with only the allowed tags and attributes, on one line.

    >>> clean_html('<p onclick="x()">Hi<img src=x onerror=alert(1)></p><script>bad()</script>')
    '<p>Hi<img></p>'
    """
    cleaned = nh3.clean(
        fragment,
        tags=TAGS,
        clean_content_tags=CLEAN_CONTENT,
        attributes=ATTRIBUTES,
        attribute_filter=_keep_safe_urls,
        url_schemes={"http", "https", "mailto", "data"},
        link_rel="noopener noreferrer nofollow",
    )
    # One line, so that Markdown keeps it as a single HTML block (a newline inside <pre> still
    # shows as one).
    return cleaned.replace("\r", "").replace("\n", "&#10;")


def markdown_to_safe_html(text: str) -> str:
    """A participant's Markdown as clean HTML in a box that pages show as it is."""
    return f'<div class="{BOX}">{clean_html(markdown2html_mistune(text))}</div>'


def _text(value: object) -> str:
    if isinstance(value, list):
        return "".join(str(part) for part in value)
    return value if isinstance(value, str) else ""


def _picture(value: object) -> str | None:
    text = _text(value)
    if not text or not _BASE64.fullmatch(text):
        return None
    try:
        base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        return None
    return text


def clean_data(data: dict[str, Any]) -> dict[str, str]:
    """An output's MIME bundle with only safe types, made safe."""
    out: dict[str, str] = {}
    if "text/plain" in data:
        out["text/plain"] = _text(data["text/plain"])
    if "text/html" in data:
        out["text/html"] = clean_html(_text(data["text/html"]))
    elif "text/markdown" in data:
        out["text/html"] = markdown_to_safe_html(_text(data["text/markdown"]))
    elif "image/svg+xml" in data:
        svg = _text(data["image/svg+xml"]).encode("utf-8")
        encoded = base64.b64encode(svg).decode("ascii")
        out["text/html"] = (
            f'<img alt="A picture from the notebook" src="data:image/svg+xml;base64,{encoded}">'
        )
    for kind in PICTURES:
        picture = _picture(data.get(kind))
        if picture:
            out[kind] = picture
    dropped = sorted(set(data) - set(out) - {"text/markdown", "image/svg+xml"})
    if not out:
        out["text/plain"] = f"(An output of type {', '.join(dropped)[:200]} is not shown here.)"
    return out


def clean_output(output: dict) -> NotebookNode | None:
    """One output rebuilt from its safe parts (``None`` for a kind no page should show)."""
    kind = output.get("output_type")
    if kind == "stream":
        name = "stderr" if output.get("name") == "stderr" else "stdout"
        return NotebookNode(output_type="stream", name=name, text=_text(output.get("text")))
    if kind == "error":
        return NotebookNode(
            output_type="error",
            ename=_text(output.get("ename"))[:200],
            evalue=_text(output.get("evalue")),
            traceback=[_text(line) for line in output.get("traceback", []) or []],
        )
    if kind in ("display_data", "execute_result"):
        node = NotebookNode(
            output_type=kind, data=clean_data(output.get("data") or {}), metadata={}
        )
        if kind == "execute_result":
            count = output.get("execution_count")
            node.execution_count = count if type(count) is int else None
        return node
    return None


def _clean_nbgrader_metadata(meta: object) -> dict | None:
    if not isinstance(meta, dict):
        return None
    grade_id = meta.get("grade_id")
    if grade_id is not None and not (isinstance(grade_id, str) and _GRADE_ID.fullmatch(grade_id)):
        return None
    return meta


class SanitizeSubmission(NbGraderPreprocessor):
    """Rewrite what a participant supplied so no page that shows the notebook runs any of it."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        trusted = self._instructor_markdown(resources)
        for cell in nb.cells:
            self._clean_cell(cell, trusted)
        kernelspec = nb.metadata.get("kernelspec", {})
        nb.metadata = NotebookNode(
            kernelspec=NotebookNode(
                display_name="Python 3 (ipykernel)", language="python", name="python3"
            )
            if not isinstance(kernelspec, dict)
            else NotebookNode({k: html.escape(_text(v)) for k, v in kernelspec.items()}),
            language_info=NotebookNode(name="python"),
        )
        return nb, resources

    def _clean_cell(self, cell: NotebookNode, trusted: set[str]) -> None:
        nbgrader = _clean_nbgrader_metadata(cell.metadata.get("nbgrader"))
        cell.metadata = NotebookNode(nbgrader=nbgrader) if nbgrader else NotebookNode()
        cell.pop("attachments", None)
        valid_id = isinstance(cell.get("id"), str) and _CELL_ID.fullmatch(cell["id"])
        if "id" in cell and not valid_id:
            cell["id"] = uuid.uuid4().hex[:8]
        if cell.cell_type == "raw":
            cell.cell_type = "markdown"
            cell.source = f'<div class="{BOX}"><pre>{html.escape(_text(cell.source))}</pre></div>'
            cell.source = cell.source.replace("\n", "&#10;")
        elif cell.cell_type == "markdown" and cell.source not in trusted:
            cell.source = markdown_to_safe_html(_text(cell.source))
        elif cell.cell_type == "code":
            outputs = [clean_output(o) for o in cell.get("outputs", [])]
            cell.outputs = [o for o in outputs if o is not None]
            count = cell.get("execution_count")
            cell.execution_count = count if type(count) is int else None
        elif cell.cell_type not in ("markdown", "code"):
            cell.cell_type, cell.source = "markdown", ""

    @staticmethod
    def _instructor_markdown(resources: dict) -> set[str]:
        """The Markdown of the locked cells in the gradebook: shown as the instructor wrote it."""
        info = resources.get("nbgrader", {})
        if "db_url" not in info:
            return set()
        with Gradebook(info["db_url"]) as gb:
            try:
                notebook = gb.find_notebook(info["notebook"], info["assignment"])
            except MissingEntry:
                return set()
            return {
                cell.source
                for cell in notebook.source_cells
                if cell.locked and cell.cell_type == "markdown"
            }
