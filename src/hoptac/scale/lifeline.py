"""Worker processes that end with the ingest that started them, even when it is killed (``kill -9``).

Two lines, so either suffices: on Linux the kernel kills a worker whose parent dies
(``prctl(PR_SET_PDEATHSIG)``; the parent of a pool worker is the forkserver, which itself
exits when the ingest does); everywhere, a daemon thread checks once a second that the ingest
process still runs and that the worker's parent is still the one it started with, and ends
the worker (``os._exit``) otherwise.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
POLL = 1.0


def end_with_parent(ingest_pid: int) -> None:
    """Make this worker end when ``ingest_pid`` (the ingest's process) or its own parent ends."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    parent = os.getppid()
    threading.Thread(target=_watch, args=(ingest_pid, parent), name="hoptac-lifeline", daemon=True).start()


def alive(pid: int) -> bool:
    """Whether a process runs (a zombie, killed but not yet reaped, does not)."""
    try:
        import psutil

        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except ImportError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    except Exception:  # psutil.NoSuchProcess and kin
        return False


def _watch(ingest_pid: int, parent: int) -> None:
    while True:
        time.sleep(POLL)
        if os.getppid() != parent or not alive(ingest_pid):
            os._exit(1)
