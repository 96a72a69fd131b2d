"""Page-level behaviour: encodings, HTML sniffing, metadata, forms, ordering and results."""

# Non-ASCII punctuation (en dash, full-width colon and at) is the point of the encoding tests.
# ruff: noqa: RUF001

from __future__ import annotations

import dataclasses
import hashlib

import pytest

from processing.contacts import FoundContact, PageExtraction, extract_page
from processing.contacts.encoding import decode_body

URL = "https://site.test/"


# -- encodings -------------------------------------------------------------------------------

FRENCH = "<html><head>{meta}</head><body><p>Pâtisserie – crème brûlée, écrivez à élodie@café.fr ou à contact@patisserie.fr</p></body></html>"  # noqa: E501


def test_windows_1252_from_meta() -> None:
    body = FRENCH.format(meta='<meta charset="windows-1252">').encode("cp1252")
    result = extract_page(body, url=URL)
    assert result.encoding == "cp1252"
    assert [c.value for c in result.contacts] == ["contact@patisserie.fr"]
    assert "Pâtisserie – crème brûlée" in result.contacts[0].context


def test_windows_1252_fallback_when_undeclared_and_not_utf8() -> None:
    text, encoding = decode_body(FRENCH.format(meta="").encode("cp1252"))
    assert encoding == "cp1252"
    assert "crème brûlée" in text


