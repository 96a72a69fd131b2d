"""The page write is named on both sides: PageWrite's fields are the columns of
page_curation_persist_many's record, in order, with matching types."""

from __future__ import annotations

import dataclasses
import re
import typing

from ops.sqlfiles import SQL_DIR
from processing.services.page_curation import PageWrite

SQL = (SQL_DIR / "functions" / "page_curation_persist_many.sql").read_text()
# The SQL type each Python annotation is sent as (JSON) and cast to.
TYPES = {
    int: {"bigint", "integer"},
    str: {"text"},
    bool: {"boolean"},
    "datetime": {"timestamptz"},
    list[str]: {"text[]"},
    list[list]: {"jsonb"},
}


def _columns() -> list[tuple[str, str]]:
    record = re.search(r"jsonb_to_recordset\(p_pages\) AS page \((.*?)\n\s*\)", SQL, re.DOTALL)
    assert record, "page_curation_persist_many reads jsonb_to_recordset(p_pages) AS page (...)"
    return [
        tuple(line.strip().rstrip(",").split(None, 1))
        for line in record.group(1).splitlines()
        if line.strip()
    ]


def test_the_fields_are_the_columns_in_order():
    assert [name for name, _ in _columns()] == [f.name for f in dataclasses.fields(PageWrite)]


def test_each_field_is_sent_as_its_column_type():
    hints = typing.get_type_hints(PageWrite)
    for name, sql_type in _columns():
        hint = hints[name]
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        python = (
            args[0]
            if typing.get_origin(hint) is typing.Union or type(hint).__name__ == "UnionType"
            else hint
        )
        key = "datetime" if getattr(python, "__name__", "") == "datetime" else python
        assert sql_type in TYPES[key], f"{name}: {python} is not sent as {sql_type}"
