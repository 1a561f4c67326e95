"""Lighthouse over every page of the built book: mobile profile, served with gzip.

Lighthouse (pinned in ``benchmarks/package.json``, installed with ``npm ci`` on first use)
drives the system Chromium with the test suite's flags. Its default mobile profile simulates a
slow 4G network and a 4x slower CPU. The book is served by ``benchmarks.serve`` (gzip,
HTTP/1.1), as any real host would. Each page is measured ``RUNS`` times and each figure is the
median of its runs. Bar (issue 16): performance >= 90, first contentful paint <= 2.0 s and
accessibility 100 on every page.

Environment: ``BOOK_HTML`` (built HTML folder, default ``_build/html``), ``LIGHTHOUSE_PAGES``
(comma-separated page paths, default every page), ``LIGHTHOUSE_RUNS`` (default 3).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.serve import serve

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HTML = Path(os.environ.get("BOOK_HTML") or ROOT / "_build" / "html").resolve()
BIN = HERE / "node_modules" / ".bin" / "lighthouse"
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
BAR = {"performance": 90, "fcp_s": 2.0, "accessibility": 100}
AUDITS = {
    "fcp_s": "first-contentful-paint",
    "lcp_s": "largest-contentful-paint",
    "speed_index_s": "speed-index",
    "tbt_ms": "total-blocking-time",
    "cls": "cumulative-layout-shift",
    "transfer_kb": "total-byte-weight",
}


def pages() -> list[str]:
    """Every page of the book (``_toc.yml``) and Sphinx's search and index pages."""
    chosen = os.environ.get("LIGHTHOUSE_PAGES")
    if chosen:
        return [p.strip() for p in chosen.split(",") if p.strip()]
    from tests.book.toc import toc_pages

    return ["index.html", *(f"{p}.html" for p in toc_pages()), "search.html", "genindex.html"]


def install() -> Path:
    """The pinned Lighthouse, installed from the lock file when missing."""
    if not BIN.exists():
        npm = shutil.which("npm")
        if npm is None:
            msg = "npm is needed for the Lighthouse benchmark (Debian: apt-get install -y npm)"
            raise RuntimeError(msg)
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    return BIN


def _figures(report: dict) -> dict[str, float]:
    audits = report["audits"]
    out = {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
    }
    for key, audit in AUDITS.items():
        value = audits[audit]["numericValue"]
        if key.endswith("_s"):
            value = round(value / 1000, 2)
        elif key == "transfer_kb":
            value = round(value / 1000, 1)
        elif key == "tbt_ms":
            value = round(value)
        else:
            value = round(value, 3)
        out[key] = value
    blocking = audits.get("render-blocking-resources", {}).get("details", {}).get("items", [])
    out["render_blocking"] = len(blocking)
    return out


def measure(url: str, out: Path) -> dict[str, float]:
    """One Lighthouse run of ``url`` (mobile, simulated throttling)."""
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    subprocess.run(
        [
            str(install()),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=performance,accessibility",
            f"--chrome-flags={flags}",
            "--max-wait-for-load=60000",
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return _figures(json.loads(out.read_text(encoding="utf-8")))


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def run() -> dict[str, object]:
    """Median Lighthouse figures of every page, and whether each meets the bar."""
    if not (HTML / "index.html").exists():
        msg = f"no built book in {HTML}: run `make book` first"
        raise RuntimeError(msg)
    install()
    results: dict[str, object] = {}
    with serve(HTML) as base, tempfile.TemporaryDirectory() as tmp:
        for page in pages():
            runs = [measure(f"{base}/{page}", Path(tmp) / "report.json") for _ in range(RUNS)]
            figures = _median(runs)
            figures["meets_bar"] = (
                figures["performance"] >= BAR["performance"]
                and figures["fcp_s"] <= BAR["fcp_s"]
                and figures["accessibility"] >= BAR["accessibility"]
            )
            results[page] = figures
            print(f"  {page}: {json.dumps(figures)}", file=sys.stderr, flush=True)
    lighthouse = json.loads((HERE / "package.json").read_text())["dependencies"]["lighthouse"]
    return {
        "tool": f"lighthouse {lighthouse}, mobile (simulated slow 4G, 4x CPU), gzip, "
        f"median of {RUNS}",
        "bar": BAR,
        "all_meet_bar": all(r["meets_bar"] for r in results.values()),
        "pages": results,
    }


def table(result: dict) -> str:
    """The figures as a Markdown table."""
    lines = [
        "| page | perf | FCP s | LCP s | TBT ms | CLS | transfer kB | a11y |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for page, f in result["pages"].items():
        lines.append(
            f"| {page} | {f['performance']} | {f['fcp_s']} | {f['lcp_s']} | {f['tbt_ms']} "
            f"| {f['cls']} | {f['transfer_kb']} | {f['accessibility']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    result = run()
    print(json.dumps(result, indent=2))
    print(table(result))
