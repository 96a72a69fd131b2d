"""Django settings, read from the environment (12-factor); see .env.example for every variable.

One module per concern, each reading a variable once under the name Django or the code reads
(scrapersky/env.py: typed reads): ``base`` (the project, apps, middleware, logging, the task
queue, the REST framework), ``security`` (the API's throttles and tokens, login lock-out, HTTPS,
Content-Security-Policy), ``knobs`` (every ``SCRAPERSKY_*`` knob, typed in scrapersky/conf.py)
and ``database``. Every variable is read before ``env.check()``: a mistake in any of them ends
the start with one line per mistake, before the embedded database server starts.
"""

from scrapersky.settings import database
from scrapersky.settings.base import *  # noqa: F403
from scrapersky.settings.base import env
from scrapersky.settings.knobs import *  # noqa: F403
from scrapersky.settings.security import *  # noqa: F403

env.check()

DATABASES, EMBEDDED_POSTGRES, EMBEDDED_PGDATA = database.databases()
