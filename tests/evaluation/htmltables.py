"""Read the tables of an HTML report back, to check what a reader of the report would see."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Table:
    """One table: its caption, column headers and rows of cell texts (row header first)."""

    caption: str = ""
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    scoped: bool = True  # every header cell has a scope

    def column(self, header: str) -> list[str]:
        index = self.headers.index(header)
        return [row[index] for row in self.rows]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[Table] = []
        self.images: list[dict[str, str | None]] = []
        self._text: list[str] | None = None
        self._in: str = ""
        self._row: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append(Table())
        elif tag == "img":
            self.images.append(dict(attrs))
        elif tag == "tr":
            self._row = []
        elif tag in ("caption", "th", "td"):
            if tag == "th" and not dict(attrs).get("scope"):
                self.tables[-1].scoped = False
            self._in, self._text = tag, []
        elif tag == "thead":
            self._in = "thead"

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("caption", "th", "td") and self._text is not None:
            text = "".join(self._text).strip()
            if tag == "caption":
                self.tables[-1].caption = text
            else:
                self._row.append(text)
            self._text = None
        elif tag == "tr" and self.tables:
            table = self.tables[-1]
            if not table.headers:
                table.headers = self._row
            else:
                table.rows.append(self._row)


def tables(html: str) -> list[Table]:
    """Every table of the page, in order."""
    parser = _Parser()
    parser.feed(html)
    return parser.tables


def images(html: str) -> list[dict[str, str | None]]:
    """The attributes of every image of the page."""
    parser = _Parser()
    parser.feed(html)
    return parser.images
