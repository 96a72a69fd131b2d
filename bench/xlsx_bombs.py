"""Benchmark: what reading a workbook's first row costs, openpyxl's read-only mode beside ours.

    .venv/bin/python bench/xlsx_bombs.py [--cell-mb 64] [--styles-mb 330] [--memory-limit-mb 8192]

The web server reads an uploaded workbook's first rows (its columns, the preview). Workbooks that
pass the zip's directory checks (``tables.check_workbook``: no part over 512 MB, none inflating
over 100x) can still hurt a reader that reads parts whole: one cell of random text (it deflates
1.3x) and a styles part of many number formats (about 7x). Each reader runs in a fresh process
(``curation.intake.xlsx.rows``; openpyxl ``load_workbook(read_only=True, data_only=True)``),
under an address-space limit so a runaway read fails instead of taking the machine; printed: its
peak RSS (VmHWM), its CPU time and what it made of the file. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import base64
import io
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.workbooks import random_cell, workbook  # noqa: E402

CHILD = """
import resource, sys, time
sys.path.insert(0, {root!r})
limit_mb = {limit}
limit = limit_mb * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
which, path = sys.argv[1], sys.argv[2]
start = time.process_time()
try:
    if which == "openpyxl":
        import warnings
        warnings.simplefilter("ignore")
        from openpyxl import load_workbook
        row = next(load_workbook(path, read_only=True, data_only=True).worksheets[0]
                   .iter_rows(values_only=True))
        result = f"read; first cell {{len(str(row[0])):,}} characters"
    else:
        from curation.intake import xlsx
        try:
            result = f"read; first cell {{len(next(xlsx.rows(path))[1][0]):,}} characters"
        except xlsx.WorkbookError as exc:
            result = f"refused: {{exc}}"
except Exception as exc:  # lxml reports running out of memory as a parse error
    result = f"failed: {{type(exc).__name__}} (at the {{limit_mb:,}} MB address-space limit?)"
with open("/proc/self/status") as status:  # VmHWM: this process's own peak (not the parent's)
    peak = int(next(line for line in status if line.startswith("VmHWM")).split()[1]) / 1024
print(f"{{peak:8,.0f}} MB {{time.process_time() - start:7.2f}} s  {{result}}")
"""


def styles_bomb(megabytes: int) -> bytes:
    base = zipfile.ZipFile(io.BytesIO(workbook([["domain"], ["a.example"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for info in base.infolist():
            if info.filename != "xl/styles.xml":
                book.writestr(info.filename, base.read(info.filename))
                continue
            with book.open("xl/styles.xml", "w", force_zip64=True) as part:
                part.write(
                    b'<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/'
                    b'spreadsheetml/2006/main"><numFmts>'
                )
                block = b"".join(
                    b'<numFmt numFmtId="%d" formatCode="%s"/>'
                    % (200 + i, base64.b16encode(os.urandom(2)))
                    for i in range(20_000)
                )
                for _ in range(max(1, megabytes * 1024 * 1024 // len(block))):
                    part.write(block)
                part.write(b"</numFmts></styleSheet>")
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cell-mb", type=int, default=64)
    parser.add_argument("--styles-mb", type=int, default=330)
    parser.add_argument("--memory-limit-mb", type=int, default=8192)
    args = parser.parse_args()
    child = CHILD.format(root=str(ROOT), limit=args.memory_limit_mb)
    with tempfile.TemporaryDirectory() as tmp:
        books = {
            f"one cell of {args.cell_mb} MB random text": random_cell(args.cell_mb),
            f"styles of {args.styles_mb} MB": styles_bomb(args.styles_mb),
        }
        for name, content in books.items():
            path = Path(tmp) / "book.xlsx"
            path.write_bytes(content)
            parts = zipfile.ZipFile(path).infolist()
            big = max(parts, key=lambda p: p.file_size)
            print(
                f"{name}: {len(content) / 1024:,.0f} KB upload, {big.filename} inflates to "
                f"{big.file_size / 2**20:,.0f} MB ({big.file_size / big.compress_size:.0f}x)"
            )
            for which in ("openpyxl", "ours"):
                result = subprocess.run(
                    [sys.executable, "-c", child, which, str(path)],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                print(f"  {which:9}{result.stdout.strip() or result.stderr.strip()[-200:]}")


if __name__ == "__main__":
    main()
