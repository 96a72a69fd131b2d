"""Signals curation sends so lower-level concerns can react without curation importing them."""

from django.dispatch import Signal

# Sent once after the commit of a status change that queued rows (curation/services.py), with
# ``workflow`` (the workflow's name) and ``ids`` (the queued row ids). processing connects the
# consumer kick to it (processing/apps.py), so curation never imports the engine.
rows_queued = Signal()
