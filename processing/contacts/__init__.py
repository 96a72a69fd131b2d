"""Contact extraction from fetched web pages: emails, phone numbers and social profiles."""

from processing.contacts.page import DEFAULT_MAX_BYTES, extract_page
from processing.contacts.results import FoundContact, PageExtraction

__all__ = ["DEFAULT_MAX_BYTES", "FoundContact", "PageExtraction", "extract_page"]
