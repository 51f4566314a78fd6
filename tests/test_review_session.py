"""The interactive review, driven through typer's runner with scripted keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from quizgen.bank import Bank
from quizgen.cli import app
from quizgen.generate import generate
from quizgen.models import QFormat, Question, Status


@pytest.fixture
def bank(seeds: Path, bank_dir: Path) -> Bank:
    generate([seeds], Bank(bank_dir))
    return Bank(bank_dir)


def review(bank: Bank, keys: list[str], *extra: str) -> Result:
    return CliRunner().invoke(
        app,
        ["review", "--bank", str(bank.root), "--reviewer", "Người duyệt", *extra],
        input="\n".join(keys) + "\n",
    )


def queue(bank: Bank) -> list[Question]:
    return [loc.question for loc in bank.iter_questions()]


def test_approve_skip_reject_back_quit_and_summary(bank: Bank) -> None:
    q = queue(bank)
    result = review(bank, ["a", "s", "r", "3", "b", "?", "x", "q"])
    assert result.exit_code == 0, result.output
    now = {x.id: x for x in queue(bank)}
    assert now[q[0].id].status == Status.APPROVED
    assert now[q[1].id].status == Status.DRAFT
    assert now[q[2].id].status == Status.REJECTED and now[q[2].id].review[-1].reason == "quá dễ"
    assert f"1/{len(q)}" in result.output and f"3/{len(q)}" in result.output
    assert "quay lại câu trước" in result.output  # the help text
    assert "Phím 'x' không dùng được" in result.output
    assert "Đã duyệt: 1" in result.output and "Loại: 1" in result.output and "Bỏ qua: 1" in result.output
    assert f"Còn lại: {len(q) - 2}" in result.output


def test_reject_with_own_reason_or_cancel(bank: Bank) -> None:
    q = queue(bank)
    review(bank, ["r", "", "r", "không phù hợp với lớp", "q"])
    assert {x.id: x for x in queue(bank)}[q[0].id].review[-1].reason == "không phù hợp với lớp"


def test_edit_every_field_inline(bank: Bank) -> None:
    target = next(x for x in queue(bank) if x.format == QFormat.MCQ)
    position = queue(bank).index(target)
    keys = ["s"] * position + ["e", "Câu hỏi đã sửa lại?", "", "Phương án mới 1", "", "", "q"]
    result = review(bank, keys)
    saved = {x.id: x for x in queue(bank)}[target.id]
    assert saved.question == "Câu hỏi đã sửa lại?"
    assert saved.status == Status.APPROVED and saved.review[-1].edited
    assert "Phương án mới 1" in (saved.options or [])
    assert saved.answer == target.answer
    assert "Duyệt sau khi sửa: 1" in result.output


def test_invalid_edit_is_shown_reopened_and_never_saved(bank: Bank) -> None:
    target = queue(bank)[0]
    keys = ["e", "không có dấu hỏi", "", "", "", "", "", "Đã sửa đúng?", "", "", "", "", "q"]
    result = review(bank, keys)
    assert "phải kết thúc bằng dấu '?'" in result.output
    saved = {x.id: x for x in queue(bank)}[target.id]
    assert saved.question == "Đã sửa đúng?"


def test_invalid_edit_cancelled_leaves_question_alone(bank: Bank) -> None:
    target = queue(bank)[0]
    review(bank, ["e", "không có dấu hỏi", "", "", "", "", "h", "q"])
    assert {x.id: x for x in queue(bank)}[target.id] == target


def test_resume_starts_at_first_undecided(bank: Bank) -> None:
    q = queue(bank)
    review(bank, ["a", "a", "q"])
    result = review(bank, ["q"])
    assert q[2].id in result.output and q[0].id not in result.output
    assert f"1/{len(q) - 2}" in result.output


def test_end_of_input_is_a_clean_stop(bank: Bank) -> None:
    result = review(bank, ["a"])
    assert result.exit_code == 0 and "Đã duyệt: 1" in result.output


def test_filters_and_nothing_to_do(bank: Bank) -> None:
    result = review(bank, ["q"], "--type", "acronym")
    assert "acronym" in result.output and "· who ·" not in result.output
    assert review(bank, ["q"], "--status", "approved").output.strip() == "Không còn câu hỏi nào cần duyệt."
    assert review(bank, ["q"], "--type", "nonsense").exit_code == 2
    assert review(bank, ["q"], "--article", "nope").exit_code == 1
