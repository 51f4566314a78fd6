from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen.bank import Bank
from quizgen.errors import NotFoundError, UsageError
from quizgen.generate import generate
from quizgen.models import QFormat, Status
from quizgen.query import bank_stats, select
from quizgen.review import InvalidEdit, decide, default_reviewer, edit, sync_hand_edits
from tests.conftest import Invoke


@pytest.fixture
def bank(seeds: Path, bank_dir: Path) -> Bank:
    generate([seeds], Bank(bank_dir))
    return Bank(bank_dir)


def _ids(bank: Bank, fmt: QFormat | None = None) -> list[str]:
    return [loc.question.id for loc in bank.iter_questions() if fmt is None or loc.question.format == fmt]


def _snapshot(bank: Bank) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(bank.root.glob("*.yaml"))}


def test_approve_records_who_when_and_hash(bank: Bank) -> None:
    qid = _ids(bank)[0]
    decide(bank, [qid], Status.APPROVED, "Trần Thị B")
    q = bank.find(qid).question
    assert q.status == Status.APPROVED and q.approved_hash == q.content_hash()
    record = q.review[-1]
    assert (record.reviewer, record.decision, record.edited) == ("Trần Thị B", "approved", False)
    assert record.at.endswith("Z")


def test_one_decision_is_a_small_diff(bank: Bank) -> None:
    qid = _ids(bank)[0]
    path = bank.path_for(bank.find(qid).article_id)
    before = path.read_text(encoding="utf-8").splitlines()
    decide(bank, [qid], Status.APPROVED, "B")
    after = path.read_text(encoding="utf-8").splitlines()
    changed = len(set(after) ^ set(before))
    assert changed <= 8


def test_unknown_id_changes_nothing(bank: Bank) -> None:
    before = _snapshot(bank)
    with pytest.raises(NotFoundError, match="q-ffffff"):
        decide(bank, [_ids(bank)[0], "q-ffffff"], Status.APPROVED, "B")
    assert _snapshot(bank) == before


def test_wrong_status_changes_nothing(bank: Bank) -> None:
    first, second = _ids(bank)[:2]
    decide(bank, [first], Status.APPROVED, "B")
    before = _snapshot(bank)
    with pytest.raises(UsageError, match="approved"):
        decide(bank, [second, first], Status.APPROVED, "B")
    assert _snapshot(bank) == before


def test_reject_needs_a_reason_and_can_follow_an_approval(bank: Bank) -> None:
    qid = _ids(bank)[0]
    with pytest.raises(UsageError, match="lý do"):
        decide(bank, [qid], Status.REJECTED, "B")
    decide(bank, [qid], Status.APPROVED, "B")
    decide(bank, [qid], Status.REJECTED, "B", "sai dữ kiện")
    q = bank.find(qid).question
    assert q.status == Status.REJECTED and [r.decision for r in q.review] == ["approved", "rejected"]


def test_edit_is_checked_before_saving(bank: Bank) -> None:
    qid = _ids(bank, QFormat.MCQ)[0]
    q = bank.find(qid).question
    before = _snapshot(bank)
    with pytest.raises(InvalidEdit, match="dấu '\\?'"):
        edit(bank, qid, "B", text="Câu hỏi không có dấu hỏi")
    assert q.options is not None
    with pytest.raises(InvalidEdit, match="khác nhau"):
        edit(bank, qid, "B", options=[q.answer, q.answer, "x", "y"])
    with pytest.raises(InvalidEdit, match="đúng một lần"):
        edit(bank, qid, "B", options=["x", "y", "z", "w"])
    with pytest.raises(InvalidEdit, match="không được nằm trong câu hỏi"):
        edit(bank, qid, "B", text=f"{q.answer} là gì?")
    assert _snapshot(bank) == before


def test_edit_of_an_answer_follows_into_the_options(bank: Bank) -> None:
    qid = _ids(bank, QFormat.MCQ)[0]
    q = bank.find(qid).question
    saved = edit(bank, qid, "B", answer=q.answer + " (sửa)", approve=True)
    assert saved.answer in (saved.options or []) and q.answer not in (saved.options or [])
    assert saved.status == Status.APPROVED and saved.review[-1].edited
    stats = bank_stats(bank).total
    assert stats.approved_edited == 1 and stats.approved_as_generated == 0


def test_hand_edit_after_approval_goes_back_to_stale(bank: Bank, tmp_path: Path, invoke: Invoke) -> None:
    qid = _ids(bank)[0]
    decide(bank, [qid], Status.APPROVED, "B")
    located = bank.find(qid)
    path = bank.path_for(located.article_id)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(f"question: {located.question.question}", "question: Câu đã sửa tay?", 1),
        encoding="utf-8",
    )
    assert select(bank, Status.APPROVED) == []  # never reaches an export, even before the sync
    result = invoke("export", "json", tmp_path / "x.json", "--bank", bank.root)
    assert result.exit_code == 1 and "đã bị sửa sau khi duyệt" in result.output
    q = bank.find(qid).question
    assert q.status == Status.STALE and q.question == "Câu đã sửa tay?"
    assert sync_hand_edits(bank) == []


def test_reviewer_name_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    assert default_reviewer("  Lê Văn C ") == "Lê Văn C"
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.chdir("/")
    assert default_reviewer(None)


def test_batch_commands_through_cli(bank: Bank, invoke: Invoke) -> None:
    a, b, c = _ids(bank, QFormat.MCQ)[:3]
    assert invoke("approve", a, b, "--bank", bank.root, "--reviewer", "T").exit_code == 0
    r = invoke("reject", c, "--reason", "quá dễ", "--bank", bank.root, "--reviewer", "T")
    assert r.exit_code == 0
    assert invoke("reject", a, "--bank", bank.root).exit_code == 2  # --reason is required
    assert invoke("approve", "q-ffffff", "--bank", bank.root).exit_code == 1
    assert invoke("approve", a, "--bank", bank.root).exit_code == 2  # already approved
    bad = invoke("edit", b, "--question", "không dấu hỏi", "--bank", bank.root)
    assert bad.exit_code == 1 and "không lưu" in bad.output
    data = json.loads(invoke("stats", "--json", "--bank", bank.root).output)["total"]
    assert (data["approved"], data["rejected"], data["rejected_by_reason"]) == (2, 1, {"quá dễ": 1})


def test_answer_in_stem_check_uses_whole_words(bank: Bank) -> None:
    from quizgen.checks import check_question

    q = next(loc.question for loc in bank.iter_questions())
    ok = q.model_copy(update={"question": "Chương trình giai đoạn 2021-2025 triển khai tại bao nhiêu huyện?", "answer": "21",
                              "format": QFormat.SHORT_ANSWER, "options": None})  # fmt: skip
    assert "đáp án không được nằm trong câu hỏi" not in check_question(ok, q.evidence)
    bad = ok.model_copy(update={"question": "Tỉnh có 21 huyện, vậy có bao nhiêu huyện?"})
    assert "đáp án không được nằm trong câu hỏi" in check_question(bad, q.evidence)
