"""Diffusion of an innovation: cumulative adoption, the Bass model and Rogers' adopter categories.

The functions take one row per potential adopter (for example a municipality) with the year
it adopted, empty when it has not. ``cumulative_adoption`` turns that into a curve by year;
``bass_cumulative`` and ``fit_bass`` model the curve (Bass 1969); ``adopter_categories``
places each adopter in one of Rogers' five categories (Rogers 2003).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy.optimize import curve_fit

from innolead.analysis.errors import SelectionError
from innolead.i18n import _

YEAR = "adoption_year"
NAME = "municipality"
NOT_ADOPTED = "not yet adopted"
#: Rogers (2003): share of all eventual adopters in each category.
ROGERS_SHARES = {
    "innovators": 0.025,
    "early adopters": 0.135,
    "early majority": 0.34,
    "late majority": 0.34,
    "laggards": 0.16,
}
MIN_ADOPTERS_TO_FIT = 10


@dataclass(frozen=True)
class BassFit:
    """Fitted Bass coefficients: innovation ``p``, imitation ``q``, market potential ``m``."""

    p: float
    q: float
    m: float
    r_squared: float


def _adoption_years(frame: pd.DataFrame, year: str) -> pd.Series:
    if frame.empty:
        msg = _("No municipalities match this selection; choose a broader group.")
        raise SelectionError(msg)
    years = pd.to_numeric(frame[year], errors="coerce").dropna()
    if years.empty:
        msg = _("No municipality in this selection has adopted yet, so there is no curve to show.")
        raise SelectionError(msg)
    return years.astype(int)


def cumulative_adoption(
    frame: pd.DataFrame, year: str = YEAR, first: int | None = None, last: int | None = None
) -> pd.DataFrame:
    """New and cumulative adopters by year, and the cumulative share of all rows.

    Parameters
    ----------
    frame
        One row per potential adopter; ``year`` is empty for those that have not adopted.
    year
        The adoption-year column.
    first, last
        The years to cover; the first and last adoption year when omitted.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``adopters`` (new that year), ``cumulative``, ``share`` (cumulative
        over all rows, adopters or not) and ``municipalities`` (that base).

    Examples
    --------
    >>> frame = pd.DataFrame({"adoption_year": [2010, 2010, 2012, None]})
    >>> cumulative_adoption(frame)[["year", "cumulative", "share"]].to_dict("list")
    {'year': [2010, 2011, 2012], 'cumulative': [2, 2, 3], 'share': [0.5, 0.5, 0.75]}
    """
    years = _adoption_years(frame, year)
    first = int(years.min()) if first is None else first
    last = int(years.max()) if last is None else last
    span = range(first, last + 1)
    new = years.value_counts().reindex(span, fill_value=0).astype(int)
    cumulative = new.cumsum() + int((years < first).sum())
    return pd.DataFrame(
        {
            "year": list(span),
            "adopters": new.to_numpy(),
            "cumulative": cumulative.to_numpy(),
            "share": cumulative.to_numpy() / len(frame),
            "municipalities": len(frame),
        }
    )


def bass_cumulative(t: np.ndarray | float, p: float, q: float, m: float) -> np.ndarray:
    """The Bass model's cumulative number of adopters at time ``t``.

    N(t) = m (1 - exp(-(p + q) t)) / (1 + (q / p) exp(-(p + q) t)), where ``p`` is the
    coefficient of innovation (adoption from outside influence), ``q`` the coefficient of
    imitation (adoption from contact with earlier adopters) and ``m`` the market potential.

    Parameters
    ----------
    t
        Time since the start, in the unit of ``p`` and ``q`` (here years).
    p, q, m
        The Bass coefficients and the market potential.

    Returns
    -------
    numpy.ndarray
        The cumulative adopters at each ``t``.

    Examples
    --------
    >>> bass_cumulative([0, 100], 0.01, 0.4, 270).round(1).tolist()
    [0.0, 270.0]
    """
    decay = np.exp(-(p + q) * np.asarray(t, dtype=float))
    return m * (1 - decay) / (1 + q / p * decay)


def r_squared(observed: np.ndarray, predicted: np.ndarray) -> float:
    """The share of the variance of ``observed`` that ``predicted`` explains.

    Examples
    --------
    >>> r_squared(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 4.0]))  # 1 - 1 / 2
    0.5
    """
    observed, predicted = np.asarray(observed, float), np.asarray(predicted, float)
    total = ((observed - observed.mean()) ** 2).sum()
    if total == 0:
        msg = _("The adoption curve is flat, so a model's fit cannot be measured.")
        raise SelectionError(msg)
    return float(1 - ((observed - predicted) ** 2).sum() / total)


def _time(adoption: pd.DataFrame) -> np.ndarray:
    """Years since the start, counting the first year's end as t = 1."""
    return (adoption["year"] - adoption["year"].iloc[0] + 1).to_numpy(dtype=float)


def _check_fit_input(adoption: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, int]:
    y = adoption["cumulative"].to_numpy(dtype=float)
    if y[-1] < MIN_ADOPTERS_TO_FIT or len(y) < 4:
        msg = _(
            "Only {adopters} adopters over {years} years: too few to fit a curve. "
            "Choose a larger group."
        ).format(adopters=int(y[-1]), years=len(y))
        raise SelectionError(msg)
    return _time(adoption), y, int(adoption["municipalities"].iloc[0])


