"""Make sure the example plugin docs/examples/geonews-casualties is installed in this venv."""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "geonews-casualties"


def ensure_example_installed() -> None:
    """``pip install -e`` the example when its entry point is missing (``.ci/run`` does too)."""
    eps = importlib.metadata.entry_points(group="geonews")
    if any(ep.name == "casualties" for ep in eps):
        return
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "-e", str(EXAMPLE)],
        check=True,
    )
    importlib.invalidate_caches()
    # the editable install's path hook is only read at interpreter start: make the package
    # importable in this process too (subprocesses see the install itself)
    if importlib.util.find_spec("geonews_casualties") is None:
        sys.path.append(str(EXAMPLE))
