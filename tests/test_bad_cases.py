"""The register of bad input (tests/cases/bad/*.yaml): every kind of hostile or odd input
the project knows, with the place and the words its refusal must give.

A case writes its files into an empty folder, runs one ``shoporg`` command there (in
this process, through :func:`shoporg.cli.main`), and expects an exit code and, on
standard error, each of the given fragments::

    kind: headcount-negative          # one line: what kind of bad input
    files:                            # name -> text (or base64 for binary: {base64: ...})
      shop.yaml: |
        schema: shoporg/design-v1
        ...
    run: [validate, shop.yaml]        # the command's arguments
    exit: 2
    stderr: ["shop.yaml:7: roles[0].headcount", "must be >= 0"]
    unchanged: [shop.yaml]            # optional: files that must be byte for byte as written
    absent: [out.xlsx]                # optional: files that must not exist afterwards

Nothing in a case may traceback: only the exit code and the message count.
"""

from __future__ import annotations

import base64
import os
import re
from pathlib import Path

import pytest
import yaml

from shoporg.cli import main

CASES = sorted((Path(__file__).parent / "cases" / "bad").glob("*.yaml"))
KEYS = {"kind", "files", "run", "exit", "stderr", "unchanged", "absent", "note"}


def _case(path: Path) -> dict:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    unknown = set(case) - KEYS
    assert not unknown, f"{path.name}: unknown keys {sorted(unknown)}"
    return case


def test_the_register_holds_each_kind_once():
    kinds = [_case(p)["kind"] for p in CASES]
    assert len(kinds) == len(set(kinds)), sorted(k for k in kinds if kinds.count(k) > 1)


def test_the_readme_says_how_many_kinds_the_register_covers():
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    said = re.search(r"one file per kind of hostile or odd\s+input \((\d+) kinds today", readme)
    assert said and int(said.group(1)) == len(CASES)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_bad_input_is_refused_with_its_place(path, tmp_path, capsys, monkeypatch):
    case = _case(path)
    written = {}
    for name, content in (case.get("files") or {}).items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        data = base64.b64decode(content["base64"]) if isinstance(content, dict) else content.encode("utf-8")
        target.write_bytes(data)
        written[name] = data
    monkeypatch.chdir(tmp_path)
    code = main([str(a) for a in case["run"]])
    err = capsys.readouterr().err
    assert code == case["exit"], f"{path.name}: exit {code}, stderr:\n{err}"
    assert "Traceback" not in err
    for fragment in case.get("stderr") or []:
        assert fragment in err, f"{path.name}: {fragment!r} not in stderr:\n{err}"
    for name in case.get("unchanged") or []:
        assert (tmp_path / name).read_bytes() == written[name], f"{path.name}: {name} changed"
    for name in case.get("absent") or []:
        assert not os.path.exists(tmp_path / name), f"{path.name}: {name} was written"
