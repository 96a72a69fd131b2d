"""Email rules: every source (mailto, text, obfuscation, Cloudflare, structured data), decoys."""

from __future__ import annotations

import pytest

from processing.contacts import FoundContact, extract_page
from processing.contacts.emails import classify_email, normalize_email, parse_mailto
from processing.contacts.obfuscation import decode_cfemail


def _page(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def _emails(body: str, head: str = "") -> list[FoundContact]:
    result = extract_page(_page(body, head), url="https://site.test/")
    return [c for c in result.contacts if c.kind == "email"]


def _values(body: str, head: str = "") -> list[str]:
    return [c.value for c in _emails(body, head)]


PROTECTED = "[email&#160;protected]"


def _cf(address: str, key: int = 0x42) -> str:
    return f"{key:02x}" + "".join(f"{ord(ch) ^ key:02x}" for ch in address)


# -- mailto ----------------------------------------------------------------------------------


def test_mailto_strips_query_and_lowercases() -> None:
    (contact,) = _emails('<a href="mailto:Info@Firm.COM?subject=Hello%20there&body=x">Write</a>')
    assert contact.value == "info@firm.com"
    assert contact.display == "info@firm.com"
    assert contact.source == "mailto"
    assert contact.classification == "role"


def test_mailto_percent_decoded_and_comma_separated() -> None:
    values = _values('<a href="mailto:anna%40firm.com,%20bob@firm.com;carl@firm.com">all</a>')
    assert values == ["anna@firm.com", "bob@firm.com", "carl@firm.com"]


def test_parse_mailto_without_address() -> None:
    assert parse_mailto("mailto:?subject=Share%20this") == []


def test_mailto_with_garbage_is_dropped() -> None:
    assert _values('<a href="mailto:not-an-address">x</a><a href="mailto:">y</a>') == []


# -- visible text ----------------------------------------------------------------------------


def test_visible_text_email_with_context() -> None:
    (contact,) = _emails("<p>Questions?   Write to\n  anna.berg@firm.com   any time.</p>")
    assert contact.source == "text"
    assert contact.value == "anna.berg@firm.com"
    assert contact.context == "Questions? Write to anna.berg@firm.com any time."


def test_email_split_across_inline_elements() -> None:
    assert _values("<p><span>sales</span><b>@</b><i>firm.com</i></p>") == ["sales@firm.com"]


def test_block_elements_do_not_glue_text() -> None:
    assert _values("<div>anna@firm</div><div>.com</div>") == []


def test_html_entity_encoded_email() -> None:
    body = "<p>&#105;&#110;&#102;&#111;&#64;firm&#46;com and hi&#x40;firm.com</p>"
    assert _values(body) == ["info@firm.com", "hi@firm.com"]


def test_percent_encoded_email_in_text() -> None:
    (contact,) = _emails("<p>office%40firm.com</p>")
    assert (contact.value, contact.source) == ("office@firm.com", "obfuscated")


def test_trailing_punctuation_and_glued_sentence() -> None:
    assert _values("<p>Mail anna@firm.com. Or (bob@firm.de), ok</p>") == [
        "anna@firm.com",
        "bob@firm.de",
    ]
    assert _values("<p>Mail anna@firm.com.Next time</p>") == ["anna@firm.com"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("max [at] firm [dot] com", "max@firm.com"),
        ("max[at]firm[dot]co[dot]uk", "max@firm.co.uk"),
        ("max(at)firm(dot)com", "max@firm.com"),
        ("max (at) firm.de", "max@firm.de"),
        ("max {at} firm {dot} io", "max@firm.io"),
        ("max [@] firm [punkt] de", "max@firm.de"),
        ("max AT firm DOT com", "max@firm.com"),
        ("max AT firm DOT co DOT uk", "max@firm.co.uk"),
        ("info\uff20firm.jp", "info@firm.jp"),
    ],
)
def test_obfuscated_email(text: str, expected: str) -> None:
    (contact,) = _emails(f"<p>FoundContact: {text} today</p>")
    assert contact.value == expected
    assert contact.source == "obfuscated"


@pytest.mark.parametrize(
    "text",
    [
        "Meet us at noon dot com style",  # lower-case prose
        "WE ARE AT HOME DOT COM",  # shouting prose
        "Look at this. Then dot the i.",
        "Tickets AT the door",
        "max [at] firm",  # no domain dot
    ],
)
def test_prose_is_not_an_obfuscated_email(text: str) -> None:
    assert _values(f"<p>{text}</p>") == []


# -- Cloudflare ------------------------------------------------------------------------------


def test_decode_cfemail() -> None:
    assert decode_cfemail(_cf("info@firm.com", 0x5A)) == "info@firm.com"
    assert decode_cfemail("zz") is None
    assert decode_cfemail("") is None


def test_cloudflare_span_and_link() -> None:
    body = (
        f'<span class="__cf_email__" data-cfemail="{_cf("anna@firm.com")}">{PROTECTED}</span>'
        f'<a href="/cdn-cgi/l/email-protection#{_cf("bob@firm.com", 0x13)}">{PROTECTED}</a>'
    )
    contacts = _emails(body)
    assert [(c.value, c.source) for c in contacts] == [
        ("anna@firm.com", "cfemail"),
        ("bob@firm.com", "cfemail"),
    ]


# -- structured data -------------------------------------------------------------------------


