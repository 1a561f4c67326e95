"""Adopter categories: who adopted early and who late, in Rogers' five categories.

Rogers cut adopters at the mean adoption time plus or minus one and two standard deviations:
innovators, early adopters, early majority, late majority and laggards, in the shares
``ROGERS_SHARES`` gives for a normal curve. These functions cut the `diffusion` case's
adoption years the same way and set each category's share against Rogers'.
"""

from __future__ import annotations

import difflib

import numpy as np
import pandas as pd

from innolead.analysis.diffusion import NAME, NOT_ADOPTED, ROGERS_SHARES, YEAR, _adoption_years
from innolead.analysis.errors import SelectionError
from innolead.i18n import _


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
        msg = _("Adopter categories need at least two adopters; choose a larger group.")
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
        hint = ""
        if close:
            hint = " " + _("Did you mean {names}?").format(
                names=_(" or ").join(map(repr, close))
            )
        msg = _("There is no municipality called {name} in this data.").format(
            name=repr(municipality)
        ) + hint
        raise SelectionError(msg)
    return str(match.iloc[0])
