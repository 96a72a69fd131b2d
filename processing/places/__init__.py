"""Local-business search: one module per provider, each with its usage rules built in.

``nominatim`` turns a place name into an area (one request a second across the deployment,
through the database's request gate; answers cached in ``geocode_cache``), ``overpass`` asks
OpenStreetMap for the businesses tagged like the category, ``google`` asks the Places API (New)
Text Search, splitting an area into tiles when one query would be cut at its 60 results.
``search.run_search`` picks the provider of a ``place_searches`` row; every provider returns the
same :class:`records.Found` businesses, which the place_search service upserts.
"""
