"""A score that predicts whether a trainer accepts a draft as it stands.

Features are read off the draft itself and the other drafts of its article (nothing else is kept
in an exported bank, so a judged export can be scored again later): its type and format, the
stem's length and how much of the evidence sentence it copies, whether the answer is a whole
constituent of the evidence, how well the options match the answer's form, and whether the answer
shows in another draft or another draft's answer shows in it. A logistic model turns them into a
probability; its weights are data (``quizgen/data/ranker.json``) fitted by ``scripts/fit_ranker.py``
on blind judges' verdicts, with its cross-validated ROC AUC recorded beside them.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import math
import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from quizgen.extract.analysis import analyse
from quizgen.extract.constituents import edge_problem
from quizgen.extract.quality import number_of
from quizgen.models import QFormat, QType, Question
from quizgen.normalize import fold_for_match

_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(fold_for_match(text))


def _form(option: str) -> tuple[bool, bool, bool]:
    """The shape of an option: starts upper-case, holds a digit, has a bracket."""
    return (option[:1].isupper(), bool(re.search(r"\d", option)), "(" in option)


def _contains(haystack: str, needle: str) -> bool:
    needle = fold_for_match(needle)
    return bool(needle) and bool(re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", fold_for_match(haystack)))


def _answer_on_edges(question: Question) -> float:
    evidence = question.evidence
    at = evidence.find(question.answer)
    if at < 0:
        return 0.5  # a normalised answer (a capitalised rank, "Đúng"/"Sai"): nothing to check
    return 1.0 if edge_problem(analyse(evidence), at, at + len(question.answer)) is None else 0.0


def features(question: Question, siblings: Sequence[Question]) -> dict[str, float]:
    """The ranker's view of one draft; ``siblings`` are the other drafts of its article."""
    stem = question.question
    stem_words = _words(stem)
    evidence_words = _words(question.evidence)
    bigrams = set(itertools.pairwise(evidence_words))
    stem_bigrams = list(itertools.pairwise(stem_words))
    copied = sum(b in bigrams for b in stem_bigrams) / max(1, len(stem_bigrams))
    f: dict[str, float] = {f"type_{t.value}": float(question.type == t) for t in QType}
    f |= {f"format_{m.value}": float(question.format == m) for m in QFormat}
    f["stem_words"] = min(len(stem_words), 60) / 30
    f["over_30_words"] = float(len(stem_words) > 30)
    f["answer_words"] = min(len(_words(question.answer)), 20) / 10
    f["evidence_words"] = min(len(evidence_words), 100) / 50
    f["copied_share"] = copied
    # A long sentence hurts when the stem copies it; a stem written from the fact's parts is as
    # short for a long sentence as for a short one.
    f["evidence_copied"] = f["evidence_words"] * copied
    f["anchored"] = float(stem.startswith("Theo bài báo"))
    f["starts_with_question_word"] = float(bool(re.match(r"(?i)(ai|bao nhiêu|khi nào|ở đâu)\b", stem)))
    f["answer_on_edges"] = _answer_on_edges(question)
    options = [o for o in question.options or [] if o != question.answer]
    if options:
        shape = _form(question.answer)
        f["options_same_form"] = sum(_form(o) == shape for o in options) / len(options)
        length = max(1, len(question.answer))
        f["options_length_fit"] = sum(0.5 <= len(o) / length <= 2 for o in options) / len(options)
        f["option_inside_answer"] = float(
            any(_contains(question.answer, o) or _contains(o, question.answer) for o in options)
        )
    else:
        f["options_same_form"] = f["options_length_fit"] = 0.0
        f["option_inside_answer"] = 0.0
    others = [s for s in siblings if s.id != question.id]
    f["answer_in_other_stem"] = float(any(_contains(s.question, question.answer) for s in others))
    f["other_answer_in_stem"] = float(
        any(len(s.answer) > 3 and _contains(stem, s.answer) for s in others if s.format != QFormat.TRUE_FALSE)
    )
    f["same_evidence_drafts"] = min(sum(s.evidence == question.evidence for s in others), 4) / 4
    f["post_template"] = float("giữ chức vụ gì" in stem)
    f["rank_template"] = float("cấp bậc hàm gì" in stem or "quân hàm gì" in stem)
    f["holder_template"] = float(bool(_HOLDER.match(stem)))
    f["unnamed_reference"] = float(bool(_UNNAMED.search(stem)))
    f["starts_with_verb"] = _starts_with_verb(stem, question.evidence)
    f["evidence_unfinished"] = float(not question.evidence.rstrip().endswith((".", "!", "?", '"', "”", ")")))
    f["caption_marks"] = float(bool(re.search(r"\((?:đứng|trái|phải|giữa|ảnh)", question.evidence)))
    f["ends_with_bracket"] = float(bool(re.search(r"\)\s*\?$", stem)))
    f["relative_time"] = float(bool(re.search(r"(?i)(?<!\w)(?:sáng|chiều|tối|hôm|năm) nay(?!\w)", stem)))
    capitals = [w for w in stem.split()[1:] if w[:1].isupper()]
    f["names_in_stem"] = min(len(capitals), 10) / 10
    # What judges fixed or threw out most: a stem that opens with a frame or a connective rather
    # than who did what, one spliced from several clauses, a list or breakdown in the stem.
    f["frame_start"] = float(bool(_FRAME.match(stem)))
    f["stem_commas"] = min(stem.count(","), 5) / 5
    f["stem_colon"] = float(":" in stem)
    f["numbers_in_stem"] = min(len(re.findall(r"\d+", stem)), 5) / 5
    f["asks_at_end"] = float(bool(re.search(r"(?:nào|ai|đâu|gì|bao nhiêu)\?$", stem)))
    f["answer_lower_start"] = float(question.answer[:1].islower())
    body = re.sub(r"^Theo bài[^,]*,\s*", "", stem)
    f["vague_subject"] = float(bool(_VAGUE_SUBJECT.match(body)))
    f["pointing_word"] = float(bool(_POINTING.search(body)))
    # The sentence's verbs carry a tense or voice word and the stem keeps none: the cut took the
    # predicate ("Trung tâm Huấn luyện ... vào thời gian nào?"); 31% of those drafts were accepted.
    f["predicate_cut"] = float(bool(_MARKED_VERB.search(question.evidence)) and not _MARKED_VERB.search(stem))
    # A count whose answer is the smallest or largest option: options built one way from it.
    f["answer_extreme"] = 0.0
    numbers = [_number(o) for o in question.options or []]
    asked = _number(question.answer)
    if asked is not None and len(numbers) >= 4 and all(n is not None for n in numbers):
        known = [n for n in numbers if n is not None]
        f["answer_extreme"] = float(asked in (min(known), max(known)))
    return f


