"""Set-up files agree with each other: pyproject, environment.yml, README, CI."""

import re
import tomllib

import yaml
from packaging.requirements import Requirement

from .conftest import ROOT

# PyPI and conda-forge spell a few packages differently.
CONDA_NAMES = {"pyyaml": "pyyaml", "isal": "python-isal"}


def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def pip_requirements():
    project = pyproject()["project"]
    reqs = project["dependencies"] + project["optional-dependencies"]["test"]
    return {Requirement(r).name.lower(): str(Requirement(r).specifier) for r in reqs}


def conda_requirements():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    out = {}
    pip_section = [d for dep in env["dependencies"] if isinstance(dep, dict) for d in dep.get("pip", [])]
    for dep in env["dependencies"] + [d for d in pip_section if not d.startswith("-")]:
        if isinstance(dep, dict) or dep == "pip":
            continue
        m = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*(.*)", dep)
        name, spec = m.group(1).lower(), m.group(2).replace(" ", "")
        out[name] = ",".join(sorted(spec.split(","))) if spec else ""
    return out


def test_environment_yml_matches_pyproject():
    pip, conda = pip_requirements(), conda_requirements()
    python = conda.pop("python")
    assert python == pyproject()["project"]["requires-python"]
    assert {CONDA_NAMES.get(k, k) for k in pip} == set(conda)
    for name, spec in pip.items():
        assert ",".join(sorted(spec.split(","))) == conda[CONDA_NAMES.get(name, name)], name


def test_conda_specs_are_well_formed():
    # conda match specs: a name, then comma-joined (op version) clauses, no spaces inside
    clause = r"(==|>=|<=|>|<|!=|~=)?[0-9][0-9a-z.*]*"
    for name, spec in conda_requirements().items():
        assert re.fullmatch(rf"({clause}(,{clause})*)?", spec), (name, spec)


def test_readme_opens_with_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash)?\n(.*?)```", readme, re.S)
    first = [line for line in blocks[0].splitlines() if line and not line.startswith("#")]
    assert first == ["scripts/workbook", "scripts/test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert [line for line in ci.splitlines() if line.startswith("scripts/")] == ["scripts/test"]


def test_console_script_points_at_main():
    assert pyproject()["project"]["scripts"]["shoporg"] == "shoporg.cli:main"
