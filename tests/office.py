"""Rendering office files as a reader sees them: LibreOffice to PDF with the Noto CJK font
of the venv (standing in for Microsoft YaHei, which Linux lacks), then poppler's tools
for the page sizes, fonts, text and PNG pages."""

import os
import re
import shutil
import subprocess
from pathlib import Path

HAVE_OFFICE = all(shutil.which(x) for x in ("soffice", "pdfinfo", "pdffonts", "pdftotext", "pdftoppm"))


def fontconfig(folder: Path) -> dict:
    """An environment whose fontconfig adds the venv's Noto Sans CJK and puts it where a
    file asks for Microsoft YaHei (the font a client's Windows has)."""
    import noto_cjk_sans_otc

    font = next(Path(noto_cjk_sans_otc.__file__).parent.rglob("*.ttc"))
    conf = folder / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{font.parent}</dir>
<cachedir>{folder / "cache"}</cachedir>
<alias binding="same"><family>Microsoft YaHei</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>""", encoding="utf-8")
    return dict(os.environ, FONTCONFIG_FILE=str(conf))


def to_pdf(path: Path, folder: Path) -> Path:
    """``path`` converted by LibreOffice into ``folder``."""
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/lo-profile", "--convert-to",
                    "pdf", "--outdir", str(folder), str(path)], check=True, capture_output=True,
                   env=fontconfig(folder), timeout=300)
    return folder / (path.stem + ".pdf")


def _run(*args) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Each page's (width, height) in points."""
    info = _run("pdfinfo", "-f", "1", "-l", "9999", str(pdf))
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def fonts(pdf: Path) -> list[dict]:
    """The fonts of a PDF: name and whether it is embedded."""
    lines = _run("pdffonts", str(pdf)).splitlines()[2:]
    out = []
    for line in lines:
        parts = line.split()
        # name, type (one or two words), encoding, emb, sub, uni, object, id
        out.append({"name": parts[0], "embedded": parts[-5] == "yes"})
    return out


def text(pdf: Path) -> str:
    return _run("pdftotext", "-layout", str(pdf), "-")


def pngs(pdf: Path, folder: Path, stem: str, dpi: int = 60) -> list[Path]:
    """The pages as PNG files ``folder/stem-N.png`` (the old ones removed first)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{stem}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(folder / stem)], check=True)
    return sorted(folder.glob(f"{stem}-*.png"))
