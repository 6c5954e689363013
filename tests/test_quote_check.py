"""Report texts are read once while unchanged, and read again when the file changes."""

import os
from pathlib import Path

from loaders.cache.report_texts import read_report_cached


def test_an_unchanged_report_is_not_read_again(tmp_path):
    path = tmp_path / "seeds" / "r.txt"
    path.parent.mkdir()
    path.write_text("各位代表：\n新增学位 6900个以上。\n", encoding="utf-8")
    os.utime(path, ns=(0, 0))  # settled: a text changed just now is never trusted by its stat
    first = read_report_cached(path)
    assert read_report_cached(path) is first
    assert [p.text for p in first.document.paragraphs] == ["各位代表：", "新增学位 6900个以上。"]


def test_a_report_rewritten_with_the_same_size_and_time_is_read_again(tmp_path):
    path = tmp_path / "seeds" / "r.txt"
    path.parent.mkdir()
    path.write_text("新增学位 6900个以上。\n", encoding="utf-8")
    os.utime(path, ns=(0, 0))
    first = read_report_cached(path)
    assert read_report_cached(path) is first
    path.write_text("新增学位 7000个以上。\n", encoding="utf-8")
    os.utime(path, ns=(0, 0))  # the same size and the old time put back: the change time moved
    changed = read_report_cached(path)
    assert changed is not first
    assert [p.text for p in changed.document.paragraphs] == ["新增学位 7000个以上。"]


def test_a_report_changed_just_now_is_read_again_each_time(tmp_path):
    path = tmp_path / "seeds" / "r.txt"
    path.parent.mkdir()
    path.write_text("新增学位 6900个以上。\n", encoding="utf-8")
    assert read_report_cached(path) is not read_report_cached(path)  # racy: never trusted


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
