"""Recognise social-network profile URLs and normalise them to one canonical form."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qs, unquote, urlsplit

# Sub-domains that are just alternative front doors to the same profile.
_STRIP_SUBDOMAINS = ("www.", "m.", "mobile.", "web.", "touch.", "business.")
_HANDLE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]{0,99}")

_FACEBOOK_RESERVED = frozenset(
    [
        "sharer",
        "sharer.php",
        "share",
        "share.php",
        "dialog",
        "tr",
        "plugins",
        "login",
        "login.php",
        "logout.php",
        "hashtag",
        "search",
        "watch",
        "story.php",
        "photo.php",
        "photo",
        "photos",
        "permalink.php",
        "events",
        "groups",
        "gaming",
        "help",
        "policies",
        "privacy",
        "terms",
        "legal",
        "ads",
        "business",
        "marketplace",
        "home.php",
        "l.php",
        "messages",
        "settings",
        "recover",
        "signup",
        "r.php",
        "reg",
        "video.php",
        "notes",
        "media",
        "pages_manager",
    ]
)
_INSTAGRAM_RESERVED = frozenset(
    [
        "p",
        "reel",
        "reels",
        "explore",
        "stories",
        "accounts",
        "tv",
        "direct",
        "about",
        "legal",
        "developer",
        "web",
        "challenge",
        "privacy",
        "session",
        "emails",
        "oauth",
    ]
)
_X_RESERVED = frozenset(
    [
        "intent",
        "share",
        "home",
        "search",
        "hashtag",
        "i",
        "login",
        "signup",
        "settings",
        "explore",
        "notifications",
        "messages",
        "tos",
        "privacy",
        "compose",
        "account",
        "oauth",
        "logout",
        "download",
        "rules",
        "about",
    ]
)
_LINKEDIN_KINDS = frozenset({"company", "in", "school", "showcase"})
_YOUTUBE_KINDS = frozenset({"channel", "c", "user"})
_TIKTOK_RESERVED = frozenset({"share", "embed", "tag", "discover", "music", "login", "search"})
_PINTEREST_RESERVED = frozenset(
    [
        "pin",
        "search",
        "ideas",
        "today",
        "explore",
        "_",
        "login",
        "business",
        "categories",
        "topics",
        "resource",
    ]
)
_GITHUB_RESERVED = frozenset(
    [
        "login",
        "join",
        "features",
        "pricing",
        "about",
        "sponsors",
        "marketplace",
        "topics",
        "explore",
        "settings",
        "apps",
        "site",
        "contact",
        "enterprise",
        "security",
        "customer-stories",
        "collections",
        "trending",
        "search",
        "notifications",
        "new",
        "organizations",
        "readme",
        "team",
        "pulls",
        "issues",
        "codespaces",
        "orgs",
    ]
)


def _host(netloc: str) -> str:
    host = netloc.lower().rsplit("@", 1)[-1].split(":", 1)[0].rstrip(".")
    for prefix in _STRIP_SUBDOMAINS:
        if host.startswith(prefix):
            return host[len(prefix) :]
    return host


def _network(host: str) -> str | None:
    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        return "linkedin"
    if host in ("facebook.com", "fb.com") or host.endswith(".facebook.com"):
        return "facebook"
    if host in ("instagram.com", "instagr.am"):
        return "instagram"
    if host in ("twitter.com", "x.com"):
        return "x"
    if host == "youtube.com":
        return "youtube"
    if host == "tiktok.com":
        return "tiktok"
    if re.fullmatch(r"(?:[a-z]{2}\.)?pinterest\.(?:com|[a-z]{2}|co\.uk|com\.au|com\.mx)", host):
        return "pinterest"
    if host == "github.com":
        return "github"
    return None


def social_network(url: str) -> str | None:
    """The network a URL belongs to (``"linkedin"``, ...), profile or not; None for others."""
    text = url.strip()
    if text.startswith("//"):
        text = "https:" + text
    try:
        parts = urlsplit(text if re.match(r"https?://", text, re.I) else "https://" + text)
    except ValueError:
        return None
    return _network(_host(parts.netloc))


@lru_cache(maxsize=4096)  # share bars and footers repeat the same links on every page
def normalize_social_url(url: str) -> tuple[str, str] | None:
    """Return ``(network, canonical_url)`` for a profile link, None for anything else."""
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    elif not re.match(r"https?://", url, re.I):
        if not re.match(r"(?:www\.)?[a-z.]*(?:linkedin|facebook|instagram|twitter|x)\.com/", url):
            return None
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    network = _network(_host(parts.netloc))
    if network is None:
        return None
    segments = [unquote(s) for s in parts.path.split("/") if s]
    path = _profile_path(network, segments, parts.query)
    if path is None:
        return None
    host = {"x": "x.com", "pinterest": "pinterest.com"}.get(network, f"{network}.com")
    return network, f"https://{host}/{path}"


def _handle(segment: str) -> str | None:
    return segment.lower() if _HANDLE_RE.fullmatch(segment) else None


def _profile_path(network: str, seg: list[str], query: str) -> str | None:
    """The canonical path of the profile a URL points at, or None if it is not a profile."""
    if not seg:
        return None
    first = seg[0].lower()
    if network == "linkedin":
        # Only company pages and personal profiles; sub-pages (/about, /jobs) collapse.
        if first in _LINKEDIN_KINDS and len(seg) >= 2 and (handle := _handle(seg[1])):
            return f"{first}/{handle}"
        return None
    if network == "facebook":
        if first == "profile.php":
            ids = parse_qs(query).get("id", [])
            return f"profile.php?id={ids[0]}" if ids and ids[0].isdigit() else None
        if first in ("pages", "people") and len(seg) >= 3 and seg[2].isdigit():
            return f"{first}/{seg[1]}/{seg[2]}"
        if first in _FACEBOOK_RESERVED or len(seg) > 2 or first.endswith(".php"):
            return None  # posts, photos, videos are content, not the page itself
        if len(seg) == 2 and seg[1].lower() not in ("about", "reviews", "services"):
            return None
        return _handle(seg[0])
    if network == "instagram":
        if first in _INSTAGRAM_RESERVED or len(seg) > 1:
            return None
        return _handle(seg[0])
    if network == "x":
        if first in _X_RESERVED or len(seg) > 1 or not re.fullmatch(r"[a-z0-9_]{1,15}", first):
            return None  # /status/... are individual posts
        return first
    if network == "youtube":
        if first.startswith("@") and len(first) > 1:
            return first if _handle(first[1:]) else None
        if first in _YOUTUBE_KINDS and len(seg) >= 2 and _HANDLE_RE.fullmatch(seg[1]):
            # Channel ids (UC...) are case-sensitive, so only the kind is lower-cased.
            return f"{first}/{seg[1]}"
        return None  # watch?v=, shorts, embed, playlists are videos
    if network == "tiktok":
        if first.startswith("@") and len(seg) == 1 and _handle(first[1:]):
            return first
        return None
    if network == "pinterest":
        if first in _PINTEREST_RESERVED or first.endswith(".php"):
            return None
        return _handle(seg[0])
    if network == "github":
        # A repository link still tells us the owning user or organisation.
        if first in _GITHUB_RESERVED or not re.fullmatch(r"[a-z0-9](?:[a-z0-9\-]{0,38})", first):
            return None
        return first
    return None
