"""Detection of contact forms (as opposed to search, login and newsletter forms)."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

_NOT_CONTACT_RE = re.compile(
    r"search|login|log-in|signin|sign-in|newsletter|subscribe|mc-embedded|mailchimp|comment"
    r"|checkout|cart|coupon|password|register|signup",
    re.I,
)
_MESSAGE_RE = re.compile(
    r"message|nachricht|comment|inquiry|enquiry|anfrage|question|frage|details|body|mensaje"
    r"|concern|request|your-message|msg|text",
    re.I,
)
_CONTACT_HINT_RE = re.compile(r"contact|kontakt|inquiry|enquiry|anfrage|quote|wpcf7|contacto", re.I)
_FIELD_TAGS = ("input", "textarea", "select")
_IGNORED_INPUT_TYPES = frozenset({"hidden", "submit", "button", "reset", "image", "checkbox"})


def _identity(element: HtmlElement) -> str:
    return " ".join(element.get(a, "") for a in ("id", "class", "name", "action", "role"))


def is_contact_form(form: HtmlElement) -> bool:
    """True for a form a visitor uses to send the business a message."""
    fields = [el for el in form.iter(*_FIELD_TAGS)]
    visible = [
        el
        for el in fields
        if el.tag != "input" or el.get("type", "text").lower() not in _IGNORED_INPUT_TYPES
    ]
    if any(el.get("type", "").lower() == "password" for el in visible):
        return False  # login and registration forms
    identity = _identity(form)
    has_hint = bool(_CONTACT_HINT_RE.search(identity))
    if _NOT_CONTACT_RE.search(identity) and not has_hint:
        return False
    has_textarea = any(el.tag == "textarea" for el in visible)
    has_message = any(_MESSAGE_RE.search(_identity(el)) for el in visible)
    has_email = any(
        el.get("type", "").lower() == "email" or "mail" in _identity(el).lower() for el in visible
    )
    if has_textarea or (has_message and len(visible) >= 2):
        return True
    # Email plus a few more fields (name, phone, subject) is a contact form; email alone
    # (maybe with a name) is the classic newsletter box.
    return has_email and (len(visible) >= 4 or (has_hint and len(visible) >= 2))


def has_contact_form(root: HtmlElement) -> bool:
    """True if any <form> on the page is a contact form."""
    return any(is_contact_form(form) for form in root.iter("form"))
