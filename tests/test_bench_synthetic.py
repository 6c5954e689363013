"""The SYNTHETIC benchmark data: its words are data files, every quote is in its report, and the
cache of generated sets notices a change of the words."""

import shutil

from bench import synthetic
from loaders.load.targets import load_targets


def test_the_word_files_say_they_are_synthetic():
    for path in synthetic.DATA_FILES:
        assert "SYNTHETIC" in path.read_text(encoding="utf-8").splitlines()[0], path.name


def test_a_generated_set_loads_without_a_problem(tmp_path):
    generated = synthetic.generate(1, tmp_path, base=len(synthetic.METRICS) + 3)
    result = load_targets(generated.targets_file)
    assert [str(p) for p in result.problems] == []
    assert len(result.targets.commitments) == generated.commitments == len(synthetic.METRICS) + 3
    split = load_targets(generated.split_file)
    assert [str(p) for p in split.problems] == []
    ids = [c.id for c in result.targets.commitments]
    assert [c.id for c in split.targets.commitments] == ids


def test_a_change_of_the_words_changes_the_fingerprint_of_the_cache(tmp_path, monkeypatch):
    before = synthetic._generator_fingerprint(100, 51)
    copies = []
    for path in synthetic.DATA_FILES:
        shutil.copy(path, tmp_path / path.name)
        copies.append(tmp_path / path.name)
    monkeypatch.setattr(synthetic, "DATA_FILES", tuple(copies))
    assert synthetic._generator_fingerprint(100, 51) == before
    words = tmp_path / "words.yaml"
    words.write_text(words.read_text(encoding="utf-8") + "# one more line\n", encoding="utf-8")
    assert synthetic._generator_fingerprint(100, 51) != before
