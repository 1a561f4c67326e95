"""A participant's text answer, in whichever course language the explorer showed it.

A question such as "which department implemented the largest share of its ideas?" has a data
value for its answer (``"Urban development"``), which the hidden test compares with. The
explorers show data values in the course language (``Samhällsbyggnad`` in Swedish), so a
Swedish participant on the no-code track types what they read. Both are the same answer:

- in the notebook, :func:`answer_choices` gives a visible check the values as the participant
  reads them while accepting either form;
- in the grader, :func:`as_data_value` turns a shown value back into the data value before the
  hidden test (unchanged, the same in both languages) reads it.

Only values the toolkit's catalogue translates one way are turned back, so an answer can only
become the data value whose translation the participant wrote: no wrong answer becomes right.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from innolead.i18n import DEFAULT_DOMAIN, LOCALE_DIR, SOURCE_LANGUAGE, _
from innolead.language import LANGUAGES


class Choices(list):
    """The allowed answers as the participant reads them (lower case, in the course language);
    ``in`` also accepts the data values themselves."""

    def __init__(self, shown: Iterable[str], data: Iterable[str]) -> None:
        super().__init__(shown)
        self.data = frozenset(data)

    def __contains__(self, answer: object) -> bool:
        return answer in self.data or list.__contains__(self, answer)


def answer_choices(values: Iterable[Any]) -> Choices:
    """The answers a visible check allows: ``values`` as shown, or as they are in the data.

    >>> "urban development" in answer_choices(["Urban development", "Education"])
    True
    """
    data = [str(value) for value in values]
    return Choices((_(value).lower() for value in data), (value.lower() for value in data))


@functools.cache
def _shown_to_data(language: str) -> dict[str, str]:
    """Each translated value of the toolkit's catalogue (lower case) -> its English, when only
    one English value (ignoring case, as the hidden tests compare) has that translation."""
    from babel.messages.mofile import read_mo

    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DEFAULT_DOMAIN}.mo"
    with path.open("rb") as source:
        catalog = read_mo(source)
    found: dict[str, set[str]] = {}
    for message in catalog:
        if isinstance(message.id, str) and isinstance(message.string, str) and message.string:
            found.setdefault(message.string.strip().lower(), set()).add(message.id)
    return {shown: min(ids) for shown, ids in found.items() if len({i.lower() for i in ids}) == 1}


def as_data_value(answer: Any) -> Any:
    """A text answer written as a course language shows a data value -> that data value.

    Every course language is accepted, whatever the language of the grading: the answer
    belongs to the participant's notebook, not to the instructor's command.
    """
    if not isinstance(answer, str):
        return answer
    key = answer.strip().lower()
    for language in LANGUAGES:
        if language != SOURCE_LANGUAGE and key in _shown_to_data(language):
            return _shown_to_data(language)[key]
    return answer