# A subject with nothing to say which one: "Đơn vị đã ...", "Hai bên trao đổi ...", "Lớp học là ...".
_VAGUE_SUBJECT = re.compile(
    r"(?i)^(?:đơn vị|hai bên|lớp học|lực lượng chức năng|lực lượng công an|công an tỉnh (?=[a-zđ])|"
    r"các đối tượng|đối tượng|ông|bà|chị|anh)\b"
)
_POINTING = re.compile(r"(?i)(?<!\w)(?:nơi đây|này|đó|trên|nói trên|vừa qua|hiện nay)(?=[\s,?])")


_MARKED_VERB = re.compile(r"(?i)(?<!\w)(?:đã|đang|sẽ|vừa|được|bị)\s+\w+")


def _number(text: str) -> float | None:
    """A figure written in digits ("1.200", "14,1"), as the give-away checks read it; a number word
    ("hai") is no figure to order options by."""
    return number_of(text) if re.search(r"\d", text) else None


_FRAME = re.compile(
    r"^(?:Triển khai|Thực hiện|Bên lề|Bên cạnh|Nằm trong|Khi|Căn cứ|Gồm|Sau khi|Đồng thời|Nhằm|Để|Với|"
    r"Trong đó|Ngoài ra|Qua|Tuy nhiên|Cùng với|Dự|Tham dự)\s"
)


# A post asked from its holder's end, or a body asked through a named person's post.
_HOLDER = re.compile(r"^Theo bài báo, (?:ai là |[^,?]+ (?:là|từng là) [^?]* nào\?$)")


# "hội nghị", "đoàn", "lớp" with no name after them: which meeting, which delegation?
_UNNAMED = re.compile(
    r"(?i)(?<!\w)(?:hội nghị|hội thảo|đoàn|lớp|khóa|buổi lễ|lễ|sự kiện|học viên|chương trình|kế hoạch|"
    r"đề án|địa phương|đơn vị)(?!\w)(?!\s+(?:[A-ZĐ]|\d|\"|“))"
)


def _starts_with_verb(stem: str, evidence: str) -> float:
    """1 when the stem's first word is a verb in its sentence: a clause with no subject."""
    first = stem.split()[0].rstrip(",") if stem.split() else ""
    if not first or first.lower() in ("ai", "theo", "bao"):
        return 0.0
    for t in analyse(evidence).tokens:
        if t.text.split()[0].casefold() == first.casefold():
            return float(t.pos == "V")
    return 0.0


@functools.cache
def load_model() -> dict[str, object]:
    text = resources.files("quizgen").joinpath("data/ranker.json").read_text(encoding="utf-8")
    model: dict[str, object] = json.loads(text)
    return model


