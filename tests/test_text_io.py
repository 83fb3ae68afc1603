"""Markdown, HTML and CSV role tables; CSV in UTF-8 (with BOM) or GBK/GB18030."""

import pytest

from shoporg import DesignFileError, DesignValidationError, FileExistsRefusedError
from shoporg.io.text import design_from_csv, export_csv, read_csv, to_html, to_markdown


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
    assert df.columns.tolist()[:5] == ["编号", "岗位", "部门", "上级", "人数"] and df["人数"].tolist()[3] == "5"
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


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_csv_to_design_round_trip_and_edits(d14, tmp_path, encoding):
    text = export_csv(d14, tmp_path / "u.csv").read_text(encoding="utf-8-sig")
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes(text.encode(encoding))
    assert design_from_csv(path, d14) == d14
    edited = text.replace("picker,捡单员,库房,司库,2,", "picker,捡单员,库房,电商总监,3,")
    path.write_bytes(edited.encode(encoding))
    d2 = design_from_csv(path, d14)
    assert d2.role("picker").headcount == 3 and d2.role("picker").reports_to == "director"
    assert d2 == d14.with_role_changes("picker", headcount=3, reports_to="director")


def test_csv_bad_cells_are_located(d14, tmp_path):
    text = export_csv(d14, tmp_path / "u.csv").read_text(encoding="utf-8-sig")
    bad = tmp_path / "bad.csv"
    bad.write_text(text.replace("picker,捡单员,库房,司库,2,", "picker,捡单员,库房,老板,两,"), encoding="utf-8")
    with pytest.raises(DesignValidationError) as e:
        design_from_csv(bad, d14)
    assert "row 11, column 人数: must be a number of people, got '两'" in str(e.value)
