"""Parallel execution: worker processes and a Dask cluster give the same analysis as one process."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from storylens.analyze import analyze, build_analysis
from storylens.annotate import annotate_store
from storylens.cli import cli
from storylens.config import ParallelSettings, Settings
from storylens.ingest import ingest
from storylens.parallel import ParallelError, Workers, batched
from storylens.relate import relate_store
from storylens.store import Store

from tests.conftest import EXAMPLES

LANGUAGES = ("en", "ru", "uk", "kk", "ro")


def _pid_of_batch(batch: list[int]) -> tuple[int, list[int]]:
    return os.getpid(), [x * x for x in batch]


def _fails_on_three(batch: list[int]) -> list[int]:
    if 3 in batch:
        raise ValueError("three is not allowed")
    return batch


def _settings(**parallel) -> Settings:
    settings = Settings()
    settings.clean.languages = LANGUAGES
    settings.parallel = ParallelSettings(**parallel)
    return settings


def _analysis(store: Store) -> dict:
    """The analysis without its time stamp, floats to 4 places: the classifiers' float32 scores
    change in the 7th digit with the make-up of the batch a document was scored in."""
    relate_store(store, progress=False)
    analysis = build_analysis(store)
    analysis.pop("generated_at")
    return _rounded(analysis)


def _rounded(value):  # noqa: ANN001, ANN202 - any JSON value
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


@pytest.fixture(scope="module")
def serial(tmp_path_factory) -> dict:
    """The analysis of the example corpus with everything in this process."""
    with Store(tmp_path_factory.mktemp("serial") / "serial.db") as store:
        with Workers(ParallelSettings(workers=1)) as workers:
            ingest([EXAMPLES], store, _settings(workers=1), progress=False, workers=workers)
            annotate_store(store, progress=False, workers=workers)
        return _analysis(store)


def test_map_keeps_order_across_worker_processes() -> None:
    with Workers(ParallelSettings(workers=2, min_documents=0)) as workers:
        assert workers.where(1) == "processes"
        results = list(workers.map(_pid_of_batch, batched(range(40), 3), documents=40))
    assert [x for _, squares in results for x in squares] == [x * x for x in range(40)]
    pids = {pid for pid, _ in results}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2


def test_small_jobs_and_one_worker_stay_in_this_process() -> None:
    with Workers(ParallelSettings(workers=2, min_documents=100)) as workers:
        assert workers.where(99) == "here" and workers.where(100) == "processes"
        assert [pid for pid, _ in workers.map(_pid_of_batch, [[1], [2]], documents=2)] == [os.getpid()] * 2
    with Workers(ParallelSettings(workers=1, min_documents=0)) as workers:
        assert workers.where(10_000) == "here"


def test_a_failing_batch_raises_its_own_error_in_the_parent() -> None:
    with Workers(ParallelSettings(workers=2, min_documents=0)) as workers:
        with pytest.raises(ValueError, match="three is not allowed"):
            list(workers.map(_fails_on_three, batched(range(10), 2), documents=10))


def test_default_is_one_worker_per_core() -> None:
    assert Workers().local_workers == len(os.sched_getaffinity(0))
    with pytest.raises(ParallelError, match="at least 1"):
        Workers(ParallelSettings(workers=0))


def test_worker_processes_give_the_same_analysis(examples_dir: Path, serial: dict, tmp_path: Path) -> None:
    settings = _settings(workers=2, min_documents=0, batch_size=3)
    with Store(tmp_path / "parallel.db") as store, Workers(settings.parallel) as workers:
        ingest([examples_dir], store, settings, progress=False, workers=workers)
        summary = annotate_store(store, settings.annotate, progress=False, workers=workers)
        assert summary.annotated == serial["corpus"]["documents"] and not summary.failed
        # Five batches over two processes: each process loaded its models once, not per batch.
        assert os.getpid() not in summary.processes and 1 <= len(summary.processes) <= 2
        assert summary.model_loads == len(summary.processes)
        assert _analysis(store) == serial


def test_dask_local_cluster_gives_the_same_analysis(examples_dir: Path, serial: dict, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  worker_dashboard_address=None) as cluster:
        settings = _settings(scheduler=cluster.scheduler_address, batch_size=4)
        with Store(tmp_path / "dask.db") as store:
            analyze([examples_dir], store, tmp_path / "out", settings, progress=False)
            assert _analysis(store) == serial
        on_disk = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))
        assert _rounded(on_disk["corpus"]) == serial["corpus"]


def test_unreachable_scheduler_is_a_message_not_a_traceback(examples_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["analyze", str(examples_dir), "--db", str(tmp_path / "x.db"),
                                      "--out", str(tmp_path / "out"), "--scheduler", "no-such-scheme://x"])
    assert result.exit_code == 1
    assert "cannot reach a Dask scheduler at no-such-scheme://x" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_workers_option_is_checked() -> None:
    result = CliRunner().invoke(cli, ["ingest", ".", "--workers", "0"])
    assert result.exit_code == 2 and "--workers" in result.output