def fit_bass(adoption: pd.DataFrame, p0: tuple[float, float] = (0.01, 0.4)) -> BassFit:
    """Fit the Bass model to a cumulative adoption curve by least squares.

    Parameters
    ----------
    adoption
        The output of ``cumulative_adoption``; the first year counts as t = 1.
    p0
        Starting values of ``p`` and ``q``.

    Returns
    -------
    BassFit
        ``p``, ``q``, ``m`` (at most the number of municipalities) and ``r_squared``.

    Examples
    --------
    >>> years = np.arange(2008, 2026)
    >>> curve = bass_cumulative(years - 2007, 0.01, 0.4, 250)
    >>> adoption = pd.DataFrame({"year": years, "cumulative": curve, "municipalities": 290})
    >>> fit = fit_bass(adoption)
    >>> round(fit.p, 3), round(fit.q, 2), round(fit.m), round(fit.r_squared, 3)
    (0.01, 0.4, 250, 1.0)
    """
    t, y, n = _check_fit_input(adoption)
    start = (p0[0], p0[1], min(max(y[-1] * 1.05, 1.0), n))
    bounds = ([1e-5, 0.0, y[-1] * 0.5], [1.0, 3.0, max(n, y[-1])])
    try:
        params, _covariance = curve_fit(
            bass_cumulative, t, y, p0=start, bounds=bounds, maxfev=10_000
        )
    except RuntimeError as err:
        msg = _("The Bass model could not be fitted to this selection; choose a larger group.")
        raise SelectionError(msg) from err
    p, q, m = (float(v) for v in params)
    return BassFit(p, q, m, r_squared(y, bass_cumulative(t, p, q, m)))


def bass_curve(adoption: pd.DataFrame, p: float, q: float, m: float) -> pd.DataFrame:
    """The Bass model over the years of an observed adoption curve, in the same columns.

    Parameters
    ----------
    adoption
        The output of ``cumulative_adoption`` (its years, start and base are used).
    p, q, m
        The Bass coefficients and the market potential (in municipalities).

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``adopters`` (new that year), ``cumulative`` and ``share``, as
        decimals (a model predicts fractions of municipalities).

    Examples
    --------
    >>> adoption = pd.DataFrame({"year": [2008, 2009], "municipalities": 100})
    >>> bass_curve(adoption, 0.5, 0.0, 100)["cumulative"].round(1).tolist()
    [39.3, 63.2]
    """
    cumulative = bass_cumulative(_time(adoption), p, q, m)
    n = int(adoption["municipalities"].iloc[0])
    return pd.DataFrame(
        {
            "year": adoption["year"].to_numpy(),
            "adopters": np.diff(cumulative, prepend=0.0),
            "cumulative": cumulative,
            "share": cumulative / n,
        }
    )


def mean_gap(adoption: pd.DataFrame, curve: pd.DataFrame) -> float:
    """The mean absolute gap between two cumulative-share curves, as a share.

    Examples
    --------
    >>> observed, model = pd.DataFrame({"share": [0.1, 0.5]}), pd.DataFrame({"share": [0.2, 0.4]})
    >>> round(mean_gap(observed, model), 3)
    0.1
    """
    gap = np.abs(adoption["share"].to_numpy(float) - curve["share"].to_numpy(float))
    return float(gap.mean())


def year_reaching(curve: pd.DataFrame, share: float = 0.5) -> int | None:
    """The first year a cumulative curve reaches ``share`` of all municipalities, or None.

    Examples
    --------
    >>> year_reaching(pd.DataFrame({"year": [2010, 2011, 2012], "share": [0.2, 0.5, 0.7]}))
    2011
    """
    reached = curve.loc[curve["share"] >= share, "year"]
    return int(reached.iloc[0]) if len(reached) else None


def adoption_share(frame: pd.DataFrame, year: str = YEAR) -> float:
    """The share of rows (municipalities) that have adopted at all.

    Examples
    --------
    >>> adoption_share(pd.DataFrame({"adoption_year": [2010, None, 2012, None]}))
    0.5
    """
    _adoption_years(frame, year)
    return float(frame[year].notna().mean())


def peak_year(curve: pd.DataFrame) -> int:
    """The year with the most new adopters (the first such year on a tie).

    Examples
    --------
    >>> peak_year(pd.DataFrame({"year": [2010, 2011, 2012], "adopters": [3, 9, 4]}))
    2011
    """
    return int(curve["year"].iloc[int(np.argmax(curve["adopters"].to_numpy(float)))])


# Rogers' adopter categories: see ``innolead.analysis.adopters``, which builds on this
# module. Chapters and assignments import those names from here, so they are looked up
# there on first use (a plain import would be circular).
_MOVED = frozenset(
    {
        "adopter_categories",
        "category_bounds",
        "category_of",
        "category_shares",
    }
)


def __getattr__(name: str) -> Any:
    if name in _MOVED:
        from innolead.analysis import adopters

        return getattr(adopters, name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
