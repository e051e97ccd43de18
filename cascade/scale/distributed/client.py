"""Where a by-region run's tasks run: a Dask cluster, or :class:`LocalClient` on local processes."""

from __future__ import annotations

import operator
from typing import Any, Callable, Iterable

from ...core.errors import UsageError
from ...core.pool import process_pool
from .tasks import _pick

__all__ = ["INSTALL_HINT", "MissingDependency", "LocalClient", "connect"]

INSTALL_HINT = "pip install 'dask[distributed]' (the dask extra of sakip-cascade)"


class MissingDependency(ImportError):
    """Dask is not installed: ``sakip-cascade[dask]`` is the optional extra that brings it."""


def _dask() -> Any:
    try:
        import distributed
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingDependency(f"validating with Dask needs the optional extra: {INSTALL_HINT}") from exc
    return distributed


class LocalClient:
    """The few calls of a ``dask.distributed.Client`` that a run makes, on a local process pool.

    ``scheduler="processes"`` validates partitioned without Dask: the tasks run on
    ``n_workers`` forked processes of this machine, each keeping its shared documents between tasks
    as a Dask worker does. A future given as an argument is waited for here and its value sent to the
    task. Picking from a partition's output (small: its trimmed documents) runs in this process.
    """

    _INLINE = (operator.itemgetter,)

    def __init__(self, n_workers: int):
        self.pool = process_pool(n_workers)
        self.start_method = self.pool.start_method

    @staticmethod
    def _value(arg: Any) -> Any:
        from concurrent.futures import Future

        if isinstance(arg, Future):
            return arg.result()
        if isinstance(arg, list):
            return [LocalClient._value(a) for a in arg]
        return arg

    def submit(self, fn: Callable, *args: Any, key: str | None = None, pure: bool = True, **kwargs: Any) -> Any:
        from concurrent.futures import Future

        args = tuple(self._value(a) for a in args)
        kwargs = {k: self._value(v) for k, v in kwargs.items()}
        if isinstance(fn, self._INLINE) or fn is _pick:
            done: Future = Future()
            done.set_result(fn(*args, **kwargs))
            return done
        return self.pool.submit(fn, *args, **kwargs)

    def map(self, fn: Callable, items: Iterable[Any], pure: bool = True, **kwargs: Any) -> list[Any]:
        return [self.submit(fn, item, **kwargs) for item in items]

    @staticmethod
    def gather(futures: Iterable[Any]) -> list[Any]:
        return [f.result() for f in futures]

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def connect(scheduler: Any, n_workers: int) -> tuple[Any, Any]:
    """A client for ``scheduler`` (a Client, an address, None for a local cluster, or ``"processes"``
    for a local process pool without Dask) and its closer."""
    if isinstance(scheduler, LocalClient):
        return scheduler, lambda: None
    if scheduler == "processes":
        local = LocalClient(n_workers)
        return local, local.close
    distributed = _dask()
    if isinstance(scheduler, distributed.Client):
        return scheduler, lambda: None
    if scheduler is not None:
        if not isinstance(scheduler, str):
            raise UsageError(f"scheduler is an address or a dask Client, not {type(scheduler).__name__}")
        client = distributed.Client(scheduler)
        return client, client.close
    cluster = distributed.LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    client = distributed.Client(cluster)

    def close() -> None:
        client.close()
        cluster.close()

    return client, close
