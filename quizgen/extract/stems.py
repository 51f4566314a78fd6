"""Stage 3, question building: turn a fact into a stem that stands on its own.

Vietnamese keeps the question word where the answer stood, so most stems are
the evidence sentence with the fact replaced by its question phrase. Then the
stem is trimmed to the clause that carries the fact: discourse openers go,
trailing subordinate clauses go, a bare "Bộ" becomes the ministry the article
is about, and a leading time or place adverbial moves to the end.
"""

from __future__ import annotations

import re

from quizgen.extract.facts import LEADING_OPENERS, Fact

BLANK = "_____"
_TRAILING_CLAUSES = re.compile(
    r",\s*(?:nhằm|đánh dấu|thể hiện|góp phần|trong đó|đồng thời|cũng như|bao gồm|qua đó|"
    r"từ đó|với mục tiêu|để)\s.*$|\s+nhằm\s.*$"
)
_REPORTING_VERBS = re.compile(r"\s(?:đề nghị|đề xuất|yêu cầu|cho biết|khẳng định|nhấn mạnh|mong muốn)\s")


_OBJECT_BEFORE_VERB = (
    r"((?:\S+\s+){0,14}?)(?=(?:tiếp tục|hỗ trợ|ủng hộ|tạo điều kiện|quan tâm|xem xét|sớm|"
    r"thúc đẩy|phối hợp|cho phép|giúp|tăng cường|đẩy mạnh)\b)"
)


def reporting_lead(clause: str) -> str:
    """'Thứ trưởng X đề nghị Phó Tổng Thư ký Y' from the first clause of a list sentence."""
    m = _REPORTING_VERBS.search(clause)
    if not m:
        return ""
    rest = clause[m.end() :]
    obj = re.match(_OBJECT_BEFORE_VERB, rest)
    end = m.end() + (len(obj.group(1).rstrip()) if obj else 0)
    return LEADING_OPENERS.sub("", clause[:end].strip())


def _clause_window(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The ';'-separated clause holding [start, end), with the reporting lead if it needs one."""
    bounds = [0] + [m.end() for m in re.finditer(r";\s*", text)] + [len(text) + 2]
    for i in range(len(bounds) - 1):
        c_start, c_end = bounds[i], bounds[i + 1]
        if c_start <= start < c_end:
            clause_end = min(len(text), c_end)
            clause = text[c_start:clause_end].rstrip("; ")
            if i == 0:
                return clause, start - c_start, end - c_start
            first = text[: bounds[1]].rstrip("; ")
            lead = reporting_lead(first)
            if lead:
                joined = f"{lead} {clause}"
                shift = len(lead) + 1 - c_start
                return joined, start + shift, end + shift
            return clause, start - c_start, end - c_start
    return text, start, end


_QUESTION_WORDS = re.compile(r"(?<!\w)(?:nào|ai|bao nhiêu|đâu|gì|_____)(?!\w)")


def _finish(stem: str, ministry: str | None, question: bool = True) -> str:
    opener = LEADING_OPENERS.match(stem.strip())
    if opener and not _QUESTION_WORDS.search(opener.group(0)):  # never drop the question itself
        stem = stem.strip()[opener.end() :]
    if ministry:
        # Only a "Bộ" standing alone ("40 lãnh đạo của Bộ", "Bộ đã ..."), never "Bộ trưởng", "Bộ đội".
        stem = re.sub(
            r"\bBộ(?=\s+(?:của|đã|đang|sẽ|được|và|cũng|có|là|nhằm|trong|tại|với|cho)\b|[,.?]|$)",
            ministry,
            stem,
        )
    stem = re.sub(r"\s+", " ", stem).strip().rstrip(".,;:? ")
    stem = stem[:1].upper() + stem[1:]
    return stem + ("?" if question else ".")


def _trim_after(after: str) -> str:
    """Drop trailing subordinate clauses, unless a reporting verb makes them what is reported."""
    if _REPORTING_VERBS.search(" " + after):
        # After "nhấn mạnh", "cho biết"... the rest is what was said: keep an inner aside
        # (", trong đó có X,") and cut only the commentary that follows it.
        return re.sub(r",\s*(?:đánh dấu|thể hiện|góp phần|qua đó|từ đó|trong đó (?!có\s))\s*.*$", "", after)
    return _TRAILING_CLAUSES.sub("", after)


def build_stem(fact: Fact, ministry: str | None) -> str:
    """The mcq/short-answer stem for ``fact``."""
    if fact.template:
        return _finish(fact.template, ministry)
    text, start, end = _clause_window(fact.sentence.text, fact.start, fact.end)
    if fact.context:
        text = f"{fact.context} {text[:1].lower()}{text[1:]}"
        start += len(fact.context) + 1
        end += len(fact.context) + 1
    if fact.move_to_end:
        rest = text[:start] + text[end:].lstrip(" ,")
        rest = _trim_after(rest)
        return _finish(f"{rest.rstrip(' .')} {fact.qphrase}", ministry)
    before, after = text[:start], text[end:]
    after = _trim_after(after)
    # "phối hợp cùng X (UN Women), đã tổ chức": the comma closed X's apposition; with X gone it dangles.
    after = re.sub(r"^,\s+(?=(?:đã|đang|sẽ|vừa|cùng|tổ chức)\s)", " ", after)
    stem = f"{before}{fact.qphrase}{after}"
    return _finish(stem, ministry)


def build_statement(fact: Fact, replacement: str, ministry: str | None) -> str | None:
    """The fact's clause as a statement, with ``replacement`` in the fact's place (true/false)."""
    if fact.template:
        return None
    text, start, end = _clause_window(fact.sentence.text, fact.start, fact.end)
    original = text[start:end]
    if fact.fact not in original:
        return None
    piece = original.replace(fact.fact, replacement, 1)
    after = _trim_after(text[end:])
    return _finish(f"{text[:start]}{piece}{after}", ministry, question=False)


def build_cloze(fact: Fact, ministry: str | None) -> str | None:
    """The fact's clause with the answer blanked."""
    if not fact.cloze_ok or fact.template:
        return None
    text, start, end = _clause_window(fact.sentence.text, fact.start, fact.end)
    original = text[start:end]
    if fact.answer not in original:
        return None
    piece = original.replace(fact.answer, BLANK, 1)
    after = _trim_after(text[end:])
    return _finish(f"{text[:start]}{piece}{after}", ministry, question=False)
