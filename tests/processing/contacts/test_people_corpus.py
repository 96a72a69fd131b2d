"""People and company facts on the written corpus (tests/processing/contacts/people_corpus.py)."""

from __future__ import annotations

import pytest
from people_corpus import PAGES
from people_heldout import PAGES as HELDOUT
from people_heldout2 import PAGES as HELDOUT2
from people_heldout3 import PAGES as HELDOUT3

from processing.contacts import extract_page
from processing.contacts.names import clean_name, local_matches_name
from processing.contacts.roles import seniority


def _bench():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[3] / "bench" / "people_extraction.py"
    spec = importlib.util.spec_from_file_location("people_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_corpus_meets_the_goals():
    scores = _bench().score()
    assert scores["pages"] >= 60
    assert scores["precision"] >= 0.98
    assert scores["recall"] >= 0.95
    assert scores["role_accuracy"] >= 0.95
    assert scores["decoy_people"] == 0
    assert scores["facts_recall"] >= 0.95


@pytest.mark.parametrize(
    ("name", "url", "html", "people", "company"),
    [p for p in PAGES + HELDOUT + HELDOUT2 + HELDOUT3 if not p[3]],
    ids=[p[0] for p in PAGES + HELDOUT + HELDOUT2 + HELDOUT3 if not p[3]],
)
def test_decoy_pages_name_nobody(name, url, html, people, company):
    assert extract_page(html.encode(), url=url).people == []


def test_a_team_card_ties_its_contacts_to_its_person_only():
    html = next(p[2] for p in PAGES if p[0] == "grid-role-above-name")
    people = {p.name: p for p in extract_page(html.encode(), url="https://harborlaw.com/").people}
    assert people["James O'Connor"].contacts == [
        ("email", "joconnor@harborlaw.com"),
        ("phone", "+12125550143"),
    ]
    assert people["Priya Natarajan"].contacts == [
        ("social", "https://linkedin.com/in/priya-natarajan-law")
    ]
    assert people["Daniel Brooks"].contacts == []


def test_json_ld_people_keep_their_address_and_the_company_its_facts():
    html = next(p[2] for p in PAGES if p[0] == "jsonld-org-employees")
    extraction = extract_page(html.encode(), url="https://alliedauto69.de/team")
    lisa = next(p for p in extraction.people if p.name == "Lisa Jackson")
    assert (lisa.role, lisa.seniority) == ("Founder", "executive")
    assert ("email", "ljackson@alliedauto69.de") in lisa.contacts
    kinds = {f.kind for f in extraction.company}
    assert {"legal_name", "address", "opening_hours"} <= kinds


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("Geschäftsführer", "executive"),
        ("Inhaberin", "executive"),
        ("Directeur de la publication", "executive"),
        ("Co-Founder & CTO", "executive"),
        ("Workshop Manager", "manager"),
        ("Leiterin Verkauf", "manager"),
        ("Responsable atelier", "manager"),
        ("Assistant to the CEO", "staff"),
        ("Kfz-Mechatroniker", "staff"),
        ("Secrétaire", "staff"),
        ("Verantwortlich für den Inhalt", ""),
        ("", ""),
    ],
)
def test_seniority_comes_from_the_title(role, expected):
    assert seniority(role) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Contact Us",
        "Meet the Team",
        "Sarah K.",
        "Gartenweg 52",
        "Allied Auto GmbH",
        "Monday Friday",
        "Managing Director",
        "J. Smith",
        "Cookie Settings",
        "lisa jackson",
    ],
)
def test_what_is_not_a_name(text):
    assert clean_name(text) is None


def test_names_and_their_addresses():
    assert clean_name("Dr. med. dent. Anna Weber") == "Anna Weber"
    assert clean_name("Marie-Claire de la Fontaine") == "Marie-Claire de la Fontaine"
    assert local_matches_name("ljackson", "Lisa Jackson")
    assert local_matches_name("h.mueller", "Hans Müller")
    assert not local_matches_name("info", "Lisa Jackson")


