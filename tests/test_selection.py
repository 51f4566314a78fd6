"""The shared selector: filters, balanced --count, and quiz assembly without give-aways
(one question's answer in another's stem or options, on whole words, after normalisation)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from quizgen.bank import Bank
from quizgen.errors import NothingToExportError, UsageError
from quizgen.models import ArticleMeta, BankFile, QFormat, QType, Question, ReviewRecord, Status
from quizgen.selection import (
    GiveAway,
    Selected,
    Selection,
    SelectionOptions,
    clash_counts,
    giveaway_pairs,
    resolve_giveaways,
    select,
    tokens,
)
from tests.conftest import Invoke
from tests.lms_bank import lms_bank
from tests.test_export_pdf import norm

META = ArticleMeta(id="001_a", title="Bài A", path="seeds/001_a.txt", text_hash="sha256:0")


def q(qid: str, question: str, answer: str, score: float, options: list[str] | None = None,
      fmt: QFormat = QFormat.SHORT_ANSWER, qtype: QType = QType.WHO) -> Question:  # fmt: skip
    record = ReviewRecord(reviewer="T", at="2026-11-22T00:00:00Z", decision="approved")
    made = Question(
        id=qid, type=qtype, format=fmt, question=question, answer=answer, options=options, fact=answer,
        evidence=answer, status=Status.APPROVED, score=score, review=[record],
    )  # fmt: skip
    return made.model_copy(update={"approved_hash": made.content_hash()})


def items(*questions: Question) -> list[Selected]:
    bank_file = BankFile(article=META, questions=list(questions))
    return [Selected(bank_file, x) for x in questions]


def test_answer_in_stem_keeps_the_better_scored_question() -> None:
    rank = q("q-000001", "Thượng tướng Lê Quốc Hùng giữ chức vụ gì?", "Thứ trưởng Bộ Công an", 0.7)
    post = q("q-000002", "Ai là Thứ trưởng Bộ Công an?", "Thượng tướng Lê Quốc Hùng", 0.9)
    other = q("q-000003", "Hội thảo kéo dài bao nhiêu ngày?", "hai ngày", 0.5, qtype=QType.HOW_MANY)
    kept, left = resolve_giveaways(items(rank, post, other))
    assert [s.question.id for s in kept] == ["q-000002", "q-000003"]
    (g,) = left
    assert g.left_out.question.id == "q-000001" and g.kept.question.id == "q-000002"
    assert "q-000001" in g.message() and "giữ q-000002" in g.message() and "--allow-giveaways" in g.message()


def test_answer_in_options_counts_too_and_direction_is_reported() -> None:
    org = q("q-000011", "Cơ quan nào tài trợ?", "UN Women", 0.6, fmt=QFormat.MCQ,
            options=["UN Women", "UNDP", "UNICEF", "UNFPA"], qtype=QType.ORG)  # fmt: skip
    acronym = q(
        "q-000012", "Chương trình Phát triển Liên hợp quốc viết tắt là gì?", "UNDP", 0.8, qtype=QType.ACRONYM
    )
    kept, left = resolve_giveaways(items(org, acronym))
    assert [s.question.id for s in kept] == ["q-000012"]
    assert left[0].answer == "UNDP" and not left[0].left_out_answer_in_kept
    assert "chứa «UNDP», đáp án của câu q-000012" in left[0].message()
    kept, left = resolve_giveaways(items(org.model_copy(update={"score": 0.95}), acronym))
    assert [s.question.id for s in kept] == ["q-000011"] and left[0].left_out_answer_in_kept


def test_whole_words_after_normalisation() -> None:
    year = q("q-000021", "Năm 2021 có sự kiện gì?", "hội thảo", 0.9, qtype=QType.WHAT)
    number = q("q-000022", "Có bao nhiêu đại biểu?", "21", 0.5, qtype=QType.HOW_MANY)
    # "21" is not in "2021"; case, composed/decomposed letters and tone placement do not matter.
    assert giveaway_pairs(items(year, number)) == {}
    decomposed = "Ho\u0300a Bi\u0300nh"  # "Hòa Bình" typed with combining marks
    place = q("q-000023", f"Đoàn đến tỉnh {decomposed.upper()} khi nào?", "tháng 5", 0.9, qtype=QType.WHEN)
    where = q("q-000024", "Đoàn đến tỉnh nào?", "Hòa Bình", 0.5, qtype=QType.WHERE)
    kept, left = resolve_giveaways(items(place, where))
    assert [s.question.id for s in kept] == ["q-000023"] and left[0].answer == "Hòa Bình"


def test_true_false_answers_give_nothing_away_but_their_statements_can() -> None:
    tf = q("q-000031", "Hội thảo diễn ra tại Hà Nội.", "Đúng", 0.9, fmt=QFormat.TRUE_FALSE)
    where = q("q-000032", "Hội thảo diễn ra ở đâu?", "Hà Nội", 0.5, qtype=QType.WHERE)
    verdict = q("q-000033", "Câu này Đúng hay Sai?", "Sai", 0.5, fmt=QFormat.TRUE_FALSE)
    kept, left = resolve_giveaways(items(tf, where, verdict))
    assert [s.question.id for s in kept] == ["q-000031", "q-000033"]
    assert [g.left_out.question.id for g in left] == ["q-000032"]


def test_ties_keep_the_earlier_question_in_bank_order() -> None:
    a = q("q-000041", "Ai chủ trì?", "Nguyễn Văn A", 0.8)
    b = q("q-000042", "Nguyễn Văn A chủ trì cuộc họp nào?", "họp giao ban", 0.8, qtype=QType.WHAT)
    kept, _ = resolve_giveaways(items(a, b))
    assert [s.question.id for s in kept] == ["q-000041"]


@pytest.fixture
def bank(tmp_path: Path) -> Bank:
    return lms_bank(tmp_path)


def _no_giveaways(chosen: list[Selected]) -> None:
    assert giveaway_pairs(chosen) == {}


def test_quiz_assembly_on_the_sample_bank(bank: Bank) -> None:
    everything = select(bank, SelectionOptions(), assemble=False)
    quiz = select(bank, SelectionOptions(), assemble=True)
    assert giveaway_pairs(everything.items)  # the sample bank has give-aways ...
    _no_giveaways(quiz.items)  # ... that a quiz never prints together
    assert len(quiz.items) + len(quiz.left_out) == len(everything.items)
    kept = {id(s.question) for s in quiz.items}
    clashes = dict(zip([s.question.id for s in everything.items], clash_counts(everything.items, [
        tokens(s.question.answer) if s.question.format != QFormat.TRUE_FALSE else () for s in everything.items
    ]), strict=True))  # fmt: skip

    def priority(s: Selected) -> float:
        return s.question.score / (1 + clashes[s.question.id])

    for g in quiz.left_out:
        assert id(g.kept.question) in kept and priority(g.kept) >= priority(g.left_out)
    # One name asked about once does not empty the quiz (taking the best score first kept 7 of 24).
    assert len(quiz.items) >= 0.45 * len(everything.items), (len(quiz.items), len(everything.items))
    allowed = select(bank, SelectionOptions(allow_giveaways=True), assemble=True)
    assert len(allowed.items) == len(everything.items) and not allowed.left_out
    for seed in range(1, 6):
        for count in (3, 6, 10):
            picked = select(bank, SelectionOptions(count=count, seed=seed), assemble=True)
            _no_giveaways(picked.items)
            assert len(picked.items) == min(count, len(quiz.items))
            assert all(id(g.kept.question) in {id(s.question) for s in picked.items} for g in picked.left_out)


def test_filters_count_and_errors(bank: Bank) -> None:
    who = select(bank, SelectionOptions(types=(QType.WHO,), formats=(QFormat.MCQ,)), assemble=False)
    assert who.items and all(s.question.type == QType.WHO for s in who.items)
    short = select(bank, SelectionOptions(count=500), assemble=True)
    assert "yêu cầu 500" in short.notes()[0] and "lộ đáp án" in short.notes()[0]
    with pytest.raises(UsageError):
        select(bank, SelectionOptions(count=0), assemble=True)
    with pytest.raises(NothingToExportError, match="tệp GIFT nào"):
        select(bank, SelectionOptions(types=(QType.WHERE,), formats=(QFormat.TRUE_FALSE,)), assemble=True,
               what="tệp GIFT nào")  # fmt: skip


def test_cli_tells_the_trainer_what_was_left_out(bank: Bank, tmp_path: Path, invoke: Invoke) -> None:
    out = tmp_path / "quiz.xml"
    result = invoke("export", "moodle", out, "--bank", bank.root, "--count", "8", "--seed", "2")
    assert result.exit_code == 0, result.output
    assert "Lưu ý: bỏ câu q-" in result.stderr and "--allow-giveaways" in result.stderr
    printed = out.read_text(encoding="utf-8").count("<idnumber>q-")
    result = invoke(
        "export", "moodle", out, "--bank", bank.root, "--count", "8", "--seed", "2", "--allow-giveaways"
    )
    assert result.exit_code == 0 and "bỏ câu" not in result.stderr
    assert out.read_text(encoding="utf-8").count("<idnumber>q-") == 8 >= printed
    # Without --count the file fills a question bank: every approved question goes in, silently.
    result = invoke("export", "gift", tmp_path / "all.gift", "--bank", bank.root)
    assert result.exit_code == 0 and "bỏ câu" not in result.stderr


def test_pdf_cli_leaves_giveaways_out_and_can_keep_them(bank: Bank, tmp_path: Path, invoke: Invoke) -> None:
    result = invoke("export", "pdf", tmp_path / "a", "--bank", bank.root, "--count", "4", "--seed", "3")
    assert result.exit_code == 0, result.output
    assert "Lưu ý: bỏ câu q-" in result.stderr
    # The questions it names are not on the paper; the ones it kept are.
    printed = norm(" ".join(p.extract_text() or "" for p in PdfReader(tmp_path / "a" / "quiz.pdf").pages))
    stems = {loc.question.id: norm(loc.question.question) for loc in bank.iter_questions()}
    left = re.findall(r"bỏ câu (q-[0-9a-f]+)", result.stderr)
    kept = re.findall(r"giữ (q-[0-9a-f]+)", result.stderr)
    assert left and all(stems[i] not in printed for i in left)
    assert all(stems[i] in printed for i in kept)
    result = invoke("export", "pdf", tmp_path / "b", "--bank", bank.root, "--count", "4", "--allow-giveaways")
    assert result.exit_code == 0 and "bỏ câu" not in result.stderr


def test_giveaway_message_is_vietnamese_and_names_both() -> None:
    a = q("q-000051", "Ai chủ trì?", "Nguyễn Văn A", 0.85)
    b = q("q-000052", "Nguyễn Văn A chủ trì cuộc họp nào?", "họp giao ban", 0.6, qtype=QType.WHAT)
    s = items(a, b)
    message = GiveAway(s[1], s[0], "Nguyễn Văn A", left_out_answer_in_kept=False).message()
    assert message.startswith("bỏ câu q-000052 (điểm 0,60)") and "giữ q-000051 (điểm 0,85)" in message


def test_a_question_named_in_many_others_goes_rather_than_them() -> None:
    hub = q("q-000061", "Ai chủ trì?", "Nguyễn Văn A", 0.9)
    others = [
        q(f"q-0001{i:02x}", f"Nguyễn Văn A làm gì lần {i}?", f"việc {i}", 0.5, qtype=QType.WHAT)
        for i in range(30)
    ]
    kept, left = resolve_giveaways(items(hub, *others))
    assert len(kept) == 30 and [g.left_out.question.id for g in left] == ["q-000061"]


def test_long_lists_of_left_out_questions_are_summarised() -> None:
    pairs = []
    for i in range(30):
        pairs.append(q(f"q-0002{i:02x}", f"Ai chủ trì cuộc họp số {i}?", f"Người {i}", 0.9))
        pairs.append(q(f"q-0003{i:02x}", f"Người {i} làm gì?", f"việc {i}", 0.5, qtype=QType.WHAT))
    kept, left = resolve_giveaways(items(*pairs))
    assert len(kept) == 30 and len(left) == 30
    assert all(g.kept.question.score > g.left_out.question.score for g in left)
    notes = Selection([*kept], [], left).notes()
    assert len(notes) == 21 and notes[-1].startswith("và 10 câu khác bị bỏ vì lộ đáp án")
