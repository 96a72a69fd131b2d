"""The README is the newcomer's page: short, and every other page of docs/ is linked from it,
says first who it is for, and links only to files that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PAGES = sorted((ROOT / "docs").glob("*.md"))
LINK_RE = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def test_the_readme_is_under_150_lines():
    assert len(README.read_text().splitlines()) < 150


def test_every_docs_page_is_linked_from_the_readme():
    linked = set(LINK_RE.findall(README.read_text()))
    assert len(PAGES) >= 8
    assert {f"docs/{page.name}" for page in PAGES} <= linked


@pytest.mark.parametrize("path", [README, *PAGES], ids=lambda path: path.name)
def test_relative_links_point_at_files(path: Path):
    broken = [
        link
        for link in LINK_RE.findall(path.read_text())
        if not link.startswith(("http://", "https://", "mailto:"))
        and not (path.parent / link).exists()
    ]
    assert broken == []


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.name)
def test_each_page_says_who_it_is_for(path: Path):
    lines = [line for line in path.read_text().splitlines() if line.strip()]
    assert lines[0].startswith("# ")
    assert lines[1].startswith("*For ") or lines[1].startswith("For "), lines[1]
