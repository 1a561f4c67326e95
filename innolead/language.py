"""The one setting that says which language the course speaks: ``INNOLEAD_LANG``.

The book has two editions, English (``en``, the default) and Swedish (``sv``). Everything that
writes words or numbers for a reader asks :func:`current` instead of guessing per string:

- the Swedish book build sets ``INNOLEAD_LANG=sv`` for its kernels (``innolead.editions.sphinx``
  does it from Sphinx's ``language``), so chapters' glued numbers and, once translated, the
  explorers' sentences come out in Swedish;
- a reader in JupyterLab or a Swedish cohort's commands set it the same way
  (``INNOLEAD_LANG=sv make lab``).

Each edition executes its chapters with its own notebook cache, so one language's outputs are
never served to the other.
"""

from __future__ import annotations

import os

#: The languages the course is written in; the first is the default.
LANGUAGES = ("en", "sv")
#: The environment variable that chooses the language.
VARIABLE = "INNOLEAD_LANG"


def current() -> str:
    """The course's language: ``INNOLEAD_LANG`` (``en`` or ``sv``), English when unset.

    >>> current() in LANGUAGES
    True
    """
    value = os.environ.get(VARIABLE, "").strip().lower()[:2] or LANGUAGES[0]
    if value not in LANGUAGES:
        msg = f"{VARIABLE}={value!r} is not a course language; use one of {', '.join(LANGUAGES)}."
        raise ValueError(msg)
    return value
