"""Fictional websites served on loopback: the offline demo, the tests and the pipeline bench.

``wiring`` holds what ``manage.py up --demo`` and ``manage.py demo`` need to point the web
server and the workers at them.
"""

from ops.demo.server import SiteServer
from ops.demo.sites import Site, demo_sites
from ops.demo.web import generated_web
from ops.demo.wiring import DEFAULT_PORT, demo_environment, port_in_use

__all__ = [
    "DEFAULT_PORT",
    "Site",
    "SiteServer",
    "demo_environment",
    "demo_sites",
    "generated_web",
    "port_in_use",
]
