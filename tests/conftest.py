import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
SOURCE_TEXT = TEMPLATES / "sources" / "000_ea1c189eb60d6b9d.txt"


@pytest.fixture
def d14():
    from shoporg import load_template
    return load_template("seed-14-basic-22")


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
