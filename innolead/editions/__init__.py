"""The book in two editions: English and Swedish (see catalog.py and sources.py)."""
