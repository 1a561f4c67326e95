"""The book's Font Awesome icons: a subset of the theme's solid icon font.

The theme ships Font Awesome's whole solid font (``fa-solid-900.woff2``, 156 kB) and the header
asks for it on every page, at the highest priority, right when the page first paints; on a
slow phone network it competes with the page itself. The book shows a dozen icons, so
``_static/vendor/fontawesome/webfonts/fa-solid-900.woff2`` (which overrides the theme's file)
holds only the glyphs of ``ICONS``: the icons the built pages and the theme's scripts use, and
some the theme may add (menus, dropdowns, alerts). A test checks every icon the built book uses
is in the subset. Regenerate after a theme upgrade (needs ``fonttools`` and ``brotli``)::

    python -m innolead.web.icons <theme>/static/vendor/fontawesome/webfonts/fa-solid-900.woff2 \\
        <theme>/static/styles/pydata-sphinx-theme.css _static/vendor/fontawesome/webfonts/

Font Awesome Free's fonts are under the SIL OFL 1.1, which allows subsetting
(``_static/vendor/fontawesome/LICENSE.txt``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

#: Icons in the subset: used by the built book and the theme, and a margin of likely ones.
ICONS = (
    # used by the built pages and the theme's scripts
    "angle-left", "angle-right", "arrow-up", "bars", "code", "download", "expand", "file",
    "file-pdf", "list", "magnifying-glass", "outdent", "rocket", "xmark",
    # a margin: menus, dropdowns, toggles, admonitions, links and the colour-mode switch
    "angle-down", "angle-up", "arrow-down", "arrow-left", "arrow-right",
    "arrow-up-right-from-square",
    "book", "book-open", "caret-down", "caret-left", "caret-right", "caret-up", "check",
    "chevron-down", "chevron-left", "chevron-right", "chevron-up", "circle-check",
    "circle-exclamation", "circle-half-stroke", "circle-info", "compress", "copy", "ellipsis",
    "ellipsis-vertical", "file-arrow-down", "file-code", "file-lines", "graduation-cap", "house",
    "info", "lightbulb", "link", "list-ul", "minus", "moon", "print", "square-caret-down",
    "square-caret-up", "sun", "triangle-exclamation", "up-right-from-square",
)  # fmt: skip
ICON_CLASS = re.compile(r"\bfa-([a-z0-9-]+)")


def codepoints(css: str, names: set[str] | tuple[str, ...]) -> dict[str, int]:
    """The codepoint of each icon name that the theme's CSS maps (``.fa-NAME:before``)."""
    found = {}
    for rule in re.finditer(r"([^{}]+)\{content:\"\\([0-9a-f]+)\"\}", css):
        for selector in rule.group(1).split(","):
            match = re.fullmatch(r"\s*\.fa-([a-z0-9-]+):{1,2}before\s*", selector)
            if match and match.group(1) in names:
                found[match.group(1)] = int(rule.group(2), 16)
    return found


def icons_used(texts: list[str], css: str) -> set[str]:
    """The icon names (those the CSS maps to a glyph) that appear in ``texts``."""
    names = {m for text in texts for m in ICON_CLASS.findall(text)}
    return set(codepoints(css, names))


def subset(font: Path, css: Path, out_dir: Path) -> Path:
    """Write the subset of ``font`` with the glyphs of ``ICONS`` to ``out_dir``."""
    from fontTools import subset as ft_subset

    points = sorted(codepoints(css.read_text(encoding="utf-8"), ICONS).values())
    target = out_dir / font.name
    out_dir.mkdir(parents=True, exist_ok=True)
    ft_subset.main(
        [
            str(font),
            "--unicodes=" + ",".join(f"U+{p:04X}" for p in points),
            "--flavor=woff2",
            "--layout-features=*",
            "--no-hinting",
            "--name-IDs=*",  # keep the font's copyright and licence records
            f"--output-file={target}",
        ]
    )
    return target


if __name__ == "__main__":
    written = subset(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
    print(f"wrote {written} ({written.stat().st_size:,} bytes)")
