"""A bank for the Moodle XML and GIFT tests: the reviewed sample bank plus an article whose
questions hold every character either format reserves, HTML-looking text and a very long stem."""

from __future__ import annotations

import shutil
from pathlib import Path

from quizgen.bank import Bank
from quizgen.models import ArticleMeta, BankFile, QFormat, QType, Question, ReviewRecord, Status
from quizgen.questions import BLANK
from tests.conftest import ROOT, SEEDS

FIXTURE_BANK = ROOT / "tests" / "data" / "pdf_bank"
SPECIAL_ARTICLE = "900_ky-tu-dac-biet"
# Every GIFT special character, the backslash, cloze delimiters, and text that looks like HTML,
# XML and CDATA markup; Moodle must show all of it as written.
SPECIAL = r"~ = # { } : \ // {1:SHORTANSWER:=x} %50% [html] &&058;"
HTML_LIKE = '<b>in đậm</b> & <script>alert("x")</script> &amp; ]]> <![CDATA[y]]>'
LONG_STEM = (
    " ".join(["Theo bài viết, trong khuôn khổ hợp tác về gìn giữ hòa bình giữa các bên liên quan,"] * 30)
    + " đơn vị nào được nhắc tới?"
)


def _q(qid: str, fmt: QFormat, question: str, answer: str, fact: str, evidence: str,
       options: list[str] | None = None, qtype: QType = QType.WHAT, score: float = 0.7) -> Question:  # fmt: skip
    record = ReviewRecord(reviewer="Tester", at="2026-11-22T00:00:00Z", decision="approved")
    q = Question(
        id=qid, type=qtype, format=fmt, question=question, answer=answer, options=options, fact=fact,
        evidence=evidence, status=Status.APPROVED, score=score, review=[record],
    )  # fmt: skip
    return q.model_copy(update={"approved_hash": q.content_hash()})


def special_questions() -> list[Question]:
    fact = "Nguyễn Văn A ~ =B {2} #1: \\ <i>"
    evidence = f"Hôm qua, {fact} phát biểu {SPECIAL} tại hội thảo {HTML_LIKE}."
    return [
        _q("q-5e0001", QFormat.MCQ, f"Theo bài, ai phát biểu {SPECIAL} {HTML_LIKE}?", fact, fact, evidence,
           options=[fact, "Trần #C", "Lê {D} ~ =E", "Phạm \\ F: <i>G</i>"], qtype=QType.WHO),
        _q("q-5e0002", QFormat.TRUE_FALSE, f"Hội thảo có {SPECIAL} và {HTML_LIKE}.", "Sai", fact, evidence),
        _q("q-5e0003", QFormat.SHORT_ANSWER, f"Phái đoàn {SPECIAL} đến từ nước nào?", "Hoa Kỳ",
           "Hoa Kỳ", "Phái đoàn đến từ Hoa Kỳ.", qtype=QType.WHERE),
        _q("q-5e0004", QFormat.SHORT_ANSWER, f"Công thức {HTML_LIKE} là gì?", "5 * 3 = 15 {x} ~ # : \\ <b>",
           "5 * 3 = 15 {x} ~ # : \\ <b>", "Công thức là 5 * 3 = 15 {x} ~ # : \\ <b> theo bài."),
        _q("q-5e0005", QFormat.CLOZE, f"Đơn vị {BLANK} {SPECIAL} {HTML_LIKE} đã đến.", "Cảnh sát {số 1} ~ #2 & <b>",
           "Cảnh sát {số 1} ~ #2 & <b>", "Đơn vị Cảnh sát {số 1} ~ #2 & <b> đã đến."),
        _q("q-5e0006", QFormat.CLOZE, f"Đoàn công tác {SPECIAL} đến từ {BLANK}", "Hà Nội", "Hà Nội",
           "Đoàn công tác đến từ Hà Nội", qtype=QType.WHERE),
        _q("q-5e0007", QFormat.MCQ, LONG_STEM, "Đội Công binh số 1",
           "Đội Công binh số 1", "Đội Công binh số 1 được nhắc tới.",
           options=["Bệnh viện dã chiến cấp 2 số 1", "Đội Công binh số 1", "Đơn vị Cảnh sát số 1", "Đội Y tế"]),
        _q("q-5e0008", QFormat.TRUE_FALSE, "Phái đoàn đến từ Hoa Kỳ.", "Đúng", "Hoa Kỳ", "Phái đoàn đến từ Hoa Kỳ."),
    ]  # fmt: skip


def special_article() -> BankFile:
    meta = ArticleMeta(
        id=SPECIAL_ARTICLE, title="Tin A/B: {ký tự} ~ = # \\ <b>đặc biệt</b> & /cuối/", source="Báo <Thử> & Co",
        path=f"seeds/{SPECIAL_ARTICLE}.txt", text_hash="sha256:0000000000000000",
    )  # fmt: skip
    return BankFile(article=meta, questions=special_questions())


def lms_bank(root: Path) -> Bank:
    """The sample bank (a frozen copy, next to its articles) plus the special article."""
    shutil.copytree(FIXTURE_BANK, root / "question_bank")
    shutil.copytree(SEEDS, root / "seeds")
    bank = Bank(root / "question_bank")
    bank.save(special_article())
    return bank
