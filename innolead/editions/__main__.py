"""``python -m innolead.editions COMMAND [PAGE ...]``: the Swedish edition's catalogues.

- ``sources``: write ``sv/`` from the English book and ``locales/sv/`` (``make book`` runs it);
- ``status``: translated, fuzzy (stale) and untranslated blocks per page; exit 1 if any;
- ``update``: merge each page's catalogue with its English page (fuzzy matches, as msgmerge);
- ``import PAGE FILE``: write PAGE's catalogue from a whole translated page FILE.
"""

from __future__ import annotations

import sys
from pathlib import Path

from innolead.editions import catalog, sources


def main(argv: list[str]) -> int:
    command, *args = argv or ["status"]
    if command == "sources":
        changed = sources.write()
        print(f"sv/: {len(changed)} file(s) written")
        return 0
    if command == "import":
        page, path = args
        print(catalog.import_translation(page, Path(path).read_text(encoding="utf-8")))
        return 0
    pages = args or sources.pages()
    if command == "update":
        for page in pages:
            catalog.update(page)
    if command in ("update", "status"):
        results = [catalog.status(page) for page in pages]
        for result in results:
            print(result.report() if not result.complete else f"{result.page}: complete")
        return 0 if all(r.complete for r in results) else 1
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
