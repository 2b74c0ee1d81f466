"""A throwaway PostgreSQL server for the tests: `initdb` into a temporary folder, started
with `pg_ctl` on loopback as an unprivileged user (PostgreSQL refuses to run as root), no
system service. `SITREP_TEST_POSTGRES=postgresql://…` uses an existing server instead.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Optional

ENV = "SITREP_TEST_POSTGRES"


def binaries() -> Optional[Path]:
    """The folder holding initdb and pg_ctl, or None."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(versions[-1]).parent if versions else None


class Cluster:
    """`with Cluster() as c: c.new_database()` → a URL of an empty database."""

    def __init__(self):
        self.bin = binaries()
        if self.bin is None:
            raise FileNotFoundError("no PostgreSQL binaries (initdb, pg_ctl) on this machine; "
                                    "install Debian's postgresql package")
        self.dir = Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.user = None
        if os.geteuid() == 0:  # the server must not run as root: run it as an unprivileged account
            self.user = "postgres" if _has_user("postgres") else "nobody"
            account = pwd.getpwnam(self.user)
            os.chown(self.dir, account.pw_uid, account.pw_gid)
        self.role = self.user or pwd.getpwuid(os.geteuid()).pw_name
        self.url = f"postgresql://{self.role}@127.0.0.1:{self.port}"

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.dir, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {done.stderr.strip() or done.stdout.strip()}")

    def __enter__(self) -> "Cluster":
        self._run("initdb", "-D", str(self.data), "-U", self.role, "--auth=trust", "-E", "UTF8",
                  "--no-instructions", "--locale=C")
        self._run("pg_ctl", "-D", str(self.data), "-o", self._options(), "-l", str(self.dir / "log"), "-w", "start")
        return self

    def _options(self) -> str:
        return f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off"

    def restart(self) -> None:
        """Stop the server at once (connections cut, as a crash would) and start it again."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        self._run("pg_ctl", "-D", str(self.data), "-o", self._options(), "-l", str(self.dir / "log"), "-w", "start")

    def __exit__(self, *exc) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def new_database(self) -> str:
        return new_database(f"{self.url}/postgres")


def new_database(server_url: str) -> str:
    """An empty database on the server at `server_url` (a URL naming any database)."""
    import psycopg

    name = f"sitrep_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
