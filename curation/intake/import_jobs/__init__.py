"""Import jobs: an uploaded file, its preview, and its import in the request or on a worker.

``jobs`` stores them, ``running`` imports them, ``reports`` says what happened; this package
is their public face (the admin, the ``import_*`` commands and the queued tasks use it).

Every upload (admin or ``import_*``) becomes a job: a directory under ``SCRAPERSKY_IMPORT_DIR``
holding the file as uploaded, ``status.json`` (columns, progress, counts, the first problem rows)
and ``report.csv`` (one line per input row: created, duplicate or invalid with the reason).

- A small file (up to ``SCRAPERSKY_IMPORT_INLINE_BYTES``) is imported in the request, in one
  transaction, as before: a failure writes nothing.
- A bigger one is handed to a django-q2 worker (:func:`run_import_job`), which streams the file
  (``curation.intake.tables``) and writes one transaction per chunk of ``importing.CHUNK`` rows,
  so its memory is one chunk's; the result page shows the progress. A run stops after a time budget
  below django-q2's task timeout and enqueues its own continuation, which resumes after the
  last committed chunk (the report is cut back to the same point), so an import of any size
  never meets the task timeout or the broker's redelivery.

The job directory must be shared by the web server and the workers (one machine, or a shared
volume): files are not stored in the database. The status is rewritten atomically (a rename),
and an exclusive lock on the directory keeps a redelivered task from running a job twice.
"""

from curation.intake.import_jobs.jobs import (
    RUNNING,
    Job,
    choose_columns,
    create_job,
    load_job,
    prune,
)
from curation.intake.import_jobs.reports import preview, report_rows
from curation.intake.import_jobs.running import run_import_job, start

__all__ = [
    "RUNNING",
    "Job",
    "choose_columns",
    "create_job",
    "load_job",
    "preview",
    "prune",
    "report_rows",
    "run_import_job",
    "start",
]
