"""How numbers read in the course: the same in explorers, chapters and reports.

Swedish readers expect a space before the per cent sign and a space as thousands separator,
so both editions write "82 %" and "1 064 375". The decimal mark and "8 of 10" follow the
course language (:func:`innolead.language.current`): "82.5 %" in English, "82,5 %" and
"8 av 10" in Swedish.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from innolead.language import current


def _decimal_mark(text: str) -> str:
    return text.replace(".", ",") if current() == "sv" else text


def decimal_mark(text: str) -> str:
    """A number already written with a decimal point, in the course language ("0,4" in Swedish).

    >>> decimal_mark("0.40")
    '0.40'
    """
    return _decimal_mark(text)


def pct(share: float, decimals: int = 0) -> str:
    """A share between 0 and 1 as a percentage.

    >>> pct(0.8196)
    '82 %'
    >>> pct(0.8196, 1)
    '82.0 %'
    """
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "n/a"
    return _decimal_mark(f"{share * 100:.{decimals}f} %")


def num(value: float, decimals: int = 0) -> str:
    """A number with a space as thousands separator.

    >>> num(1064375)
    '1 064 375'
    >>> num(2.345, 1)
    '2.3'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    return _decimal_mark(f"{value:,.{decimals}f}".replace(",", " "))


def of_ten(share: float) -> str:
    """A share as "N of 10", the way Innovationsledning reported its results.

    Halves round up, as a reader expects (0.65 is "7 of 10", not Python's "6 of 10").

    >>> of_ten(0.8)
    '8 of 10'
    >>> of_ten(0.65)
    '7 of 10'
    """
    tenths = Decimal(str(share)) * 10
    word = "av" if current() == "sv" else "of"
    return f"{tenths.quantize(Decimal(1), rounding=ROUND_HALF_UP)} {word} 10"


def count_of(part: float, whole: float) -> str:
    """A count out of a total, "440 of 550" ("440 av 550" in Swedish).

    >>> count_of(440, 550)
    '440 of 550'
    """
    word = "av" if current() == "sv" else "of"
    return f"{num(part)} {word} {num(whole)}"
