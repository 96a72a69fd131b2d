"""Linear-time scanning: run detailed patterns only in bounded windows around cheap anchors."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# A detailed pattern tried at every position of a 10 MB text costs seconds in Python's re;
# a literal or single-class anchor costs milliseconds. So anchors are found first, and the
# detailed pattern only runs in windows around them, each window of bounded size.


def literal_anchors(text: str, needles: Iterable[str]) -> Iterator[tuple[int, int]]:
    """Spans of every occurrence of the literal ``needles`` (str.find is a C loop)."""
    for needle in needles:
        position = text.find(needle)
        while position != -1:
            yield position, position + len(needle)
            position = text.find(needle, position + len(needle))


def pattern_anchors(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """Spans of the matches of a cheap anchor pattern."""
    return (match.span() for match in pattern.finditer(text))


def windows(
    anchors: Iterable[tuple[int, int]], length: int, before: int, after: int, limit: int
) -> list[tuple[int, int]]:
    """Sorted, merged ``[start, end)`` windows reaching ``before``/``after`` chars around
    at most ``limit`` anchors, so that the total work is bounded whatever the input."""
    spans = []
    for count, (start, end) in enumerate(anchors):
        if count >= limit:
            break
        spans.append((max(0, start - before), min(length, end + after)))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def finditer_windows(
    pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` inside each window; lookbehinds still see the real text."""
    for start, end in spans:
        yield from pattern.finditer(text, start, end)