def test_iso_8859_1_label_decodes_as_windows_1252() -> None:
    body = FRENCH.format(
        meta='<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    )
    text, encoding = decode_body(body.encode("cp1252"))
    assert encoding == "cp1252"
    assert "– crème" in text  # the en dash only exists in windows-1252


def test_shift_jis_page() -> None:
    html = (
        '<html lang="ja"><head><meta charset="Shift_JIS"><title>会社概要</title></head>'
        "<body><p>電話番号：03-1234-5678　メール：info＠sakura.co.jp</p></body></html>"
    )
    result = extract_page(html.encode("cp932"), url=URL, default_region="JP")
    assert result.encoding == "cp932"
    assert result.title == "会社概要"
    assert [(c.kind, c.value) for c in result.contacts] == [
        ("phone", "+81312345678"),
        ("email", "info@sakura.co.jp"),
    ]


def test_content_type_charset_beats_meta() -> None:
    body = FRENCH.format(meta='<meta charset="utf-8">').encode("cp1252")
    assert decode_body(body, "text/html; charset=windows-1252")[1] == "cp1252"
    assert decode_body(body, 'text/html; charset="bogus-charset"')[1] == "utf-8"


def test_bom_beats_meta_and_is_stripped() -> None:
    html = FRENCH.format(meta='<meta charset="windows-1252">')
    text, encoding = decode_body(b"\xef\xbb\xbf" + html.encode("utf-8"))
    assert (encoding, text[:6]) == ("utf-8", "<html>")
    text, encoding = decode_body(html.encode("utf-16"))
    assert encoding == "utf-16-le" and "crème" in text
    assert extract_page(html.encode("utf-16"), url=URL).contacts[0].value == "contact@patisserie.fr"


def test_undeclared_utf8() -> None:
    text, encoding = decode_body(FRENCH.format(meta="").encode("utf-8"))
    assert encoding == "utf-8" and "crème" in text


# -- sniffing --------------------------------------------------------------------------------

HTML_DOC = b"<!DOCTYPE html><html><body><p>info@firm.com</p></body></html>"


@pytest.mark.parametrize(
    "body, content_type",
    [
        (b"%PDF-1.7\n1 0 obj << /Contents (info@firm.com <html>) >>", "text/html"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR <html>", "text/html"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"GIF89a\x01\x00", None),
        (b"PK\x03\x04\x14\x00<html>", "text/html"),
        (b'{"html": "<html><body>info@firm.com</body></html>"}', "text/html"),
        (b'[{"email": "info@firm.com"}]', "application/json"),
        (b"Plain notes. Email info@firm.com about the <b>report</b>.", "text/plain"),
        (b"Plain notes. Email info@firm.com.", None),
        (b'<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>', "text/html"),
        (b"", "text/html"),
        (b"\x00\x01\x02\x03binary<html>", None),
    ],
)
def test_non_html_bodies_are_not_extracted(body: bytes, content_type: str | None) -> None:
    result = extract_page(body, url=URL, content_type=content_type)
    assert result.is_html is False
    assert result.contacts == []
    assert result.content_hash == hashlib.sha256(body).hexdigest()


@pytest.mark.parametrize(
    "body, content_type",
    [
        (HTML_DOC, "text/html"),
        (HTML_DOC, "application/octet-stream"),  # the body wins over a wrong header
        (HTML_DOC, None),
        (b"  \n<div><p>info@firm.com</p></div>", None),
        (b"<!-- generated --><p>info@firm.com</p>", None),
        (
            b"Warning: session_start() failed\n<!DOCTYPE html><html><p>info@firm.com</p>",
            "text/html",
        ),
        (
            b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>info@firm.com</body></html>',
            None,
        ),
    ],
)
def test_html_bodies_are_extracted(body: bytes, content_type: str | None) -> None:
    result = extract_page(body, url=URL, content_type=content_type)
    assert result.is_html is True
    assert [c.value for c in result.contacts] == ["info@firm.com"]


def test_control_characters_and_broken_markup_do_not_crash() -> None:
    body = b"<html><body><p>\x00\x01\x0b info@firm.com<div><table><td>x</p></b></i>"
    assert [c.value for c in extract_page(body, url=URL).contacts] == ["info@firm.com"]
    assert extract_page(b"<html></html>", url=URL).contacts == []


# -- metadata --------------------------------------------------------------------------------


def test_metadata_fields() -> None:
    html = b"""<!DOCTYPE html><html lang="de-AT"><head>
      <title>  Kanzlei
        Huber  </title>
      <META NAME="Description" CONTENT="Rechtsanwalt in Wien">
      <script type="application/ld+json">[{"@type": "https://schema.org/Attorney"},
        {"@graph": [{"@type": ["LocalBusiness", "schema:Organization"]}]}]</script>
    </head><body itemscope itemtype="https://schema.org/WebPage http://schema.org/AboutPage">
      <div itemscope itemtype="https://schema.org/Attorney"></div></body></html>"""
    result = extract_page(html, url=URL)
    assert result.title == "Kanzlei Huber"
    assert result.meta_description == "Rechtsanwalt in Wien"
    assert result.language == "de-AT"
    assert result.schema_types == [
        "AboutPage",
        "Attorney",
        "LocalBusiness",
        "Organization",
        "WebPage",
    ]
    assert result.has_contact_form is False
    assert result.truncated is False
    assert result.content_hash == hashlib.sha256(html).hexdigest()


def test_language_from_content_language_meta() -> None:
    html = (
        b'<html><head><meta http-equiv="content-language" content="fr"></head><body>x</body></html>'
    )
    assert extract_page(html, url=URL).language == "fr"


def test_missing_metadata_is_none() -> None:
    result = extract_page(b"<html><body><p>hi</p></body></html>", url=URL)
    assert (result.title, result.meta_description, result.language) == (None, None, None)
    assert result.schema_types == []


FORMS = {
    "textarea": '<form action="/send"><input name="name"><textarea name="msg"></textarea></form>',
    "message field": '<form><input type="email" name="email"><input name="your-message"></form>',
    "many fields": (
        '<form><input name="name"><input type="email" name="email"><input name="phone">'
        '<input name="company"></form>'
    ),
    "cf7": '<form class="wpcf7-form"><input name="n"><input type="email" name="e"></form>',
}
NOT_FORMS = {
    "search": '<form role="search"><input type="search" name="s"></form>',
    "search by name": '<form action="/search"><input name="q"><textarea></textarea></form>',
    "login": (
        '<form><input name="user"><input type="password" name="pw"><textarea></textarea></form>'
    ),
    "newsletter": (
        '<form class="newsletter"><input type="email" name="EMAIL"><input type="submit"></form>'
    ),
    "bare email box": '<form><input type="email" name="email"><input name="first"></form>',
    "comments": (
        '<form id="commentform" action="/wp-comments-post.php">'
        '<textarea name="comment"></textarea></form>'
    ),
}


@pytest.mark.parametrize("form", FORMS.values(), ids=FORMS.keys())
def test_contact_forms(form: str) -> None:
    assert extract_page(f"<html><body>{form}</body></html>".encode(), url=URL).has_contact_form


@pytest.mark.parametrize("form", NOT_FORMS.values(), ids=NOT_FORMS.keys())
def test_forms_that_are_not_contact_forms(form: str) -> None:
    assert not extract_page(f"<html><body>{form}</body></html>".encode(), url=URL).has_contact_form


# -- contacts list ---------------------------------------------------------------------------


def test_order_of_first_appearance_and_dedup() -> None:
    html = b"""<html><head><script type="application/ld+json">{"@type": "Organization",
      "email": "first@firm.com"}</script></head><body>
      <p>Call (415) 555-0132 or mail second@firm.com</p>
      <a href="mailto:SECOND@firm.com">again</a> <a href="tel:4155550132">again</a>
      <a href="https://www.instagram.com/firm/">ig</a> <p>third@firm.com first@firm.com</p>
    </body></html>"""
    result = extract_page(html, url=URL)
    assert [(c.kind, c.value, c.source) for c in result.contacts] == [
        ("email", "first@firm.com", "jsonld"),
        ("phone", "+14155550132", "text"),
        ("email", "second@firm.com", "text"),
        ("social", "https://instagram.com/firm", "href"),
        ("email", "third@firm.com", "text"),
    ]


def test_context_is_short_and_collapsed() -> None:
    filler = "word " * 200
    html = f"<html><body><p>{filler}\n\n\t info@firm.com \n {filler}</p></body></html>"
    (contact,) = extract_page(html.encode(), url=URL).contacts
    assert len(contact.context) <= 200
    assert "info@firm.com" in contact.context
    assert "  " not in contact.context and "\n" not in contact.context


def test_results_are_frozen() -> None:
    result = extract_page(HTML_DOC, url=URL)
    assert isinstance(result, PageExtraction) and isinstance(result.contacts[0], FoundContact)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.is_html = False  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.contacts[0].value = "x"  # type: ignore[misc]
