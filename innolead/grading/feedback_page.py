"""Feedback pages that are self-contained and run no script.

nbgrader writes feedback with its ``feedback`` template, which loads MathJax from a third-party
CDN: a page a participant opens would then tell that host they did, and municipal networks
often block it. A feedback page needs no script at all (it shows text, tables and pictures), so
``FeedbackExporter`` removes every ``<script>`` element from the finished page and adds a
Content-Security-Policy that forbids scripts, frames, forms and any request outside the page.
Should a participant's markup ever slip past ``SanitizeSubmission``, the browser still runs
none of it. Configured in ``exercises/nbgrader_config.py`` as ``GenerateFeedback.exporter_class``,
so the formgrader's button and plain ``nbgrader generate_feedback`` write the same pages.
"""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup
from nbconvert.exporters import HTMLExporter

from innolead.html_policy import POLICY
from innolead.language import current


def self_contained(page: str, lang: str = "en") -> str:
    """``page`` without scripts, with the content security policy and a language."""
    soup = BeautifulSoup(page, "html.parser")
    for script in soup.find_all("script"):
        script.decompose()
    for link in soup.find_all("link"):  # stylesheets and icons from elsewhere
        link.decompose()
    if soup.html is not None:
        soup.html["lang"] = lang
    head = soup.head
    if head is None:
        head = soup.new_tag("head")
        (soup.html or soup).insert(0, head)
    for old in head.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"}):
        old.decompose()
    meta = soup.new_tag("meta")
    meta["http-equiv"] = "Content-Security-Policy"
    meta["content"] = POLICY
    head.insert(0, meta)
    charset = head.find("meta", attrs={"charset": True})
    if charset is not None:
        head.insert(0, charset.extract())
    return str(soup)


class FeedbackExporter(HTMLExporter):
    """nbgrader's feedback page, made self-contained and script-free."""

    def from_notebook_node(  # type: ignore[override]  # HTMLExporter returns text, not a node
        self, nb: Any, resources: dict | None = None, **kw: Any
    ) -> tuple[str, dict]:
        page, resources = super().from_notebook_node(nb, resources, **kw)
        return self_contained(page, current()), resources
