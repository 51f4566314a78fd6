"""The drafter interface, and ``both``: two drafters' sets merged, de-duplicated and ranked."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from quizgen.intake import Article
from quizgen.models import Question
from quizgen.normalize import fold_for_match, normalize_text


@dataclass(frozen=True)
class DraftBatch:
    """Drafts per article id, and per article the drafts thrown away, counted by reason."""

    drafts: dict[str, list[Question]]
    drops: dict[str, Counter[str]] = field(default_factory=dict)


class Drafter(Protocol):
    name: str

    @property
    def signature(self) -> str:
        """Recorded on each article in the bank: same signature and same text, nothing to redo."""
        ...

    def draft(self, articles: list[Article], changed: list[Article], max_per_article: int) -> DraftBatch:
        """Drafts for each of ``changed``; ``articles`` (all of them) may serve as context."""
        ...


DUPLICATE_ACROSS = "trùng dữ kiện với câu của bộ soạn khác"
GIVEAWAY = "lộ đáp án của câu khác"
SAME_ANSWER = "đáp án đã được hỏi trong câu khác của bài"


def fact_key(question: Question) -> tuple[str, str]:
    return fold_for_match(question.answer), normalize_text(question.evidence)


def gives_away(stem: str, answer: str) -> bool:
    """True when ``answer`` is printed, as whole words, in ``stem``."""
    import re

    folded = fold_for_match(answer)
    if len(folded) < 3 or folded in ("đúng", "sai"):
        return False
    return re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", fold_for_match(stem)) is not None


def rank_and_filter(
    candidates: list[Question], article: Article, max_per_article: int, drops: Counter[str]
) -> list[Question]:
    """Best first, one question per fact, none giving away another's answer; in article order.

    When stems give answers away, the question whose score is lowest once shared among its
    conflicts goes first: one question whose answer every other stem names is dropped, not the
    rest, and of a simple pair the lower-scored goes.
    """
    from quizgen.generate import MAX_PER_ANSWER  # the embedded drafter's cap, for every drafter

    ranked = sorted(candidates, key=lambda q: (-q.score, q.id))
    unique: list[Question] = []
    seen: set[tuple[str, str]] = set()
    per_answer: Counter[str] = Counter()
    for q in ranked:
        if fact_key(q) in seen:
            drops[DUPLICATE_ACROSS] += 1
            continue
        if per_answer[fact_key(q)[0]] >= MAX_PER_ANSWER:
            drops[SAME_ANSWER] += 1
            continue
        seen.add(fact_key(q))
        per_answer[fact_key(q)[0]] += 1
        unique.append(q)
    conflicts: dict[int, set[int]] = {i: set() for i in range(len(unique))}
    for i, a in enumerate(unique):
        for j, b in enumerate(unique):
            if i != j and gives_away(a.question, b.answer):
                conflicts[i].add(j)
                conflicts[j].add(i)
    alive = set(range(len(unique)))
    while True:
        # The same rule as quiz assembly (quizgen.selection): a draft's worth is its score shared
        # among its clashes, so a draft named by many goes, and of a simple pair the weaker goes.
        clashing = [i for i in alive if conflicts[i] & alive]
        if not clashing:
            break
        worst = min(clashing, key=lambda i: (unique[i].score / (1 + len(conflicts[i] & alive)), -i))
        alive.discard(worst)
        drops[GIVEAWAY] += 1
    kept = [q for i, q in enumerate(unique) if i in alive][:max_per_article]
    text = normalize_text(article.text)

    def position(q: Question) -> int:
        at = text.find(normalize_text(q.evidence))
        return at if at >= 0 else len(text)

    return sorted(kept, key=lambda q: (position(q), q.id))


class CombinedDrafter:
    """``--drafter both``: every drafter's drafts for an article, merged and ranked together."""

    name = "both"

    def __init__(self, drafters: tuple[Drafter, ...]):
        self.drafters = drafters

    @property
    def signature(self) -> str:
        return "+".join(d.signature for d in self.drafters)

    def draft(self, articles: list[Article], changed: list[Article], max_per_article: int) -> DraftBatch:
        batches = [d.draft(articles, changed, max_per_article) for d in self.drafters]
        drafts: dict[str, list[Question]] = {}
        drops: dict[str, Counter[str]] = {}
        for article in changed:
            counter: Counter[str] = Counter()
            for batch in batches:
                counter.update(batch.drops.get(article.id, Counter()))
            pooled = [q for batch in batches for q in batch.drafts.get(article.id, [])]
            drafts[article.id] = rank_and_filter(pooled, article, max_per_article, counter)
            drops[article.id] = counter
        return DraftBatch(drafts, drops)
