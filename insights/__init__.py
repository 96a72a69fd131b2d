"""The read side: the dashboard, the health endpoint, queue statistics and the planner's estimates.

It reads curation's tables and processing's heartbeats and writes nothing. It may import
``curation``, ``processing`` and ``scrapersky``; nothing imports it but the URL root, the
settings and the templates that load its tags.
"""
