"""robots.txt by RFC 9309 (Protego): each rule, through the fetcher against a loopback server."""

from __future__ import annotations

import pytest

from processing.fetcher import RobotsDisallowedError


def _allowed(server, make_fetcher, robots: str, path: str, **options) -> bool:
    server.respond("/robots.txt", 200, robots.encode())
    server.default = lambda h: server.send(h, 200, b"ok")
    try:
        make_fetcher(**options).get(server.url(path))
    except RobotsDisallowedError:
        return False
    return True


@pytest.mark.parametrize(
    ("robots", "path", "allowed"),
    [
        # `*` matches any sequence of characters, `$` anchors the end
        ("User-agent: *\nDisallow: /*.pdf$\n", "/doc.pdf", False),
        ("User-agent: *\nDisallow: /*.pdf$\n", "/files/a/b.pdf", False),
        ("User-agent: *\nDisallow: /*.pdf$\n", "/doc.pdf?download=1", True),
        ("User-agent: *\nDisallow: /*.pdf$\n", "/doc.pdfx", True),
        ("User-agent: *\nDisallow: /private*/data\n", "/private-area/data/x", False),
        ("User-agent: *\nDisallow: /*?sessionid=\n", "/page?sessionid=1", False),
        ("User-agent: *\nDisallow: /*?sessionid=\n", "/page", True),
        # the longest (most specific) match wins, whatever the order of the lines
        ("User-agent: *\nDisallow: /\nAllow: /contact\n", "/contact", True),
        ("User-agent: *\nDisallow: /\nAllow: /contact\n", "/about", False),
        ("User-agent: *\nAllow: /shop\nDisallow: /shop/cart\n", "/shop/cart/1", False),
        ("User-agent: *\nAllow: /shop\nDisallow: /shop/cart\n", "/shop/shoes", True),
        ("User-agent: *\nDisallow: /a\nAllow: /a/b$\n", "/a/b", True),
        ("User-agent: *\nDisallow: /a\nAllow: /a/b$\n", "/a/b/c", False),
        # Allow wins a tie with an equally long Disallow
        ("User-agent: *\nDisallow: /page\nAllow: /page\n", "/page", True),
        ("User-agent: *\nAllow: /page\nDisallow: /page\n", "/page", True),
        # an empty Disallow allows everything
        ("User-agent: *\nDisallow:\n", "/anything", True),
        # percent-encoding is compared normalised
        ("User-agent: *\nDisallow: /caf%C3%A9\n", "/caf%c3%a9", False),
    ],
)
def test_rule(server, make_fetcher, robots, path, allowed):
    assert _allowed(server, make_fetcher, robots, path) is allowed


GROUPS = """\
User-agent: *
Disallow: /everyone-but-us

User-agent: ScraperSkyBot
Disallow: /not-for-scrapersky

User-agent: OtherBot
User-agent: ThirdBot
Disallow: /
"""


def test_our_group_replaces_the_star_group(server, make_fetcher):
    """The most specific matching group applies alone: its rules, not the `*` group's."""
    assert _allowed(server, make_fetcher, GROUPS, "/not-for-scrapersky") is False
    assert _allowed(server, make_fetcher, GROUPS, "/everyone-but-us") is True


def test_group_matched_on_the_product_token_case_insensitively(server, make_fetcher):
    agent = "scraperskybot/9.9 (+https://example.com/bot)"
    assert _allowed(server, make_fetcher, GROUPS, "/not-for-scrapersky", user_agent=agent) is False


def test_a_group_with_several_user_agent_lines(server, make_fetcher):
    for agent in ("OtherBot/1.0", "ThirdBot/2.0"):
        assert _allowed(server, make_fetcher, GROUPS, "/anything", user_agent=agent) is False


def test_an_agent_without_a_group_uses_star(server, make_fetcher):
    agent = "UnknownBot/1.0"
    assert _allowed(server, make_fetcher, GROUPS, "/everyone-but-us", user_agent=agent) is False
    assert _allowed(server, make_fetcher, GROUPS, "/not-for-scrapersky", user_agent=agent) is True


def test_a_token_inside_another_name_does_not_match(server, make_fetcher):
    robots = "User-agent: Bot\nDisallow: /\n"
    assert _allowed(server, make_fetcher, robots, "/x", user_agent="ScraperSkyBot/0.1") is True


def test_no_matching_group_and_no_star_allows_everything(server, make_fetcher):
    robots = "User-agent: OtherBot\nDisallow: /\n"
    assert _allowed(server, make_fetcher, robots, "/x") is True


def test_robots_txt_itself_is_always_allowed(server, make_fetcher):
    robots = "User-agent: *\nDisallow: /\n"
    server.respond("/robots.txt", 200, robots.encode())
    response = make_fetcher().get(server.url("/robots.txt"))
    assert response.status_code == 200
