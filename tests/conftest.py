"""Shared test helpers. Tests build their own plugin managers; nothing global leaks between them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_1fdc36ad657d76f1.txt"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def geonews_cmd() -> list[str]:
    """The CLI, run with this interpreter (works inside and outside a venv)."""
    return [sys.executable, "-m", "geonews.cli"]
