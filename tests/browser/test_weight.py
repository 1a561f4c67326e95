"""Every page stays within its weight budget on a cold load.

Load times are machine-dependent, so they are measured and reported by `make bench`
(benchmarks/pages.py), not asserted here.
"""

from __future__ import annotations

import pytest

from benchmarks.pages import BUDGET_BYTES, page_cost
from tests.book.toc import toc_pages

pytestmark = pytest.mark.browser

#: A stock Jupyter Book 1 page weighs about 1.0 MB compressed (reference/engineering.md).
STOCK_TEXT_PAGE = 1_050_000


@pytest.mark.parametrize("page_name", toc_pages())
def test_page_within_budget(book_url: str, browser: object, page_name: str) -> None:
    """Does a cold load of the page need at most 1.5 MB, compressed as a server sends it?"""
    context = browser.new_context()
    cost = page_cost(context.new_page(), f"{book_url}/{page_name}.html")
    context.close()
    assert cost["bytes"] <= BUDGET_BYTES, f"{page_name}: {cost['bytes']:,} bytes"


def test_text_page_no_heavier_than_stock(book_url: str, browser: object) -> None:
    """Is a text-only page no heavier than the same page in the stock theme?"""
    context = browser.new_context()
    cost = page_cost(context.new_page(), f"{book_url}/book/appendices/references.html")
    context.close()
    assert cost["bytes"] <= STOCK_TEXT_PAGE, f"{cost['bytes']:,} bytes"
