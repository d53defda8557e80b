"""README.md documents every command and option, setting, pipeline stage, environment variable,
API route and dashboard page, and every image it shows exists.

Each list is taken from the code itself (the click group after its command modules have
registered, the Settings dataclass, the stage registry, the routes of an app built by
``create_app``), so a new command, setting, stage or route fails here until it is documented.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click
import pytest

import hoptac.cli
from hoptac.pipeline import REGISTRY
from hoptac.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SRC = ROOT / "src" / "hoptac"


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


def mentioned(readme: str, term: str) -> bool:
    """``term`` as code: a whole word of an inline code span or of a code block.

    ``/api/people`` is not found inside ``/api/people/{person}``, nor ``--progress`` inside
    ``--progress-bar``.
    """
    bounded = r"(?<![\w/{}-])" + re.escape(term) + r"(?![\w/{-])"
    spans = re.findall(r"(?<!`)`([^`\n]+)`(?!`)", readme)
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", readme, flags=re.S | re.M)
    return any(re.search(bounded, code) for code in (*spans, *blocks))


# --- the commands -------------------------------------------------------------------------

def walk(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command of a click group, nested groups included, as (path, command)."""
    for name, cmd in sorted(group.commands.items()):
        yield (*prefix, name), cmd
        if isinstance(cmd, click.Group):
            yield from walk(cmd, (*prefix, name))


def commands() -> list[tuple[tuple[str, ...], click.Command]]:
    hoptac.cli._register()  # idempotent: the command modules attach themselves to hoptac.cli.main
    return list(walk(hoptac.cli.main))


def long_options(cmd: click.Command) -> list[str]:
    """The long spelling of each option of a command (``--help`` left out)."""
    out = []
    for p in cmd.params:
        if isinstance(p, click.Option):
            names = [o for o in (*p.opts, *p.secondary_opts) if o.startswith("--") and o != "--help"]
            out.extend(names)
    return out


def test_the_click_group_is_walked():
    names = {" ".join(path) for path, _ in commands()}
    # the commands of the three modules that register themselves are there
    assert {"extract", "ingest", "serve", "load"} <= names, names


def test_readme_starts_with_the_two_commands(readme):
    first_block = re.search(r"```[^\n]*\n(.*?)```", readme, flags=re.S)
    assert first_block, "README.md has no code block"
    assert readme.index("```") < readme.index("\n## "), "the two commands must come before any section"
    lines = [ln.split("#")[0].strip() for ln in first_block.group(1).splitlines() if ln.strip()]
    assert lines[:2] == ["make run", "make test"], lines


@pytest.mark.parametrize("path", [" ".join(p) for p, _ in commands()])
def test_every_command_is_documented(readme, path):
    assert re.search(r"hoptac " + re.escape(path) + r"(?![\w-])", readme), f"`hoptac {path}` is not in README.md"


@pytest.mark.parametrize(("path", "option"),
                         [(" ".join(p), o) for p, cmd in commands() for o in long_options(cmd)])
def test_every_option_is_documented(readme, path, option):
    assert mentioned(readme, option), f"option {option} of `hoptac {path}` is not in README.md"


# --- settings, stages, environment ----------------------------------------------------------

def has_row(readme: str, name: str) -> bool:
    """A table row of its own, starting with ``name`` in backticks, with a description after it."""
    return bool(re.search(r"^\| `" + re.escape(name) + r"` \|[^\n]*\w[^\n]*\|\s*$", readme, flags=re.M))


@pytest.mark.parametrize("name", [f.name for f in dataclasses.fields(Settings)])
def test_every_setting_is_documented(readme, name):
    assert has_row(readme, name), f"Settings.{name} has no row in a table of README.md"


@pytest.mark.parametrize("name", list(REGISTRY))
def test_every_stage_is_documented(readme, name):
    assert has_row(readme, name), f"pipeline stage {name!r} has no row in a table of README.md"


def environment_variables() -> list[str]:
    """Every ``HOPTAC_*`` variable the package's code names."""
    found: set[str] = set()
    for py in SRC.rglob("*.py"):
        found.update(re.findall(r"\bHOPTAC_[A-Z][A-Z0-9_]*\b", py.read_text(encoding="utf-8")))
    return sorted(found)


def test_environment_variables_are_found():
    assert "HOPTAC_DB" in environment_variables()


@pytest.mark.parametrize("name", environment_variables())
def test_every_environment_variable_is_documented(readme, name):
    assert mentioned(readme, name), f"${name} is not in README.md"


def test_every_vocabulary_file_is_documented(readme):
    files = sorted(p.name for p in (SRC / "resources").glob("*.yaml"))
    assert files, "no vocabularies in src/hoptac/resources"
    missing = [f for f in files if f not in readme]
    assert not missing, f"vocabularies not described in README.md: {missing}"


# --- the HTTP API and the dashboard ---------------------------------------------------------

def route_paths(routes: Iterable[Any], prefix: str = "") -> Iterator[str]:
    """The path of every route, looking into mounts and included routers."""
    for r in routes:
        path = getattr(r, "path", None)
        if isinstance(path, str):
            yield prefix + path
        inner = getattr(r, "original_router", None)  # FastAPI's included router
        if inner is not None:
            ctx = getattr(r, "include_context", None)
            yield from route_paths(inner.routes, prefix + (getattr(ctx, "prefix", "") or ""))
        elif isinstance(path, str) and getattr(r, "routes", None):
            yield from route_paths(r.routes, prefix + path)


@pytest.fixture(scope="module")
def app_paths(tmp_path_factory) -> set[str]:
    from hoptac.api import create_app

    db = tmp_path_factory.mktemp("readme") / "kb.db"
    app = create_app(f"sqlite:///{db}")
    paths = set(route_paths(app.routes)) | set(app.openapi()["paths"])
    app.state.store.close()
    return paths


def test_routes_are_found(app_paths):
    api = {p for p in app_paths if p.startswith("/api/")}
    assert {"/api/articles", "/api/health", "/api/search"} <= api, api
    assert {"/", "/timeline", "/search"} <= app_paths, app_paths


def test_every_api_route_is_documented(readme, app_paths):
    missing = sorted(p for p in app_paths if p.startswith("/api") and not mentioned(readme, p))
    assert not missing, f"API routes not in README.md: {missing}"


def test_every_dashboard_page_is_documented(readme, app_paths):
    pages = {p for p in app_paths if not p.startswith(("/api", "/static", "/openapi.json", "/docs", "/redoc"))}
    missing = sorted(p for p in pages if not mentioned(readme, p))
    assert not missing, f"dashboard pages not in README.md: {missing}"


# --- images ---------------------------------------------------------------------------------

def image_links(readme: str) -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)", readme)


def test_readme_shows_images(readme):
    assert image_links(readme), "README.md shows no screenshot"


def test_every_image_exists(readme):
    local = [link for link in image_links(readme) if not re.match(r"[a-z]+://", link)]
    missing = [link for link in local if not (README.parent / link.split("#")[0]).is_file()]
    assert not missing, f"README.md links missing images: {missing}"


def test_every_screenshot_is_shown(readme):
    shown = {Path(link).name for link in image_links(readme)}
    unused = sorted(p.name for p in (ROOT / "docs").glob("screenshot-*.png") if p.name not in shown)
    assert not unused, f"screenshots in docs/ that README.md does not show: {unused}"
