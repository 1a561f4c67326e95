"""The questions of the pre/post self-assessment, and what counts as a valid answer to each.

One definition serves everything: the notebooks participants fill in are generated from
``ITEMS`` (so the pre and the post version ask exactly the same questions), the reader checks
each answer against its item, and the report takes its labels and headlines from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from innolead.i18n import N_, _

#: The two rounds: the assignment names in ``source/`` and how the report names them.
PHASES = ("pre", "post")
ASSIGNMENTS = {"pre": "self_assessment_pre", "post": "self_assessment_post"}
#: The one notebook of each round (``<assignment>/selfassessment.ipynb``).
NOTEBOOK = "selfassessment"  # no underscore: LMS file names split on "_"

#: The roles a participant chooses from (as in the ``relay`` case, plus "other"). The choices
#: are data: participants type them in English in both languages; the report shows them
#: translated (``_(role)``).
ROLES: tuple[str, ...] = (
    N_("top official"),
    N_("department head"),
    N_("unit manager"),
    N_("staff specialist"),
    N_("other"),
)
#: The kinds of organisation a participant chooses from.
ORG_TYPES: tuple[str, ...] = (
    N_("municipality"),
    N_("region"),
    N_("municipal or regional company"),
    N_("state agency"),
    N_("other"),
)

Kind = Literal["scale", "choice", "text"]


@dataclass(frozen=True)
class Item:
    """One question: the variable the participant sets, and what a valid answer is.

    ``scale`` holds the labels of 1 to 5 for a ``"scale"`` item, ``options`` the allowed
    answers of a ``"choice"`` item; ``gained`` completes the headline "8 of 10 (12 of 15) ..."
    for the items measured before and after. Label, question, scale and ``gained`` are
    msgids, translated where they are shown.
    """

    name: str
    label: str
    question: str
    kind: Kind
    phases: tuple[str, ...] = PHASES
    scale: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    gained: str = ""

    def scale_text(self) -> str:
        """The scale as the answer cell's comment shows it: "1 = very little, ..."."""
        return ", ".join(f"{i} = {_(label)}" for i, label in enumerate(self.scale, start=1))


ITEMS: dict[str, Item] = {
    item.name: item
    for item in (
        Item(
            "role",
            N_("Role"),
            N_("Which of these best describes your role?"),
            "choice",
            options=ROLES,
        ),
        Item(
            "org_type",
            N_("Organisation type"),
            N_("What kind of organisation do you work in?"),
            "choice",
            options=ORG_TYPES,
        ),
        Item(
            "knowledge",
            N_("Knowledge of innovation work"),
            N_("How much do you know about what innovation work involves?"),
            "scale",
            scale=(
                N_("very little"),
                N_("little"),
                N_("some"),
                N_("a good deal"),
                N_("a great deal"),
            ),
            gained=N_("increased their knowledge of what innovation work involves"),
        ),
        Item(
            "insight",
            N_("Insight into own contribution"),
            N_(
                "How clear is your insight into how you can contribute to innovation in your "
                "own organisation?"
            ),
            "scale",
            scale=(
                N_("very unclear"),
                N_("unclear"),
                N_("partly clear"),
                N_("clear"),
                N_("very clear"),
            ),
            gained=N_("gained insight into how they can contribute in their own organisation"),
        ),
        Item(
            "confidence",
            N_("Confidence with the methods"),
            N_(
                "How confident are you in using the course's methods: framing a need, testing "
                "on a small scale, judging the evidence, planning spread and evaluation?"
            ),
            "scale",
            scale=(
                N_("not at all confident"),
                N_("slightly confident"),
                N_("fairly confident"),
                N_("confident"),
                N_("very confident"),
            ),
            gained=N_("grew more confident with the course's methods"),
        ),
        Item(
            "satisfaction",
            N_("Satisfaction with the course"),
            N_("How satisfied are you with the course as a whole?"),
            "scale",
            phases=("post",),
            scale=(
                N_("very dissatisfied"),
                N_("dissatisfied"),
                N_("neither"),
                N_("satisfied"),
                N_("very satisfied"),
            ),
        ),
        Item(
            "comments",
            N_("Comments"),
            N_("What worked well in the course, and what should we change?"),
            "text",
            phases=("post",),
        ),
    )
}

