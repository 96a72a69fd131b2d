"""People a page names: who they are, their role, and the contacts the page ties to them.

Sources, each read only where the page itself ties a name to a role or an address:

* JSON-LD ``Person`` nodes, on their own or as ``employee``/``founder``/``member``/``author`` of an
  Organization (never as the author of an article or a review);
* microformats: ``h-card`` and ``vcard`` with a name (``p-name``/``fn``) outside decoy regions,
  and microdata ``itemtype=…/Person`` scopes (not an item's ``author``, not inside an Article or
  a Review);
* lines of the visible text: ``Role: Name`` (``Geschäftsführer: …``, ``Directeur de la
  publication : …``, a label whose names follow on the next lines), ``Name, Role`` /
  ``Name – Role`` / ``Name (Role)``, ``Role – Name``, and a team grid's name line with its role
  line after it (or above it: with a title on each side, the one in the same row or card, and a
  ``<dd>``'s ``<dt>``; processing.contacts.layout), also when an inline element divides one
  line (``<strong>Name</strong> <em>Title</em>``); a table column headed ``Funktion``,
  ``Position``, ``Role``, ... holds titles known to the vocabulary or not; a plural label
  (``Directors: …``) gives each person the singular title;
* appositions in prose, ``our Managing Director, Daniel Whitaker`` and ``Tom Fletcher, our
  Estimating Manager`` (processing.contacts.people_prose);
* the text of a ``mailto:`` link, when the address is built from that name, and a name in prose
  just before an address that spells it (processing.contacts.ties).

Precision first: text in testimonials, reviews, quotes, comments, bylines, captions and cookie
banners (by tag or by class/id) is never read for people, attribution lines (``— Sarah K.``) and
bylines (``By …``, ``Posted by …``) are skipped, a grid's title at another organisation
(``Facilities Manager, Northgate Schools``) is a client's, a name followed by a firm's name
(``Architect: Jane Dowell, Dowell Design Studio``) an outsider's, a class that only places a
caption (``layout-caption-below``) marks no decoy region, a role must be a title of the
vocabulary (processing.contacts.roles) or one that a team's markup marks (class ``position``,
``job-title``, ... inside a team block), and a name must pass processing.contacts.names.

The markup sources are read in processing.contacts.people_markup (re-exported here).
"""

from __future__ import annotations

import re

from processing.contacts.company_text import LEGAL_PAGE_RE
from processing.contacts.layout import Layout
from processing.contacts.names import clean_name, local_matches_name
from processing.contacts.people_markup import (
    MAX_PEOPLE,
    people_from_json_ld,
    person_from_hcard,
    person_from_microdata,
)
from processing.contacts.people_prose import ATTRIBUTION_RE, BYLINE_RE, OUR_RE, appositions
from processing.contacts.results import FoundPerson
from processing.contacts.roles import (
    ANY_ROLE_RE,
    ROLE_MAX_CHARS,
    clean_role,
    is_declared_role,
    is_role,
    seniority,
)
from processing.contacts.title_phrases import (
    CONTACT_LABEL_RE,
    NAME_ROLE_RE,
    directory,
    firm,
    grid_role,
    singular,
    works_elsewhere,
)

# Regions never read for people (by class or id, and by tag).
DECOY_CLASS_RE = re.compile(
    r"testimonial|review|rating|quote|comment|cookie|consent|gdpr|byline|author|post-meta|"
    r"entry-meta|caption|blog|article-meta|stars?\b|feedback|kundenstimme|temoignage|avis",
    re.IGNORECASE,
)
DECOY_TAGS = frozenset({"blockquote", "q", "cite"})
# A class that says where a container's caption or comments go, or whether it has any
# (Squarespace's "layout-caption-below" on every image block, "has-caption", Ghost's
# "kg-card-hascaption", "comments-open"),
# marks a layout, not the region itself.
_MODIFIER_CLASS_RE = re.compile(
    r"^(?:has|no|with|without|layout|show|hide)-|-(?:below|above|left|right|top|bottom|hidden|"
    r"overlay|open|closed|enabled|disabled|count|none|inline)$|[-_](?:has|with)[-_]?caption$"
)


def is_decoy_class(value: str) -> bool:
    """Whether a class (or id) attribute marks a region never read for people (a testimonial,
    review, comment, caption, byline, cookie banner), not merely a layout that mentions one."""
    if not DECOY_CLASS_RE.search(value):
        return False
    return any(
        DECOY_CLASS_RE.search(token) and not _MODIFIER_CLASS_RE.search(token)
        for token in value.split()
    )


