"""Whole constituents: an answer starts and ends where a word, a name or a phrase does.

The edges come from the analysis layer's words (underthesea's segmentation, split at case changes
it glued). On top of word edges an answer must not end on a function word or open bracket, must
close the brackets and quotes it opens, and must not glue a name to a title with a hyphen
("Nguyễn Văn A-Chủ tịch ..."): such an answer is a fragment or two constituents in one.
"""

from __future__ import annotations

import re

from quizgen.extract.analysis import SentenceAnalysis, Token
from quizgen.sentences import UPPER

# POS tags that cannot end a noun phrase: prepositions, conjunctions, copula-like particles.
_BAD_LAST = {"E", "C", "CC", "T"}
_BAD_FIRST = {"E", "C", "CC"}
_FUNCTION_WORDS = {
    "của", "và", "với", "tại", "trong", "cho", "về", "từ", "đến", "là", "do", "bởi", "theo",
    "đã", "đang", "sẽ", "được", "bị", "các", "những", "này", "đó", "để", "nhằm", "cùng",
}  # fmt: skip
# First words of names that start a second entity after "và" ("Bộ Công an và Bộ Quốc phòng").
_ENTITY_HEADS = {
    "Bộ", "Cục", "Công", "Ủy", "UBND", "Sở", "Phòng", "Vụ", "Viện", "Học", "Trường", "Bệnh", "Đội",
    "Trung", "Tổng", "Ban", "Văn", "Đại", "Cơ", "Tổ", "Quỹ", "Chính", "Quân", "Tòa", "Hội", "Liên",
    "Phái", "Đoàn", "Thành", "Tỉnh", "Huyện", "Thủ", "Chủ", "Phó", "Thứ", "Giám", "Đồng", "Ông", "Bà",
}  # fmt: skip
_PAIRS = (("(", ")"), ("“", "”"), ("[", "]"))
# The first words of a post written after its holder's name.
POST_HEAD = (
    r"(?:Phó |Trợ lý )?(?:Chủ tịch|Giám đốc|Bộ trưởng|Thứ trưởng|Tổng|Cục trưởng|"
    r"Trưởng|Chánh|Tư lệnh|Chính ủy|Bí thư|Đại sứ|Phó|Hiệu trưởng|Viện trưởng|Chỉ huy|Thủ tướng|"
    r"Ủy viên|Đại biểu|Điều phối|Cố vấn|Vụ trưởng|Thủ trưởng|Đội trưởng)\b"
)
# "Nguyễn Văn A-Chủ tịch": a capitalised word, a hyphen with no space, a title or office word.
_GLUED_TITLE = re.compile(rf"(?<=\w)\s*[-\u2013]\s*(?={POST_HEAD})")


def balanced(text: str) -> bool:
    for left, right in _PAIRS:
        if text.count(left) != text.count(right):
            return False
    return text.count('"') % 2 == 0


_GLUED_TITLE_START = re.compile(
    r"-(?:Chủ|Phó|Giám|Bộ|Thứ|Tổng|Cục|Trưởng|Chánh|Tư|Chính|Bí|Đại|Hiệu|Viện|Chỉ|Thủ|Ủy|Vụ)(?:\s|$)"
)


def split_glued_title(answer: str) -> str:
    """The name alone from "Nguyễn Văn A-Chủ tịch UBND tỉnh" (or "Nguyễn Văn A-Chủ", cut by a
    name rule at the hyphen); other answers unchanged."""
    m = _GLUED_TITLE.search(answer) or _GLUED_TITLE_START.search(answer)
    return answer[: m.start()].rstrip() if m else answer


