"""The disk cache can never change what is shown: an entry edited by hand (its inner digests
recomputed), one sealed by another key, or a report text edited back to its size and time is
not trusted; the folder marks itself, keeps each code version's entries apart and is pruned
(SYNTHETIC small fixture)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time

import pytest

from loaders.cache import file_cache, store
from loaders.cache.memo import current_memo, fresh_memo
from loaders.load.targets import load_targets

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture
def tracker(tmp_path, small_dir, monkeypatch):
    """Return a copy of the small fixture with its cache beside it, checked once."""
    monkeypatch.delenv("TARGETS_CACHE_DIR", raising=False)
    shutil.copytree(small_dir, tmp_path / "t", ignore=shutil.ignore_patterns(".targets-cache"))
    folder = tmp_path / "t"
    load_targets(folder / "targets.yaml")
    fresh_memo()
    return folder


def entries_of(folder):
    """Return the folder of this code version's cache entries beside a tracker's top file."""
    return folder / ".targets-cache" / file_cache.code_version()


def gdp_progress(folder):
    """Return the small fixture's first progress value as a load shows it."""
    commitments = load_targets(folder / "targets.yaml").targets.commitments
    return [p.value for c in commitments for p in c.progress if p.value is not None][0]


def test_an_entry_edited_by_hand_with_its_digests_recomputed_is_not_trusted(tracker):
    shown = gdp_progress(tracker)
    fresh_memo()
    for entry in entries_of(tracker).glob("checked-*.json"):
        _, _, body = entry.read_bytes().partition(b"\n")
        header, _, tail = body.partition(b"\n")
        tail = tail.replace(str(shown).encode(), b"99.9")
        payload = json.loads(header)
        payload["tail"] = hashlib.blake2b(tail, digest_size=16).hexdigest()
        forged = json.dumps(payload).encode() + b"\n" + tail
        seal = hashlib.blake2b(forged, digest_size=16).hexdigest().encode()
        entry.write_bytes(seal + b"\n" + forged)  # everything but the user's key recomputed
    assert gdp_progress(tracker) == shown


def test_a_cache_sealed_by_another_key_is_rebuilt_not_trusted(tracker, monkeypatch):
    shown = gdp_progress(tracker)
    fresh_memo()
    key = tracker / "other-key"
    key.write_bytes(b"k" * 32)
    monkeypatch.setenv("TARGETS_CACHE_KEY", str(key))
    store.signing_key.cache_clear()
    try:
        with pytest.raises(ValueError, match="not sealed by this user's key"):
            store.read_entry(next(entries_of(tracker).glob("parsed-*.json")))
        assert gdp_progress(tracker) == shown
    finally:
        store.signing_key.cache_clear()


def test_a_report_text_edited_to_the_same_size_and_time_is_checked_again(tracker):
    text = tracker / "seeds" / sorted(os.listdir(tracker / "seeds"))[0]
    original = text.read_text(encoding="utf-8")
    assert load_targets(tracker / "targets.yaml").problems == []
    fresh_memo()
    info = text.stat()
    digit = next(ch for ch in original if ch.isdigit() and ch != "9")
    text.write_text(original.replace(digit, "9"), encoding="utf-8")  # same size
    os.utime(text, ns=(info.st_atime_ns, info.st_mtime_ns))  # the old time put back
    assert text.stat().st_size == info.st_size
    problems = load_targets(tracker / "targets.yaml").problems
    assert any(p.code in ("quote-not-found", "value-not-in-quote") for p in problems)


def test_a_text_changed_just_now_is_never_trusted_by_its_stat(tmp_path):
    from loaders.cache.dependencies import text_state

    settled = text_state(os.path.join(ROOT, "README.md"))
    assert settled is not None and len(settled) == 4  # size, modification and change times, inode
    fresh = tmp_path / "report.txt"
    fresh.write_text("全年增长5%。", encoding="utf-8")
    first, second = text_state(fresh), text_state(fresh)
    assert first is not None and second is not None and first != second  # never repeated


