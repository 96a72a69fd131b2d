"""Contacts as CSV: the admin action (select all included) and GET /api/v3/contacts/export.csv."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.http import StreamingHttpResponse
from rest_framework.test import APIClient

from curation.intake import exporting
from tests.factories import (
    ContactFactory,
    ContactSightingFactory,
    DomainFactory,
    PageFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db]

URL = "/api/v3/contacts/export.csv"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def contacts():
    acme = DomainFactory(domain="acme.example", company_name="Acme, Inc.")
    shop = DomainFactory(domain="shop.example", company_name=None)
    email = ContactFactory(domain=acme, value="info@acme.example", classification="role")
    pages = [PageFactory(domain=acme, url=f"https://acme.example/{p}") for p in ("a", "b", "c")]
    for page in pages:
        ContactSightingFactory(contact=email, page=page)
    phone = ContactFactory(
        domain=acme, kind="phone", value="+15555550100", display="(555) 555-0100"
    )
    ContactSightingFactory(contact=phone, page=pages[1])
    social = ContactFactory(
        domain=shop,
        kind="social",
        value="https://x.com/shop",
        display='=HYPERLINK("http://evil.example")',
        classification="x",
    )
    return {"email": email, "phone": phone, "social": social, "pages": pages}


def read(response) -> list[dict]:
    assert isinstance(response, StreamingHttpResponse)
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")  # a UTF-8 BOM: Excel on Windows reads it as UTF-8
    body = raw.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def test_columns_and_content(contacts):
    from curation.models import Contact

    text = "".join(exporting.csv_lines(Contact.objects.all())).removeprefix(exporting.BOM)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == exporting.column_names()
    email, phone, social = rows  # by id
    assert email == {
        "domain": "acme.example",
        "company_name": "Acme, Inc.",
        "kind": "email",
        "kind_label": "Email",
        "value": "info@acme.example",
        "display": "",
        "phone": "",
        "classification": "role",
        "classification_label": "role address (info@, sales@)",
        "verdict": "",  # not validated yet
        "verdict_label": "Not checked",
        "verdict_reason": "",
        "verdict_checked_at": "",
        "first_seen_at": contacts["email"].first_seen_at.isoformat(),
        "last_seen_at": contacts["email"].last_seen_at.isoformat(),
        "pages": "3",
        "source_page_url": "https://acme.example/a",
        "person_name": "",  # a shared mailbox belongs to nobody
        "person_role": "",
        "person_seniority": "",
        "company_legal_name": "",
        "company_address": "",
        "business_name": "",  # no business listing gave this domain
        "business_address": "",
        "business_phone": "",
        "business_category": "",
        "business_rating": "",
        "business_source": "",
        "business_attribution": "",
    }
    assert (phone["value"], phone["pages"], phone["source_page_url"]) == (
        "+15555550100",  # a phone number is not a formula
        "1",
        "https://acme.example/b",
    )
    assert (social["company_name"], social["pages"], social["source_page_url"]) == ("", "0", "")
    assert social["display"] == '\'=HYPERLINK("http://evil.example")'  # neutralised


def test_api_streams_every_contact(contacts):
    client = APIClient()
    client.force_authenticate(UserFactory(perms=["curation.view_contact"]))
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="contacts-')
    assert [r["value"] for r in read(response)] == [
        "info@acme.example",
        "+15555550100",
        "https://x.com/shop",
    ]


def test_api_honours_the_list_filters(contacts):
    client = APIClient()
    client.force_authenticate(UserFactory(perms=["curation.view_contact"]))
    assert [r["value"] for r in read(client.get(URL, {"kind": "phone"}))] == ["+15555550100"]
    assert [r["value"] for r in read(client.get(URL, {"search": "shop"}))] == ["https://x.com/shop"]
    domain = contacts["email"].domain_id
    values = [r["value"] for r in read(client.get(URL, {"domain": domain, "kind": "email"}))]
    assert values == ["info@acme.example"]
    # The same filters as the list endpoint give the same rows.
    listed = client.get("/api/v3/contacts/", {"kind": "email"}).json()["results"]
    assert [r["value"] for r in read(client.get(URL, {"kind": "email"}))] == [
        r["value"] for r in listed
    ]


def test_api_rejects_invalid_filters_as_json(contacts):
    client = APIClient()
    client.force_authenticate(UserFactory(perms=["curation.view_contact"]))
    response = client.get(URL, {"kind": "fax"}, HTTP_ACCEPT="text/csv")
    assert response.status_code == 400
    assert response.json()["errors"]["kind"]
    assert response.json()["detail"].startswith("Invalid request: kind:")


def test_api_refuses_a_misspelt_filter_instead_of_exporting_everything(contacts):
    client = APIClient()
    client.force_authenticate(UserFactory(perms=["curation.view_contact"]))
    response = client.get(URL, {"knd": "email"})
    assert response.status_code == 400
    assert "unknown query parameter" in response.json()["errors"]["knd"][0]
    assert "cursor" not in response.json()["errors"]["knd"][0]  # the export has no pages


def test_api_needs_the_view_permission(contacts):
    client = APIClient()
    assert client.get(URL).status_code == 401
    client.force_authenticate(UserFactory(perms=["curation.view_page"]))
    response = client.get(URL)
    assert response.status_code == 403
    assert set(response.json()) == {"detail", "errors"}


def test_admin_action_exports_the_selection(client, contacts):
    client.force_login(UserFactory(perms=["curation.view_contact"]))
    picked = [contacts["phone"].pk, contacts["social"].pk]
    response = client.post(
        "/admin/curation/contact/",
        {"action": "export_csv", "_selected_action": picked, "index": 0},
    )
    assert response.status_code == 200
    # The admin's downloads are the spreadsheet dialect: a phone's value kept as text.
    assert [r["value"] for r in read(response)] == ["+1 555-555-0100", "https://x.com/shop"]


def test_admin_action_select_all_across_pages(client, contacts, settings):
    from curation.admin.contacts import ContactAdmin

    client.force_login(UserFactory(perms=["curation.view_contact"]))
    ContactAdmin.list_per_page, old = 1, ContactAdmin.list_per_page
    try:
        response = client.post(
            "/admin/curation/contact/?kind__exact=email",
            {
                "action": "export_csv",
                "_selected_action": [contacts["email"].pk],
                "select_across": "1",
                "index": 0,
            },
        )
    finally:
        ContactAdmin.list_per_page = old
    assert [r["value"] for r in read(response)] == ["info@acme.example"]
    response = client.post(
        "/admin/curation/contact/",
        {
            "action": "export_csv",
            "_selected_action": [contacts["email"].pk],
            "select_across": "1",
            "index": 0,
        },
    )
    assert len(read(response)) == 3


def test_many_rows_stream_in_chunks(contacts, monkeypatch, django_assert_max_num_queries):
    from curation.models import Contact

    domain = contacts["email"].domain
    ContactFactory.create_batch(25, domain=domain)
    monkeypatch.setattr(exporting, "CHUNK_SIZE", 10)
    lines = exporting.csv_lines(Contact.objects.all())
    assert next(lines).startswith("\ufeffdomain,company_name,")
    with django_assert_max_num_queries(1):  # one server-side cursor, fetched in chunks
        assert sum(1 for _ in lines) == 28


def test_a_persons_contact_carries_the_person_and_every_row_the_company(contacts):
    from curation.models import CompanyFact, Contact, Person

    email = contacts["email"]
    person = Person.objects.create(
        domain_id=email.domain_id,
        name="Lisa Jackson",
        name_key="lisa jackson",
        role="Founder",
        seniority="executive",
    )
    Contact.objects.filter(pk=contacts["phone"].pk).update(person=person)
    for kind, value, rank in (
        ("legal_name", "Acme Inc.", 0),
        ("legal_name", "Acme", 5),
        ("address", "1 Main St, Springfield, IL 62701", 2),
    ):
        CompanyFact.objects.create(domain_id=email.domain_id, kind=kind, value=value, rank=rank)
    text = "".join(exporting.csv_lines(Contact.objects.all())).removeprefix(exporting.BOM)
    rows = {r["value"]: r for r in csv.DictReader(io.StringIO(text))}
    phone = rows["+15555550100"]
    assert (phone["person_name"], phone["person_role"], phone["person_seniority"]) == (
        "Lisa Jackson",
        "Founder",
        "executive",
    )
    assert rows["info@acme.example"]["person_name"] == ""
    for row in rows.values():
        if row["domain"] == "acme.example":
            assert row["company_legal_name"] == "Acme Inc."  # the best-ranked
            assert row["company_address"] == "1 Main St, Springfield, IL 62701"


PHONE = "+15415550123"


@pytest.fixture
def spreadsheet_contacts():
    shop = DomainFactory(domain="xn--bcher-kva.example", company_name="Bücher & Söhne")
    phone = ContactFactory(
        domain=shop,
        kind="phone",
        value=PHONE,
        display="(541) 555-0123",
        classification="fixed_line_or_mobile",
        verdict="valid",
    )
    email = ContactFactory(domain=shop, value="info@xn--bcher-kva.example", classification="role")
    ContactSightingFactory(contact=phone, page=PageFactory(domain=shop))
    return {"phone": phone, "email": email}


def test_csv_keeps_phones_and_labels_readable(spreadsheet_contacts):
    """Read back with the csv module: the canonical value, the phone as text, labels beside
    codes, and the BOM that makes Excel read UTF-8."""
    client = APIClient()
    client.force_authenticate(UserFactory(perms=["curation.view_contact"]))
    by_kind = {row["kind"]: row for row in read(client.get(URL))}
    phone, email = by_kind["phone"], by_kind["email"]
    assert phone["value"] == PHONE
    assert phone["phone"] == "+1 541-555-0123"  # spaces and a dash: text in every spreadsheet
    assert (phone["classification"], phone["classification_label"]) == (
        "fixed_line_or_mobile",
        "fixed line or mobile",
    )
    assert (phone["kind_label"], phone["verdict_label"]) == ("Phone", "Valid")
    assert phone["company_name"] == "Bücher & Söhne"
    assert email["phone"] == ""


def test_the_spreadsheet_dialect_writes_phones_as_text(spreadsheet_contacts):
    """``?dialect=spreadsheet`` (the admin's downloads): a phone's value in international form,
    which LibreOffice and Excel keep as text; canonical (the API's default) stays E.164."""
    client = APIClient()
    client.force_authenticate(UserFactory(perms=["curation.view_contact"]))
    canonical = {row["kind"]: row for row in read(client.get(URL, {"dialect": "canonical"}))}
    assert canonical == {row["kind"]: row for row in read(client.get(URL, {"dialect": ""}))}
    sheet = {row["kind"]: row for row in read(client.get(URL, {"dialect": "spreadsheet"}))}
    assert canonical["phone"]["value"] == PHONE
    assert sheet["phone"]["value"] == sheet["phone"]["phone"] == "+1 541-555-0123"
    assert sheet["email"] == canonical["email"]  # only a phone's value differs
    assert {k: v for k, v in sheet["phone"].items() if k != "value"} == {
        k: v for k, v in canonical["phone"].items() if k != "value"
    }
    for bad in ({"dialect": "excel"}, {"dialect": ["canonical", "spreadsheet"]}):
        response = client.get(URL, bad)
        assert response.status_code == 400
        assert "canonical, spreadsheet" in response.json()["errors"]["dialect"][0]


def test_the_spreadsheet_dialect_keeps_a_bare_digits_display_as_text(spreadsheet_contacts):
    """A site that wrote its phone as bare digits: a spreadsheet would read ``02071838750`` as
    a number and drop the zero; the spreadsheet dialect writes the national format."""
    shop = spreadsheet_contacts["phone"].domain
    ContactFactory(domain=shop, kind="phone", value="+442071838750", display="02071838750")
    ContactFactory(domain=shop, kind="phone", value="+442071838751", display="+442071838751")
    client = APIClient()
    client.force_authenticate(UserFactory(perms=["curation.view_contact"]))
    canonical = {row["value"]: row["display"] for row in read(client.get(URL))}
    sheet = {
        row["phone"]: row["display"] for row in read(client.get(URL, {"dialect": "spreadsheet"}))
    }
    assert canonical["+442071838750"] == "02071838750"
    assert sheet["+44 20 7183 8750"] == "020 7183 8750"
    assert sheet["+44 20 7183 8751"] == "+44 20 7183 8751"
    assert sheet["+1 541-555-0123"] == "(541) 555-0123"  # already text: kept as written


def test_xlsx_has_every_value_as_text(spreadsheet_contacts):
    """Read back with openpyxl: the same columns, the phone a text cell (format @)."""
    client = APIClient()
    client.force_authenticate(UserFactory(perms=["curation.view_contact"]))
    response = client.get("/api/v3/contacts/export.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"] == exporting.XLSX_TYPE
    assert response["Content-Disposition"].endswith('.xlsx"')
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = book["contacts"]
    header = [c.value for c in sheet[1]]
    assert header == exporting.column_names()
    rows = {r[header.index("kind")].value: r for r in sheet.iter_rows(min_row=2)}
    phone = rows["phone"]
    value = phone[header.index("value")]
    assert (value.value, value.data_type, value.number_format) == (PHONE, "s", "@")
    assert phone[header.index("classification_label")].value == "fixed line or mobile"
    assert phone[header.index("pages")].value == 1  # a count stays a number
    assert rows["email"][header.index("verdict_label")].value == "Not checked"


def test_export_contacts_of_selected_domains(client, spreadsheet_contacts):
    other = ContactFactory()  # another domain's contact: not exported
    client.force_login(UserFactory(perms=["curation.view_domain", "curation.view_contact"]))
    domain = spreadsheet_contacts["phone"].domain_id
    response = client.post(
        "/admin/curation/domain/",
        {"action": "export_contacts_csv", "_selected_action": [domain], "index": 0},
    )
    values = sorted(r["value"] for r in read(response))
    assert values == sorted(["+1 541-555-0123", spreadsheet_contacts["email"].value])
    assert other.value not in values
    # Every domain matching the list's filter ("select all N matching"): the same one subquery.
    response = client.post(
        "/admin/curation/domain/?source__exact=manual",
        {
            "action": "export_contacts_xlsx",
            "_selected_action": [domain],
            "select_across": "1",
            "index": 0,
        },
    )
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book["contacts"].max_row == 1 + 3  # both domains are manual


def test_exporting_a_domains_contacts_needs_the_contacts_view_permission(
    client, spreadsheet_contacts
):
    client.force_login(UserFactory(perms=["curation.view_domain"]))
    page = client.get("/admin/curation/domain/")
    assert "export_contacts_csv" not in page.content.decode()
    domain = spreadsheet_contacts["phone"].domain_id
    response = client.post(
        "/admin/curation/domain/",
        {"action": "export_contacts_csv", "_selected_action": [domain], "index": 0},
    )
    assert response.get("Content-Type", "").startswith("text/html")  # no file


def test_the_lead_sheet_shows_verdicts_and_exports_a_workbook(client, spreadsheet_contacts):
    phone = spreadsheet_contacts["phone"]
    type(phone).objects.filter(pk=phone.pk).update(verdict_reason="a valid fixed line number")
    client.force_login(UserFactory(is_superuser=True))
    url = f"/admin/curation/domain/{phone.domain_id}/lead/"
    page = client.get(url).content.decode()
    assert "<th>verdict</th>" in page
    assert 'data-verdict="valid"' in page and "ss-badge--valid" in page
    assert "a valid fixed line number" in page
    assert 'data-verdict=""' in page  # the e-mail, not checked: a dash
    assert 'id="lead-xlsx"' in page
    response = client.get(url, {"format": "xlsx"})
    assert response["Content-Type"] == exporting.XLSX_TYPE
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book["contacts"].max_row == 3
