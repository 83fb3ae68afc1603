import os
from pathlib import Path

import matplotlib
import pytest
from hypothesis import settings

# No per-example deadline: on a loaded machine a slow example is not a failing one.
settings.register_profile("shoporg", deadline=None)
settings.load_profile("shoporg")

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
SOURCE_TEXT = TEMPLATES / "sources" / "000_ea1c189eb60d6b9d.txt"

# Designs are immutable (every edit returns a new design), so one loaded copy per session
# is shared by every test that asks for it.


@pytest.fixture(scope="session")
def d14():
    from shoporg import load_template
    return load_template("seed-14-basic-22")


@pytest.fixture(scope="session")
def options():
    """Design 14 and 方案B (one more picker, the copywriter under the director) under
    d14-double11: the two options every deliverable is checked with."""
    import shoporg

    d14 = shoporg.load_template("seed-14-basic-22")
    option = (d14.with_headcount("picker", 3).move_role("copywriter", "director")
              .replace(name={"zh": "方案B", "en": "Option B"}))
    return d14, option, shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")


@pytest.fixture(scope="session")
def d12():
    from shoporg import load_template
    return load_template("seed-12-ordinary-shop")


@pytest.fixture(scope="session")
def d06():
    from shoporg import load_template
    return load_template("seed-06-taobao-tmall-kpi")


@pytest.fixture(scope="session")
def designs():
    """Every template, by id, in the order of ``list_templates()``."""
    from shoporg import list_templates, load_template
    return {tid: load_template(tid) for tid in list_templates()["id"]}


@pytest.fixture
def write(tmp_path):
    """Write text (or bytes) to a file in tmp_path and return its path."""
    def _write(content, name="design.yaml"):
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path
    return _write


os.environ.setdefault("MPLBACKEND", "Agg")