def edge_problem(analysis: SentenceAnalysis, start: int, end: int) -> str | None:
    """Why [start, end) of the sentence is not a whole constituent, or None when it is."""
    text = analysis.text
    if not (0 <= start < end <= len(text)):
        return "span outside the sentence"
    span = text[start:end]
    if span != span.strip():
        return "span has outer spaces"
    glued_end = bool(_GLUED_TITLE_START.match(text, end))  # "Nguyễn Xuân Phúc|-Chủ tịch ..."
    # "trên 5.800| điểm", "1.005| tổ": the segmenter joins a number to the noun it counts; the
    # number alone is still whole.
    counted_end = bool(re.search(r"\d$", text[:end])) and bool(re.match(r" [^\W\d]", text[end:]))
    if not (start in analysis.starts and (end in analysis.ends or glued_end or counted_end)):
        return "edge inside a word"
    words = tuple(t for t in analysis.tokens if start <= t.start < end)
    if not words:
        return "no word"
    first, last = words[0], words[-1]
    if last.pos in _BAD_LAST or last.text.casefold() in _FUNCTION_WORDS:
        return "ends on a function word"
    if first.pos in _BAD_FIRST or first.text.casefold() in {"của", "và", "với", "tại", "cho", "về"}:
        return "starts on a function word"
    if last.text in ("(", "“", "[", ",", "-", "–", ":", ".", ";") or first.text in (
        ")", "”", "]", ",", "-", "–", ".",
    ):  # fmt: skip
        return "dangling punctuation"
    if last.pos == "V" and last.text[:1].islower() and len(words) > 1 and words[0].text[:1].isupper():
        return "a name that runs into the verb after it"
    if last.pos == "V" and last.text[:1].islower() and first.text[:1].islower() and len(words) > 2:
        return "a phrase that ends on a verb"
    if not balanced(span):
        return "unbalanced brackets or quotes"
    if _GLUED_TITLE.search(span) and span[:1].isupper() and not span.startswith(("Phó", "Trợ lý")):
        before = span[: _GLUED_TITLE.search(span).start()]  # type: ignore[union-attr]
        if re.search(rf"[{UPPER}]\w*$", before) and "-" not in before.split()[-1][:-1]:
            return "name glued to a title"
    if _continues_name(analysis, words, end):
        return "name continues after the answer"
    if _BODY_HEAD.match(span) and _body_name_goes_on(analysis, end):
        return "a body's name continues after the answer"
    after = re.match(r"\s+và\s+(\S+)", text[end:])
    if after and span[:1].isupper() and after.group(1)[:1].isupper():
        if re.search(r"(?i)(?<!\w)giữa(?!\w)", span):
            return "'giữa A và B' cut before B"
        if after.group(1) not in _ENTITY_HEADS and len(span.split()) >= 2 and span.split()[-1][:1].isupper():
            return "name continues after 'và'"
    if span[:1].islower() and start > 0:
        prev = [t for t in analysis.tokens if t.end <= start]
        if prev and prev[-1].text[:1].isupper() and len(prev) > 1 and prev[-2].text[:1].isupper():
            return "starts inside a name"
    return None


_BODY_HEAD = re.compile(r"(?:Phòng|Cục|Ban|Đội|Vụ|Viện|Trung tâm|Sở|Tổng cục|Học viện|Trường)\s")
# The words a body's name goes on with past a cut: "Phòng Cảnh sát điều tra | tội phạm về ma túy",
# "Phòng Xây dựng phong trào bảo vệ an ninh | Tổ quốc", "Phòng CSGT | đường bộ".
_NAME_TAILS = {
    "tội phạm", "tổ quốc", "hành chính", "đường bộ", "đường thủy", "kinh tế", "môi trường", "ma túy",
}  # fmt: skip


def _body_name_goes_on(analysis: SentenceAnalysis, end: int) -> bool:
    """ "Phòng Cảnh sát điều tra | tội phạm về ma túy": the body's name goes on past the answer."""
    following = [t for t in analysis.tokens if t.start >= end]
    if not following or analysis.text[end : following[0].start] != " ":
        return False
    return following[0].text.casefold() in _NAME_TAILS


def _continues_name(analysis: SentenceAnalysis, words: tuple[Token, ...], end: int) -> bool:
    """A proper-noun answer followed, with no space or punctuation between, by more of the name."""
    following = [t for t in analysis.tokens if t.start >= end]
    if not following or not words:
        return False
    nxt = following[0]
    gap = analysis.text[end : nxt.start]
    return gap == "" and nxt.proper and words[-1].proper


def find_in(text: str, needle: str, near: int = 0) -> int:
    """Offset of ``needle`` in ``text``, preferring the occurrence at or after ``near``."""
    at = text.find(needle, near)
    return at if at >= 0 else text.find(needle)
