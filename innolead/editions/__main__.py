"""``python -m innolead.editions COMMAND [PAGE ...]``: the Swedish edition's catalogues.

- ``sources``: write ``sv/`` from the English book and ``locales/sv/`` (``make book`` runs it),
  and the Swedish course's notebooks (``exercises/sv/source/``) from ``locales/sv/exercises/``;
- ``status``: translated, fuzzy (stale) and untranslated blocks per page and per course
  notebook; exit 1 if any;
- ``update``: merge each page's and each course notebook's catalogue with its English source
  (fuzzy matches, as msgmerge); name pages, or ``exercises/<assignment>``, to do only those;
- ``import PAGE FILE``: write PAGE's catalogue from a whole translated page FILE.
"""

from __future__ import annotations

import sys
from pathlib import Path

from innolead.editions import catalog, notebooks, sources


def main(argv: list[str]) -> int:
    command, *args = argv or ["status"]
    if command == "sources":
        changed = sources.write()
        print(f"sv/: {len(changed)} file(s) written")
        written = notebooks.write()
        print(f"exercises/sv/ and the hidden tests' messages: {len(written)} file(s) written")
        return 0
    if command == "import":
        page, path = args
        print(catalog.import_translation(page, Path(path).read_text(encoding="utf-8")))
        return 0
    chosen = args or [*sources.pages(), *(f"exercises/{a}" for a, _ in notebooks.notebooks())]
    pages = [name for name in chosen if not name.startswith("exercises/")]
    course = [(a, n) for a, n in notebooks.notebooks() if f"exercises/{a}" in chosen]
    if command == "update":
        for page in pages:
            catalog.update(page)
        for assignment, notebook in course:
            notebooks.update(assignment, notebook)
    if command in ("update", "status"):
        results = [catalog.status(page) for page in pages]
        results += [notebooks.status(a, n) for a, n in course]
        for result in results:
            print(result.report() if not result.complete else f"{result.page}: complete")
        return 0 if all(r.complete for r in results) else 1
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
