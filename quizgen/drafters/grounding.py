"""Grounding: a model's draft is kept only if the article backs it, word for word.

A draft is dropped, and counted by reason, when its evidence is not a verbatim sentence of the
article (after normalising Unicode, tone marks, dashes, quotes and spaces), when its answer is
not inside that evidence, when its options are not four distinct ones holding the answer once,
when a distractor is not of the answer's kind or shows in the stem, or when it fails any
automatic check the embedded drafts pass (quizgen.checks). An answer the model says it computed
("derived") is kept only if the evidence's own numbers give it, and is flagged for the reviewer.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from quizgen.checks import check_question
from quizgen.drafters.base import gives_away
from quizgen.intake import Article
from quizgen.models import QFormat, QType, Question, Status
from quizgen.normalize import fold_for_match, normalize_text
from quizgen.sentences import article_sentences

# Drop reasons, as the generate report prints them.
SCHEMA = "sai mẫu (thiếu trường, loại hoặc dạng câu không hợp lệ)"
EVIDENCE = "câu trích dẫn không có nguyên văn trong bài"
ANSWER_NOT_IN_ARTICLE = "đáp án không có trong bài"
ANSWER_NOT_IN_EVIDENCE = "đáp án không có trong câu trích dẫn"
DERIVED_MISMATCH = "đáp án tự tính không khớp số liệu trong câu trích dẫn"
OPTIONS = "phương án không hợp lệ (không đủ 4, trùng nhau, hoặc đáp án không đúng một lần)"
KIND = "phương án nhiễu khác loại với đáp án"
OPTION_IN_STEM = "phương án nằm sẵn trong câu hỏi"
DUPLICATE = "trùng dữ kiện với câu khác"
CHECK = "không đạt kiểm tra tự động: "

FORMATS = {QFormat.MCQ, QFormat.SHORT_ANSWER}
MIN_EVIDENCE_WORDS = 5
LONG_STEM_WORDS = 30
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d{3})*(?:,\d+)?")


@dataclass(frozen=True)
class Origin:
    drafter: str
    model: str
    prompt_version: str


def _numbers(text: str) -> list[float]:
    out = []
    for raw in _NUMBER_RE.findall(text):
        digits = raw.replace(".", "") if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw) else raw
        try:
            out.append(float(digits.replace(",", ".")))
        except ValueError:
            continue
    return out


def derivable(answer: str, evidence: str) -> bool:
    """The answer's number is a sum, difference or inclusive span of two numbers of the evidence."""
    wanted = _numbers(answer)
    given = _numbers(evidence)
    if len(wanted) != 1 or len(given) < 2:
        return False
    target = wanted[0]
    return any(target in (a + b, a - b, a - b + 1) for a, b in itertools.permutations(given, 2))


_ELLIPSIS_RE = re.compile(r"\s*(?:\.\.\.|…|\[\.\.\.\]|\(\.\.\.\))\s*")


def _elided(wanted: str, article: Article) -> str | None:
    """A long sentence the model shortened with "..." : every piece, in order, in one sentence."""
    pieces = [p.strip(" ,;") for p in _ELLIPSIS_RE.split(wanted) if p.strip(" ,;")]
    if len(pieces) < 2 or any(len(p.split()) < 3 for p in pieces):
        return None
    for sentence in article_sentences(article.paragraphs):
        text = normalize_text(sentence.text)
        at = 0
        for piece in pieces:
            at = text.find(piece, at)
            if at < 0:
                break
            at += len(piece)
        else:
            return sentence.text
    return None


def find_evidence(evidence: str, article: Article) -> str | None:
    """The article's own sentence holding ``evidence`` verbatim (after normalisation), or None.

    A sentence the model shortened with "..." counts when every piece is verbatim, in order, in
    one sentence of the article; the question then cites the whole sentence.
    """
    wanted = normalize_text(evidence).strip().strip("\"'“”").strip()
    if not wanted:
        return None
    if _ELLIPSIS_RE.search(wanted.rstrip(".…")):
        return _elided(wanted.rstrip(".…"), article)
    text = normalize_text(article.text)
    candidates = [wanted]
    if wanted.endswith((".", "…", ";", ",", ":")):
        candidates.append(wanted.rstrip(".…;,:").rstrip())
    for candidate in candidates:
        if candidate not in text:
            continue
        for sentence in article_sentences(article.paragraphs):
            if candidate in normalize_text(sentence.text):
                if len(candidate.split()) < MIN_EVIDENCE_WORDS and candidate != normalize_text(sentence.text):
                    return None  # a few words are no evidence: they may come from anywhere
                return sentence.text
        if len(candidate.split()) >= MIN_EVIDENCE_WORDS:
            return candidate  # spans two sentences of one paragraph: still verbatim
    return None