def test_a_title_wrapped_by_a_source_newline_is_one_line():
    # In a browser the newline inside the paragraph is a space: one title, not "Associate".
    html = (
        "<html><body><h2>Our team</h2><div><h3>Marcus Reid</h3><p>Associate\n     Dentist</p>"
        "</div><div><h3>Hannah Price</h3><p>Dental\r\nNurse</p></div></body></html>"
    )
    people = {p.name: p.role for p in extract_page(html.encode(), url="https://x.co.uk/").people}
    assert people == {"Marcus Reid": "Associate Dentist", "Hannah Price": "Dental Nurse"}


def test_pre_keeps_its_lines_and_markup_layout_stays_apart():
    # <pre> renders its newlines; whitespace between a card's elements keeps cards apart.
    html = (
        "<html><body><pre>Tom Baker\nService Manager\nAmy Chen\nReceptionist</pre>"
        "<div><h4>Lisa Jackson</h4><span>Founder</span>\n"
        '<a href="mailto:lisa@x.com">lisa@x.com</a></div></body></html>'
    )
    people = {p.name: p.role for p in extract_page(html.encode(), url="https://x.com/").people}
    assert people == {
        "Tom Baker": "Service Manager",
        "Amy Chen": "Receptionist",
        "Lisa Jackson": "Founder",
    }


def test_the_held_out_corpus_keeps_its_figures():
    # Written before the extractor ran on it; these are the figures after the fixes made from
    # it (bench/people_extraction.py prints them), held so that no change makes them worse.
    scores = _bench().score(pages=HELDOUT)
    assert scores["pages"] >= 40
    assert scores["precision"] >= 0.98
    assert scores["recall"] >= 0.95
    assert scores["role_accuracy"] >= 0.95
    assert scores["decoy_people"] == 0


def _ld_people(json_text: str) -> dict[str, str]:
    html = f'<html><head><script type="application/ld+json">{json_text}</script></head></html>'
    return {p.name: p.role for p in extract_page(html.encode(), url="https://x.com/").people}


def test_json_ld_roles_by_key_list_and_organization_role():
    assert _ld_people(
        '{"@type":"Organization","name":"X","founder":"Mark Ellis",'
        '"employee":{"@type":"Person","name":"Priya Shah","jobTitle":["Dentist","Owner"]},'
        '"member":{"@type":"OrganizationRole","roleName":"Treasurer",'
        '"member":{"@type":"Person","name":"Kwame Mensah"}}}'
    ) == {"Mark Ellis": "Founder", "Priya Shah": "Dentist, Owner", "Kwame Mensah": "Treasurer"}


def test_a_person_an_article_names_as_author_by_id_is_no_lead():
    assert (
        _ld_people(
            '{"@graph":[{"@type":"Article","author":{"@id":"#p1"}},'
            '{"@type":"Person","@id":"#p1","name":"Jamie Cole"}]}'
        )
        == {}
    )


def test_a_title_above_the_name_and_names_in_other_scripts():
    html = (
        "<html><body><div><span>Owner</span><h3>Megan Price</h3><p>Grooms dogs.</p></div>"
        "<div><span>Senior Groomer</span><h3>Lewis Grant</h3></div>"
        "<div><h3>Олена Коваленко</h3><p>Translator</p></div>"
        "<div><h3>Rhys ap Gruffydd</h3><p>Surveyor</p></div>"
        "<div><h3>Eggs Benedict</h3><p>Chef's Special</p></div></body></html>"
    )
    people = {p.name: p.role for p in extract_page(html.encode(), url="https://x.com/").people}
    assert people == {
        "Megan Price": "Owner",
        "Lewis Grant": "Senior Groomer",
        "Олена Коваленко": "Translator",
        "Rhys ap Gruffydd": "Surveyor",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "© 2026 Brightwater Plumbing Ltd. Registered in England and Wales. Company No. "
            "11223344. VAT No. 226 4784 48.\nRegistered office: 12 Station Road, Guildford GU1 4AA",
            {
                ("legal_name", "Brightwater Plumbing Ltd"),
                ("company_number", "11223344"),
                ("vat_id", "GB226478448"),
                ("address", "12 Station Road, Guildford GU1 4AA"),
            },
        ),
        (
            "Company information\nThese terms apply to every order placed with Kelly's Florist "
            "Ltd.\nKelly's Florist Ltd is a company registered in England and Wales.",
            {("legal_name", "Kelly's Florist Ltd")},
        ),
        (
            "Mentions légales\nRaison sociale : Garnier Menuiserie SAS\nÉditée par Les Délices "
            "SARL, au capital de 5 000 €, immatriculée au RCS de Lyon sous le numéro 973 669 468,"
            " siège social 14 rue Mercière, 69002 Lyon.",
            {
                ("legal_name", "Garnier Menuiserie SAS"),
                ("legal_name", "Les Délices SARL"),
                ("siren", "973669468"),
                ("address", "14 rue Mercière, 69002 Lyon"),
            },
        ),
    ],
)
def test_company_facts_stated_in_sentences(text, expected):
    from processing.contacts.company_text import company_from_text

    assert {(f.kind, f.value) for f in company_from_text(text)} == expected


