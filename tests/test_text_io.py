"""Markdown, HTML and CSV role tables; CSV in UTF-8 (with BOM) or GBK/GB18030."""

import pytest

from shoporg import DesignFileError, FileExistsRefusedError, load_template
from shoporg.io.text import export_csv, read_csv, to_html, to_markdown


@pytest.fixture
def d14():
    return load_template("seed-14-basic-22")


def test_markdown_and_html(d14):
    md = to_markdown(d14, lang="en").splitlines()
    assert md[0] == "| role | department | reports to | headcount | pay | duties |"
    assert len(md) == 2 + 11 and "Storekeeper" in md[10] and "<br>2. " in md[10]
    page = to_html(d14.renamed("picker", "捡单员<A&B>"))
    assert "捡单员&lt;A&amp;B&gt;" in page and "<caption>网店基本人员构成及职责表</caption>" in page


def test_csv_has_a_bom_and_round_trips(d14, tmp_path):
    path = export_csv(d14, tmp_path / "roles.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    df = read_csv(path)
    assert df.columns.tolist()[:4] == ["岗位", "部门", "上级", "人数"] and df["人数"].tolist()[3] == "5"
    with pytest.raises(FileExistsRefusedError):
        export_csv(d14, path)


def test_csv_from_chinese_excel_in_gbk(d14, tmp_path):
    text = export_csv(d14, tmp_path / "u.csv").read_text(encoding="utf-8-sig")
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(text.encode("gb18030"))
    assert read_csv(gbk)["岗位"].tolist() == read_csv(tmp_path / "u.csv")["岗位"].tolist()


def test_csv_in_utf16_is_a_clear_error(d14, tmp_path):
    bad = tmp_path / "utf16.csv"
    bad.write_bytes("岗位,人数\n司库,1\n".encode("utf-16"))
    with pytest.raises(DesignFileError, match="UTF-16"):
        read_csv(bad)
    with pytest.raises(DesignFileError, match="no such file"):
        read_csv(tmp_path / "missing.csv")