# Elements whose class marks their text as a job title (a whole class token or its last part:
# "position", "team-member-position", "job_title"; not "position-relative"). Lower case only:
# the Collector looks for "posi", "titl", "role", "desig", "fonc", "funk" before it asks this.
TITLE_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:job[-_]?title|jobtitle|position|designation|role|fonction|funktion)"
    r"(?=\s|$)"
)
# ... counted only inside a team's markup (the element or an ancestor has such a class), so a
# customer's "position" in an unmarked testimonial slider is never a title.
TEAM_CLASS_RE = re.compile(
    r"team|staff|member|mitarbeiter|equipe|équipe|employee|people|person|crew|personal|"
    r"collaborat|mannschaft",
    re.IGNORECASE,
)
# Regions that end a person's block (their contacts are the site's, not the person's).
CHROME_TAGS = frozenset({"header", "footer", "nav"})
_QUOTE_END_RE = re.compile(r"[\"“”„«»]\s*$|[\"“”„«»][.!]?\s*$")
_LABEL_LINE_RE = re.compile(r"^(?P<role>[^:]{2,70}?)\s*:\s*(?P<rest>.*)$")
# "Chair - Margaret Ellison" (any dash): the title first, then a dash and the name (not a
# comma: "Owner, Jane Smith" reads as a list).
_ROLE_NAME_RE = re.compile(
    r"^(?P<role>[^,–—|(:]{2,70}?)\s*(?:–|—| - |\|)\s*(?P<name>[^,–—|():]{3,70}?)\.?$"
)
_SENTENCE_END_RE = re.compile(r"(?<=[^\W\d_]{2})\.$")  # "… and Helen Wu." (not "Sarah K.")
# A sentence's end inside a line ("Bookkeeper. Chloe looks after …"; not "Dr. Smith").
_SENTENCE_BREAK_RE = re.compile(r"(?<=[^\W\d_]{3})\.\s+(?=[A-Z])")
# Where a footer's line divides into parts ("Firm · Titolare: Name · Via … · P.IVA …").
_SEGMENT_RE = re.compile(r"\s[–—·|•]\s")
_NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|&|\bund\b|\band\b|\bet\b|\bsowie\b)\s*")


def _person(
    name: str | None, role: str, source: str, position: int = -1, declared: bool = False
) -> FoundPerson | None:
    if not name:
        return None
    role = clean_role(role) if role and (declared or is_role(role)) else ""
    return FoundPerson(name, role, seniority(role), source, position)


# --- lines of the visible text ---------------------------------------------------------------


def _lines(text: str, skip: list[tuple[int, int]]) -> list[tuple[int, str, int]]:
    """(start, stripped line, end) of every non-empty line outside the ``skip`` ranges."""
    lines = []
    start = 0
    ranges = iter(sorted(skip))
    current = next(ranges, None)
    for raw in text.split("\n"):
        end = start + len(raw)
        while current and current[1] <= start:
            current = next(ranges, None)
        inside = current is not None and current[0] <= start and end <= current[1]
        line = " ".join(raw.split())
        if line and not inside:
            lines.append((start + len(raw) - len(raw.lstrip()), line, end))
        start = end + 1
    return lines


def _names(text: str) -> list[str]:
    names = []
    for part in _NAME_SPLIT_RE.split(text):
        name = clean_name(part)
        if name is None:
            return []  # a list with anything that is not a name is not a list of names
        names.append(name)
    return names