def _people(body: str, url: str = "https://x.co.uk/") -> dict[str, str]:
    html = f"<html><body>{body}</body></html>"
    return {p.name: p.role for p in extract_page(html.encode(), url=url).people}


def test_an_inline_element_divides_a_name_from_its_title_on_one_line():
    # "<strong>Name</strong> <em>Title</em>" renders as one line; the seam splits it.
    assert _people(
        "<h2>Who's cooking</h2><p><strong>Alan Pierce</strong> <em>Head Chef</em></p>"
        "<p><b>Giulia Romano</b><i>Pastry Chef</i></p>"
        "<p><em>Restaurant Manager</em> <strong>Sam Okafor</strong></p>"
    ) == {
        "Alan Pierce": "Head Chef",
        "Giulia Romano": "Pastry Chef",
        "Sam Okafor": "Restaurant Manager",
    }
    # Not a title, or one card alone: nobody.
    assert (
        _people(
            "<p><strong>Grace Hall</strong> <em>Wedding Venue</em></p>"
            "<p><strong>Lincoln Square</strong> <em>Conference Centre</em></p>"
        )
        == {}
    )
    assert _people("<p><strong>Alan Pierce</strong> <em>Head Chef</em></p>") == {}


def test_a_name_between_two_titles_takes_the_one_in_its_own_row_or_card():
    table = (
        "<table><tr><th>Position</th><th>Name</th></tr>"
        "<tr><td>Headteacher</td><td>Mrs Susan J. Miller</td></tr>"
        "<tr><td>Deputy Headteacher</td><td>Mr David Okoro</td></tr>"
        "<tr><td>School Business Manager</td><td>Mrs Linda Frost</td></tr></table>"
    )
    assert _people(table) == {
        "Susan J. Miller": "Headteacher",
        "David Okoro": "Deputy Headteacher",
        "Linda Frost": "School Business Manager",
    }
    name_first = (
        "<h2>Geschäftsführung</h2><div><div><h3>Hans Müller</h3><p>Geschäftsführer</p></div>"
        "<div><h3>Anna Berg</h3><p>Prokuristin</p></div></div>"
    )
    assert _people(name_first, "https://x.de/") == {
        "Hans Müller": "Geschäftsführer",
        "Anna Berg": "Prokuristin",
    }


def test_a_name_in_prose_before_the_address_it_spells():
    assert _people(
        "<p>For quotes contact Ben Hollis: "
        '<a href="mailto:ben.hollis@hollis-signs.co.uk">ben.hollis@hollis-signs.co.uk</a>.</p>'
        "<p>Ask Jane Doe (jdoe@hollis-signs.co.uk) about invoices.</p>"
    ) == {"Ben Hollis": "", "Jane Doe": ""}
    # An address that spells only part of the name, a role mailbox, or a testimonial: nobody.
    assert (
        _people(
            "<p>Write to Carl Weber: info@x.co.uk or c.w@x.co.uk or weber@x.co.uk</p>"
            '<div class="testimonial"><p>Thanks to Mia Lange mia.lange@gmail.com</p></div>'
        )
        == {}
    )


def test_month_words_that_are_given_names():
    assert clean_name("Nguyễn Thị Mai") == "Nguyễn Thị Mai"
    assert clean_name("Mai 2026") is None


