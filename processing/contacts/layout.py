"""What the markup says about the lines of a page's text: which lines share a card, and where an
inline element ends inside a line.

people_from_lines reads the text line by line; two questions it cannot answer from the text
alone are answered here from what the Collector recorded during its walk:

* a name line between two title lines (a position-first table, a card with its title above the
  name): its title is the one in the same card, the line whose nearest common block ancestor
  with the name is the deeper one (the row, not the table);
* a line inside an element whose class marks a job title (``position``, ``job-title``, ...),
  or a table cell under a header that names its column ``Funktion``, ``Position``, ``Role``,
  ... (title_cell, asked by the Collector during its walk), is a title even when the
  vocabulary does not know it;
* a line such as ``<strong>Alan Pierce</strong> <em>Head Chef</em>`` renders as one line with
  no separator: the seam where the inline element ends splits it into a name and a title.

Plain Python over positions and lxml elements (no second walk of the tree).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from lxml.html import HtmlElement

# A table column's header that says its cells are job titles.
TITLE_HEADER_RE = re.compile(
    r"(?:job\s)?(?:title|position|role|function|funktion|fonction|poste|cargo|puesto|aufgabe|"
    r"aufgabenbereich|zuständigkeit|tätigkeit|department|abteilung|ruolo|funzione|qualifica|"
    r"mansione|incarico|functie|rol)"
)


def title_cell(el: HtmlElement, columns: dict[HtmlElement, set[int]]) -> bool:
    """Whether ``el`` (a ``<th>`` or ``<td>`` the walk meets) is a title: a header cell naming
    its column so is remembered in ``columns`` (per table), and a data cell of such a column
    is one."""
    row = el.getparent()
    if row is None:
        return False
    table = next((a for a in row.iterancestors() if a.tag == "table"), None)
    if table is None:
        return False
    index = sum(1 for cell in el.itersiblings(preceding=True) if cell.tag in ("td", "th"))
    if el.tag == "th":
        header = " ".join(el.text_content().split()).rstrip(":").casefold()
        if TITLE_HEADER_RE.fullmatch(header):
            columns.setdefault(table, set()).add(index)
        return False
    return index in columns.get(table, ())


class Layout:
    """Block starts, inline seams and marked titles of one page's text (see the module
    docstring)."""

    __slots__ = ("_blocks", "_seams", "_starts", "_titles", "text")

    def __init__(
        self,
        text: str,
        blocks: list[tuple[int, HtmlElement]],
        seams: list[int],
        titles: list[tuple[int, int]] = (),
    ) -> None:
        self.text = text
        self._titles = titles
        self._blocks = blocks
        self._starts: list[int] | None = None  # built on the first question about cards
        self._seams = seams

    def splits(self, start: int, end: int) -> list[tuple[int, str, str]]:
        """(seam position, text before, text after) for each inline seam inside
        ``text[start:end]`` with words on both sides."""
        seams = self._seams
        result = []
        for k in range(bisect_right(seams, start), bisect_left(seams, end)):
            seam = seams[k]
            before, after = self.text[start:seam].strip(), self.text[seam:end].strip()
            if before and after and (not result or result[-1][0] != seam):
                result.append((seam, before, after))
        return result

    def declares_title(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` lies inside an element whose class marks a job title."""
        if not self._titles:
            return False
        text = self.text
        return any(s <= start and (end <= e or not text[e:end].strip()) for s, e in self._titles)

    def tag(self, position: int) -> str:
        """The tag of the innermost block element the text at ``position`` stands in."""
        block = self._block(position)
        return block.tag if block is not None else ""

    def _block(self, position: int) -> HtmlElement | None:
        if self._starts is None:
            self._starts = [start for start, _ in self._blocks]
        k = bisect_right(self._starts, position) - 1
        return self._blocks[k][1] if k >= 0 else None

    def shared_depth(self, a: int, b: int) -> int:
        """How deep the nearest block element holding both positions is (-1: none known)."""
        first, second = self._block(a), self._block(b)
        if first is None or second is None:
            return -1
        ancestors = {first, *first.iterancestors()}
        for element in (second, *second.iterancestors()):
            if element in ancestors:
                return sum(1 for _ in element.iterancestors())
        return -1
