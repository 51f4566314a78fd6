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
import itertools
import json
import math
import re
from collections.abc import Sequence
from importlib import resources

from quizgen.extract.analysis import analyse
from quizgen.extract.constituents import edge_problem
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
    return f


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
