"""Self-contained, accessible HTML for the report: tables, figures, sections, one page.

No external assets: the style sheet is inline and charts are embedded PNGs with alt text.
Tables have a caption, column headers with ``scope="col"`` and row headers with
``scope="row"``, as WCAG's table techniques (H39, H63) describe; every text is escaped.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Iterable, Mapping

import pandas as pd

from innolead.format import num, pct
from innolead.html_policy import META

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a;
       background: #fff; line-height: 1.5; margin: 0; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.8rem; } h2 { font-size: 1.35rem; margin-top: 2.2rem; }
h3 { font-size: 1.1rem; }
table { border-collapse: collapse; margin: 1rem 0; }
caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
th, td { border: 1px solid #767676; padding: .3rem .6rem; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: #e8eef5; }
figure { margin: 1rem 0; } img { max-width: 100%; height: auto; }
figcaption { font-size: .95rem; color: #333; }
.headline { font-size: 1.15rem; }
.note { border-left: 4px solid #0072B2; padding: .2rem .8rem; background: #f3f7fb; }
a { color: #0b5394; }
"""

#: How each kind of column is shown: shares as per cent, means with one decimal.
FORMATS = {"share": "pct", "mean_": "num1"}


def _cell(value: object, rule: str | None) -> tuple[str, bool]:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "-", False
    if rule == "pct":
        return pct(float(value)), True
    if rule == "num1":
        return num(float(value), 1), True
    if isinstance(value, int | float) and not isinstance(value, bool):
        return num(value), True
    return str(value), False


def _rule(column: str, formats: Mapping[str, str]) -> str | None:
    for prefix, rule in formats.items():
        if column.startswith(prefix):
            return rule
    return None


def table(
    frame: pd.DataFrame,
    caption: str,
    headers: Mapping[str, str] | None = None,
    formats: Mapping[str, str] = FORMATS,
) -> str:
    """A table: caption, column headers, the first column as row headers.

    Parameters
    ----------
    frame
        The rows to show.
    caption
        What the table shows, with its base.
    headers
        Column name -> header text; columns not named keep their names.
    formats
        Column name prefix -> ``"pct"`` or ``"num1"``; other numbers are whole numbers.

    Examples
    --------
    >>> text = table(pd.DataFrame({"group": ["all"], "share": [0.8]}), "Satisfied")
    >>> text[:40]
    '<table><caption>Satisfied</caption><thea'
    >>> '<th scope="row">all</th><td class="num">80 %</td>' in text
    True
    """
    names = headers or {}
    head = "".join(f'<th scope="col">{html.escape(names.get(c, c))}</th>' for c in frame.columns)
    rows = []
    for values in frame.itertuples(index=False):
        cells = []
        for i, (column, value) in enumerate(zip(frame.columns, values, strict=True)):
            text, numeric = _cell(value, _rule(column, formats))
            if i == 0:
                cells.append(f'<th scope="row">{html.escape(text)}</th>')
            else:
                css = ' class="num"' if numeric else ""
                cells.append(f"<td{css}>{html.escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def figure(png: bytes, alt: str, caption: str) -> str:
    """An embedded PNG with its text alternative and a visible caption."""
    data = base64.b64encode(png).decode("ascii")
    return (
        f'<figure><img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>"
    )


def paragraph(text: str, css: str = "") -> str:
    """A paragraph of plain text (escaped), optionally with a class."""
    attribute = f' class="{css}"' if css else ""
    return f"<p{attribute}>{html.escape(text)}</p>"


def bullets(lines: Iterable[str], css: str = "") -> str:
    """A list of plain-text items (escaped)."""
    attribute = f' class="{css}"' if css else ""
    return f"<ul{attribute}>" + "".join(f"<li>{html.escape(x)}</li>" for x in lines) + "</ul>"


def section(title: str, body: Iterable[str], level: int = 2) -> str:
    """A section with its heading (``level`` 2 or 3)."""
    return f"<section><h{level}>{html.escape(title)}</h{level}>{''.join(body)}</section>"


def page(title: str, body: Iterable[str]) -> str:
    """A whole HTML document: language, character set, viewport, inline style, ``main``."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' + META + "\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<main>\n<h1>{html.escape(title)}</h1>\n{''.join(body)}\n</main>\n</body>\n</html>\n"
    )
