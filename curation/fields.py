"""Model fields for PostgreSQL enum columns and the per-workflow column set."""

from __future__ import annotations

from django.db import models

from scrapersky.naming import BOOKKEEPING_SUFFIXES, WorkflowNames


class PgEnumField(models.CharField):
    """A column of a PostgreSQL ENUM type created in sql/, mapped to a TextChoices class.

    Values are sent with an explicit cast so that comparisons and CASE expressions never meet
    a ``text`` vs enum type mismatch.
    """

    def __init__(self, *args, enum_type: str, **kwargs):
        self.enum_type = enum_type
        kwargs.setdefault("max_length", 32)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["enum_type"] = self.enum_type
        return name, path, args, kwargs

    def db_type(self, connection):
        return self.enum_type

    def cast_db_type(self, connection):
        return self.enum_type

    def get_placeholder(self, value, compiler, connection):
        return f"%s::{self.enum_type}"


def workflow_columns(
    name: str,
    curation: type[models.TextChoices],
    processing: type[models.TextChoices],
    *,
    module: str,
) -> type[models.Model]:
    """An abstract model with a workflow's status and bookkeeping columns (see sql/ 002-004).

    The names follow the seed's convention (``scrapersky.naming``): ``{name}_curation_status``
    of type ``{name without underscores}curationstatus``, and so on.
    """
    names = WorkflowNames(name)
    attrs: dict[str, object] = {
        "__module__": module,
        "Meta": type("Meta", (), {"abstract": True}),
        names.curation_field: PgEnumField(
            choices=curation.choices,
            default=curation.New,
            enum_type=names.curation_db_type,
            verbose_name=f"{names.verbose_name} curation",
        ),
        names.processing_field: PgEnumField(
            choices=processing.choices,
            null=True,
            blank=True,
            enum_type=names.processing_db_type,
            verbose_name=f"{names.verbose_name} processing",
        ),
        names.error_field: models.TextField(null=True, blank=True),
    }
    for suffix in BOOKKEEPING_SUFFIXES:
        if suffix == "attempts":
            column = models.IntegerField(default=0)
        elif suffix == "worker":
            column = models.TextField(null=True, blank=True)
        else:
            column = models.DateTimeField(null=True, blank=True)
        attrs[names.col(suffix)] = column
    return type(names.columns_class_name, (models.Model,), attrs)
