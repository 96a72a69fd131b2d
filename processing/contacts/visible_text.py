"""Which elements render as visible text, and how their text is joined into one stream."""

from __future__ import annotations

# Elements whose text a visitor does not read as page content. Head text (title, meta) and
# code (script/style) would otherwise leak decoys such as "jquery@3.6.0" into the scan.
HIDDEN_TAGS = frozenset(
    {
        "head",
        "title",
        "script",
        "style",
        "template",
        "textarea",
        "select",
        "option",
        "svg",
        "math",
        "iframe",
        "object",
        "canvas",
        "noembed",
        "noframes",
    }
)
# Hidden subtrees that never contain anything we read, so the walk can skip them wholesale.
SKIPPED_SUBTREES = frozenset({"style", "template", "svg", "math", "canvas", "textarea", "select"})
# Block-level boundaries become newlines so that numbers in neighbouring cells or list items
# are never glued together, while inline markup (<span>info</span>@<b>x.com</b>) joins up.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "ul",
        "caption",
        "body",
        "html",
        "option",
        "label",
        "button",
    ]
)
# Links and replaced elements are separate units even when written without whitespace
# ("<span>a@b.com</span><a>Write</a>" must not read as "a@b.comWrite"); they get a space.
SEPARATOR_TAGS = frozenset({"a", "img", "input", "meta", "link", "iframe", "video", "audio"})
SNIPPET_CHARS = 200


def snippet(text: str, start: int, end: int, before: int = 80, after: int = 80) -> str:
    """A whitespace-collapsed excerpt of at most 200 chars around ``text[start:end]``.

    Collapsed with split and join, not a regular expression's substitution of whitespace runs
    and strip: the same result (re's whitespace class is ``str.isspace``, as ``str.split``'s)
    in a fifth of the time, and every contact of every page gets a snippet.
    """
    raw = text[max(0, start - before) : min(len(text), end + after)]
    collapsed = " ".join(raw.split())
    if len(collapsed) > SNIPPET_CHARS:
        cut = (len(collapsed) - SNIPPET_CHARS) // 2
        collapsed = collapsed[cut : cut + SNIPPET_CHARS].strip()
    return collapsed
