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
                                    "client": "Acme", "project": "", "lang": "en", "formats": ["md", "xlsx", "pptx"]},
                        kernel_name="python3", progress_bar=False)
    stem = "Acme-Positions and duties of an ordinary online shop"
    assert sorted(p.name for p in out.iterdir()) == [f"{stem}.md", f"{stem}.pptx", f"{stem}.xlsx"]
    assert "Shop manager" in (out / f"{stem}.md").read_text(encoding="utf-8")


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


def test_export_command_names_files_from_the_client_block(tmp_path, capsys):
    from docx import Document
    from pptx import Presentation

    out = tmp_path / "out"
    assert main(["export", "seed-14-basic-22", "--folder", str(out), "--scenario", str(SCENARIO),
                 "--client", "某旗舰店", "--consultant", "王敏", "--version", "V1.0", "--date", "2026-12-01"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"某旗舰店-网店基本人员构成及职责表.{s}" for s in ("docx", "pptx", "xlsx")]
    assert capsys.readouterr().out.split() == [str(out / n) for n in (names[2], names[0], names[1])]
    cover = "\n".join(p.text for p in Document(str(out / names[0])).paragraphs[:12])
    assert "某旗舰店" in cover and "王敏" in cover and "2026年12月1日" in cover
    slide = Presentation(str(out / names[1])).slides[0]
    words = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    assert "某旗舰店" in words and "V1.0" in words
    # two options in one file: named after the project; a file of one option after the option
    assert main(["export", "seed-14-basic-22", "seed-12-ordinary-shop", "--folder", str(out), "--format", "md",
                 "--format", "csv", "--client", "某旗舰店", "--project", "电商部组织设计"]) == 0
    assert {"某旗舰店-电商部组织设计.md", "某旗舰店-普通网店的岗位职责.csv"} <= {p.name for p in out.iterdir()}


def test_export_command_refuses_a_bad_client_block_and_no_target(tmp_path, capsys):
    assert main(["export", "seed-14-basic-22", "--to", str(tmp_path / "a.docx"), "--client", "a\tb"]) == 2
    assert "client.client" in capsys.readouterr().err and not (tmp_path / "a.docx").exists()
    assert main(["export", "seed-14-basic-22", "--date", "12/01", "--to", str(tmp_path / "a.docx")]) == 2
    assert "client.date" in capsys.readouterr().err
    assert main(["export", "seed-14-basic-22"]) == 2
    assert "--folder" in capsys.readouterr().err
