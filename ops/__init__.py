"""Operations: the project-level commands (``up``, ``pg``, ``demo``, ``apply_sql``,
``verify_schema``, ``startworkflow``) and the system checks that span the layers.

It may import ``curation``, ``processing`` and ``scrapersky``; nothing imports it but the
settings (``INSTALLED_APPS``).
"""
