"""Diffusion of an innovation: cumulative adoption, the Bass model and Rogers' adopter categories.

The functions take one row per potential adopter (for example a municipality) with the year
it adopted, empty when it has not. ``cumulative_adoption`` turns that into a curve by year;
``bass_cumulative`` and ``fit_bass`` model the curve (Bass 1969); ``adopter_categories``
places each adopter in one of Rogers' five categories (Rogers 2003).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import curve_fit

from innolead.analysis.errors import SelectionError

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


@dataclass(frozen=True)
class LogisticFit:
    """A fitted logistic curve: growth rate ``k``, midpoint ``t0`` (in years), ceiling ``m``."""

    k: float
    t0: float
    m: float
    r_squared: float


def _adoption_years(frame: pd.DataFrame, year: str) -> pd.Series:
    if frame.empty:
        msg = "No municipalities match this selection; choose a broader group."
        raise SelectionError(msg)
    years = pd.to_numeric(frame[year], errors="coerce").dropna()
    if years.empty:
        msg = "No municipality in this selection has adopted yet, so there is no curve to show."
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


def logistic_cumulative(t: np.ndarray | float, k: float, t0: float, m: float) -> np.ndarray:
    """A logistic S-curve: m / (1 + exp(-k (t - t0))).

    Examples
    --------
    >>> logistic_cumulative([5.0], 0.5, 5.0, 200).tolist()
    [100.0]
    """
    return m / (1 + np.exp(-k * (np.asarray(t, dtype=float) - t0)))


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
        msg = "The adoption curve is flat, so a model's fit cannot be measured."
        raise SelectionError(msg)
    return float(1 - ((observed - predicted) ** 2).sum() / total)


def _time(adoption: pd.DataFrame) -> np.ndarray:
    """Years since the start, counting the first year's end as t = 1."""
    return (adoption["year"] - adoption["year"].iloc[0] + 1).to_numpy(dtype=float)


def _check_fit_input(adoption: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, int]:
    y = adoption["cumulative"].to_numpy(dtype=float)
    if y[-1] < MIN_ADOPTERS_TO_FIT or len(y) < 4:
        msg = (
            f"Only {int(y[-1])} adopters over {len(y)} years: too few to fit a curve. "
            "Choose a larger group."
        )
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
        params, _ = curve_fit(bass_cumulative, t, y, p0=start, bounds=bounds, maxfev=10_000)
    except RuntimeError as err:
        msg = "The Bass model could not be fitted to this selection; choose a larger group."
        raise SelectionError(msg) from err
    p, q, m = (float(v) for v in params)
    return BassFit(p, q, m, r_squared(y, bass_cumulative(t, p, q, m)))


def fit_logistic(adoption: pd.DataFrame) -> LogisticFit:
    """Fit a logistic S-curve to a cumulative adoption curve by least squares.

    Parameters
    ----------
    adoption
        The output of ``cumulative_adoption``; the first year counts as t = 1.

    Returns
    -------
    LogisticFit
        ``k``, ``t0`` (years after the first year's start), ``m`` and ``r_squared``.

    Examples
    --------
    >>> years = np.arange(2008, 2026)
    >>> curve = logistic_cumulative(years - 2007, 0.5, 9.0, 250)
    >>> adoption = pd.DataFrame({"year": years, "cumulative": curve, "municipalities": 290})
    >>> fit = fit_logistic(adoption)
    >>> round(fit.k, 2), round(fit.t0, 1), round(fit.m), round(fit.r_squared, 3)
    (0.5, 9.0, 250, 1.0)
    """
    t, y, n = _check_fit_input(adoption)
    start = (0.5, float(np.interp(y[-1] / 2, y, t)), y[-1])
    bounds = ([1e-3, -50.0, y[-1] * 0.5], [5.0, 100.0, max(n, y[-1])])
    try:
        params, _ = curve_fit(logistic_cumulative, t, y, p0=start, bounds=bounds, maxfev=10_000)
    except RuntimeError as err:
        msg = "A logistic curve could not be fitted to this selection; choose a larger group."
        raise SelectionError(msg) from err
    k, t0, m = (float(v) for v in params)
    return LogisticFit(k, t0, m, r_squared(y, logistic_cumulative(t, k, t0, m)))


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


def category_bounds(frame: pd.DataFrame, year: str = YEAR) -> pd.DataFrame:
    """Rogers' category boundaries: mean adoption year minus 2 SD, minus 1 SD, mean, plus 1 SD.

    The mean and standard deviation are taken over adopters only. A category runs from its
    ``from_year`` (included) up to its ``to_year`` (excluded).

    Parameters
    ----------
    frame
        One row per potential adopter.
    year
        The adoption-year column.

    Returns
    -------
    pandas.DataFrame
        Columns ``category``, ``from_year``, ``to_year`` and ``rogers_share``.

    Examples
    --------
    >>> frame = pd.DataFrame({"adoption_year": [2010, 2012, 2014]})  # mean 2012, SD 2
    >>> category_bounds(frame)["to_year"].tolist()
    [2008.0, 2010.0, 2012.0, 2014.0, inf]
    """
    years = _adoption_years(frame, year)
    if len(years) < 2:
        msg = "Adopter categories need at least two adopters; choose a larger group."
        raise SelectionError(msg)
    mean, sd = float(years.mean()), float(years.std(ddof=1))
    cuts = [-np.inf, mean - 2 * sd, mean - sd, mean, mean + sd, np.inf]
    return pd.DataFrame(
        {
            "category": list(ROGERS_SHARES),
            "from_year": cuts[:-1],
            "to_year": cuts[1:],
            "rogers_share": list(ROGERS_SHARES.values()),
        }
    )


