"""The example third-party plugin (docs/examples/geonews-casualties) installs and shows up."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest
from _example import EXAMPLE, ensure_example_installed

import geonews
import geonews.testing as gt


@pytest.fixture(scope="module", autouse=True)
def _installed() -> None:
    ensure_example_installed()


def _plugin() -> Any:
    import geonews_casualties

    return geonews_casualties


def test_listed_by_geonews_plugins(geonews_cmd: list[str]) -> None:
    proc = subprocess.run([*geonews_cmd, "plugins", "--json"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    rows = {r["name"]: r for r in json.loads(proc.stdout)}
    assert rows["casualties"]["kinds"] == ["casualty"]
    assert rows["casualties"]["builtin"] is False
    assert rows["casualties"]["hooks"] == ["extract_claims"]
    assert rows["casualties"]["error"] is None
    text = subprocess.run([*geonews_cmd, "plugins"], capture_output=True, text=True).stdout
    assert any(line.startswith("casualties") for line in text.splitlines())


def test_claims_in_combined_result(geonews_cmd: list[str]) -> None:
    text = "A suicide bomber killed at least 12 people in Baghdad on Monday, police said."
    proc = subprocess.run(
        [*geonews_cmd, "extract", "-"], input=text, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    claims = json.loads(proc.stdout)["claims"]
    cas = [c for c in claims if c["kind"] == "casualty"]
    assert [(c["text"], c["plugin"]) for c in cas] == [("killed at least 12 people", "casualties")]
    assert cas[0]["value"] == {
        "count": 12, "type": "killed", "victims": "people", "qualifier": "at least"
    }  # fmt: skip


def test_library_loads_it_with_the_builtins() -> None:
    r = geonews.Pipeline().extract("Three soldiers were wounded near the border.")
    assert ("casualty", "Three soldiers were wounded") in gt.claim_texts(r)


CASES = [
    ("Police said the blast killed at least 12 people.", "killed at least 12 people", 12, "killed"),
    ("The attack left 3 soldiers wounded; 3 soldiers were wounded.", "3 soldiers were wounded", 3, "wounded"),
    ("Clashes killed 1,200 civilians last year.", "killed 1,200 civilians", 1200, "killed"),
    ("Twelve Iraqi policemen were killed in Mosul.", "Twelve Iraqi policemen were killed", 12, "killed"),
    ("Nearly 40 migrants are missing after the boat sank.", "Nearly 40 migrants are missing", 40, "missing"),
    ("The strike injured 7 children, officials said.", "injured 7 children", 7, "wounded"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "claim", "count", "kind"), CASES)
def test_casualty_patterns(text: str, claim: str, count: int, kind: str) -> None:
    r = gt.run_plugin(_plugin(), text)
    gt.assert_claims(r, [("casualty", claim, {"count": count, "type": kind})])
    assert gt.check_value_types(r, "casualty", {"count": int, "type": str}) >= 1


@pytest.mark.parametrize(
    "text",
    [
        "The company killed 12 projects last year.",
        "Sales of 12 million people-carriers rose.",
        "He was wounded in 2004.",
    ],
)
def test_casualty_negatives(text: str) -> None:
    gt.assert_no_claims(gt.run_plugin(_plugin(), text), "casualty")


def test_example_has_entry_point_and_types() -> None:
    pyproject = (EXAMPLE / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project.entry-points.geonews]\ncasualties = "geonews_casualties"' in pyproject
    assert (EXAMPLE / "geonews_casualties" / "py.typed").exists()
