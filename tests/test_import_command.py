"""`targets init` and `targets import`: a new tracker written and never overwritten, a report
imported into seeds/ and declared, refusals in one line, and the whole way from nothing to a
checked file (init → import → draft --write → check). `targets find` finds the same
commitments in an imported PDF, web page or Word file as in the SYNTHETIC labelled text it was
made from."""

from __future__ import annotations

import html
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
import yaml

from loaders.cli.main import main
from loaders.texts.report import read_report

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "report_formats" / "qingxu-2025-pdf-wrapped.txt"  # SYNTHETIC
CHROMIUM = Path("/usr/bin/chromium")

# SYNTHETIC: a fictional county's report in one paragraph a line, our own sentences
REPORT_TEXT = """\
SYNTHETIC 合成测试文本（虚构的龙泉县，不是真实的政府工作报告）
龙泉县人民政府工作报告
——2025年1月8日在龙泉县第九届人民代表大会第五次会议上
各位代表：
一、2024年工作回顾
2024年，全县地区生产总值增长5.8%，新增城镇就业4200人，新建农村公路58公里。
二、2025年工作安排
（一）稳住经济增长。地区生产总值增长6%左右，固定资产投资增长8%以上。
（二）办好民生实事。新建农村公路60公里以上，新增学位1500个，新增养老床位300张。
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def tracker(tmp_path, monkeypatch):
    """A new tracker made by `targets init` in tmp_path/county, the working directory."""
    monkeypatch.delenv("TARGETS_FILE", raising=False)
    monkeypatch.setenv("TARGETS_CACHE_DIR", "off")
    folder = tmp_path / "county"
    code, out, err = run("init", str(folder), "--place", "龙泉县", "--place-en", "Longquan County")
    assert (code, err) == (0, "")
    monkeypatch.chdir(folder)
    return folder


PLACE = ("--place", "龙泉县", "--place-en", "Longquan County")  # as `targets init` prints them


def original(tmp_path: Path, name: str = "龙泉县2025年政府工作报告.txt") -> Path:
    path = tmp_path / name
    path.write_text(REPORT_TEXT, encoding="utf-8")
    return path


# ---- init ---------------------------------------------------------------------------------------


def test_init_writes_the_sections_seeds_and_gitignore(tracker):
    text = (tracker / "targets.yaml").read_text(encoding="utf-8")
    assert text.startswith("# What the government work reports of 龙泉县 (Longquan County) promise")
    assert "field reference" in text
    assert yaml.safe_load(text) == {"reports": [], "areas": [], "commitments": []}
    assert (tracker / "seeds").is_dir()
    assert ".targets-cache/" in (tracker / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert run("check") == (
        0,
        "targets.yaml: OK — 0 commitments, 0 exclusions, 0 reports; 0 quotes verified\n",
        "",
    )


def test_init_never_overwrites(tracker):
    (tracker / "targets.yaml").write_text("reports: []\n", encoding="utf-8")
    code, out, err = run("init", str(tracker), "--place", "别处")
    assert (code, out) == (2, "")
    assert err == (
        f"{tracker / 'targets.yaml'}: already exists: nothing was written (a tracker is there: "
        "run `targets check`; to start again, move it away first)\n"
    )
    assert (tracker / "targets.yaml").read_text(encoding="utf-8") == "reports: []\n"


def test_init_keeps_an_existing_gitignore(tmp_path):
    (tmp_path / ".gitignore").write_text("*.pyc\n", encoding="utf-8")
    code, out, _ = run("init", str(tmp_path))
    assert code == 0
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*.pyc\n"
    assert "add the line .targets-cache/ to it" in out


def test_an_empty_targets_file_points_to_init(tmp_path):
    (tmp_path / "targets.yaml").write_text("", encoding="utf-8")
    code, out, _ = run("--targets", str(tmp_path / "targets.yaml"), "check")
    assert code == 1
    assert out.splitlines()[0] == (
        f"{tmp_path / 'targets.yaml'}: the file is empty: delete it and run `targets init`, which "
        "writes a new tracker's sections"
    )


# ---- import -------------------------------------------------------------------------------------


def test_import_puts_the_text_in_seeds_and_declares_the_report(tracker, tmp_path):
    path = original(tmp_path)
    before = path.read_bytes(), path.stat().st_mtime_ns
    code, out, err = run("import", str(path), *PLACE, "--url", "https://example.org/r.html")
    assert (code, err) == (0, "")
    seed = tracker / "seeds" / "2025-01-08-longquan-county-work-report.txt"
    assert seed.read_text(encoding="utf-8") == REPORT_TEXT
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    data = yaml.safe_load((tracker / "targets.yaml").read_text(encoding="utf-8"))
    assert data["reports"] == [
        {
            "id": "longquan-county-2025",
            "title": "龙泉县人民政府工作报告",
            "title_en": "TODO: English title",
            "date": __import__("datetime").date(2025, 1, 8),
            "place": "龙泉县",
            "place_en": "Longquan County",
            "file": seed.name,
            "url": "https://example.org/r.html",
        }
    ]
    text = (tracker / "targets.yaml").read_text(encoding="utf-8")
    assert f"# imported by `targets import` from {path.name} (sha256 " in text
    lines = out.splitlines()
    assert lines[0] == (
        f"longquan-county-2025: TXT {path.name} → seeds/{seed.name} (9 paragraphs); added under "
        "reports: in targets.yaml"
    )
    assert any(line.startswith("  plan    ¶7–¶9") for line in lines)
    assert (
        lines[-1] == "targets.yaml: OK — 0 commitments, 0 exclusions, 1 reports; 0 quotes verified"
    )


def test_the_next_import_takes_the_place_of_the_last_report(tracker, tmp_path):
    run("import", str(original(tmp_path)), *PLACE)
    bulletin = tmp_path / "bulletin.txt"
    bulletin.write_text(
        "SYNTHETIC 虚构的统计公报\n2024年龙泉县国民经济和社会发展统计公报\n"
        "全县地区生产总值增长5.8%。\n",
        encoding="utf-8",
    )
    code, out, err = run("import", str(bulletin), "--date", "2025-03-20")
    assert (code, err) == (0, ""), out
    report = yaml.safe_load((tracker / "targets.yaml").read_text(encoding="utf-8"))["reports"][-1]
    assert report["id"] == "longquan-county-bulletin-2025"
    assert (report["place"], report["place_en"]) == ("龙泉县", "Longquan County")
    assert report["file"] == "2025-03-20-longquan-county-bulletin.txt"


def test_import_refuses_twice_the_same_original(tracker, tmp_path):
    path = original(tmp_path)
    run("import", str(path), *PLACE)
    before = (tracker / "targets.yaml").read_bytes()
    assert run("import", str(path), "--id", "again") == (
        2,
        "",
        f"{path.name}: already imported (its sha256 is named in targets.yaml): nothing was written\n",
    )
    assert (tracker / "targets.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "scan.doc",
            b"\xd0\xcf\x11\xe0",
            "scan.doc: unsupported type .doc: open it in Word or LibreOffice and save it as .docx",
        ),
        (
            "gbk.txt",
            "政府工作报告\n".encode("gbk"),
            "gbk.txt: not UTF-8 (it looks like GBK/GB18030): save it as UTF-8",
        ),
        (
            "undated.txt",
            "SYNTHETIC\n政府工作报告\n全县新增学位1500个。\n".encode(),
            "undated.txt: no date found near the start of the text: give --date YYYY-MM-DD (the "
            "day it was delivered or published)",
        ),
    ],
)
def test_import_refusals_are_one_line_and_exit_2(tracker, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    before = (tracker / "targets.yaml").read_bytes()
    assert run("import", str(path)) == (2, "", message + "\n")
    assert (tracker / "targets.yaml").read_bytes() == before
    assert list((tracker / "seeds").iterdir()) == []


def test_from_nothing_to_a_checked_file(tracker, tmp_path):
    assert run("import", str(original(tmp_path)), *PLACE)[0] == 0
    code, out, err = run("draft", "longquan-county-2025", "--write")
    assert (code, err) == (0, ""), out
    code, out, _ = run("check")
    assert code == 0, out
    assert out.splitlines()[-1].startswith(
        "targets.yaml: OK — 5 commitments, 0 exclusions, 1 reports"
    )


# ---- the same commitments found through each type -------------------------------------------


def commitments(path: Path) -> list[tuple]:
    """Return the plan figures `targets find` reads as commitments in a text file."""
    code, out, _ = run("find", str(path), "--format", "json")
    assert code == 0
    return sorted(
        (f["figure"], f["op"], f["clause"]) for f in json.loads(out) if f["kind"] == "commitment"
    )


def labelled_paragraphs() -> list[str]:
    document = read_report(LABELLED).document
    assert document is not None
    return [p.text for p in document.paragraphs]


def labelled_figures() -> list[str]:
    lines = LABELLED.with_suffix(".labels").read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0] for line in lines if line and not line.startswith("#")]


def as_docx(paragraphs: list[str], path: Path) -> Path:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "青圩县人民政府工作报告"
    document.sections[0].footer.paragraphs[0].text = "— 1 —"
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def as_web_page(paragraphs: list[str], path: Path) -> Path:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    path.write_text(
        "<html><head><meta charset='utf-8'><title>政府工作报告_青圩县人民政府网</title>"
        "<script>var a = 1;</script></head><body><div class='nav'><a>首页</a><a>政务公开</a></div>"
        "<div class='position'>当前位置：首页 &gt; 政务公开</div>"
        f"<div class='content'>{body}</div>"
        "<div>【打印本页】【关闭窗口】</div><div class='footer'>电话：0000-1234567 ICP备00000000号</div>"
        "</body></html>",
        encoding="utf-8",
    )
    return path


def as_pdf(paragraphs: list[str], path: Path) -> Path:
    """Return a PDF printed by Chromium: a running header and page numbers — 1 —, 16 pt."""
    page = path.with_suffix(".html")
    css = (
        "@page { size: A4; margin: 25mm 22mm; @top-center { content: '青圩县人民政府工作报告'; }"
        " @bottom-center { content: '— ' counter(page) ' —'; } }"
        " body { font-size: 16pt; line-height: 1.6; } p { text-indent: 2em; margin: 0; text-align: justify; }"
        " h1 { text-align: center; font-size: 20pt; }"
    )
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
    page.write_text(
        f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>"
        f"<h1>{html.escape(paragraphs[0])}</h1>{body}</body></html>",
        encoding="utf-8",
    )
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={path}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return path


MAKERS = {"docx": as_docx, "html": as_web_page, "pdf": as_pdf}


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_find_reads_the_same_commitments_in_the_imported_text(tracker, tmp_path, kind):
    if kind == "pdf" and not CHROMIUM.exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} not installed (make system-packages)")
        pytest.skip(f"{CHROMIUM} not installed (make system-packages)")
    made = MAKERS[kind](labelled_paragraphs(), tmp_path / f"qingxu.{kind}")
    code, out, err = run("import", str(made), "--place-en", "Qingxu County")
    assert (code, err) == (0, ""), out
    seed = tracker / "seeds" / "2025-01-09-qingxu-county-work-report.txt"
    found = commitments(seed)
    assert found == commitments(LABELLED)
    figures = [figure for figure, _, _ in found]
    assert all(label in figures for label in labelled_figures())
    if kind != "html":
        assert "— 1 —" not in seed.read_text(encoding="utf-8")
    shutil.rmtree(tracker / "seeds")


def test_an_import_without_a_place_says_how_to_give_one(tracker, tmp_path):
    code, _, err = run("import", str(original(tmp_path)))
    assert code == 0
    assert err == (
        "note: report-2025 names no place: add place: and place_en: to its record (or import "
        "with --place and --place-en); later imports take them from the last report\n"
    )


def test_import_without_a_tracker_points_to_init(tmp_path, monkeypatch):
    monkeypatch.delenv("TARGETS_FILE", raising=False)
    monkeypatch.chdir(tmp_path)
    assert run("import", str(original(tmp_path))) == (
        2,
        "",
        "targets.yaml: no such file: start a tracker with `targets init` (or name yours with "
        "--targets or TARGETS_FILE)\n",
    )
    assert not (tmp_path / "seeds").exists()
