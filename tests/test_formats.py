"""The table of formats: its pairs of functions, its traits, and those who read it."""

import pytest

from shoporg.cli import build_parser, main
from shoporg.errors import DesignFileError
from shoporg.io import FORMATS, export, format_of, text
from shoporg.widgets import exporter


def test_every_readable_format_reads_back_what_it_wrote(d14, tmp_path):
    for f in FORMATS.values():
        if f.readable:
            path = export(d14, tmp_path / f"d14{f.suffix}")
            assert f.read(path, base=d14) == d14, f.name


def test_binary_and_text_traits_match_the_files(d14, tmp_path):
    for f in FORMATS.values():
        data = export(d14, tmp_path / f"d14{f.suffix}").read_bytes()
        try:
            data.decode("utf-8")
            is_text = b"\x00" not in data
        except UnicodeDecodeError:
            is_text = False
        assert is_text != f.binary, f.name


def test_a_format_for_one_design_refuses_several_before_writing(d14, tmp_path):
    for f in FORMATS.values():
        path = tmp_path / f"two{f.suffix}"
        if f.several:
            assert export([d14, d14.with_headcount("picker", 3)], path).exists()
        else:
            with pytest.raises(DesignFileError, match="holds one design"):
                export([d14, d14], path)
            assert not path.exists()


def test_suffixes_are_unique_and_case_blind():
    suffixes = [f.suffix for f in FORMATS.values()]
    assert len(set(suffixes)) == len(suffixes)
    assert format_of("A.XLSX") is FORMATS["xlsx"]


def test_csv_reads_back_only_onto_a_base(d14, tmp_path):
    path = text.write_csv(d14, tmp_path / "r.csv")
    assert text.read_csv(path, d14.with_headcount("picker", 9)).role("picker").headcount == 2
    with pytest.raises(DesignFileError, match="base"):
        FORMATS["csv"].read(path)


def test_the_old_writer_names_still_work():
    from shoporg.io import excel, word
    assert excel.export_excel is excel.write_excel and word.export_docx is word.write_docx
    assert text.export_csv is text.write_csv


def test_cli_help_names_every_suffix():
    export_parser = build_parser()._subparsers._group_actions[0].choices["export"]
    help_text = export_parser.format_help()
    for f in FORMATS.values():
        assert f.suffix in help_text


def test_cli_checks_every_target_before_writing(tmp_path, capsys):
    ok, bad = tmp_path / "roles.md", tmp_path / "roles.csv"
    assert main(["export", "seed-14-basic-22", "seed-12-ordinary-shop", "--to", str(ok), "--to", str(bad)]) == 2
    assert "holds one design" in capsys.readouterr().err
    assert not ok.exists()


def test_the_exporter_offers_known_formats_and_writes_one_file_per_design_where_the_table_says(d14, tmp_path):
    assert set(exporter.FORMATS) <= set(FORMATS)
    other = d14.replace(id="d14-b")
    app = exporter.Exporter([d14, other], folder=tmp_path)
    app.tick(*exporter.FORMATS)
    app.export()
    written = sorted(p.name for p in app.written)
    for name in exporter.FORMATS:
        f = FORMATS[name]
        # named from the options (two of one name: the second gets -2), several in one file as 方案对比
        want = ["方案对比" + f.suffix] if f.several else [f"网店基本人员构成及职责表{n}{f.suffix}" for n in ("", "-2")]
        assert set(want) <= set(written), name
