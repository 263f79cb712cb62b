"""Size of report.html and its opening time in Chromium, as the corpus grows.

    python bench/report_size.py                          # 1,000, 5,000 and 20,000 documents
    python bench/report_size.py --sizes 100000           # the 100k store (generated once: minutes)

For each size a store is generated (bench/synthetic_store.py, kept in the temp folder for the
next run), the report's analysis is built with the default ReportSettings (beyond them the report
embeds the documents its findings cite), written, and opened in headless Chromium (Debian's
/usr/bin/chromium): the time from navigation until the script has drawn the overview, and until
a click on Documents has drawn that list. The last line: `largest N documents: X MB, open Y s,
interactive Z s`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.synthetic_store import build_store  # noqa: E402
from storylens.analyze import build_analysis  # noqa: E402
from storylens.config import ReportSettings  # noqa: E402
from storylens.report import write_report  # noqa: E402
from storylens.store import Store  # noqa: E402


def open_in_chromium(driver, path: Path) -> tuple[float, float]:
    driver.get("about:blank")
    started = time.monotonic()
    driver.get(path.as_uri())
    while not driver.execute_script("return document.documentElement.getAttribute('data-ready')"):
        time.sleep(0.005)
    ready = time.monotonic() - started
    driver.find_element("css selector", '#nav-list a[data-nav="documents"]').click()
    assert driver.execute_script("return document.querySelectorAll('#docs-results tbody tr').length") > 0
    return ready, time.monotonic() - started


def chromium():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={tempfile.mkdtemp(prefix='storylens-bench-')}", "--window-size=1400,900"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    args = parser.parse_args()
    driver = chromium()
    rows = []
    try:
        for n in args.sizes:
            db = Path(tempfile.gettempdir()) / f"storylens-bench-serve-{n}.db"
            if not db.exists():
                build_store(db, n)
            with Store(db) as store:
                t0 = time.perf_counter()
                analysis = build_analysis(store, ReportSettings())
                built = time.perf_counter() - t0
            path = db.with_suffix(".report.html")
            write_report(analysis, path)
            ready, interactive = open_in_chromium(driver, path)
            embedded = analysis.get("partial", {}).get("documents", {}).get("embedded", n)
            rows.append((n, embedded, path.stat().st_size / 2**20, built, ready, interactive))
    finally:
        driver.quit()
    print(f"{'documents':>10} {'embedded':>9} {'size MB':>8} {'build s':>8} {'open s':>7} {'interactive s':>14}")
    for n, embedded, size, built, ready, interactive in rows:
        print(f"{n:>10,} {embedded:>9,} {size:>8.1f} {built:>8.1f} {ready:>7.2f} {interactive:>14.2f}")
    n, _, size, _, ready, interactive = rows[-1]
    print(f"largest {n} documents: {size:.1f} MB, open {ready:.2f} s, interactive {interactive:.2f} s")


if __name__ == "__main__":
    main()