def adopter_categories(frame: pd.DataFrame, year: str = YEAR, name: str = NAME) -> pd.DataFrame:
    """Each municipality's Rogers adopter category, by its adoption year.

    Parameters
    ----------
    frame
        One row per potential adopter.
    year, name
        The adoption-year and name columns.

    Returns
    -------
    pandas.DataFrame
        Columns ``municipality``, ``adoption_year`` and ``category`` (``"not yet adopted"``
        for rows without a year), in the input's order.

    Examples
    --------
    >>> frame = pd.DataFrame({"municipality": list("ABCD"),
    ...                       "adoption_year": [2010, 2012, 2014, None]})  # mean 2012, SD 2
    >>> adopter_categories(frame)["category"].tolist()
    ['early majority', 'late majority', 'laggards', 'not yet adopted']
    """
    bounds = category_bounds(frame, year)
    years = pd.to_numeric(frame[year], errors="coerce").astype(float)
    cuts = [*bounds["from_year"], np.inf]
    category = pd.cut(years, cuts, right=False, labels=list(bounds["category"]))
    return pd.DataFrame(
        {
            "municipality": frame[name].astype(str).to_numpy(),
            "adoption_year": frame[year].to_numpy(),
            "category": category.astype(object).fillna(NOT_ADOPTED).to_numpy(),
        }
    )


def category_shares(frame: pd.DataFrame, year: str = YEAR) -> pd.DataFrame:
    """Adopters in each Rogers category, against Rogers' 2.5/13.5/34/34/16 %.

    Parameters
    ----------
    frame
        One row per potential adopter.
    year
        The adoption-year column.

    Returns
    -------
    pandas.DataFrame
        Columns ``category``, ``first_year`` and ``last_year`` (of its adopters, empty when it
        has none), ``adopters``, ``share`` (of all adopters), ``rogers_share`` and
        ``difference`` (share minus Rogers' share).

    Examples
    --------
    >>> frame = pd.DataFrame({"adoption_year": [2010, 2012, 2014, None]})
    >>> category_shares(frame)["adopters"].tolist()  # cuts 2008, 2010, 2012, 2014
    [0, 0, 1, 1, 1]
    """
    bounds = category_bounds(frame, year)
    years = pd.to_numeric(frame[year], errors="coerce").dropna().astype(int)
    cuts = [*bounds["from_year"], np.inf]
    category = pd.cut(years, cuts, right=False, labels=list(bounds["category"]))
    spans = years.groupby(category, observed=False).agg(["min", "max", "size"])
    table = bounds[["category"]].copy()
    table["first_year"] = spans["min"].to_numpy()
    table["last_year"] = spans["max"].to_numpy()
    table[["first_year", "last_year"]] = table[["first_year", "last_year"]].astype("Int64")
    table["adopters"] = spans["size"].to_numpy().astype(int)
    table["share"] = table["adopters"] / len(years)
    table["rogers_share"] = bounds["rogers_share"]
    table["difference"] = table["share"] - table["rogers_share"]
    return table


def peak_year(curve: pd.DataFrame) -> int:
    """The year with the most new adopters (the first such year on a tie).

    Examples
    --------
    >>> peak_year(pd.DataFrame({"year": [2010, 2011, 2012], "adopters": [3, 9, 4]}))
    2011
    """
    return int(curve["year"].iloc[int(np.argmax(curve["adopters"].to_numpy(float)))])


def category_of(frame: pd.DataFrame, municipality: str, year: str = YEAR, name: str = NAME) -> str:
    """The Rogers adopter category of one municipality (``"not yet adopted"`` if it has not).

    Parameters
    ----------
    frame
        One row per potential adopter; the categories are cut on all adopters in ``frame``.
    municipality
        The municipality's name, as in the ``name`` column.
    year, name
        The adoption-year and name columns.

    Returns
    -------
    str
        One of Rogers' five categories or ``"not yet adopted"``.

    Examples
    --------
    >>> frame = pd.DataFrame({"municipality": list("ABC"), "adoption_year": [2010, 2012, 2014]})
    >>> category_of(frame, "A")  # mean 2012, SD 2: early majority is 2010 to before 2012
    'early majority'
    """
    categories = adopter_categories(frame, year, name)
    match = categories.loc[categories["municipality"] == municipality, "category"]
    if match.empty:
        close = difflib.get_close_matches(municipality, categories["municipality"], n=3)
        hint = f" Did you mean {' or '.join(map(repr, close))}?" if close else ""
        msg = f"There is no municipality called {municipality!r} in this data.{hint}"
        raise SelectionError(msg)
    return str(match.iloc[0])
