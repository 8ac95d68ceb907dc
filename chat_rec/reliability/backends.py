"""Throwaway servers on loopback: PostgreSQL, Chroma and chat-rec's OpenAI-compatible LLM server.

Each one owns its process, a free port and a temporary folder, and is gone after ``stop()``. The
tests and ``chat-rec bench reliability --only replicas`` start them; nothing needs to run beforehand.
PostgreSQL uses the server binaries installed on the machine (Debian's ``postgresql`` package:
``pg_config --bindir``, or ``CHAT_REC_PG_BINDIR``); as root it runs them as ``nobody``, since
PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Self

import httpx

from chat_rec.errors import ChatRecError
from chat_rec.reliability.server import free_port


class BackendUnavailable(ChatRecError):
    """A server program this check needs is not installed here."""


def _wait_http(url: str, proc: subprocess.Popen[bytes], timeout_s: float, log: Path, what: str) -> None:
    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise ChatRecError(f"{what} exited with code {proc.returncode} while starting; see {log}.")
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise ChatRecError(f"{what} did not answer within {timeout_s:.0f} s; see {log}.")


def _stop(proc: subprocess.Popen[bytes] | None) -> None:
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


# ---------------------------------------------------------------- PostgreSQL
def postgres_bindir() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: CHAT_REC_PG_BINDIR, ``pg_config --bindir``, or Debian's."""
    candidates: list[Path] = []
    if os.environ.get("CHAT_REC_PG_BINDIR"):
        candidates.append(Path(os.environ["CHAT_REC_PG_BINDIR"]))
    if shutil.which("pg_config"):
        found = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=False)
        if found.returncode == 0:
            candidates.append(Path(found.stdout.strip()))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: p.parent.name, reverse=True)
    if shutil.which("initdb"):
        candidates.append(Path(shutil.which("initdb") or "").parent)
    return next((c for c in candidates if (c / "initdb").is_file() and (c / "pg_ctl").is_file()), None)


class _Server:
    """A server a test or bench owns: ``with Server(...) as server:`` starts and always stops it."""

    def start(self) -> Self:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _ProcessServer(_Server):
    """A server run as one child process with a temp folder of its own."""

    proc: subprocess.Popen[bytes] | None
    root: Path

    def stop(self) -> None:
        _stop(self.proc)
        shutil.rmtree(self.root, ignore_errors=True)


class PostgresServer(_Server):
    """A PostgreSQL cluster in a temp folder, listening on 127.0.0.1 only, trust authentication.

    Durability is traded for speed (``fsync=off``): it is a test server. ``url(db)`` gives a
    SQLAlchemy URL; ``create_database(name)`` makes a fresh, empty database.
    """

    def __init__(self) -> None:
        bindir = postgres_bindir()
        if bindir is None:
            raise BackendUnavailable(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found: install Debian's `postgresql` "
                "package (scripts/install-postgres.sh) or set CHAT_REC_PG_BINDIR.")
        self.bindir = bindir
        self.port = free_port()
        # As root the cluster belongs to nobody, who must reach the folder: /tmp, not a private TMPDIR.
        self.root = Path(tempfile.mkdtemp(prefix="chat-rec-pg-", dir="/tmp" if os.geteuid() == 0 else None))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self._as: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL will not run as root
            nobody = pwd.getpwnam("nobody")
            os.chown(self.root, nobody.pw_uid, nobody.pw_gid)
            self._as = ["runuser", "-u", "nobody", "--"]
        self.started = False

    def _run(self, *args: str) -> None:
        env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
        done = subprocess.run([*self._as, *args], capture_output=True, text=True, env=env, cwd=self.root,
                              check=False)
        if done.returncode != 0:
            raise ChatRecError(f"{Path(args[0]).name} failed ({done.returncode}): "
                               f"{(done.stderr or done.stdout).strip()[-500:]}")

    def start(self) -> Self:
        started = time.perf_counter()
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                  "--no-sync", "-E", "UTF8", "--locale=C")
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                  "-o", options, "start")
        self.started = True
        self.start_s = round(time.perf_counter() - started, 2)
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create an empty database ``name`` and return its URL."""
        import psycopg

        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{self.port}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')  # noqa: S608 - names come from the caller's code
        return self.url(name)

    def stop(self) -> None:
        if self.started:
            try:
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
            except ChatRecError:
                pass
            self.started = False
        shutil.rmtree(self.root, ignore_errors=True)


# ---------------------------------------------------------------- Chroma
class ChromaServer(_ProcessServer):
    """``chroma run --path DIR --host 127.0.0.1 --port N`` (the server that ships with chromadb)."""

    def __init__(self, path: Path | None = None) -> None:
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="chat-rec-chroma-"))
        self.path = path or self.root / "data"
        self.log = self.root / "chroma.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout_s: float = 120.0) -> Self:
        chroma = Path(sys.executable).with_name("chroma")
        if not chroma.is_file():
            found = shutil.which("chroma")
            if found is None:
                raise BackendUnavailable("The `chroma` command (from the chromadb package) is not installed.")
            chroma = Path(found)
        env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [str(chroma), "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)],
                stdout=log, stderr=subprocess.STDOUT, env=env)
        _wait_http(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", self.proc, timeout_s, self.log, "chroma run")
        return self


# ---------------------------------------------------------------- LLM server
class LlmServer(_ProcessServer):
    """``chat-rec llm-server --model MODEL`` on a free loopback port; ``base_url`` ends in /v1."""

    def __init__(self, model: str, name: str = "chat-rec-local", extra: tuple[str, ...] = ()) -> None:
        self.model = model
        self.name = name
        self.extra = extra
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="chat-rec-llm-"))
        self.log = self.root / "llm-server.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self, timeout_s: float = 300.0) -> Self:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "chat_rec.cli", "llm-server", "--model", self.model, "--name", self.name,
                 "--host", "127.0.0.1", "--port", str(self.port), *self.extra],
                stdout=log, stderr=subprocess.STDOUT, cwd=str(Path(__file__).resolve().parents[2]))
        _wait_http(f"{self.base_url}/models", self.proc, timeout_s, self.log, "chat-rec llm-server")
        return self


# ---------------------------------------------------------------- a small catalog
def catalog_slice(dest: Path, items: int = 400, source: Path | None = None) -> Path:
    """The first ``items`` movies of a MovieLens ``latest-small`` folder with their ratings, tags and links.

    Servers and indexes built on it start in seconds; ids and titles are the real ones.
    """
    import pandas as pd

    from chat_rec.config import BUNDLED_CATALOG

    source = Path(source or BUNDLED_CATALOG)
    dest.mkdir(parents=True, exist_ok=True)
    movies = pd.read_csv(source / "movies.csv").head(items)
    keep = set(movies["movieId"])
    movies.to_csv(dest / "movies.csv", index=False)
    for name in ("ratings.csv", "tags.csv", "links.csv"):
        if (source / name).is_file():
            frame = pd.read_csv(source / name, dtype=str, keep_default_na=False)
            frame[frame["movieId"].astype(int).isin(keep)].to_csv(dest / name, index=False)
    return dest
