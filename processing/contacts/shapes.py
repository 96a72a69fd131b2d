"""A text's shape: its latin-1 characters reduced to a few classes by one C translation, where
substring tests tell that a pattern scanned over the whole page cannot match it.

Python's re tests a pattern that opens with a class (a digit, a capital) character by
character, about 10 ns each: a few such patterns run over every page, and on most pages find
nothing. The shape answers the same question for them in a microsecond. Only latin-1 text has
a shape: beyond it re's digit and whitespace classes hold more characters than the table does.
"""

from __future__ import annotations

import re

# Digits "0", capitals A-Z "A", a newline itself, other whitespace " ", the separators of a
# footer's parts (company_text._POSTCODE4_HINT_RE) ",", anything else ".". Within latin-1, re's
# \d is 0-9 and \s is str.isspace.
_SHAPE = bytes(
    ord("0") if chr(b).isdecimal()
    else ord("A") if "A" <= chr(b) <= "Z"
    else b if chr(b) == "\n"
    else ord(" ") if chr(b).isspace()
    else ord(",") if chr(b) in "·|,"
    else ord(".")
    for b in range(256)
)  # fmt: skip


def shape(text: str) -> bytes | None:
    """``text``'s shape, None when it holds a character beyond latin-1."""
    try:
        return text.encode("latin-1").translate(_SHAPE)
    except UnicodeEncodeError:
        return None


def may_hold_postcode(text: str) -> bool:
    """False when none of company_text's postcode hints can match ``text``: it has no run of
    five digits (_POSTCODE_HINT_RE), no capital before a digit (_GB_POSTCODE_HINT_RE) and no
    three digits opening a line or a footer's part (_POSTCODE4_HINT_RE, whose dashes are beyond
    latin-1). 1.5 us where the three patterns cost 24 us on a page that has none."""
    form = shape(text)
    return form is None or any(cue in form for cue in (b"00000", b"A0", b"\n000", b", 000"))


_WORDS_RE = re.compile(r"[^\W\d_]{2,}")


def letter_words(lowered: str) -> set[str]:
    """``set(_WORDS_RE.findall(lowered))``: the distinct runs of two or more letters, in half the
    time (the scan was 80 % of roles.may_name_roles, which reads them, as region does).

    A run of letters never spans whitespace, so the distinct whitespace-separated tokens are
    read instead of every word: a token of letters only is one word; the regular expression
    runs once over the other tokens (joined by spaces, so no run crosses two of them).
    """
    words = set()
    rest = []
    for token in set(lowered.split()):
        if token.isalpha():  # letters are [^\W\d_]: one run, the whole token
            if len(token) > 1:
                words.add(token)
        else:
            rest.append(token)
    if rest:
        words.update(_WORDS_RE.findall(" ".join(rest)))
    return words
