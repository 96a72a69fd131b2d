"""The REST API (DRF): read-only lists of every table and the curation status endpoints."""