#: The items asked before and after whose change the report counts.
CHANGE_ITEMS = ("knowledge", "insight", "confidence")
#: The items the report breaks down by.
GROUP_ITEMS = ("role", "org_type")
#: The satisfaction scores that count as satisfied (4 = satisfied, 5 = very satisfied).
SATISFIED = (4, 5)


def items_for(phase: str) -> list[Item]:
    """The items asked in a round, in the order the notebook asks them.

    Examples
    --------
    >>> [item.name for item in items_for("pre")]
    ['role', 'org_type', 'knowledge', 'insight', 'confidence']
    """
    if phase not in PHASES:
        msg = f"There is no round {phase!r}; the rounds are {PHASES}."
        raise ValueError(msg)
    return [item for item in ITEMS.values() if phase in item.phases]


def is_blank(value: Any) -> bool:
    """Whether an answer was left as handed out: the three dots, ``None`` or empty text.

    Examples
    --------
    >>> [is_blank(v) for v in (..., None, "  ", 3)]
    [True, True, True, False]
    """
    return value is Ellipsis or value is None or (isinstance(value, str) and not value.strip())


def _check_scale(item: Item, value: Any) -> tuple[Any, str]:
    if isinstance(value, str) and value.strip() in {"1", "2", "3", "4", "5"}:
        return int(value.strip()), ""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and float(value).is_integer() and 1 <= value <= len(item.scale):
        return int(value), ""
    reason = _("should be a whole number from 1 to {top} ({scale})")
    return None, reason.format(top=len(item.scale), scale=item.scale_text())


def _check_choice(item: Item, value: Any) -> tuple[Any, str]:
    if isinstance(value, str) and value.strip().lower() in item.options:
        return value.strip().lower(), ""
    shown = ", ".join(f'"{option}"' for option in item.options)
    return None, _("should be one of {options}, in quotes").format(options=shown)


def check_answer(item: Item, value: Any) -> tuple[Any, str]:
    """A participant's answer as the report uses it, or the reason it cannot be used.

    Parameters
    ----------
    item
        The question.
    value
        The literal the participant wrote (not blank: see ``is_blank``).

    Returns
    -------
    tuple
        ``(answer, "")`` for a valid answer (a scale answer as ``int``, a choice in lower
        case, text stripped), or ``(None, reason)``.

    Examples
    --------
    >>> check_answer(ITEMS["knowledge"], 4)
    (4, '')
    >>> check_answer(ITEMS["knowledge"], 7)[1].split(" (")[0]
    'should be a whole number from 1 to 5'
    >>> check_answer(ITEMS["role"], " Unit manager")
    ('unit manager', '')
    """
    if item.kind == "scale":
        return _check_scale(item, value)
    if item.kind == "choice":
        return _check_choice(item, value)
    if isinstance(value, str):
        return value.strip(), ""
    return None, _("should be text in quotes")


def _check_line(item: Item, namespace: dict[str, Any]) -> str:
    if item.name not in namespace:
        return _(
            "{name}: not set yet. Run its answer cell (Shift+Enter); if that shows an error, "
            "check that text is in quotes."
        ).format(name=item.name)
    value = namespace[item.name]
    if is_blank(value):
        return _("{name}: not answered yet.").format(name=item.name)
    answer, reason = check_answer(item, value)
    if reason:
        return _("{name} = {value}: please change it; it {reason}.").format(
            name=item.name, value=repr(value), reason=reason
        )
    return _("{name} = {answer}: fine.").format(name=item.name, answer=repr(answer))


def check_answers(phase: str, namespace: dict[str, Any]) -> str:
    """A participant's own check of their answers, one line per question.

    Parameters
    ----------
    phase
        ``"pre"`` or ``"post"``.
    namespace
        The notebook's variables (the check cell passes ``globals()``).

    Returns
    -------
    str
        One line per item: fine, not answered yet, or what to change.

    Examples
    --------
    >>> print(check_answers("pre", {"role": "unit manager", "org_type": ...,
    ...     "knowledge": 7, "insight": 4}))  # doctest: +NORMALIZE_WHITESPACE
    role = 'unit manager': fine.
    org_type: not answered yet.
    knowledge = 7: please change it; it should be a whole number from 1 to 5
        (1 = very little, 2 = little, 3 = some, 4 = a good deal, 5 = a great deal).
    insight = 4: fine.
    confidence: not set yet. Run its answer cell (Shift+Enter); if that shows an error,
        check that text is in quotes.
    """
    return "\n".join(_check_line(item, namespace) for item in items_for(phase))
