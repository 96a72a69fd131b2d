"""Contact classifications: the values extraction and validation store, in a curator's words.

One list for the admin's filter and labels and for the validator's reasons, so a value the
validator writes (``premium_rate``) is also one the admin can filter on and name.
"""

from __future__ import annotations

#: (stored value, "Kind: words a curator reads"), in the order the admin's filter lists them.
CLASSIFICATIONS = (
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
