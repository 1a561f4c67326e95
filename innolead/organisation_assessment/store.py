"""Save an organisation's self-assessment to a JSON file and read it back, checked.

The file is small, readable and meant to be kept: repeat the assessment in six months, load
both files and compare them. Every value is checked when a file is read, and a problem is
reported with the file, the key and the value, and what to write instead.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from innolead.i18n import _
from innolead.organisation_assessment.profile import check_ratings

#: What the file says it is, so that another JSON file is not mistaken for an assessment.
FORMAT = "innolead-organisation-self-assessment"
VERSION = 1
SECTORS = ("all", "municipality", "region", "state")


@dataclass(frozen=True)
class Assessment:
    """One assessment: who rated which organisation when, the ratings and notes."""

    organisation: str
    assessed_on: str
    ratings: dict[str, int]
    notes: dict[str, str] = field(default_factory=dict)
    sector: str = "all"

    def to_dict(self) -> dict[str, Any]:
        """The assessment as the JSON file holds it."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "organisation": self.organisation,
            "assessed_on": self.assessed_on,
            "sector": self.sector,
            "ratings": dict(self.ratings),
            "notes": dict(self.notes),
        }


def _require(data: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        msg = _(
            "{where}: {key} is {value}, but should be a {kind}. Save the assessment again from "
            "the notebook, or correct the file by hand."
        ).format(where=where, key=repr(key), value=repr(value), kind=kind.__name__)
        raise ValueError(msg)
    return value


def from_dict(data: Any, where: str = "") -> Assessment:
    """An ``Assessment`` from the file's content, checked; ``where`` names it in errors.

    Examples
    --------
    >>> from innolead.organisation_assessment.capabilities import CAPABILITIES
    >>> data = {"format": FORMAT, "version": 1, "organisation": "Norrvik",
    ...         "assessed_on": "2026-03-01", "ratings": dict.fromkeys(CAPABILITIES, 3)}
    >>> from_dict(data).organisation
    'Norrvik'
    """
    where = where or _("the assessment")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        msg = _("{where} is not a saved self-assessment: it has no 'format': {format}.").format(
            where=where, format=repr(FORMAT)
        )
        raise ValueError(msg)
    if data.get("version") != VERSION:
        msg = _("{where} has version {version}; this toolkit reads version {supported}.").format(
            where=where, version=repr(data.get("version")), supported=VERSION
        )
        raise ValueError(msg)
    assessed_on = _require(data, "assessed_on", str, where)
    try:
        dt.date.fromisoformat(assessed_on)
    except ValueError:
        msg = _("{where}: 'assessed_on' is {date}; write the date as YYYY-MM-DD.").format(
            where=where, date=repr(assessed_on)
        )
        raise ValueError(msg) from None
    sector = data.get("sector", "all")
    if sector not in SECTORS:
        msg = _("{where}: 'sector' is {sector}; use one of {sectors}.").format(
            where=where, sector=repr(sector), sectors=SECTORS
        )
        raise ValueError(msg)
    notes = data.get("notes", {})
    if not isinstance(notes, dict) or not all(isinstance(v, str) for v in notes.values()):
        msg = _("{where}: 'notes' should map capabilities to text; it is {notes}.").format(
            where=where, notes=repr(notes)
        )
        raise ValueError(msg)
    return Assessment(
        organisation=_require(data, "organisation", str, where),
        assessed_on=assessed_on,
        ratings=check_ratings(_require(data, "ratings", dict, where), where=where),
        notes=dict(notes),
        sector=sector,
    )


def save(assessment: Assessment, path: str | Path) -> Path:
    """Write the assessment to ``path`` as JSON (UTF-8) and return the path."""
    target = Path(path)
    from_dict(assessment.to_dict(), where=_("The assessment for {path}").format(path=target))
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(assessment.to_dict(), indent=2, ensure_ascii=False)
    target.write_text(text + "\n", encoding="utf-8")
    return target


def load(path: str | Path) -> Assessment:
    """Read a saved assessment, checked; errors name the file and what to fix."""
    source = Path(path)
    if not source.is_file():
        msg = _("{path}: no such file. Check the name, or save an assessment first.").format(
            path=source
        )
        raise FileNotFoundError(msg)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        msg = _("{path} cannot be read as JSON ({error}); save the assessment again.").format(
            path=source, error=err
        )
        raise ValueError(msg) from None
    return from_dict(data, where=str(source))


def default_name(assessment: Assessment) -> str:
    """A file name for the assessment: ``self_assessment_<organisation>_<date>.json``.

    Examples
    --------
    >>> default_name(Assessment("Norrvik kommun", "2026-03-01", {}))
    'self_assessment_norrvik_kommun_2026-03-01.json'
    """
    words = "".join(ch if ch.isalnum() else " " for ch in assessment.organisation.lower())
    slug = "_".join(words.split()) or "organisation"
    return f"self_assessment_{slug}_{assessment.assessed_on}.json"
