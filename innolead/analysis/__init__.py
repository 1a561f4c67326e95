"""Plain pandas functions that hold all the course's analysis: no widgets, no I/O.

Explorers, chapters, assignments' hidden tests and reports call these, so the same numbers
appear everywhere. Each function takes DataFrames from ``innolead.cases.load`` (or any frame
with the same columns) and never changes its input. One module per topic:

- ``shares``: shares and cross-tabulations with their base counts (any case);
- ``barometer``: the Innovation Barometer's measures set against the published figures;
- ``scales``: Likert scale scores and unit tables (culture);
- ``relationships``: how units' scores go with their outcomes, correlations and quarters
  (culture);
- ``needs``: a service journey's satisfaction and pain points (needs);
- ``funnel``: the idea funnel, conversion and time in stage (portfolio);
- ``effects``: before/after and difference-in-differences estimates (pilot);
- ``counterfactual``: the pilot over time, the counterfactual line and costs per user (pilot);
- ``diffusion``: cumulative adoption and the Bass model (diffusion);
- ``adopters``: Rogers' adopter categories (diffusion);
- ``prepost``: matched pre/post change with small groups merged (relay, course evaluation).
"""

import importlib
from types import ModuleType

from innolead.analysis.errors import SelectionError

#: The topic modules, imported on first use: ``diffusion`` and ``effects`` need SciPy, which
#: a notebook that only counts shares (and every grading kernel) should not pay for.
_MODULES = (
    "adopters",
    "barometer",
    "counterfactual",
    "diffusion",
    "effects",
    "funnel",
    "needs",
    "prepost",
    "relationships",
    "scales",
    "shares",
)

__all__ = ["SelectionError", *_MODULES]


def __getattr__(name: str) -> ModuleType:
    if name in _MODULES:
        return importlib.import_module(f"innolead.analysis.{name}")
    msg = f"module 'innolead.analysis' has no attribute {name!r}"
    raise AttributeError(msg)
