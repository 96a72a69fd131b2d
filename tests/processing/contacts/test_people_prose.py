"""People from prose and from the line forms held-out 3 found missing: appositions, title-first
dash lines, title columns of tables, plural labels, post-nominal letters, firms after a name
(processing.contacts.people_prose, title_phrases, layout.title_cell)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from people_heldout3 import PAGES as HELDOUT3

from processing.contacts import extract_page
from processing.contacts.names import clean_name


def _people(body: str, url: str = "https://x.co.uk/") -> dict[str, str]:
    html = f"<html><body>{body}</body></html>"
    return {p.name: p.role for p in extract_page(html.encode(), url=url).people}


def test_the_third_held_out_set_keeps_its_figures():
    # First run, before any fix from it (bench/people_extraction.py, the page that raised
    # scored as empty): precision 0.878, recall 0.706, roles 0.944, 3 false people on decoys,
    # facts 0.906. These are the figures after the general fixes made from it.
    path = Path(__file__).resolve().parents[3] / "bench" / "people_extraction.py"
    spec = importlib.util.spec_from_file_location("people_extraction", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    scores = bench.score(pages=HELDOUT3)
    assert scores["pages"] >= 20
    assert scores["precision"] >= 0.98
    assert scores["recall"] >= 0.95
    assert scores["role_accuracy"] >= 0.95
    assert scores["decoy_people"] == 0
    assert scores["facts_recall"] >= 0.95


def test_appositions_in_prose():
    assert _people(
        "<p>The workshop is run by our Managing Director, Daniel Whitaker, and our Workshop "
        "Foreman, Lee Barnes, who between them have fifty years at the bench.</p>"
        "<p>For quotes, email Tom Fletcher, our Estimating Manager.</p>"
        "<p>Our owner, Carla Mendes, opened the shop in 2009.</p>"
    ) == {
        "Daniel Whitaker": "Managing Director",
        "Lee Barnes": "Workshop Foreman",
        "Tom Fletcher": "Estimating Manager",
        "Carla Mendes": "owner",
    }


@pytest.mark.parametrize(
    "body",
    [
        "<p>We worked closely with our client, Harriet Ashworth, on the design.</p>",
        "<p>Our team of three florists, Anna Lee and Bob Ray, are here daily.</p>",
        "<p>Visit our showroom, Victoria Road, Leeds.</p>",
        "<p>Ask for our manager, John.</p>",
        "<p>Written by our editor, Jane Smith</p>",
        '<div class="testimonial"><p>Our project manager, Tom Baxter, was brilliant.</p></div>',
        "<p>Thanks to our amazing customers, Sarah and Tom Jones, for the photo.</p>",
    ],
)
def test_prose_that_names_nobody_of_the_business(body):
    assert _people(body) == {}


def test_title_first_dash_lines():
    assert _people(
        "<ul><li>Chair \u2013 Margaret Ellison</li><li>Treasurer — Dev Patel</li>"
        "<li>Secretary - Owen Price</li><li>Owner | Jane Smith</li></ul>"
    ) == {
        "Margaret Ellison": "Chair",
        "Dev Patel": "Treasurer",
        "Owen Price": "Secretary",
        "Jane Smith": "Owner",
    }
    assert (
        _people(
            "<p>Home \u2013 Kestrel Landscapes</p><p>Manager \u2013 Victoria Road branch</p>"
            "<p>Chef's Special \u2013 Beef Wellington</p>"
        )
        == {}
    )


def test_a_table_column_headed_as_titles_holds_titles():
    table = (
        "<table><tr><th>Name</th><th>{}</th></tr><tr><td>Amy Lee</td><td>{}</td></tr>"
        "<tr><td>Sam Poe</td><td>{}</td></tr></table>"
    )
    assert _people(
        table.format("Funktion", "Auftragsabwicklung", "Disposition"), "https://x.de/"
    ) == {
        "Amy Lee": "Auftragsabwicklung",
        "Sam Poe": "Disposition",
    }
    # A league table's "Position" column, or a price list: nobody.
    assert _people(table.format("Position", "1st", "2nd").replace("Name", "Team")) == {}
    assert _people(table.format("Service", "Full Service", "Interim Service")) == {}


def test_a_plural_label_gives_each_person_the_title():
    assert _people("<p>Partners: Jane Smith and Bob Jones</p>") == {
        "Jane Smith": "Partner",
        "Bob Jones": "Partner",
    }
    assert _people("<p>Gérants : Paul Roy et Inès Benali</p>", "https://x.fr/") == {
        "Paul Roy": "Gérant",
        "Inès Benali": "Gérant",
    }


def test_a_name_followed_by_a_firm_is_an_outsider():
    assert (
        _people(
            "<ul><li>Client: Harriet Ashworth</li>"
            "<li>Architect: Jane Dowell, Dowell Design Studio</li>"
            "<li>Structural Engineer: Paul Meeks, Meeks Associates</li>"
            "<li>Partners: Jane Smith, Smith &amp; Co</li></ul>"
        )
        == {}
    )
    assert _people("<p>Paul Meeks, Meeks Associates</p><p>Ann Lee, Lee Partners</p>") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Emily Carter, DVM", "Emily Carter"),
        ("Sarah O'Neill MCSP", "Sarah O'Neill"),
        ("Robert T. Kim, Esq.", "Robert T. Kim"),
        ("Jan van der Berg", "Jan van der Berg"),
        ("Founding Partner", None),
        ("Travel Agent", None),
        ("Mitglied der WKÖ", None),
        ("Dowell Design Studio", None),
        ("Tom Baker", "Tom Baker"),
    ],
)
def test_names_post_nominals_and_title_qualifiers(text, expected):
    assert clean_name(text) == expected


def test_a_layout_class_that_mentions_a_caption_is_no_decoy_region():
    card = (
        '<div class="image-block-outer-wrapper layout-caption-below"><figure><img src="a.jpg">'
        '<figcaption class="image-card-wrapper"><p>{}</p><p>{}</p></figcaption></figure></div>'
    )
    assert _people(
        card.format("Hana Sato", "Studio Coordinator") + card.format("Ben Ray", "Yoga Teacher")
    ) == {
        "Hana Sato": "Studio Coordinator",
        "Ben Ray": "Yoga Teacher",
    }
    caption = '<div class="wp-caption"><p>{}</p><p>{}</p></div>'
    assert _people(caption.format("Hana Sato", "Studio Coordinator") * 2) == {}


def test_a_department_label_is_a_title_and_an_address_never_is():
    assert _people(
        '<p><strong>Accounts:</strong> Jill Morgan, <a href="mailto:accounts@x.co.uk">'
        "accounts@x.co.uk</a></p>"
    ) == {"Jill Morgan": "Accounts"}
