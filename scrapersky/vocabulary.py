"""The project's vocabularies: the values stored for page types, contact kinds, classifications
and verdicts, spelled once.

Plain Python (no Django), so extraction and parsing code can import it; the models' TextChoices
(``curation.models.PageType``, ``ContactKind``, ``ContactVerdict``) are built from these tuples,
and the admin's classification filter and the validator's reasons read the labels below.
"""

from __future__ import annotations

from typing import Literal, get_args

# --- page types (pages.page_type; guessed from the URL by scrapersky.page_types) --------------

PageTypeValue = Literal[
    "contact", "about", "team", "legal", "careers", "blog", "product", "service", "home", "other"
]
#: Every page type, in the order the admin and the API list them.
PAGE_TYPES: tuple[PageTypeValue, ...] = get_args(PageTypeValue)

# --- contact kinds (contacts.kind) ------------------------------------------------------------

ContactKindValue = Literal["email", "phone", "social"]
CONTACT_KINDS: tuple[ContactKindValue, ...] = get_args(ContactKindValue)

# --- classifications (contacts.classification) -------------------------------------------------

#: (stored value, "Kind: words a curator reads"), in the order the admin's filter lists them:
#: what extraction writes (role/free/company, the phone's line type, the network) and what
#: validation refreshes it to (a line type such as ``premium_rate``), so the admin can filter on
#: and name every value either writes.
CLASSIFICATIONS: tuple[tuple[str, str], ...] = (
    ("company", "Email: company address"),
    ("role", "Email: role address (info@, sales@)"),
    ("free", "Email: free mail provider"),
    ("mobile", "Phone: mobile"),
    ("fixed_line", "Phone: fixed line"),
    ("fixed_line_or_mobile", "Phone: fixed line or mobile"),
    ("toll_free", "Phone: toll free"),
    ("voip", "Phone: VoIP"),
    ("premium_rate", "Phone: premium rate"),
    ("shared_cost", "Phone: shared cost"),
    ("personal_number", "Phone: personal"),
    ("uan", "Phone: company (UAN)"),
    ("pager", "Phone: pager"),
    ("voicemail", "Phone: voicemail"),
    ("linkedin", "Social: LinkedIn"),
    ("facebook", "Social: Facebook"),
    ("instagram", "Social: Instagram"),
    ("x", "Social: X / Twitter"),
    ("youtube", "Social: YouTube"),
    ("tiktok", "Social: TikTok"),
    ("pinterest", "Social: Pinterest"),
    ("github", "Social: GitHub"),
)

#: In a row the kind stands beside it: "fixed line or mobile", not "Phone: fixed line or mobile".
CLASSIFICATION_LABELS = {value: label.split(": ", 1)[1] for value, label in CLASSIFICATIONS}

#: A phone line type in words ("premium rate"), for the validator's reasons.
PHONE_LINE_LABELS = {
    value: label.split(": ", 1)[1] for value, label in CLASSIFICATIONS if label.startswith("Phone:")
}

# --- verdicts (contacts.verdict, written by contact_validation; NULL until checked) -----------

VerdictValue = Literal["valid", "risky", "invalid", "unknown"]
VERDICTS: tuple[VerdictValue, ...] = get_args(VerdictValue)
