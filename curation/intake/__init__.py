"""Intake: what curators bring in and take out, in one package.

- ``tables``: reading an uploaded CSV/XLSX file into rows (encodings, headers, size caps);
- ``importing``: rows into ``domains``/``pages``/``sitemap_files`` (normalised, without duplicates,
  auto-queued as the settings say), in chunks of one transaction each;
- ``import_jobs``: an upload as a background job (django-q2) with its per-row report;
- ``exporting``: the CSV/XLSX export of contacts and leads;
- ``command``: the shared body of the ``import_*`` management commands.

The admin's import pages (``curation.admin.importing``), the API's submit and export views
(``curation.api.submit``, ``curation.api.export``) and the ``import_*`` commands are the edges
that call into it.
"""
