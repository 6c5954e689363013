"""Report texts are read once while unchanged, and read again when the file changes."""

import os
from pathlib import Path

from loaders.cache.report_texts import read_report_cached


def test_an_unchanged_report_is_not_read_again(tmp_path):
    path = tmp_path / "seeds" / "r.txt"
    path.parent.mkdir()
    path.write_text("各位代表：\n新增学位 6900个以上。\n", encoding="utf-8")
    first = read_report_cached(path)
    assert read_report_cached(path) is first
    assert [p.text for p in first.document.paragraphs] == ["各位代表：", "新增学位 6900个以上。"]


def test_a_report_rewritten_with_the_same_size_is_read_again(tmp_path):
    path = tmp_path / "seeds" / "r.txt"
    path.parent.mkdir()
    path.write_text("新增学位 6900个以上。\n", encoding="utf-8")
    stat = path.stat()
    first = read_report_cached(path)
    path.write_text("新增学位 7000个以上。\n", encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    changed = read_report_cached(path)
    assert changed is not first
    assert [p.text for p in changed.document.paragraphs] == ["新增学位 7000个以上。"]


def test_the_same_relative_path_in_another_folder_is_another_report(tmp_path, monkeypatch):
    for folder, figure in (("a", "6900"), ("b", "7000")):
        (tmp_path / folder / "seeds").mkdir(parents=True)
        (tmp_path / folder / "seeds" / "r.txt").write_text(
            f"新增学位 {figure}个以上。\n", encoding="utf-8"
        )
        os.utime(tmp_path / folder / "seeds" / "r.txt", ns=(0, 0))
    texts = []
    for folder in ("a", "b"):
        monkeypatch.chdir(tmp_path / folder)
        result = read_report_cached(Path("seeds") / "r.txt")
        texts.append(result.document.paragraphs[0].text)
    assert texts == ["新增学位 6900个以上。", "新增学位 7000个以上。"]
