"""A real client generator accepts the OpenAPI schema, and its models read the API's real answers.

``openapi-python-client`` (pinned in the dev extra) generates a typed Python client from
``/openapi.json``; a generator that skips an endpoint or a model says so in a warning, which
fails the test. The generated response models then parse what the running app answers.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

GENERATOR = Path(sys.executable).with_name("openapi-python-client")


@pytest.fixture(scope="module")
def generated(client, tmp_path_factory):
    """The generated client package, importable; the generator's output."""
    out = tmp_path_factory.mktemp("client")
    spec = out / "openapi.json"
    spec.write_text(json.dumps(client.get("/openapi.json").json()), encoding="utf-8")
    env = {"PATH": f"{GENERATOR.parent}:/usr/bin:/bin"}  # its ruff post-hook from the same venv
    run = subprocess.run([str(GENERATOR), "generate", "--path", str(spec), "--output-path",
                          str(out / "hoptac_client"), "--meta", "none"],
                         capture_output=True, text=True, timeout=300, env=env)
    sys.path.insert(0, str(out))
    try:
        yield run, importlib.import_module("hoptac_client")
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == "hoptac_client" or m.startswith("hoptac_client.")]:
            del sys.modules[name]


def test_the_generator_accepts_the_schema_without_warnings(generated):
    run, _ = generated
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Warning" not in run.stdout + run.stderr, run.stdout + run.stderr


def test_every_path_has_a_generated_call(client, generated):
    _, pkg = generated
    spec = client.get("/openapi.json").json()
    api = Path(pkg.__file__).parent / "api"
    modules = {p.stem for p in api.rglob("*.py") if p.stem != "__init__"}
    operations = {op["operationId"] for item in spec["paths"].values() for op in item.values()
                  if isinstance(op, dict) and "operationId" in op}
    assert len(modules) >= len(operations) > 10


def test_generated_models_read_real_answers(client, generated):
    _, pkg = generated
    models = importlib.import_module(f"{pkg.__name__}.models")
    spec = client.get("/openapi.json").json()
    read = 0
    for path in ("/api/stats", "/api/articles", "/api/people", "/api/statements", "/api/events"):
        ok = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        name = ok["$ref"].rsplit("/", 1)[-1]
        cls = getattr(models, "".join(w[:1].upper() + w[1:] for w in name.replace("-", "_").split("_")))
        answer = client.get(path).json()
        parsed = cls.from_dict(answer)
        assert parsed.to_dict().keys() >= {k for k, v in answer.items() if v is not None}
        read += 1
    assert read == 5
