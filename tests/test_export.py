"""Deliverables by file type: the dispatcher, the export command, the papermill notebook,
and a real office suite opening the workbook."""

import shutil
import subprocess

import pytest

from shoporg import DesignFileError, FileExistsRefusedError, read_scenario, templates_dir
from shoporg.cli import main
from shoporg.io import EXPORTERS, export

from .conftest import ROOT

SCENARIO = templates_dir() / "scenarios" / "d14-double11.yaml"


def test_every_format_by_suffix(tmp_path, d14):
    d = d14
    for suffix in EXPORTERS:
        path = export(d, tmp_path / f"d14{suffix}", scenario=read_scenario(SCENARIO))
        assert path.stat().st_size > 500, suffix
    assert (tmp_path / "d14.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with pytest.raises(FileExistsRefusedError):
        export(d, tmp_path / "d14.md")
    with pytest.raises(DesignFileError, match="supported: .xlsx, .docx"):
        export(d, tmp_path / "d14.txt")
    with pytest.raises(DesignFileError, match="one design"):
        export([d, d], tmp_path / "two.csv")


def test_export_command(tmp_path, capsys):
    targets = [tmp_path / "report.docx", tmp_path / "book.xlsx", tmp_path / "roles.html"]
    args = ["export", "seed-14-basic-22", "seed-12-ordinary-shop", "--lang", "en"]
    assert main(args + [a for t in targets for a in ("--to", str(t))]) == 0
    assert capsys.readouterr().out.split() == [str(t) for t in targets]
    assert "Storekeeper" in targets[2].read_text(encoding="utf-8")
    assert main(args + ["--to", str(targets[2])]) == 2


def test_papermill_renders_a_clients_package(tmp_path):
    pm = pytest.importorskip("papermill")
    out = tmp_path / "client"
    pm.execute_notebook(str(ROOT / "notebooks" / "05_export.ipynb"), str(tmp_path / "run.ipynb"),
                        parameters={"designs": ["seed-12-ordinary-shop"], "scenario": "", "output_dir": str(out),
                                    "lang": "en", "formats": ["md", "xlsx", "docx"]},
                        kernel_name="python3", progress_bar=False)
    assert sorted(p.name for p in out.iterdir()) == ["seed-12-ordinary-shop.docx", "seed-12-ordinary-shop.md",
                                                      "seed-12-ordinary-shop.xlsx"]
    assert "Shop manager" in (out / "seed-12-ordinary-shop.md").read_text(encoding="utf-8")


@pytest.mark.skipif(not shutil.which("soffice") or not shutil.which("pdftotext"),
                    reason="LibreOffice and poppler-utils are installed by .ci/run")
def test_libreoffice_opens_the_workbook(tmp_path, d14):
    book = export(d14, tmp_path / "book.xlsx", scenario=read_scenario(SCENARIO))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(book)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", str(tmp_path / "book.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    for name in ("电商总监", "销售客服", "司库", "发货员"):
        assert name in text