def test_the_folder_marks_itself_and_its_entries_are_readable_as_the_umask_allows(tracker):
    folder = tracker / ".targets-cache"
    assert [p.name for p in folder.iterdir() if p.is_dir()] == [file_cache.code_version()]
    assert store.VERSION_NAME.fullmatch(file_cache.code_version())
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (
        (folder / "CACHEDIR.TAG")
        .read_text()
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    mask = os.umask(0)
    os.umask(mask)
    entries = list(entries_of(tracker).glob("*.json"))
    assert entries
    for entry in entries:
        assert entry.stat().st_mode & 0o777 == 0o666 & ~mask


def test_entries_unused_for_30_days_are_pruned(tracker):
    folder = entries_of(tracker)
    entries = sorted(folder.glob("*.json"))
    old = time.time() - 31 * 24 * 3600
    os.utime(entries[0], (old, old))
    assert store.prune(folder, current_memo(), now=time.time()) == 1
    assert not entries[0].exists() and all(e.exists() for e in entries[1:])


def test_another_code_versions_folder_untouched_for_30_days_is_pruned(tracker):
    cache = tracker / ".targets-cache"
    old = time.time() - 31 * 24 * 3600
    folders = {}
    for name in ("a" * 24, "b" * 24, "not-a-version"):
        folders[name] = cache / name
        folders[name].mkdir()
        (folders[name] / "parsed-1.json").write_text("{}", encoding="utf-8")
        (folders[name] / ".tmp-2.json").write_text("{", encoding="utf-8")
    (cache / "parsed-before-versions.json").write_text("{}", encoding="utf-8")
    for path in (
        folders["a" * 24],
        folders["not-a-version"],
        cache / "parsed-before-versions.json",
    ):
        os.utime(path, (old, old))
    assert store.prune(entries_of(tracker), current_memo(), now=time.time()) == 3
    assert not folders["a" * 24].exists()  # another version, untouched for 31 days
    assert sorted((folders["b" * 24]).iterdir()) != []  # another version, used just now
    assert (folders["not-a-version"] / "parsed-1.json").exists()  # not the cache's
    assert not (cache / "parsed-before-versions.json").exists()  # an entry of before versions
    assert sorted(p.name for p in cache.iterdir() if not p.is_dir()) == [
        ".gitignore",
        "CACHEDIR.TAG",
    ]
    assert list(entries_of(tracker).glob("*.json")) != []  # this version's entries are kept


def test_a_read_that_touches_an_old_entry_touches_its_version_folder(tracker):
    folder = entries_of(tracker)
    entry = next(folder.glob("parsed-*.json"))
    old = time.time() - 2 * 24 * 3600
    os.utime(entry, (old, old))
    os.utime(folder, (old, old))
    store.read_entry(entry)
    assert entry.stat().st_mtime > old + 24 * 3600
    assert folder.stat().st_mtime > old + 24 * 3600


def test_an_entry_of_one_code_version_is_never_read_by_another(tracker, monkeypatch):
    shown = gdp_progress(tracker)
    first = file_cache.code_version()
    fresh_memo()
    parsed: list[str] = []
    real = file_cache.read_yaml_text

    def counting(text, name):
        parsed.append(os.path.basename(name))
        return real(text, name)

    monkeypatch.setattr(file_cache, "read_yaml_text", counting)
    monkeypatch.setattr(file_cache, "code_version", lambda: "c" * 24)
    assert gdp_progress(tracker) == shown
    assert parsed == ["targets.yaml"]  # parsed again: the first version's entries not read
    cache = tracker / ".targets-cache"
    assert sorted(p.name for p in cache.iterdir() if p.is_dir()) == sorted([first, "c" * 24])
    fresh_memo()
    monkeypatch.setattr(file_cache, "code_version", lambda: first)
    assert gdp_progress(tracker) == shown
    assert parsed == ["targets.yaml"]  # the first version reads its own entries still


def test_the_cache_version_covers_every_cached_package_and_the_parser(tmp_path, monkeypatch):
    from loaders.cache import file_cache

    before = file_cache.code_version()
    copy = tmp_path / "loaders"
    shutil.copytree(file_cache.LOADERS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(file_cache, "LOADERS_DIR", copy)
    versions = {}
    for change in ("none", "sub-package", "cli", "pyyaml"):
        if change == "sub-package":
            (copy / "texts" / "report.py").write_text("# changed\n", encoding="utf-8")
        elif change == "cli":
            (copy / "cli" / "main.py").write_text("# changed\n", encoding="utf-8")
        elif change == "pyyaml":
            monkeypatch.setattr(file_cache.yaml, "__version__", "0.0")
        file_cache.code_version.cache_clear()
        versions[change] = file_cache.code_version()
    file_cache.code_version.cache_clear()
    assert versions["none"] == before
    assert versions["sub-package"] != versions["none"]
    assert versions["cli"] == versions["sub-package"]  # the command's code makes nothing cached
    assert versions["pyyaml"] != versions["cli"]
