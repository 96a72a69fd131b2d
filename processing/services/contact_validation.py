"""Workflow `contact_validation`: Check that a contact can be reached: email syntax, mail exchangers
and disposable domains; phone validity and line type; social profile shape.

Source table: `contacts`; destination: updates the source rows. Estimated time per record: < 1
second (one DNS lookup per email domain, cached per run). Fields needed: kind, value,
classification. Validation: Check for valid email format, a mail exchanger for the domain, a
dialable phone number, a well-formed profile URL.

The engine calls ``process_single_contact_for_contact_validation(row)`` outside any transaction with
a claimed ``Contact`` row. Do the slow work (I/O) here, then return a ``persist()`` callable that
writes the results; the engine runs it and marks the row Complete in one transaction. Raise
``TransientError`` for failures worth retrying (timeouts, 5xx) and ``PermanentError`` for the rest:
the row ends ``Error`` with your message.
"""

from __future__ import annotations

from collections.abc import Callable

from curation.models.contacts import Contact
from processing.errors import PermanentError, TransientError  # noqa: F401  (for your code)


def process_single_contact_for_contact_validation(row: Contact) -> Callable[[], None] | None:
    """Process one ``contacts`` row for contact_validation.

    Until you fill this in, a row is accepted as it is: it completes without changes.
    """
    return None
