"""Which way imports go: no import cycle among shoporg's modules, and a model that stands on its own.

Every module under ``shoporg/`` is parsed with ``ast`` and every import is collected: at
the top, inside functions and classes, under ``if TYPE_CHECKING``. Relative imports are
resolved; ``from pkg import name`` imports ``pkg`` and, where ``name`` is a submodule, that
submodule too; where ``pkg`` re-exports ``name`` lazily (an ``_EXPORTS`` table read by a
module ``__getattr__``, or an import inside ``__getattr__``) it imports the module the name
comes from. Importing ``a.b.c`` runs ``a/__init__`` and ``a/b/__init__`` too, so it counts as
importing those packages. A lazy re-export is the importer's dependency, not the
re-exporting module's: ``shoporg/__init__`` does not depend on everything it names.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "shoporg"

#: The model layer: the design model, its checks and hierarchy, errors, words and numbers,
#: and the schema pieces a design is made of (pay components, workload norms). It imports
#: nothing above it (``pkg.*``: the package and everything in it).
MODEL_LAYER = ("shoporg.model", "shoporg.validation", "shoporg.hierarchy", "shoporg.errors", "shoporg._types",
               "shoporg.catalogue", "shoporg.i18n.*", "shoporg.fmt", "shoporg.client",
               "shoporg.staffing.norms", "shoporg.pay", "shoporg.pay.components", "shoporg.pay.expr",
               "shoporg.pay.kinds.*")
#: Modules that import nothing of shoporg's at all.
LEAVES = ("shoporg.catalogue", "shoporg.i18n.catalogue", "shoporg._lazy", "shoporg.unit_cost")
#: Modules that import only the language catalogue (their words) and nothing else of shoporg's.
WORDED_LEAVES = ("shoporg.errors", "shoporg.i18n", "shoporg.fmt")


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    line: int
    implicit: bool = False  # a parent package run by importing its submodule

    def __str__(self) -> str:
        path = _files()[self.source].relative_to(PACKAGE.parent)
        how = " (its package)" if self.implicit else ""
        return f"{self.source} -> {self.target}{how}  [{path}:{self.line}]"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


_FILES: dict[str, Path] = {}


def _files() -> dict[str, Path]:
    if not _FILES:
        _FILES.update({_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))})
    return _FILES


def _is_package(module: str) -> bool:
    return _files()[module].name == "__init__.py"


def _resolve(module: str, level: int, name: str | None) -> str:
    """The absolute name of ``from <level dots><name> import ...`` written in ``module``."""
    if not level:
        return name or ""
    base = module.split(".")
    if not _is_package(module):
        base.pop()
    base = base[:len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def _lazy_exports(module: str, tree: ast.Module) -> dict[str, str]:
    """Names ``module`` re-exports on first use: name -> the module it comes from."""
    out: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "_EXPORTS"
                                                for t in node.targets):
            table = ast.literal_eval(node.value)
            out.update({name: f"shoporg.{target}" for name, target in table.items()})  # as import_module gets them
        if isinstance(node, ast.FunctionDef) and node.name == "__getattr__":
            for sub in ast.walk(node):
                if isinstance(sub, ast.ImportFrom):
                    source = _resolve(module, sub.level, sub.module)
                    out.update({a.asname or a.name: source for a in sub.names})
    return out


def _trees() -> dict[str, ast.Module]:
    return {m: ast.parse(p.read_text(encoding="utf-8"), filename=str(p)) for m, p in _files().items()}


def _edges() -> list[Edge]:
    trees = _trees()
    lazy = {m: _lazy_exports(m, t) for m, t in trees.items()}
    modules = set(trees)
    edges: list[Edge] = []

    def add(source: str, target: str, line: int) -> None:
        if target in modules and target != source:
            edges.append(Edge(source, target, line))

    for module, tree in trees.items():
        getattr_body = {id(n) for top in tree.body if isinstance(top, ast.FunctionDef) and top.name == "__getattr__"
                        for n in ast.walk(top)}
        for node in ast.walk(tree):
            if id(node) in getattr_body:
                continue  # a lazy re-export: counted for whoever imports the name
            if isinstance(node, ast.Import):
                for alias in node.names:
                    add(module, alias.name, node.lineno)
            elif isinstance(node, ast.ImportFrom):
                source = _resolve(module, node.level, node.module)
                if any(f"{source}.{a.name}" not in modules for a in node.names):
                    add(module, source, node.lineno)  # names taken from the module itself
                for alias in node.names:
                    if f"{source}.{alias.name}" in modules:
                        add(module, f"{source}.{alias.name}", node.lineno)
                    else:  # a lazy re-export, perhaps of another lazy re-export
                        target = source
                        while alias.name in lazy.get(target, {}) and lazy[target][alias.name] != target:
                            target = lazy[target][alias.name]
                            add(module, target, node.lineno)
    implicit = []
    for e in edges:  # importing a.b.c runs a/__init__ and a/b/__init__ first
        parts = e.target.split(".")
        for i in range(1, len(parts)):
            parent = ".".join(parts[:i])
            if parent in modules and parent != e.source and not e.source.startswith(parent + "."):
                implicit.append(Edge(e.source, parent, e.line, implicit=True))
    return edges + implicit


@pytest.fixture(scope="module")
def edges() -> list[Edge]:
    return _edges()


def test_the_parser_sees_imports_inside_functions(edges):
    """A guard on the test itself: it finds the lazy imports, re-exports and submodules."""
    found = {(e.source, e.target) for e in edges}
    assert ("shoporg.cli", "shoporg.io.formats") in found  # `from .io import export` inside a function
    assert ("shoporg.pay", "shoporg.pay.components") in found  # a package __init__ re-export
    assert ("shoporg.model", "shoporg.pay") in found  # importing a submodule runs its package


def test_no_import_cycle_among_shoporg_modules(edges):
    graph = nx.DiGraph()
    where: dict[tuple[str, str], Edge] = {}
    for e in edges:
        graph.add_edge(e.source, e.target)
        where.setdefault((e.source, e.target), e)
    try:
        cycle = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return
    lines = "\n  ".join(str(where[(a, b)]) for a, b in cycle)
    pytest.fail(f"import cycle of {len(cycle)} modules:\n  {lines}")


def _in_layer(module: str, layer) -> bool:
    return any(module == m.removesuffix(".*") or (m.endswith(".*") and module.startswith(m[:-1]))
               for m in layer)


def test_the_model_layer_imports_nothing_above_it(edges):
    up = [str(e) for e in edges if not e.implicit and _in_layer(e.source, MODEL_LAYER)
          and not _in_layer(e.target, MODEL_LAYER)]
    assert not up, "the model layer imports modules above it:\n  " + "\n  ".join(up)


def test_the_leaves_import_nothing_of_shoporg(edges):
    leaks = [str(e) for e in edges if not e.implicit and e.source in LEAVES]
    assert not leaks, "\n  ".join(leaks)
    leaks = [str(e) for e in edges if not e.implicit and e.source in WORDED_LEAVES
             and not _in_layer(e.target, ("shoporg.i18n.*",))]
    assert not leaks, "\n  ".join(leaks)


def test_the_catalogue_reads_its_data_without_the_rest_of_shoporg():
    import subprocess
    import sys

    code = ("import sys; import shoporg.catalogue as c; assert 'warehouse.stock' in c.duty_area_ids(); "
            "print(sorted(m for m in sys.modules if m.startswith('shoporg')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['shoporg', 'shoporg._lazy', 'shoporg.catalogue']"  # the package's lazy names, no more


def test_the_catalogue_finds_the_templates_a_wheel_holds(tmp_path):
    """In a wheel the templates sit inside the package (``shoporg/_templates``, see
    pyproject.toml); the leaf needs nothing else of shoporg to find them there."""
    import shutil
    import subprocess
    import sys

    pkg = tmp_path / "site" / "shoporg"
    pkg.mkdir(parents=True)
    for name in ("__init__.py", "_lazy.py", "catalogue.py"):
        shutil.copy(PACKAGE / name, pkg / name)
    shutil.copytree(PACKAGE.parent / "templates", pkg / "_templates")
    code = "import shoporg.catalogue as c; print(c.templates_dir()); print(len(c.duty_area_ids()))"
    env = {"PYTHONPATH": str(tmp_path / "site"), "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env,
                         cwd=tmp_path).stdout.split()
    assert out[0] == str(pkg / "_templates") and int(out[1]) > 20
