"""Plain pandas functions that hold all the course's analysis: no widgets, no I/O.

Explorers, chapters, assignments' hidden tests and reports call these, so the same numbers
appear everywhere. Each function takes DataFrames from ``innolead.cases.load`` (or any frame
with the same columns) and never changes its input. Import from the topic modules.
"""

from innolead.analysis.errors import SelectionError

__all__ = ["SelectionError"]
