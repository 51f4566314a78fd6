"""Usage records on questions: what counts as flagged, and how export prefers questions not used lately."""

from __future__ import annotations

import datetime
from pathlib import Path

from quizgen.bank import Bank
from quizgen.models import ArticleMeta, BankFile, QFormat, QType, Question, UsageRecord
from quizgen.usage import is_flagged, last_used, latest_usage, prefer_unused, record_usage

TODAY = datetime.date(2026, 11, 22)


def _q(n: int, *uses: tuple[str, list[str]]) -> Question:
    usage = [UsageRecord(quiz=f"sha256:{d}", title="Đề", date=d, trainees=30, flags=f) for d, f in uses]
    return Question(
        id=f"q-{n:06x}", type=QType.WHO, format=QFormat.SHORT_ANSWER, question=f"Ai là người số {n}?",
        answer=f"Người {n}", fact=f"Người {n}", evidence=f"Người {n} đã đến.", usage=usage or None,
    )  # fmt: skip


def test_flagged_means_a_serious_flag_in_the_latest_use() -> None:
    assert not is_flagged(_q(1))
    assert is_flagged(_q(2, ("2026-10-01", ["too_hard"])))
    assert not is_flagged(_q(3, ("2026-10-01", ["unused_distractor"])))  # shown, but not a reason to drop
    later_fixed = _q(4, ("2026-10-01", ["likely_key_error"]), ("2026-11-01", []))
    assert not is_flagged(later_fixed) and latest_usage(later_fixed) is not None
    assert last_used(later_fixed) == datetime.date(2026, 11, 1)


def test_prefer_unused_tops_up_with_the_least_recently_used() -> None:
    pool = [
        _q(1),
        _q(2, ("2026-11-20", [])),  # used two days ago
        _q(3, ("2026-11-01", [])),  # three weeks ago
        _q(4, ("2026-06-01", [])),  # long ago: counts as unused for 90 days
        _q(5, ("2026-11-10", ["too_easy"])),
    ]

    def ids(qs: list[Question]) -> list[str]:
        return [q.id[-1] for q in qs]

    kept, notes = prefer_unused(pool, lambda q: q, avoid_days=90, skip_flagged=False, count=None, today=TODAY)
    assert ids(kept) == ["1", "4"] and notes == ["bỏ 3 câu đã dùng trong 90 ngày qua (--avoid-used-within)."]
    kept, notes = prefer_unused(pool, lambda q: q, avoid_days=90, skip_flagged=False, count=3, today=TODAY)
    assert ids(kept) == ["1", "3", "4"]  # 3 was used longest ago of the recent ones; bank order kept
    assert "thêm 1 câu dùng lâu nhất để đủ 3 câu" in notes[0]
    kept, notes = prefer_unused(pool, lambda q: q, avoid_days=90, skip_flagged=True, count=4, today=TODAY)
    assert ids(kept) == ["1", "2", "3", "4"] and notes[0].startswith("bỏ 1 câu bị gắn cờ")
    kept, _ = prefer_unused(pool, lambda q: q, avoid_days=None, skip_flagged=True, count=None, today=TODAY)
    assert ids(kept) == ["1", "2", "3", "4"]


def test_recording_replaces_the_same_quiz_and_keeps_others(tmp_path: Path) -> None:
    bank = Bank(tmp_path / "question_bank")
    meta = ArticleMeta(id="a1", title="Bài", path="seeds/a1.txt", text_hash="sha256:0")
    bank.save(BankFile(article=meta, questions=[_q(1, ("2026-06-01", []))]))
    record = UsageRecord(quiz="sha256:new", title="Đề mới", date="2026-11-20", trainees=12, facility=0.5)
    first = record_usage(bank, {"q-000001": record, "q-0000ff": record})
    assert (first.recorded, first.changed_files, first.missing) == (1, 1, ("q-0000ff",))
    written = (tmp_path / "question_bank" / "a1.yaml").read_bytes()
    again = record_usage(bank, {"q-000001": record})
    assert again.changed_files == 0 and (tmp_path / "question_bank" / "a1.yaml").read_bytes() == written
    corrected = record.model_copy(update={"facility": 0.6})
    record_usage(bank, {"q-000001": corrected})
    usage = bank.find("q-000001").question.usage
    assert usage is not None and [(u.quiz, u.facility) for u in usage] == [
        ("sha256:2026-06-01", None), ("sha256:new", 0.6)
    ]  # fmt: skip


def test_questions_never_graded_are_written_as_before(tmp_path: Path) -> None:
    bank = Bank(tmp_path / "question_bank")
    meta = ArticleMeta(id="a1", title="Bài", path="seeds/a1.txt", text_hash="sha256:0")
    bank.save(BankFile(article=meta, questions=[_q(1)]))
    assert "usage" not in (tmp_path / "question_bank" / "a1.yaml").read_text(encoding="utf-8")
