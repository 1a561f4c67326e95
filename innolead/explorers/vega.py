"""Moved to ``innolead.render.vegalite``; this name stays for ``innolead.web`` until it imports
the new one (its owner changes it)."""

from innolead.render.palette import PALETTE
from innolead.render.vegalite import vega_spec

__all__ = ["PALETTE", "vega_spec"]
