"""Commands start without importing what they do not use (the store, the web server, the engines).

Each check runs in a fresh interpreter and reads ``sys.modules`` afterwards: whether a module
was imported, not how long it took (no timed tests).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import hoptac.cli

#: Imported by no command that does not store, serve, fetch or scale (a second of start-up together).
HEAVY = ("hoptac.store", "hoptac.api", "hoptac.web", "hoptac.scale", "sqlalchemy", "alembic", "scipy",
         "datasketch", "fastapi", "starlette", "uvicorn", "httpx", "feedparser", "warcio", "rich", "dask",
         "pyarrow", "psycopg")


def imported_after(code: str) -> list[str]:
    """The heavy modules a fresh interpreter holds after running ``code``."""
    probe = (f"{code}\nimport json, sys\n"
             f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r} or m.startswith({HEAVY!r}))))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_importing_the_cli_imports_nothing_heavy():
    assert imported_after("import hoptac.cli") == []


def test_version_imports_nothing_heavy():
    code = ("import contextlib, io\nfrom hoptac.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            "    try:\n        main(['--version'])\n    except SystemExit:\n        pass\n"
            "assert '0.' in out.getvalue()")
    assert imported_after(code) == []


def test_extract_of_one_file_imports_nothing_heavy(tmp_path: Path):
    article = tmp_path / "bai.txt"
    article.write_text("Việt Nam và Hoa Kỳ hợp tác\n\nNgày 3/5/2023, Bộ trưởng Ngoại giao Bùi Thanh Sơn tiếp "
                       "Đại sứ Hoa Kỳ Marc Knapper tại Hà Nội. Hai bên nhất trí thúc đẩy hợp tác kinh tế.\n",
                       encoding="utf-8")
    code = ("import contextlib, io\nfrom hoptac.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            f"    main(['extract', {str(article)!r}], standalone_mode=False)\n"
            "assert 'Knapper' in out.getvalue()")
    assert imported_after(code) == []


def test_every_command_module_is_known_to_the_lazy_group():
    hoptac.cli._register()
    where = {name: cmd.callback.__module__ for name, cmd in hoptac.cli.main.commands.items()
             if name != "extract" and cmd.callback is not None}
    assert where == hoptac.cli.LAZY


def test_a_lazy_command_runs_on_its_own():
    out = subprocess.run([sys.executable, "-m", "hoptac", "stats", "--help"], capture_output=True, text=True,
                         check=True, timeout=600)
    assert out.stdout.startswith("Usage:") and " stats " in out.stdout.splitlines()[0]


def test_help_lists_every_command_without_importing_them():
    code = ("import contextlib, io\nfrom hoptac.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            "    try:\n        main(['--help'], prog_name='hoptac')\n    except SystemExit:\n        pass\n"
            "assert ' ingest ' in out.getvalue() and ' serve ' in out.getvalue()")
    assert imported_after(code) == []


def test_the_lazy_listing_is_each_commands_own_help():
    hoptac.cli._register()
    own = {name: (hoptac.cli.main.commands[name].help or "").split("\n\n")[0] for name in hoptac.cli.LAZY}
    assert own == hoptac.cli.LAZY_HELP
    listing = ("import contextlib, io\nfrom hoptac.cli import main, _register\n{}\n"
               "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
               "    try:\n        main(['--help'], prog_name='hoptac')\n    except SystemExit:\n        pass\n"
               "print(out.getvalue())")
    fresh, loaded = (subprocess.run([sys.executable, "-c", listing.format(first)], capture_output=True, text=True,
                                    check=True, timeout=600).stdout for first in ("", "_register()"))
    assert " timeline " in fresh and fresh == loaded