def test_json_ld_email_contact_point_and_graph() -> None:
    head = """<script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "Organization", "email": "mailto:office@firm.com",
       "contactPoint": [{"@type": "ContactPoint", "email": "support@firm.com"},
                        {"@type": "ContactPoint", "email": ["a@firm.com", "b@firm.com"]}]},
      {"@type": "Person", "email": "Carla@Firm.com"}
    ]}</script>
    <script type="application/ld+json">{"@type": "Thing", "email": "broken</script>"""
    contacts = _emails("<p>hi</p>", head)
    assert [c.value for c in contacts] == [
        "office@firm.com",
        "support@firm.com",
        "a@firm.com",
        "b@firm.com",
        "carla@firm.com",
    ]
    assert {c.source for c in contacts} == {"jsonld"}
    assert "Organization" in contacts[0].context


def test_microdata_email() -> None:
    body = (
        '<div itemscope itemtype="https://schema.org/Organization">'
        '<span itemprop="email">team@firm.com</span>'
        '<meta itemprop="email" content="meta@firm.com">'
        '<a itemprop="email" href="mailto:link@firm.com">write</a></div>'
    )
    contacts = _emails(body)
    assert [(c.value, c.source) for c in contacts] == [
        ("team@firm.com", "microdata"),
        ("meta@firm.com", "microdata"),
        ("link@firm.com", "microdata"),
    ]


# -- what is not scanned ---------------------------------------------------------------------


def test_script_style_comments_and_title_are_not_visible_text() -> None:
    head = "<title>mail title@firm.com</title><style>a:after{content:'css@firm.com'}</style>"
    body = (
        "<script>var e = 'js@firm.com';</script><!-- comment@firm.com -->"
        "<template><p>tpl@firm.com</p></template><noscript>Enable JS</noscript>"
        "<p>real@firm.com</p>"
    )
    assert _values(body, head) == ["real@firm.com"]


def test_form_placeholders_and_values_are_ignored() -> None:
    body = (
        '<form><input type="email" placeholder="you@firm-placeholder.com" value="val@firm.com">'
        "<textarea>typed@firm.com</textarea><select><option>opt@firm.com</option></select></form>"
    )
    assert _values(body) == []


# -- validation and decoys -------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "logo@2x.png",
        "icon@3x.webp",
        "hero@1.5x.jpg",
        "jquery@3.6.0",
        "lodash@4.17.21",
        "bootstrap@5.3.2",
        "3f8a9b2c4d5e6f708192a3b4c5d6e7f8@o123456.ingest.sentry.io",
        "abc@sentry.io",
        "a1b2c3d4e5f60718293a4b5c6d7e8f90@sentry-next.wixpress.com",
        "user@wixpress.com",
        "email@domain.com",
        "name@email.com",
        "you@company.com",
        "test@test.com",
        "someone@example.com",
        "someone@example.org",
        "someone@mail.example.net",
        "info@yourdomain.com",
        "john.doe@acme.com",
        "firstname.lastname@acme.com",
        "a@b.c",
        "a@b.toolongtldxxxxxxxxxxxxxxxxx",
        "a@b.c0m",
        "a..b@firm.com",
        ".a@firm",
        "a@-firm.com",
        "a@firm..com",
        "style@media.css",
        "x@localhost",
        "x@host.local",
    ],
)
def test_decoys_and_invalid_addresses(raw: str) -> None:
    assert normalize_email(raw) is None
    assert _values(f"<p>{raw}</p>") == []


def test_decoys_in_urls_and_srcset_are_ignored() -> None:
    body = (
        '<img src="/img/logo@2x.png" srcset="/img/logo@3x.png 3x">'
        "<p>Loaded https://cdn.jsdelivr.net/npm/jquery@3.6.0/dist/jquery.min.js</p>"
        "<p>https://3f8a9b2c4d5e6f708192a3b4c5d6e7f8@o1.ingest.sentry.io/42</p>"
    )
    assert _values(body) == []


def test_valid_addresses() -> None:
    assert (
        normalize_email("Anna.Berg+news@Sub.Firm-Name.CO.UK")
        == "anna.berg+news@sub.firm-name.co.uk"
    )
    assert normalize_email("o'brien@firm.ie") == "o'brien@firm.ie"
    assert normalize_email("x@firm.museum") == "x@firm.museum"


@pytest.mark.parametrize(
    "address, expected",
    [
        ("info@firm.com", "role"),
        ("sales@firm.com", "role"),
        ("contact@firm.com", "role"),
        ("support@firm.com", "role"),
        ("hello@firm.com", "role"),
        ("office@firm.com", "role"),
        ("admin@firm.com", "role"),
        ("team@firm.com", "role"),
        ("jobs@firm.com", "role"),
        ("careers@firm.com", "role"),
        ("press@firm.com", "role"),
        ("billing@firm.com", "role"),
        ("info.berlin@firm.com", "role"),
        ("anna@gmail.com", "free"),
        ("anna@yahoo.co.uk", "free"),
        ("anna@yahoo.com", "free"),
        ("anna@hotmail.de", "free"),
        ("anna@outlook.com", "free"),
        ("anna@gmx.de", "free"),
        ("anna@web.de", "free"),
        ("anna@icloud.com", "free"),
        ("anna@aol.com", "free"),
        ("anna@proton.me", "free"),
        ("anna@protonmail.com", "free"),
        ("anna@mail.ru", "free"),
        ("anna@yandex.ru", "free"),
        ("anna@firm.com", "company"),
        ("anna.berg@gmailer.com", "company"),
        ("anna.info@firm.com", "company"),
    ],
)
def test_classification(address: str, expected: str) -> None:
    assert classify_email(address) == expected
