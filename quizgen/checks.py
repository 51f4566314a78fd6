"""The automatic checks every draft must pass; the generator enforces them, eval reports them."""

from __future__ import annotations

import re

from quizgen.extract.stems import BLANK
from quizgen.models import QFormat, Question
from quizgen.normalize import fold_for_match, normalize_text

TRUE_FALSE = ("Đúng", "Sai")


def check_question(question: Question, article_text: str, dropped: tuple[str, ...] = ()) -> list[str]:
    """Problems with ``question`` (empty when it passes), in Vietnamese."""
    problems: list[str] = []
    stem = question.question.strip()
    fmt = question.format
    if fmt in (QFormat.MCQ, QFormat.SHORT_ANSWER) and not stem.endswith("?"):
        problems.append("câu hỏi phải kết thúc bằng dấu '?'")
    if fmt == QFormat.CLOZE and BLANK not in stem:
        problems.append(f"câu điền khuyết phải có chỗ trống {BLANK}")
    if fmt == QFormat.TRUE_FALSE and question.answer not in TRUE_FALSE:
        problems.append("câu đúng/sai phải có đáp án 'Đúng' hoặc 'Sai'")
    if fmt == QFormat.MCQ:
        options = question.options or []
        folded = [fold_for_match(o) for o in options]
        if len(options) < 2:
            problems.append("câu trắc nghiệm cần ít nhất hai phương án")
        if len(set(folded)) != len(folded):
            problems.append("các phương án phải khác nhau")
        if folded.count(fold_for_match(question.answer)) != 1:
            problems.append("đáp án phải xuất hiện đúng một lần trong các phương án")
    answer = fold_for_match(question.answer)
    # Whole words only: the answer "21" is not given away by "2021" in the stem.
    if (
        fmt != QFormat.TRUE_FALSE
        and answer
        and re.search(rf"(?<!\w){re.escape(answer)}(?!\w)", fold_for_match(stem))
    ):
        problems.append("đáp án không được nằm trong câu hỏi")
    evidence = normalize_text(question.evidence)
    if evidence not in normalize_text(article_text):
        problems.append("câu trích dẫn (evidence) không có nguyên văn trong bài")
    if "Ảnh:" in evidence or any(evidence and evidence in d for d in dropped):
        problems.append("câu hỏi lấy từ chú thích ảnh")
    return problems
