"""The vocabularies are spelled once (scrapersky.vocabulary); the models' choices and the
extraction code use those values."""

from __future__ import annotations

from phonenumbers import PhoneNumberType

from curation.models import ContactKind, ContactVerdict, PageType
from processing.contacts.phones import LINE_TYPES
from scrapersky import page_types
from scrapersky.vocabulary import (
    CLASSIFICATION_LABELS,
    CONTACT_KINDS,
    PAGE_TYPES,
    PHONE_LINE_LABELS,
    VERDICTS,
)


def test_the_choices_are_the_vocabularys():
    assert tuple(PageType.values) == PAGE_TYPES
    assert tuple(ContactKind.values) == CONTACT_KINDS
    assert tuple(ContactVerdict.values) == VERDICTS
    # The members and labels read as the hand-written classes did.
    assert PageType.CONTACT == "contact" and PageType.OTHER.label == "Other"
    assert ContactKind.EMAIL == "email" and ContactVerdict.RISKY == "risky"


def test_every_guessed_page_type_is_one_of_the_vocabulary():
    guessed = {lookup.kind for lookup in page_types._LOOKUPS} | {"home", "other"}
    assert guessed <= set(PAGE_TYPES)
    assert set(PAGE_TYPES) >= page_types.CONTACT_LIKE


def test_every_phone_line_type_has_a_label():
    stored = set(LINE_TYPES.values()) - {"unknown"}
    assert stored == set(PHONE_LINE_LABELS) and stored <= set(CLASSIFICATION_LABELS)
    assert LINE_TYPES[PhoneNumberType.PREMIUM_RATE] == "premium_rate"
