"""Process trees through Linux /proc, for tests that kill or watch a real process's children."""
from __future__ import annotations


def children(pid: int) -> list[int]:
    """The processes `pid` started (none when it is gone)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def tree(pid: int) -> list[int]:
    """Every process below `pid`."""
    out, todo = [], [pid]
    while todo:
        kids = children(todo.pop())
        out += kids
        todo += kids
    return out


def runs(pid: int, name: str) -> bool:
    """Whether process `pid` is alive with `name` in its command line."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return name.encode() in fh.read()
    except OSError:
        return False
