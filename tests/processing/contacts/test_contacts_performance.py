"""Size and complexity bounds: truncation at max_bytes, linear time, adversarial inputs."""

from __future__ import annotations

import time

import pytest

from processing.contacts import DEFAULT_MAX_BYTES, extract_page

CARD = (
    '<div class="card"><h3>Branch {i}</h3><p>Call (415) 555-{n:04d} or mail branch{i}@firm.com.'
    " Order #{i}99 on 2024-01-15, price $1,299.00.</p>"
    '<a href="https://www.facebook.com/firm{i}">fb</a>'
    '<script>var x="jquery@3.6.0";</script></div>\n'
)


def _page(size: int, offset: int = 0) -> bytes:
    parts, total, i = [], 0, offset
    while total < size:
        card = CARD.format(i=i, n=100 + i % 9000)
        parts.append(card)
        total += len(card)
        i += 1
    return ("<!DOCTYPE html><html><body>" + "".join(parts) + "</body></html>").encode()


def _timed(body: bytes, **kwargs: object) -> tuple[float, object]:
    started = time.perf_counter()
    result = extract_page(body, url="https://big.test/", **kwargs)  # type: ignore[arg-type]
    return time.perf_counter() - started, result


def test_40_mb_page_is_truncated_and_completes() -> None:
    body = _page(40 * 1024 * 1024)
    elapsed, result = _timed(body)
    assert result.truncated is True
    assert result.is_html is True
    assert result.contacts  # the first 10 MB were still processed
    assert DEFAULT_MAX_BYTES == 10 * 1024 * 1024
    assert elapsed < 120  # bounded; the real figure is a few seconds


def test_max_bytes_keyword() -> None:
    body = b"<html><body><p>first@firm.com</p>" + b"<p>filler</p>" * 100 + b"<p>late@firm.com</p>"
    _, small = _timed(body, max_bytes=60)
    assert small.truncated is True
    assert [c.value for c in small.contacts] == ["first@firm.com"]
    _, full = _timed(body)
    assert full.truncated is False
    assert [c.value for c in full.contacts] == ["first@firm.com", "late@firm.com"]


def test_big_legit_page_is_linear() -> None:
    _timed(_page(64 * 1024))  # warm up phonenumbers metadata
    small_time, small = _timed(_page(1024 * 1024, offset=100_000))
    big_time, big = _timed(_page(5 * 1024 * 1024, offset=200_000))
    assert big.truncated is False
    assert len(big.contacts) > len(small.contacts) > 1000
    # Linear would be ~5x; quadratic would be ~25x. Generous slack for noisy machines.
    assert big_time < 12 * small_time + 2.0, (small_time, big_time)


ADVERSARIAL = {
    "letters": b"a" * 5_000_000,
    "at signs": b"@" * 5_000_000,
    "digits": b"1" * 5_000_000,
    "spaced digits": b"12 " * 2_000_000,
    "short numbers": b"1234567 a " * 600_000,
    "dots": b"a." * 2_500_000,
    "at and dots": b"a@b." * 1_000_000,
    "bracket at": b"a [at] " * 800_000,
    "bare AT": b"x AT y DOT " * 500_000,
    "urls": b"https://x.com/" * 700_000,
    "nesting": b"<div>" * 200_000,
    "long local": b"a" * 100 + b"@firm.com " + b"b" * 3_000_000 + b"@" + b"c" * 3_000_000,
}


@pytest.mark.parametrize("filler", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_adversarial_text_completes_without_contacts(filler: bytes) -> None:
    elapsed, result = _timed(b"<html><body><p>" + filler + b"</p></body></html>")
    assert result.is_html is True
    assert result.contacts == []
    assert elapsed < 60  # a few hundred milliseconds in practice
