"""The embedded PostgreSQL: started once, shared by processes that ask for it at the same time."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import pytest

from scrapersky.embedded_pg import EmbeddedPostgresError, ensure_server, stop_server

STARTER = """
import sys
from pathlib import Path
from scrapersky.embedded_pg import ensure_server
server = ensure_server(Path(sys.argv[1]), dbname="racing")
print(server.port)
"""


@pytest.fixture
def data_dir():
    # Not pytest's tmp_path: when tests run as root the cluster runs as `nobody`, who must be
    # able to reach the directory.
    parent = Path(tempfile.mkdtemp(prefix="scrapersky-pg-"))
    parent.chmod(0o755)
    yield parent / "pgdata"
    stop_server(parent / "pgdata")
    shutil.rmtree(parent, ignore_errors=True)


def test_two_processes_starting_at_once_share_one_server(data_dir):
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    starters = [
        subprocess.Popen(
            [sys.executable, "-c", STARTER, str(data_dir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120) for p in starters]
    assert [p.returncode for p in starters] == [0, 0], outputs
    ports = {out.strip() for out, _err in outputs}
    assert len(ports) == 1
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:{ports.pop()}/racing") as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)


def test_restart_after_stop_reuses_the_data(data_dir):
    first = ensure_server(data_dir, dbname="keep")
    with psycopg.connect(first.url("keep"), autocommit=True) as conn:
        conn.execute("CREATE TABLE kept (n int)")
    assert stop_server(data_dir) is True
    assert stop_server(data_dir) is False
    second = ensure_server(data_dir, dbname="keep")
    with psycopg.connect(second.url("keep")) as conn:
        assert conn.execute("SELECT count(*) FROM kept").fetchone() == (0,)


def test_invalid_database_name_is_refused(data_dir):
    with pytest.raises(EmbeddedPostgresError, match="invalid database name"):
        ensure_server(data_dir, dbname="x; DROP DATABASE postgres")
