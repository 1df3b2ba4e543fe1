"""Reading what the graph server said while it loaded its append-only file: is it damaged?

The server reports a damaged log only in its own log file: a file cut off mid-write
("short read", "Unexpected end of file"), a malformed one ("Bad file format"), or a
command that could no longer be replayed (its bytes changed: FalkorDB refuses the
query, the server goes on without it and starts on a partial graph). The registry
reads the lines written during one start and refuses to serve on a damaged log,
saying what is damaged and how to repair it, and leaving the file as it is.
"""

from __future__ import annotations

from pathlib import Path

_CUT_OFF = ("short read while loading the AOF", "Unexpected end of file reading the append")
_MALFORMED = ("Bad file format reading the append only file",)
_REPLAY_FAILED = "sending an error to its AOF-loading-client"
# Replaying a schema command whose effect the loaded graph already has fails harmlessly:
# FalkorDB keeps a graph's constraints with the graph and refuses to create them again.
_HARMLESS = ("already exists",)


def log_size(log: Path) -> int:
    """Where the log ends now: what a start writes comes after it."""
    return log.stat().st_size if log.exists() else 0


def damage(log: Path, since: int, cut_off_allowed: bool = False) -> str | None:
    """What is wrong with the append-only file, per the log lines written after `since`
    (a cut-off last write is not, when the operator allowed dropping it)."""
    lines = _written_since(log, since).splitlines()
    failed = [line for line in lines if _REPLAY_FAILED in line
              and not any(harmless in line for harmless in _HARMLESS)]
    if failed:
        return (f"{len(failed)} command(s) in it could not be replayed (first: "
                f"{_quote(failed[0])}), so the graph it holds is incomplete")
    if not cut_off_allowed and any(marker in line for line in lines for marker in _CUT_OFF):
        return "its last write is cut off (the file ends in the middle of a command)"
    if any(marker in line for line in lines for marker in _MALFORMED):
        return "it is not a well-formed append-only file"
    return None


def cut_off_tail_loaded(log: Path, since: int) -> bool:
    """Whether the server dropped a cut-off tail because it was allowed to."""
    return "loaded anyway because aof-load-truncated" in _written_since(log, since)


def refusal(data_dir: Path, what: str) -> str:
    """The one-line refusal: what is damaged, that it is kept, and how to repair it."""
    return (f"the graph's append-only file in {data_dir / 'appendonlydir'} is damaged: {what}; "
            f"the registry will not serve a partial graph and has left the file as it is. "
            f"Copy that directory aside, then either restore the graph from an export "
            f"(`python -m importers restore FILE` with REGISTRY_DATA_DIR set to a new "
            f"directory) or, if only the last write is cut off, start once with "
            f"REGISTRY_AOF_LOAD_TRUNCATED=true to drop it")


def _written_since(log: Path, since: int) -> str:
    """What the server wrote to its log after offset `since` (nothing: no log yet)."""
    if not log.exists():
        return ""
    with log.open("rb") as file:
        file.seek(since)
        return file.read().decode(errors="replace")


def _quote(line: str) -> str:
    start = line.find("'-")
    text = line[start + 1:] if start >= 0 else line
    return text[:160]