def answer_span(answer: str, evidence: str) -> str | None:
    """The answer as written in the evidence (whole words, any case), or None."""
    wanted = normalize_text(answer).strip().rstrip(".")
    if not wanted:
        return None
    m = re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", normalize_text(evidence), re.IGNORECASE)
    return m.group(0) if m else None


_ACRONYM_RE = re.compile(r"[A-ZĐ0-9&./-]{2,15}")


def _same_kind(answer: str, option: str) -> bool:
    """A number against numbers, an acronym against acronyms; other kinds are the reviewer's call."""
    if any(c.isdigit() for c in answer) != any(c.isdigit() for c in option):
        return False
    if _ACRONYM_RE.fullmatch(answer.strip()) and any(c.isalpha() for c in answer):
        return bool(_ACRONYM_RE.fullmatch(option.strip())) or re.search(r"[A-ZĐ]{2}", option) is not None
    return True


def question_id(article_id: str, answer: str, evidence: str) -> str:
    key = "\x1f".join([article_id, "llm", fold_for_match(answer), normalize_text(evidence)])
    return "q-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]


def _text(item: dict[str, Any], key: str) -> str | None:
    value = item.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return value.strip() if isinstance(value, str) and value.strip() else None


def ground_one(item: Any, article: Article, origin: Origin, rank: int) -> Question | str:
    """The draft as a bank question, or the reason it is dropped."""
    if not isinstance(item, dict):
        return SCHEMA
    stem, answer, evidence = _text(item, "question"), _text(item, "answer"), _text(item, "evidence")
    try:
        qtype = QType(str(item.get("type", "")).strip())
        qformat = QFormat(str(item.get("format", "mcq")).strip())
    except ValueError:
        return SCHEMA
    if not stem or not answer or not evidence or qformat not in FORMATS:
        return SCHEMA
    sentence = find_evidence(evidence, article)
    if sentence is None:
        return EVIDENCE
    flag = None
    span = answer_span(answer, sentence)
    if span is None:
        if item.get("derived") is True and _numbers(answer):
            if not derivable(answer, sentence):
                return DERIVED_MISMATCH
            how = _text(item, "fact") or answer
            flag = f"Đáp án do mô hình tự tính ({how}), không có nguyên văn trong câu trích dẫn: kiểm tra."
            span = answer
        elif answer_span(answer, article.text) is None:
            return ANSWER_NOT_IN_ARTICLE
        else:
            return ANSWER_NOT_IN_EVIDENCE
    options: list[str] | None = None
    if qformat == QFormat.MCQ:
        raw = item.get("options")
        if not isinstance(raw, list) or not all(isinstance(o, (str, int, float)) for o in raw):
            return OPTIONS
        options = [str(o).strip() for o in raw]
        folded = [fold_for_match(o) for o in options]
        if len(options) != 4 or len(set(folded)) != 4 or folded.count(fold_for_match(answer)) != 1:
            return OPTIONS
        # The key marks the option that is the answer: they must read exactly the same.
        options = [answer if f == fold_for_match(answer) else o for o, f in zip(options, folded, strict=True)]
        distractors = [o for o in options if o != answer]
        if not all(_same_kind(answer, o) for o in distractors):
            return KIND
        if any(gives_away(stem, o) for o in distractors):
            return OPTION_IN_STEM
    words = len(stem.split())
    score = 1.0 - 0.01 * min(rank, 50) - (0.2 if flag else 0.0) - (0.1 if words > LONG_STEM_WORDS else 0.0)
    try:
        question = Question(
            id=question_id(article.id, answer, sentence),
            type=qtype,
            format=qformat,
            question=stem,
            answer=answer,
            options=options,
            fact=span,
            evidence=sentence,
            status=Status.DRAFT,
            score=round(score, 3),
            drafter=origin.drafter,
            model=origin.model,
            prompt_version=origin.prompt_version,
            flag=flag,
        )
    except ValidationError:
        return SCHEMA
    problems = check_question(question, article.text, article.dropped)
    if problems:
        return CHECK + problems[0]
    return question


def ground_drafts(items: list[Any], article: Article, origin: Origin) -> tuple[list[Question], Counter[str]]:
    """The drafts that pass, in the model's order, one per fact; the others counted by reason."""
    drops: Counter[str] = Counter()
    kept: list[Question] = []
    seen: set[tuple[str, str]] = set()
    for rank, item in enumerate(items):
        result = ground_one(item, article, origin, rank)
        if isinstance(result, str):
            drops[result] += 1
            continue
        key = (fold_for_match(result.answer), normalize_text(result.evidence))
        if key in seen:
            drops[DUPLICATE] += 1
            continue
        seen.add(key)
        kept.append(result)
    return kept, drops
