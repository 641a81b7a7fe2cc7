"""Render processes for a large batch, driven from the printing thread alone.

The printing process starts no helper threads. A `concurrent.futures.ProcessPoolExecutor`
feeds and reads its workers from two threads of its own; a garbage collection that starts in
one of them while the printing thread is inside SQLite, halfway through loading decisions,
corrupted the heap of the printing process on CPython 3.11 (a segmentation fault after a few
hundred letters). Here every pipe is read and written by the thread that runs the batch, so
every collection runs in that thread too.

A render process reads its jobs from a pipe and ends when that pipe closes, so it never
outlives the batch: not when the batch ends, not when the printing process is killed. On Linux
it is also killed with the printing process while it is still preparing its templates.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

from correspondence.batch.render import render, start_worker
from correspondence.letters.context import LetterReference
from correspondence.rules.case_data import CaseData
from correspondence.rules.errors import WorkflowError

Rendered = tuple[bytes, dict[str, str], str]

IN_PROCESS_BELOW = 40  # fewer letters are rendered in the printing process: workers cost more
IN_FLIGHT_PER_PROCESS = 2  # one rendering, one waiting: jobs are small, the pipe never fills
STOP_TIMEOUT = 5.0
# how often a caller may cancel while render processes work: one letter, or preparing the
# templates, takes longer than a person should wait for a cancel to take effect
CHECK_EVERY = 0.1
STOPPED = "een drukproces is onverwacht gestopt; er is niets verzonden. Draai de batch opnieuw."


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the printing process was gone before we asked
        os._exit(1)


def serve(jobs: Connection, references: dict[str, LetterReference], parent: int) -> None:
    """A render process: prepare the templates, then render each job until the pipe closes."""
    _die_with_parent(parent)
    # Ctrl-C in a terminal reaches the whole process group; the printing process handles it
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    start_worker(references)
    # the modules and prepared templates live as long as the process: collections that walk
    # them again for every letter took about as long as a tenth of the letter's drawing
    gc.freeze()
    while True:
        try:
            job = jobs.recv()
        except (EOFError, OSError):  # the printing process has gone
            return
        kind, case = job
        try:
            answer: tuple[bool, Any] = (True, render(kind, case))
        except Exception as exc:  # reported with the letter that caused it
            answer = (False, exc)
        try:
            jobs.send(answer)
        except OSError:
            return


class _Process:
    def __init__(self, context: Any, references: dict[str, LetterReference]) -> None:
        self.pipe, theirs = context.Pipe()
        self.process = context.Process(
            target=serve, args=(theirs, references, os.getpid()), daemon=True
        )
        self.process.start()
        theirs.close()  # only the render process holds its end: closing ours ends it
        self.waiting: deque[int] = deque()  # sequence numbers of the jobs it holds, in order


class RenderPool[Tag]:
    """`workers` render processes; `render_all` keeps the order of the jobs it is given."""

    def __init__(self, references: dict[str, LetterReference], workers: int) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process that may run Qt
        self._processes: list[_Process] = []
        try:
            for _ in range(workers):
                self._processes.append(_Process(context, references))
        except BaseException:
            self.close()
            raise

    def render_all(
        self, jobs: Iterable[tuple[Tag, str, CaseData]], check: Callable[[], None]
    ) -> Iterator[tuple[Tag, Rendered]]:
        """Each job's tag with its letter (a job names the letter kind), in the order of
        `jobs`; `check` is called every CHECK_EVERY seconds while waiting and may raise."""
        pending = iter(jobs)
        tags: dict[int, Tag] = {}
        done: dict[int, Rendered] = {}
        sent = next_out = 0
        exhausted = False
        while True:
            if not exhausted:
                for process in self._processes:
                    while len(process.waiting) < IN_FLIGHT_PER_PROCESS:
                        job = next(pending, None)
                        if job is None:
                            exhausted = True
                            break
                        tag, kind, case = job
                        try:
                            process.pipe.send((kind, case))
                        except OSError:  # the render process has gone
                            raise WorkflowError(STOPPED) from None
                        process.waiting.append(sent)
                        tags[sent] = tag
                        sent += 1
                    if exhausted:
                        break
            while next_out in done:
                yield tags.pop(next_out), done.pop(next_out)
                next_out += 1
            if next_out == sent and exhausted:
                return
            self._receive(done, check)

    def _receive(self, done: dict[int, Rendered], check: Callable[[], None]) -> None:
        busy = [p for p in self._processes if p.waiting]
        by_handle: dict[Any, _Process] = {}
        for process in busy:
            by_handle[process.pipe] = process
            by_handle[process.process.sentinel] = process
        answered = wait(list(by_handle), CHECK_EVERY)
        check()
        for ready in answered:
            process = by_handle[ready]
            if not process.waiting:
                continue
            try:
                ok, value = process.pipe.recv()
            except (EOFError, OSError):
                raise WorkflowError(STOPPED) from None
            sequence = process.waiting.popleft()
            if not ok:
                raise value
            done[sequence] = value

    def close(self, at_once: bool = False) -> None:
        """Close every pipe, so each render process ends; stop any that does not, or, `at_once`,
        every one without waiting."""
        for process in self._processes:
            process.pipe.close()
        for process in self._processes:
            process.process.join(0 if at_once else STOP_TIMEOUT)
            if process.process.is_alive():
                process.process.kill()
                process.process.join()
        self._processes.clear()


def open_pool(
    references: dict[str, LetterReference], workers: int | None, letters: int
) -> RenderPool[Any] | None:
    """Render processes for `letters` letters (one per core unless `workers` says), or None
    when they are better rendered in the printing process."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers > 1 and letters >= IN_PROCESS_BELOW:
        return RenderPool(references, workers)
    return None


def render_in_order[Tag](
    jobs: Iterable[tuple[Tag, str, CaseData]],
    pool: RenderPool[Tag] | None,
    references: dict[str, LetterReference],
    check: Callable[[], None],
) -> Iterator[tuple[Tag, Rendered]]:
    """Each job's tag with its letter, in order: in the pool's processes, or without a pool in
    this process; `check` is called often, before the first letter too, and may raise."""
    if pool is not None:
        yield from pool.render_all(jobs, check)
        return
    start_worker(references, check)
    for tag, kind, case in jobs:
        check()
        yield tag, render(kind, case)
