"""Ingesting on several processes or a Dask cluster: each worker analyses and stores whole documents."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from functools import cache
from multiprocessing import get_context
from pathlib import Path

from sqlalchemy import Engine

from vakanuvis.ingest.files import open_regular_file
from vakanuvis.ingest.options import ReadOptions
from vakanuvis.intake import SAVE_BATCH, IngestResult, ingest_files
from vakanuvis.runtime import rare_garbage_collections
from vakanuvis.store.database import open_database

TASK_FILES = 16  # files a worker reads, analyses and stores in one task at most


def file_sha256(path: Path) -> str | None:
    """The hash of a file's bytes, or None when it cannot be read (the reader then says why)."""
    try:
        digest = hashlib.sha256()
        with open_regular_file(path) as handle:  # never a FIFO: it would wait for a writer
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()
    except (OSError, ValueError):
        return None


@cache
def _engine(location: str) -> Engine:
    """One engine per worker process (its migrations checked once)."""
    return open_database(location)


def ingest_in_worker(
    paths: list[str],
    location: str,
    force: bool,
    given: dict[str, dict] | None = None,
    read: ReadOptions | None = None,
) -> list[IngestResult]:
    """Read, analyse and store a few files from a worker process (`intake.ingest_files`, several
    documents to a commit; OCR of scanned pages too, as `read` says); picklable for process pools and Dask.

    A task's results reach the parent only when the whole task is done, so committing its first documents
    one by one (as a single process does, for a first result at once) would only add commits: each commit
    writes again the index pages its documents share. A worker's first task still begins small (the
    process's first commit comes soon); its later tasks commit SAVE_BATCH documents at a time."""
    global _tasks_done
    with rare_garbage_collections():
        files = [Path(path) for path in paths]
        first_batch = SAVE_BATCH if _tasks_done else 1
        results = list(
            ingest_files(
                _engine(location), files, force=force, given=given, read=read, first_batch=first_batch
            )
        )
    _tasks_done += 1
    return results


_tasks_done = 0  # tasks this worker process has finished


def _given_for(task: list[str], given: dict[str, dict] | None) -> dict[str, dict] | None:
    """The given metadata of the files of one task (a worker is sent only its own)."""
    return {path: given[path] for path in task if path in given} if given else None


def _tasks(paths: list[Path], workers: int) -> list[list[str]]:
    """The files cut into tasks of up to TASK_FILES, at least four tasks a worker when there are enough
    files (a worker that finishes early takes the next task)."""
    size = max(1, min(TASK_FILES, len(paths) // (4 * max(1, workers))))
    return [[str(path) for path in paths[start : start + size]] for start in range(0, len(paths), size)]


_pools: dict[int, ProcessPoolExecutor] = {}


def _pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` processes kept for the next ingest: a worker loads zeyrek, the gazetteer and
    the grammars once, not once per ingest call (a batch of files, or each folder of a long run)."""
    pool = _pools.get(workers)
    if pool is None:
        pool = _pools[workers] = ProcessPoolExecutor(
            max_workers=workers, mp_context=get_context("forkserver")
        )
    return pool


def _drop_pool(workers: int) -> None:
    pool = _pools.pop(workers, None)
    if pool is not None:
        pool.shutdown(wait=True)  # as leaving a `with` block would: files already submitted finish


def ingest_with_processes(
    paths: list[Path],
    location: str,
    force: bool,
    workers: int,
    given: dict[str, dict] | None = None,
    read: ReadOptions | None = None,
) -> Iterator[IngestResult]:
    """Results as files finish, on `workers` local processes; `given`: the metadata given by path."""
    pool = _pool(workers)
    try:
        futures = [
            pool.submit(ingest_in_worker, task, location, force, _given_for(task, given), read)
            for task in _tasks(paths, workers)
        ]
        for future in as_completed(futures):
            yield from future.result()
    except BaseException:
        # a broken pool, Ctrl-C or a consumer that stopped early: the next ingest starts fresh processes
        _drop_pool(workers)
        raise


def ingest_with_dask(
    paths: list[Path],
    location: str,
    force: bool,
    address: str,
    client_factory: Callable | None = None,
    given: dict[str, dict] | None = None,
    read: ReadOptions | None = None,
) -> Iterator[IngestResult]:
    """Results as files finish, on the Dask cluster at `address`; its workers write to the shared database."""
    from dask.distributed import Client
    from dask.distributed import as_completed as dask_completed

    client = client_factory() if client_factory else Client(address)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        futures = [
            client.submit(ingest_in_worker, task, location, force, _given_for(task, given), read, pure=False)
            for task in _tasks(paths, workers)
        ]
        for future in dask_completed(futures):
            yield from future.result()
    finally:
        if client_factory is None:
            client.close()
