# mypy: disable-error-code="no-untyped-call"
"""geonews.dask.extract_bag on a LocalCluster of two worker processes equals serial extraction."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from typing import Any

import pytest

from geonews import Article, Pipeline
from geonews.serialize import result_to_dict

if importlib.util.find_spec("dask") is None or importlib.util.find_spec("distributed") is None:
    if os.environ.get("CI"):  # pragma: no cover
        raise RuntimeError("CI must install the dask extra: pip install '.[dask]'")
    pytest.skip("the dask extra is not installed", allow_module_level=True)

import dask
import dask.bag as db
from distributed import Client, LocalCluster

from geonews.dask import extract_bag

TEXTS = [
    "Exports to China grew by 9.4 percent in 2014, the ministry said on Tuesday.",
    "Germany pledged 2 billion euros to Ukraine, Chancellor Olaf Scholz said.",
    'Prime Minister Rishi Sunak said: "Inflation will fall to 3 percent this year."',
    "Russia and Ukraine signed the Black Sea grain deal in Istanbul in July 2022.",
    "Turkey's central bank raised its main rate by 650 basis points to 15 percent.",
]


def _elements() -> list[Any]:
    out: list[Any] = []
    for i in range(24):
        text = TEXTS[i % len(TEXTS)] + f" Trade rose {i} percent."
        if i % 3 == 0:
            out.append(text)
        else:
            out.append({"id": f"d{i}", "text": text, "published": "2015-12-02"})
    out.insert(7, {"id": "broken", "title": "no text"})
    return out


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    # dask starts its worker processes with the spawn method: the test runs under spawn.
    assert dask.config.get("distributed.worker.multiprocessing-method") == "spawn"
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def _serial(elements: list[Any], **kw: Any) -> list[dict[str, Any]]:
    from geonews.dask import extract_partition

    return extract_partition(elements, **kw)


def test_bag_on_two_processes_equals_serial(client: Client) -> None:
    elements = _elements()
    bag = db.from_sequence(elements, npartitions=6)
    got = extract_bag(bag).compute()
    assert got == _serial(elements)
    # workers really are separate processes
    pids = client.run(os.getpid)
    assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()


def test_serial_reference_is_the_pipeline() -> None:
    elements = _elements()
    ref = _serial(elements)
    assert len(ref) == len(elements)
    assert ref[7]["schema"] == "geonews.error/1" and ref[7]["id"] == "broken"
    pipe = Pipeline()
    assert ref[0] == result_to_dict(pipe.extract(elements[0]))
    assert ref[1] == result_to_dict(pipe.extract(Article.from_dict(elements[1])))
    assert ref[0]["article"]["id"] is None and ref[1]["article"]["id"] == "d1"


def test_bag_with_options(client: Client) -> None:
    elements = _elements()
    bag = db.from_sequence(elements, npartitions=4)
    got = extract_bag(bag, plugins=["percentages"]).compute()
    assert got == _serial(elements, plugins="percentages")
    assert all(r.get("schema") for r in got)


def test_unknown_option() -> None:
    with pytest.raises(TypeError, match="unknown option"):
        extract_bag(db.from_sequence(["x"]), workers=3)