def score(question: Question, siblings: Sequence[Question], model: dict[str, object] | None = None) -> float:
    """Probability, by the fitted model, that a trainer accepts ``question`` as it stands."""
    model = model or load_model()
    weights = model["weights"]
    assert isinstance(weights, dict)
    bias = model["bias"]
    assert isinstance(bias, (int, float))
    z = float(bias) + sum(float(weights.get(k, 0.0)) * v for k, v in features(question, siblings).items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


# --- fitting (scripts/fit_ranker.py and the test floor use the same code) ---------------------


def auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """ROC AUC: the chance that an accepted draft outscores a rejected one (ties count half)."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not pos or not neg:
        return 0.5
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def fit(
    rows: Sequence[dict[str, float]], labels: Sequence[int], l2: float = 1.0, steps: int = 3000
) -> dict[str, object]:
    """L2-regularised logistic regression by full-batch gradient descent (deterministic)."""
    import numpy as np  # only fitting needs it; scoring a draft is a dot product

    keys = sorted({k for r in rows for k in r})
    x = np.array([[r.get(k, 0.0) for k in keys] for r in rows], dtype=float).reshape(len(rows), len(keys))
    y = np.array(labels, dtype=float)
    weights = np.zeros(len(keys))
    bias = 0.0
    n = max(1, len(rows))
    rate = 0.5
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(x @ weights + bias, -30.0, 30.0)))
        err = p - y
        weights -= rate * (x.T @ err / n + l2 * weights / n)
        bias -= rate * float(err.sum()) / n
    return {
        "bias": round(bias, 4),
        "weights": {k: round(float(w), 4) for k, w in zip(keys, weights, strict=True) if abs(w) > 1e-4},
    }


def predict(model: dict[str, object], row: dict[str, float]) -> float:
    weights = model["weights"]
    bias = model["bias"]
    assert isinstance(weights, dict) and isinstance(bias, (int, float))
    z = float(bias) + sum(float(weights.get(k, 0.0)) * v for k, v in row.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def cross_validated_auc(
    rows: Sequence[dict[str, float]],
    labels: Sequence[int],
    groups: Sequence[str],
    folds: int = 5,
    l2: float = 1.0,
) -> float:
    """Out-of-fold ROC AUC, folds by article (drafts of one article are never split)."""
    order = sorted(set(groups))
    fold_of = {g: i % folds for i, g in enumerate(order)}
    scores = [0.0] * len(rows)
    for k in range(folds):
        train = [i for i, g in enumerate(groups) if fold_of[g] != k]
        test = [i for i, g in enumerate(groups) if fold_of[g] == k]
        if not test or not train:
            continue
        model = fit([rows[i] for i in train], [labels[i] for i in train], l2=l2)
        for i in test:
            scores[i] = predict(model, rows[i])
    return auc(scores, labels)


def labelled_rows(
    drafts: Sequence[tuple[str, Question]], verdicts: dict[str, str]
) -> tuple[list[dict[str, float]], list[int], list[str]]:
    """Features, labels (1 = ACCEPT as it stands) and articles of the judged drafts."""
    by_article: dict[str, list[Question]] = {}
    for article, q in drafts:
        by_article.setdefault(article, []).append(q)
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    groups: list[str] = []
    for article, q in drafts:
        verdict = verdicts.get(q.id)
        if verdict is None:
            continue
        rows.append(features(q, by_article[article]))
        labels.append(int(verdict == "ACCEPT"))
        groups.append(article)
    return rows, labels, groups


def load_judged(drafts_path: Path, verdicts_path: Path) -> tuple[list[tuple[str, Question]], dict[str, str]]:
    """Judged drafts as the ranker learns from them: (article id, question) pairs from a
    `quizgen export json` file, and each draft's verdict (ACCEPT | EDIT | REJECT) by id."""
    exported = json.loads(drafts_path.read_text(encoding="utf-8"))
    drafts = []
    for item in exported["questions"]:
        item = dict(item)
        article = item.pop("article")
        item["id"] = _bank_id(item["id"])
        drafts.append((article, Question.model_validate(item)))
    verdicts = {}
    for line in verdicts_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            verdicts[_bank_id(record["id"])] = str(record["verdict"]).upper()
    return drafts, verdicts


def _bank_id(draft_id: str) -> str:
    """A side-by-side judgement names its drafts "d-001" so that a judge cannot tell the two
    generators apart; as a Question it needs a bank id, the same for the draft and its verdict."""
    if re.fullmatch(r"q-[0-9a-f]{6,16}", draft_id):
        return draft_id
    return "q-" + hashlib.sha1(draft_id.encode("utf-8")).hexdigest()[:12]