def people_from_lines(
    text: str,
    skip: list[tuple[int, int]],
    emails: list[str] = (),
    layout: Layout | None = None,
    site: str = "",
) -> list[FoundPerson]:
    """People the text's lines name with a role (see the module docstring).

    ``emails`` are the page's addresses (a lone name-and-title card is kept when one of them
    is built from the name). ``layout`` (the page's markup) picks a name's title when a title
    stands both above and below it, and splits a line that an inline element's end divides
    into a name and a title. ``site`` (the page's host) tells the business's own name from
    another organisation's after a title (title_phrases.works_elsewhere).
    """
    lines = _lines(text, skip)
    people: list[FoundPerson] = []
    grid: list[FoundPerson | None] = []
    used: set[int] = set()
    n = len(lines)
    for i, (position, line, end) in enumerate(lines):
        if i in used or len(line) > 160:
            continue
        previous = lines[i - 1][1] if i else ""
        if BYLINE_RE.match(line) or ATTRIBUTION_RE.match(line) or _QUOTE_END_RE.search(previous):
            used.add(i + 1)  # a byline's next line is its date or its author
            continue
        if ":" in line and (labelled := _labelled_parts(line)):
            for part_at, role, name in labelled:  # "… · Titolare: Giuseppe Esposito · …"
                people.append(_person(name, role, "text", position + part_at))
            continue
        m = _LABEL_LINE_RE.match(line)
        if m and CONTACT_LABEL_RE.fullmatch(m.group("role")):
            names = _names(_SENTENCE_END_RE.sub("", m.group("rest").strip()))
            if len(names) == 1:
                people.append(_person(names[0], "", "text", position))
            continue
        if m and is_role(m.group("role")):
            role = singular(m.group("role"))
            if (inner := NAME_ROLE_RE.match(role)) and (name := clean_name(inner.group("name"))):
                if is_role(inner.group("role")):  # "David Park, Owner: david@..."
                    people.append(_person(name, inner.group("role"), "text", position))
                continue
            rest = _SENTENCE_END_RE.sub("", m.group("rest").strip())
            if rest:
                names = _names(rest)
                if not names and (inner := NAME_ROLE_RE.match(rest)):
                    names = _names(inner.group("name"))
                    if firm(inner.group("role"), names):
                        continue  # "Architect: Jane Dowell, Dowell Design Studio": an outsider
                    if is_role(inner.group("role")):  # "Représentant légal : X, Président"
                        role = inner.group("role")
                for name in names:
                    people.append(_person(name, role, "text", position))
                continue
            j = i + 1  # "Vertreten durch:" with the names on the lines after it
            while j < n and j <= i + 4:
                names = _names(lines[j][1])
                if not names:
                    inner = NAME_ROLE_RE.match(lines[j][1])
                    if inner and (names := _names(inner.group("name"))):
                        inner_role = inner.group("role")
                        for name in names:
                            people.append(
                                _person(
                                    name,
                                    inner_role if is_role(inner_role) else role,
                                    "text",
                                    lines[j][0],
                                )
                            )
                        used.add(j)
                        j += 1
                        continue
                    break
                for name in names:
                    people.append(_person(name, role, "text", lines[j][0]))
                used.add(j)
                j += 1
            continue
        m = NAME_ROLE_RE.match(line)
        if ". " in line and (m is None or _SENTENCE_BREAK_RE.search(m.group("role"))):
            m = _first_sentence_match(line) or m  # "Name, Role. Bio …": the role ends there
        if m and is_role(m.group("role")):
            name = clean_name(m.group("name"))
            if name:
                if (
                    not firm(m.group("role"), [name])
                    and not OUR_RE.match(m.group("role"))
                    and not works_elsewhere(m.group("role"), site)
                ):
                    # ("Tom Baxter, our project manager, …" is read as an apposition below)
                    people.append(_person(name, m.group("role"), "text", position))
                continue
        if (
            ("–" in line or "—" in line or " - " in line or "|" in line)
            and (m := _ROLE_NAME_RE.match(line))
            and grid_role(m.group("role"))
            and (name := clean_name(m.group("name")))
        ):
            people.append(_person(name, m.group("role"), "text", position))
            continue
        name = clean_name(line) if len(line) <= 70 and not line.endswith(":") else None
        if name and layout is not None and layout.declares_title(position, end):
            continue  # a title the markup marks ("Dog Whisperer"), not a name
        if not name:
            # Only a line of three to twelve words starting with a capital can be a name and a
            # title side by side: the rest is not looked at again.
            if layout is not None and line[:1].isupper() and 2 <= line.count(" ") <= 11:
                grid.extend(_split_card(layout, position, end))
            continue
        below = i + 1 < n and i + 1 not in used and _card_title(lines[i + 1], layout)
        if (
            below
            and layout is not None
            and i
            and i - 1 not in used
            and _card_title(lines[i - 1], layout)
        ):
            # A title on each side (a position-first table, cards with the title above the
            # name): the one in the same card, the row rather than the table; in a definition
            # list, a name in a <dd> is described by the <dt> above it.
            depth_above = layout.shared_depth(position, lines[i - 1][0])
            depth_below = layout.shared_depth(position, lines[i + 1][0])
            below = depth_above < depth_below or (
                depth_above == depth_below and layout.tag(position) != "dd"
            )
        if below:
            grid.append(_person(name, lines[i + 1][1], "grid", position, declared=True))
            used.add(i + 1)
        elif i and i - 1 not in used and _card_title(lines[i - 1], layout):
            # The title above the name ("Owner" over "Megan Price", an Impressum's heading
            # "Vertretungsberechtigter Geschäftsführer" over the name), when no title follows.
            grid.append(_person(name, previous, "grid", position, declared=True))
            used.add(i - 1)
    people.extend(appositions(text, lines))
    # A name beside a title is a team grid's card when the page has more than one, or when the
    # page has an address built from that name (a founder's card), or on a legal page (an
    # Impressum's owner and their trade).
    confirmed = grid and any(local_matches_name(e.split("@")[0], grid[0].name) for e in emails)
    if len(grid) >= 2 or confirmed or (grid and LEGAL_PAGE_RE.search(text)):
        people.extend(grid)
    people = [p for p in people if p is not None]
    if people and layout is not None and directory(lines, layout):
        return []  # a dealer or stockist directory: other firms' people
    return people[:MAX_PEOPLE]


