"""Fictional websites served on loopback: the offline demo, the tests and the pipeline bench."""

from processing.demo.server import SiteServer
from processing.demo.sites import Site, demo_sites
from processing.demo.web import generated_web

__all__ = ["Site", "SiteServer", "demo_sites", "generated_web"]
