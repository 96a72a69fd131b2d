"""The discovery record of a domain: every candidate tried, what came of it, and its summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from processing.discovery.outcomes import REFUSALS, label
from processing.sitemaps.sniff import Kind

#: How a candidate was found: robots.txt, a conventional path, a home-page link, or a link on
#: a site's HTML site map page.
Source = Literal["robots", "well_known", "homepage", "html_sitemap"]

_SOURCE_WORDS = {
    "robots": "robots.txt",
    "well_known": "well-known paths",
    "homepage": "home page",
    "html_sitemap": "HTML site map",
}


@dataclass(slots=True)
class FoundSitemap:
    """A URL whose body sniffed as a sitemap."""

    url: str
    final_url: str
    source: Source
    kind: Kind
    gzipped: bool
    #: URLs (or child sitemaps, for an index) counted while streaming; None when not counted
    url_count: int | None
    #: body bytes read (decoded Content-Encoding, still gzip for .gz files)
    size: int
    http_status: int
    #: False when counting stopped at a cap: url_count is then a lower bound
    count_complete: bool = True
    #: problems noticed while counting (truncated XML, skipped URLs, ...)
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class CandidateAttempt:
    """One URL tried: how it was found, the HTTP status, an outcome code and its details."""

    url: str
    source: Source
    http_status: int | None
    #: a code of processing.discovery.outcomes.LABELS ("sitemap", "not_found", "timeout", ...)
    outcome: str
    #: the readable details: "urlset, gzip", "HTTP 404", the fetcher's error text
    detail: str = ""

    @property
    def label(self) -> str:
        return label(self.outcome, self.http_status)

    @property
    def refused(self) -> bool:
        """A sitemap the site names that could not be used (it then gets an Error row)."""
        if self.source == "robots":
            return self.outcome not in ("sitemap", "duplicate")
        return self.source == "homepage" and self.outcome in REFUSALS - {"not_sitemap"}


@dataclass(slots=True)
class Step:
    """robots.txt or the home page: the URL asked, its status and what came of it."""

    url: str
    http_status: int | None = None
    outcome: str = "not_tried"
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.http_status is not None and 200 <= self.http_status < 300


@dataclass(slots=True)
class DiscoveryResult:
    """Outcome for one domain; ``sitemaps`` is empty (not an error) when there are none."""

    domain: str
    base_url: str
    sitemaps: list[FoundSitemap] = field(default_factory=list)
    robots: Step | None = None
    homepage: Step | None = None
    homepage_url: str | None = None
    attempts: list[CandidateAttempt] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: why a scheme was given up: ["https: connection refused"]
    scheme_notes: list[str] = field(default_factory=list)
    #: the site's own pages, found by following its links when it has no sitemap
    link_pages: list[str] = field(default_factory=list)
    #: what capped or filtered the link pages ("stopped at the 100-page cap", ...)
    link_notes: list[str] = field(default_factory=list)
    #: well-known paths left out, and why (robots.txt and home page answer only 5xx)
    skipped_probes: str = ""

    @property
    def robots_status(self) -> int | None:
        return self.robots.http_status if self.robots else None

    @property
    def homepage_status(self) -> int | None:
        return self.homepage.http_status if self.homepage else None

    def refused(self) -> list[CandidateAttempt]:
        """Sitemaps the site names (robots.txt, home page) that were refused or failed."""
        return [a for a in self.attempts if a.refused]

    # ---------------------------------------------------------------------------- summary

    def summary(self) -> str:
        """One line: "no sitemap: robots.txt names none; 7 well-known paths 404; ..."."""
        parts: list[str] = [
            f"{note}, used {self.base_url.split('://')[0]}" for note in self.scheme_notes
        ]
        parts.append(self._robots_part())
        by_source: dict[str, list[CandidateAttempt]] = {}
        for attempt in self.attempts:
            by_source.setdefault(attempt.source, []).append(attempt)
        if self.skipped_probes:
            parts.append(self.skipped_probes)
        elif by_source.get("well_known"):
            parts.append(_grouped("well-known paths", by_source["well_known"]))
        home = self._homepage_part(by_source.get("homepage", []))
        if home:
            parts.append(home)
        if by_source.get("html_sitemap"):
            parts.append(_grouped("HTML site map links", by_source["html_sitemap"]))
        if self.link_pages:
            n = len(self.link_pages)
            links = f"{n} page{'s' if n != 1 else ''} from the site's links"
            parts.append(links + (f" ({'; '.join(self.link_notes)})" if self.link_notes else ""))
        return f"{self._head()}: {'; '.join(p for p in parts if p)}"

    def _head(self) -> str:
        if not self.sitemaps:
            return "no sitemap"
        counts = Counter(_SOURCE_WORDS[s.source] for s in self.sitemaps)
        where = ", ".join(f"{n} from {w}" for w, n in counts.items())
        plural = "s" if len(self.sitemaps) > 1 else ""
        return f"{len(self.sitemaps)} sitemap{plural} found ({where})"

    def _robots_part(self) -> str:
        robots = self.robots
        if robots is None or robots.outcome == "not_tried":
            return "robots.txt not read"
        if not robots.ok:
            if robots.http_status in (404, 410):
                return "no robots.txt (404)"
            return f"robots.txt {label(robots.outcome, robots.http_status)}"
        named = [a for a in self.attempts if a.source == "robots"]
        if not named:
            return "robots.txt names none"
        return _grouped("robots.txt names", named, always_count=True)

    def _homepage_part(self, links: list[CandidateAttempt]) -> str:
        home = self.homepage
        if home is None or home.outcome == "not_tried":
            return ""
        if not home.ok:
            return f"home page {label(home.outcome, home.http_status)}"
        if not links:
            return "home page links none"
        return _grouped("home page links", links, always_count=True)

    # ---------------------------------------------------------------------------- record

    def as_record(self) -> dict[str, Any]:
        """The JSON stored on the domain (domains.sitemap_discovery_record)."""
        return {
            "base_url": self.base_url,
            "scheme_notes": list(self.scheme_notes),
            "robots": _step(self.robots),
            "homepage": _step(self.homepage),
            "candidates": [
                {**asdict(a), "label": a.label, "refused": a.refused} for a in self.attempts
            ],
            "sitemaps": [
                {
                    "url": s.final_url,
                    "source": s.source,
                    "kind": s.kind,
                    "gzipped": s.gzipped,
                    "url_count": s.url_count,
                    "count_complete": s.count_complete,
                    "notes": list(s.notes),
                }
                for s in self.sitemaps
            ],
            "skipped_probes": self.skipped_probes,
            "link_pages": len(self.link_pages),
            "link_notes": list(self.link_notes),
            "errors": list(self.errors),
            "summary": self.summary(),
        }


def _step(step: Step | None) -> dict[str, Any] | None:
    if step is None:
        return None
    return {**asdict(step), "label": label(step.outcome, step.http_status)}


def _grouped(what: str, attempts: list[CandidateAttempt], *, always_count: bool = False) -> str:
    counts = Counter(a.label for a in attempts)
    if len(counts) == 1 and not always_count:
        ((only, n),) = counts.items()
        return f"{n} {what} {only}"
    inner = ", ".join(f"{n} {lbl}" for lbl, n in counts.items())
    return f"{what} {len(attempts)}: {inner}"
