"""The docs work: every python block runs, every relative link resolves, every hook is documented.

Convention (docs/*.md, docs/plugins/*.md): a fenced ``python`` block is executed on its own in a
fresh namespace after ``import geonews`` (in a scratch directory); use ``text``, ``console`` or
``json`` fences for anything not meant to run.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = sorted([*DOCS.glob("*.md"), *(DOCS / "plugins").glob("*.md")])
ALL_MARKDOWN = sorted([*DOCS.rglob("*.md"), ROOT / "README.md"])

_FENCE = re.compile(r"^```([\w-]*)[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)
_LINK = re.compile(r"!?\[[^\]\n]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_INLINE_CODE = re.compile(r"`[^`\n]*`")


def _blocks() -> list[tuple[Path, int, str]]:
    out = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        n = 0
        for m in _FENCE.finditer(text):
            if m.group(1) == "python":
                n += 1
                out.append((page, n, m.group(2)))
    return out


BLOCKS = _blocks()


def test_docs_pages_exist() -> None:
    names = {p.name for p in DOCS.glob("*.md")}
    for want in (
        "index.md",
        "quickstart.md",
        "concepts.md",
        "output.md",
        "cli.md",
        "writing-plugins.md",
        "hooks.md",
        "evaluation.md",
    ):
        assert want in names, f"docs/{want} is missing"
    assert len(BLOCKS) >= 10  # the docs teach with code


@pytest.mark.parametrize(
    ("page", "n", "code"),
    BLOCKS,
    ids=[f"{p.relative_to(DOCS)}#{n}" for p, n, _ in BLOCKS],
)
def test_python_block_runs(
    page: Path, n: int, code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}_{n}"}
    exec("import geonews", namespace)
    exec(compile(code, f"{page.relative_to(ROOT)} (python block {n})", "exec"), namespace)


def _links(path: Path) -> list[str]:
    text = _FENCE.sub("", path.read_text(encoding="utf-8"))
    text = _INLINE_CODE.sub("", text)
    return [m.group(1) for m in _LINK.finditer(text)]


def _local(target: str) -> str | None:
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("#"):
        return None
    return target.split("#", 1)[0] or None


@pytest.mark.parametrize("path", ALL_MARKDOWN, ids=[str(p.relative_to(ROOT)) for p in ALL_MARKDOWN])
def test_relative_links_resolve(path: Path) -> None:
    broken = []
    for target in _links(path):
        local = _local(target)
        if local is not None and not (path.parent / local).exists():
            broken.append(target)
    assert broken == [], f"{path.relative_to(ROOT)}: broken links {broken}"


def _slug(heading: str) -> str:
    """The anchor GitHub and MkDocs give a heading: lower case, punctuation dropped,
    spaces made hyphens."""
    s = re.sub(r"[^\w\s-]", "", heading.strip().lower())
    return re.sub(r"\s+", "-", s)


def _anchors(path: Path) -> set[str]:
    text = _FENCE.sub("", path.read_text(encoding="utf-8"))
    return {_slug(m.group(1)) for m in re.finditer(r"^#{1,6}\s+(.+?)\s*#*$", text, re.M)}


@pytest.mark.parametrize("path", ALL_MARKDOWN, ids=[str(p.relative_to(ROOT)) for p in ALL_MARKDOWN])
def test_link_anchors_exist(path: Path) -> None:
    broken = []
    for target in _links(path):
        if "#" not in target or re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
            continue
        page, anchor = target.split("#", 1)
        dest = (path.parent / page) if page else path
        if dest.suffix == ".md" and dest.exists() and anchor not in _anchors(dest):
            broken.append(target)
    assert broken == [], f"{path.relative_to(ROOT)}: links to missing headings {broken}"


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("`geonews extract`", "geonews-extract"),
        ("4. The shared document", "4-the-shared-document"),
        ("Error records (`geonews.error/1`)", "error-records-geonewserror1"),
    ],
)
def test_slug(heading: str, slug: str) -> None:
    assert _slug(heading) == slug


def test_index_links_every_page() -> None:
    linked = {(DOCS / t).resolve() for t in map(_local, _links(DOCS / "index.md")) if t is not None}
    pages = [p for p in PAGES if p.name != "index.md"]
    missing = [str(p.relative_to(DOCS)) for p in pages if p.resolve() not in linked]
    assert missing == [], f"docs/index.md does not link {missing}"


def _hook_names() -> list[str]:
    tree = ast.parse((ROOT / "src" / "geonews" / "hookspecs.py").read_text(encoding="utf-8"))
    names = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            decos = [
                d.id if isinstance(d, ast.Name) else getattr(d, "attr", "")
                for d in node.decorator_list
            ]
            decos += [
                getattr(d.func, "id", getattr(d.func, "attr", ""))
                for d in node.decorator_list
                if isinstance(d, ast.Call)
            ]
            if "hookspec" in decos:
                names.append(node.name)
    return names


def test_hookspecs_found() -> None:
    assert "extract_entities" in _hook_names() and "extract_claims" in _hook_names()


@pytest.mark.parametrize("hook", _hook_names())
def test_every_hook_has_a_section(hook: str) -> None:
    text = (DOCS / "hooks.md").read_text(encoding="utf-8")
    heading = re.compile(rf"^#{{2,4}} .*\b{re.escape(hook)}\b", re.M)
    assert heading.search(text), f"docs/hooks.md has no section for the hook {hook!r}"
    # each section says what the hook receives and returns
    section = text[heading.search(text).end() :]  # type: ignore[union-attr]
    nxt = re.search(r"^## ", section, re.M)
    body = section[: nxt.start()] if nxt else section
    for arg in _hook_args(hook):
        assert f"`{arg}`" in body, f"hooks.md: {hook} does not describe its argument {arg!r}"


def _hook_args(hook: str) -> list[str]:
    tree = ast.parse((ROOT / "src" / "geonews" / "hookspecs.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == hook:
            return [a.arg for a in node.args.args]
    return []
