"""``python -m innolead.i18n extract|update|compile|status [domain ...]``.

After changing reader-facing words in the toolkit: ``extract`` (the ``.pot``), ``update`` (merge
into each language's ``.po``), translate the new and fuzzy entries, ``compile`` (the ``.mo``
the package ships), ``status`` (what is still missing). Every domain unless some are named.
"""

from __future__ import annotations

import argparse
import sys

from innolead.i18n import DOMAINS
from innolead.i18n import catalogues as cat


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m innolead.i18n", description=__doc__)
    parser.add_argument("step", choices=["extract", "update", "compile", "status"])
    parser.add_argument("domains", nargs="*", help=f"some of: {', '.join(DOMAINS)}")
    args = parser.parse_args(argv)
    unknown = set(args.domains) - set(DOMAINS)
    if unknown:
        known = ", ".join(DOMAINS)
        parser.error(f"no domain {', '.join(sorted(unknown))}; the domains are {known}")
    args.domains = args.domains or list(DOMAINS)
    missing = 0
    for domain in args.domains:
        if args.step == "extract":
            written = cat.write_template(domain)
            print(f"{cat.template_path(domain)}: {'written' if written else 'unchanged'}")
            continue
        for language in cat.translated_languages():
            if args.step == "update":
                print(f"{cat.update(domain, language)}: updated")
            elif args.step == "compile":
                print(f"{cat.compile_mo(domain, language)}: compiled")
            else:
                found = cat.problems(domain, language)
                missing += len(found)
                print(f"{domain} [{language}]: {len(found)} to do")
                for problem in found:
                    print(f"  {problem}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
