"""Social profile rules: which links are profiles, and their canonical URLs."""

from __future__ import annotations

import pytest

from processing.contacts import extract_page
from processing.contacts.social import normalize_social_url


@pytest.mark.parametrize(
    "url, network, canonical",
    [
        (
            "https://www.linkedin.com/company/acme-inc/",
            "linkedin",
            "https://linkedin.com/company/acme-inc",
        ),
        (
            "https://de.linkedin.com/company/acme-inc/about/?trk=x",
            "linkedin",
            "https://linkedin.com/company/acme-inc",
        ),
        (
            "http://linkedin.com/in/Jane-Doe-123#top",
            "linkedin",
            "https://linkedin.com/in/jane-doe-123",
        ),
        ("https://www.facebook.com/AcmePlumbing/", "facebook", "https://facebook.com/acmeplumbing"),
        (
            "https://m.facebook.com/acmeplumbing?ref=page",
            "facebook",
            "https://facebook.com/acmeplumbing",
        ),
        ("https://fr-fr.facebook.com/acme", "facebook", "https://facebook.com/acme"),
        (
            "https://facebook.com/profile.php?id=1000635&sk=about",
            "facebook",
            "https://facebook.com/profile.php?id=1000635",
        ),
        (
            "https://www.facebook.com/pages/Acme-Plumbing/123456789",
            "facebook",
            "https://facebook.com/pages/Acme-Plumbing/123456789",
        ),
        (
            "https://www.instagram.com/acme.plumbing/?hl=en",
            "instagram",
            "https://instagram.com/acme.plumbing",
        ),
        ("https://twitter.com/AcmeCo", "x", "https://x.com/acmeco"),
        ("https://mobile.twitter.com/acmeco/", "x", "https://x.com/acmeco"),
        ("https://x.com/AcmeCo?s=20", "x", "https://x.com/acmeco"),
        (
            "https://www.youtube.com/channel/UCabcDEF123_-x",
            "youtube",
            "https://youtube.com/channel/UCabcDEF123_-x",
        ),
        ("https://m.youtube.com/c/AcmeTV/videos", "youtube", "https://youtube.com/c/AcmeTV"),
        ("https://youtube.com/user/acmetv", "youtube", "https://youtube.com/user/acmetv"),
        ("https://www.youtube.com/@AcmeTV", "youtube", "https://youtube.com/@acmetv"),
        ("https://www.tiktok.com/@acme.co?lang=en", "tiktok", "https://tiktok.com/@acme.co"),
        ("https://www.pinterest.com/acmeco/", "pinterest", "https://pinterest.com/acmeco"),
        ("https://pinterest.co.uk/acmeco/kitchens/", "pinterest", "https://pinterest.com/acmeco"),
        ("https://github.com/acme-co", "github", "https://github.com/acme-co"),
        ("https://github.com/Acme-Co/website/tree/main", "github", "https://github.com/acme-co"),
        ("//www.instagram.com/acme", "instagram", "https://instagram.com/acme"),
        ("www.linkedin.com/company/acme", "linkedin", "https://linkedin.com/company/acme"),
    ],
)
def test_profiles_are_normalised(url: str, network: str, canonical: str) -> None:
    assert normalize_social_url(url) == (network, canonical)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.facebook.com/sharer/sharer.php?u=https://acme.test",
        "https://www.facebook.com/sharer.php?u=x",
        "https://www.facebook.com/tr?id=1234&ev=PageView",
        "https://www.facebook.com/login/",
        "https://www.facebook.com/hashtag/plumbing",
        "https://www.facebook.com/dialog/share?app_id=1",
        "https://www.facebook.com/acme/posts/1234567",
        "https://www.facebook.com/photo.php?fbid=1",
        "https://twitter.com/intent/tweet?text=hi",
        "https://twitter.com/share?url=x",
        "https://x.com/share?url=x",
        "https://twitter.com/hashtag/plumbing",
        "https://twitter.com/search?q=acme",
        "https://x.com/acmeco/status/1712345678901234567",
        "https://x.com/i/flow/login",
        "https://www.linkedin.com/shareArticle?mini=true&url=x",
        "https://www.linkedin.com/sharing/share-offsite/?url=x",
        "https://www.linkedin.com/feed/hashtag/?keywords=x",
        "https://www.linkedin.com/login",
        "https://pinterest.com/pin/create/button/?url=x",
        "https://www.pinterest.com/pin/123456/",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ",
        "https://www.youtube.com/results?search_query=acme",
        "https://www.instagram.com/p/CxYz123AbC/",
        "https://www.instagram.com/reel/CxYz123AbC/",
        "https://www.instagram.com/explore/tags/acme/",
        "https://www.instagram.com/accounts/login/",
        "https://www.tiktok.com/@acme/video/7234567890",
        "https://www.tiktok.com/tag/plumbing",
        "https://github.com/login",
        "https://github.com/features/actions",
        "https://gist.github.com/acme/abc",
        "https://www.yelp.com/biz/acme",
        "https://acme.test/facebook.com/acme",
        "mailto:info@acme.test",
        "/contact/",
        "javascript:void(0)",
        "https://[broken",
    ],
)
def test_non_profiles_are_rejected(url: str) -> None:
    assert normalize_social_url(url) is None


def test_social_contacts_from_links_and_same_as() -> None:
    html = """<!DOCTYPE html><html><head><script type="application/ld+json">
    {"@type": "Organization", "sameAs": ["https://www.facebook.com/Acme", "https://twitter.com/acme",
     "https://acme.test/about"]}</script></head><body>
    <a href="https://facebook.com/acme/">fb</a>
    <a href="https://www.facebook.com/sharer/sharer.php?u=x">share</a>
    <a href="https://www.instagram.com/acme/">ig</a></body></html>"""
    result = extract_page(html.encode(), url="https://acme.test/")
    socials = [(c.value, c.classification, c.source) for c in result.contacts]
    assert socials == [
        ("https://facebook.com/acme", "facebook", "jsonld"),
        ("https://x.com/acme", "x", "jsonld"),
        ("https://instagram.com/acme", "instagram", "href"),
    ]
    assert all(c.display == c.value for c in result.contacts)
