"""Feedback pages that are self-contained and run no script.

nbgrader writes feedback with its ``feedback`` template, which loads MathJax from a third-party
CDN: a page a participant opens would then tell that host they did, and municipal networks
often block it. A feedback page needs no script at all (it shows text, tables and pictures), so
``FeedbackExporter`` removes every ``<script>`` element from the finished page and adds a
Content-Security-Policy that forbids scripts, frames, forms and any request outside the page.
Should a participant's markup ever slip past ``SanitizeSubmission``, the browser still runs
none of it. Configured in ``exercises/nbgrader_config.py`` as ``GenerateFeedback.exporter_class``,
so the formgrader's button and plain ``nbgrader generate_feedback`` write the same pages.

nbgrader's template writes its own words ("Score", "Test cell", "Student's answer") in English;
in another course language they are put in that language here, in the template's headings and
footers only, never in what the participant wrote.
"""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup, NavigableString
from nbconvert.exporters import HTMLExporter

from innolead.html_policy import POLICY
from innolead.i18n import N_, Messages
from innolead.language import current

#: The feedback page's words, in the course language (the ``grading`` catalogue).
_ = Messages("grading").gettext
#: The words nbgrader's feedback template writes, longest first so that none is cut short.
TEMPLATE_WORDS = tuple(
    sorted(
        (
            N_("Score:"),
            N_("Test cell"),
            N_("Coding free-response"),
            N_("Written response"),
            N_("Task"),
            N_("Task:"),
            N_("Comment"),
            N_("Comments:"),
            N_("(Top)"),
            N_("Student's answer"),
            N_("Student's task"),
            N_("Grade cell:"),
            N_("Late submission penalty"),
        ),
        key=len,
        reverse=True,
    )
)
#: Where the template's own words are: headings, the table of contents, comment footers.
TEMPLATE_PARTS = "div.panel-heading, div.panel-footer b, li.late-penalty"


def translate_template(soup: BeautifulSoup) -> None:
    """Put nbgrader's template words in the course language (headings and footers only)."""
    pairs = [(word, _(word)) for word in TEMPLATE_WORDS if _(word) != word]
    if not pairs:
        return
    for part in soup.select(TEMPLATE_PARTS):
        for text in list(part.find_all(string=True)):
            if text.find_parent("code") is not None:
                continue
            new = str(text)
            for english, local in pairs:
                new = new.replace(english, local)
            if new != text:
                text.replace_with(NavigableString(new))


def self_contained(page: str, lang: str = "en") -> str:
    """``page`` without scripts, with the content security policy and a language."""
    soup = BeautifulSoup(page, "html.parser")
    translate_template(soup)
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
