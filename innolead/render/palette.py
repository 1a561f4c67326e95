"""The colours of every chart the course draws.

One palette, so a series has the same colour in an explorer, a report and the
self-assessment profile.
"""

from __future__ import annotations

#: Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000")
