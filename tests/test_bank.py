from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from quizgen.bank import CACHE_NAME, Bank, parse_bank_text, serialize
from quizgen.errors import BankError
from quizgen.fileio import WriteError
from quizgen.generate import generate
from quizgen.models import ArticleMeta, BankFile, QFormat, QType, Question
from tests.conftest import Invoke


def _question(i: int) -> Question:
    return Question(
        id=f"q-{i:06x}",
        type=QType.WHO,
        format=QFormat.SHORT_ANSWER,
        question=f"Ai là người thứ {i}?",
        answer=f"Người {i}",
        fact=f"Người {i}",
        evidence=f"Người {i} đã phát biểu.",
    )


def _file(article_id: str, n: int = 2) -> BankFile:
    meta = ArticleMeta(id=article_id, title="Bài thử", path=f"seeds/{article_id}.txt", text_hash="sha256:0")
    return BankFile(article=meta, questions=[_question(i) for i in range(n)])


def test_round_trip_is_identical(tmp_path: Path) -> None:
    bank = Bank(tmp_path)
    original = _file("a1")
    bank.save(original)
    loaded = bank.load("a1")
    assert loaded == original
    assert serialize(loaded) == (tmp_path / "a1.yaml").read_text(encoding="utf-8")


def test_real_bank_round_trip(seeds: Path, bank_dir: Path) -> None:
    generate([seeds], Bank(bank_dir))
    for path in sorted(bank_dir.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert serialize(parse_bank_text(text, path)) == text


def test_mangled_yaml_names_file_and_line(tmp_path: Path) -> None:
    bank = Bank(tmp_path)
    bank.save(_file("a1"))
    path = tmp_path / "a1.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[8] = lines[8] + ": : ["
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(BankError) as info:
        bank.load("a1")
    assert info.value.path == path and info.value.line is not None


def test_invalid_field_names_line_and_field(tmp_path: Path) -> None:
    bank = Bank(tmp_path)
    bank.save(_file("a1"))
    path = tmp_path / "a1.yaml"
    text = path.read_text(encoding="utf-8").replace("status: draft", "status: aproved", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BankError) as info:
        bank.load("a1")
    expected_line = text.splitlines().index("  status: aproved") + 1
    assert info.value.line == expected_line
    assert "status" in info.value.message and "q-000000" in info.value.message


def test_unknown_field_is_rejected(tmp_path: Path) -> None:
    bank = Bank(tmp_path)
    bank.save(_file("a1"))
    path = tmp_path / "a1.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  type: who", "  typ: who", 1), encoding="utf-8"
    )
    with pytest.raises(BankError, match="typ"):
        bank.load("a1")


def test_mangled_file_is_never_overwritten(seeds: Path, bank_dir: Path, invoke: Invoke) -> None:
    generate([seeds], Bank(bank_dir))
    path = sorted(bank_dir.glob("*.yaml"))[0]
    broken = path.read_text(encoding="utf-8").replace("questions:", "questions: [", 1)
    path.write_text(broken, encoding="utf-8")
    (seeds / "000_0925c9defd9cf852.txt").write_text(
        "Bài đã sửa. " * 3 + (seeds / "000_0925c9defd9cf852.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    result = invoke("generate", seeds, "--bank", bank_dir)
    assert result.exit_code == 1
    assert path.name in result.output
    assert path.read_text(encoding="utf-8") == broken


def test_crash_mid_write_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bank = Bank(tmp_path)
    bank.save(_file("a1", 2))
    before = (tmp_path / "a1.yaml").read_bytes()

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(WriteError, match="disk full"):  # a message for the user, not a traceback
        bank.save(_file("a1", 5))
    assert (tmp_path / "a1.yaml").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def _add_questions(root: str, start: int, count: int) -> None:
    bank = Bank(Path(root))
    for i in range(start, start + count):

        def change(current: BankFile | None, i: int = i) -> BankFile:
            assert current is not None
            return current.model_copy(update={"questions": [*current.questions, _question(i)]})

        bank.update("shared", change)


def test_two_processes_never_lose_changes(tmp_path: Path) -> None:
    Bank(tmp_path).save(_file("shared", 0))
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_add_questions, args=(str(tmp_path), start, 40)) for start in (1000, 2000)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    ids = {q.id for q in Bank(tmp_path).load("shared").questions}
    assert len(ids) == 80


def test_duplicate_question_ids_across_files(tmp_path: Path) -> None:
    bank = Bank(tmp_path)
    bank.save(_file("a1"))
    bank.save(_file("a2"))
    with pytest.raises(BankError, match="q-000000"):
        bank.load_all()


def test_file_name_must_match_article_id(tmp_path: Path) -> None:
    bank = Bank(tmp_path)
    bank.save(_file("a1"))
    (tmp_path / "a1.yaml").rename(tmp_path / "b2.yaml")
    with pytest.raises(BankError, match="không khớp"):
        bank.load("b2")


def test_parse_cache_never_hides_a_hand_edit(tmp_path: Path) -> None:
    bank = Bank(tmp_path)
    bank.save(_file("a1"))
    assert bank.load_all()[0].questions[0].answer == "Người 0"
    assert (tmp_path / CACHE_NAME).is_file()
    path = tmp_path / "a1.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("answer: Người 0", "answer: Người khác"), encoding="utf-8"
    )
    assert bank.load_all()[0].questions[0].answer == "Người khác"
    path.write_text("schema: [", encoding="utf-8")
    with pytest.raises(BankError):
        bank.load_all()


def test_broken_cache_is_rebuilt(tmp_path: Path) -> None:
    bank = Bank(tmp_path)
    bank.save(_file("a1"))
    (tmp_path / CACHE_NAME).write_text("{not json", encoding="utf-8")
    assert len(bank.load_all()[0].questions) == 2


def test_many_files_parse_in_parallel_and_errors_still_name_the_file(tmp_path: Path) -> None:
    from quizgen.bank import CACHE_NAME, PARALLEL_PARSE

    bank = Bank(tmp_path)
    n = PARALLEL_PARSE + 10
    for i in range(n):
        f = _file(f"a{i:04d}", 0)
        bank.save(f.model_copy(update={"questions": [_question(i)]}))
    (tmp_path / CACHE_NAME).unlink(missing_ok=True)
    files = bank.load_all()
    assert [f.article.id for f in files] == [f"a{i:04d}" for i in range(n)]
    assert (tmp_path / CACHE_NAME).is_file()
    broken = tmp_path / "a0123.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("type: who", "type: whom"), encoding="utf-8")
    (tmp_path / CACHE_NAME).unlink()
    with pytest.raises(BankError, match=r"a0123\.yaml:\d+: .*type"):
        bank.load_all()