def test_a_title_the_team_markup_marks_needs_no_vocabulary():
    card = '<div class="team-member"><h3>{}</h3><span class="team-member-position">{}</span></div>'
    grid = card.format("Kate Moss", "Dog Whisperer") + card.format("Olu Adeyemi", "Word Wizard")
    assert _people(f'<div class="team">{grid}</div>') == {
        "Kate Moss": "Dog Whisperer",
        "Olu Adeyemi": "Word Wizard",
    }
    # The same classes outside a team's markup (a slider of customers), a Bootstrap utility
    # class, or one card alone: nobody.
    slide = '<div class="slide"><h4>{}</h4><span class="position">{}</span></div>'
    assert (
        _people(slide.format("Mark Lee", "Local Resident") + slide.format("Ann Cole", "Leeds"))
        == {}
    )
    utility = '<div class="staff"><h3>{}</h3><p class="position-relative">{}</p></div>'
    assert (
        _people(utility.format("Kate Moss", "Big Dogs") + utility.format("Ian Hart", "Cats")) == {}
    )
    assert _people(card.format("Kate Moss", "Dog Whisperer")) == {}


def test_the_second_held_out_set_keeps_its_figures():
    # First run (before any fix from it): precision 0.895, recall 0.630, 2 false people; these
    # are the figures after the general fixes made from it, held so that nothing makes them worse.
    scores = _bench().score(pages=HELDOUT2)
    assert scores["precision"] >= 0.98
    assert scores["recall"] >= 0.80
    assert scores["decoy_people"] == 0


def test_a_title_at_another_organisation_is_a_clients():
    quote = "<p>They fixed it in a day and left the site spotless.</p>"
    slides = (
        f"{quote}<p><b>James Holden</b> <i>Facilities Manager, Northgate Schools</i></p>"
        f"{quote}<p><b>Aisha Khan</b> <i>Operations Director at Brightside Homes</i></p>"
    )
    assert _people(slides) == {}
    team = (
        "<div><h3>Charlotte Hughes</h3><p>Managing Director, MRICS</p></div>"
        "<div><h3>Rhys Evans</h3><p>Senior Partner, Head of Family Law</p></div>"
    )
    assert _people(team) == {
        "Charlotte Hughes": "Managing Director, MRICS",
        "Rhys Evans": "Senior Partner, Head of Family Law",
    }


def test_definition_lists_labels_and_marked_french_titles():
    assert _people(
        "<dl><dt>Owner</dt><dd>Graham Fitch</dd><dt>Head Mechanic</dt><dd>Luis Ortega</dd></dl>"
    ) == {"Graham Fitch": "Owner", "Luis Ortega": "Head Mechanic"}
    assert _people("<p>Directors: Sam Patel and Helen Wu.</p>") == {
        "Sam Patel": "Director",
        "Helen Wu": "Director",
    }
    card = '<div class="membre"><h4>{}</h4><span class="fonction">{}</span></div>'
    assert _people(
        '<div class="equipe">'
        + card.format("Inès Benali", "Carrossière")
        + card.format("Paul Roy", "Apprenti peintre")
        + "</div>",
        "https://x.fr/",
    ) == {"Inès Benali": "Carrossière", "Paul Roy": "Apprenti peintre"}


def test_a_legal_name_that_is_registered():
    from processing.contacts.company_text import company_from_text

    facts = company_from_text("Patel & Wu Consulting Ltd is registered in England and Wales.")
    assert ("legal_name", "Patel & Wu Consulting Ltd") in {(f.kind, f.value) for f in facts}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("Directora Médica", "executive"),
        ("Socio fundador", "executive"),
        ("Jefa de cocina", "manager"),
        ("Encargado", "manager"),
        ("Recepcionista", "staff"),
        ("Odontóloga", "staff"),
    ],
)
def test_spanish_titles(role, expected):
    assert seniority(role) == expected


def test_og_site_name_is_a_company_fact_of_the_page():
    # Every WordPress (Yoast), Squarespace and Wix page carries og:site_name; extract_page
    # raised AttributeError on each such page until held-out 3 had one.
    html = (
        '<html><head><meta property="og:site_name" content="Riverside Physio"></head>'
        "<body><h1>Team</h1></body></html>"
    )
    facts = extract_page(html.encode(), url="https://riversidephysio.co.uk/").company
    assert [(f.kind, f.value, f.source) for f in facts] == [
        ("legal_name", "Riverside Physio", "og")
    ]
