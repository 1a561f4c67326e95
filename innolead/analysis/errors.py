"""The one error the analysis functions raise for a selection they cannot summarise."""

from __future__ import annotations


class SelectionError(ValueError):
    """A selection is empty, too small or lacks the values a summary needs.

    The message is written for a leader using an explorer: it says what is wrong with the
    selection and what to choose instead, and the explorer shows it in place of a chart.
    """