def _first_sentence_match(line: str) -> re.Match | None:
    """``Name, Role`` in the first sentence of a line that goes on with a bio."""
    for cut in _SENTENCE_BREAK_RE.finditer(line):
        if cut.start() > 140:
            break  # a name and a title are shorter: the rest is prose
        head = line[: cut.start()]
        if ("," in head or "–" in head or "(" in head or " - " in head) and (
            m := NAME_ROLE_RE.match(head)
        ):
            return m
    return None


def _labelled_parts(line: str) -> list[tuple[int, str, str]]:
    """(offset, title, name) of each ``Title: Name`` part of a line of three or more parts
    ("Panificio Esposito · Titolare: Giuseppe Esposito · Via …"): read part by part, the
    firm's name before the title is not taken for the person's."""
    parts = _SEGMENT_RE.split(line)
    if len(parts) < 3:
        return []
    found = []
    for part in parts:
        if (m := _LABEL_LINE_RE.match(part)) and is_role(m.group("role")):
            rest = _SENTENCE_END_RE.sub("", m.group("rest").strip())
            for name in _names(rest) if rest else ():
                found.append((line.find(part), m.group("role"), name))
    return found


def _split_card(layout: Layout, start: int, end: int) -> list[FoundPerson]:
    """The name and title of a line an inline element's end divides ("<strong>Alan
    Pierce</strong> <em>Head Chef</em>", or the title first), as a grid card."""
    splits = layout.splits(start, end)
    if len(splits) > 3:
        return []  # a row of links or words (a menu, tags), not one name and one title
    for seam, before, after in splits:
        # Name then title, or title then name. Cheap shape checks first: a name is two to
        # seven words (titles included) and starts with a capital; then the name test and the
        # vocabulary.
        for name_text, title, at in ((before, after, start), (after, before, seam)):
            if (
                name_text[:1].isupper()
                and 2 <= name_text.count(" ") + 1 <= 7
                and len(title) <= ROLE_MAX_CHARS
                and (name := clean_name(name_text))
                and grid_role(title)
            ):
                return [_person(name, title, "grid", at)]
    return []


def _card_title(line: tuple[int, str, int], layout: Layout | None) -> bool:
    """A card's title line: a title of the vocabulary, or any short title-like line that a
    team's markup marks as one (an element of class ``position``, ``job-title``,
    ``designation``, ``role``, ... inside a ``team``/``staff``/``member`` block: team plugins
    and page builders mark titles so, known to the vocabulary or not)."""
    start, text, end = line
    if grid_role(text):
        return True
    return (
        layout is not None
        and text[:1].isalpha()  # not a league table's "1st" under a "Position" header
        and layout.declares_title(start, end)
        and ":" not in text
        and is_declared_role(text)
    )


__all__ = [
    "ANY_ROLE_RE",
    "CHROME_TAGS",
    "DECOY_CLASS_RE",
    "DECOY_TAGS",
    "TEAM_CLASS_RE",
    "TITLE_CLASS_RE",
    "FoundPerson",
    "is_decoy_class",
    "people_from_json_ld",
    "people_from_lines",
    "person_from_hcard",
    "person_from_microdata",
]
