"""Choosing the questions an export prints: the one selector every export shares.

Three steps, all pure functions of the bank and the options:

1. the pool: approved questions matching ``--article``, ``--types``, ``--formats``;
2. when the export assembles a quiz (PDF always; Moodle and GIFT when ``--count`` picks),
   no two questions may stand together where one gives the other away: one's answer
   appears, on whole words and after the bank's normalisation, in the other's stem or
   options. Of such a pair the better-scored question stays (ties: the earlier one in
   bank order) and the other is left out with the reason, so the trainer can see it;
3. ``--count`` then picks a balanced set across articles and types from what is left.

Resolving give-aways over the whole pool before counting guarantees the property for
any ``--count`` and ``--seed`` while always keeping the better-scored question.
"""

from __future__ import annotations

import datetime
import itertools
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from quizgen.bank import Bank
from quizgen.errors import NotFoundError, NothingToExportError, UsageError
from quizgen.models import BankFile, QFormat, QType, Question, Status
from quizgen.normalize import normalize_text
from quizgen.query import effective_status

# Words and single punctuation marks: matching token runs is matching on whole words
# ("21" is not in "2021", "Bộ Công an" is in "Bộ Công an tổ chức").
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_OUTER = " .,;:!?\"'()"


@dataclass(frozen=True)
class Selected:
    article: BankFile
    question: Question


@dataclass(frozen=True)
class SelectionOptions:
    count: int | None = None
    types: tuple[QType, ...] = ()
    articles: tuple[str, ...] = ()
    formats: tuple[QFormat, ...] = ()
    seed: int = 1
    allow_giveaways: bool = False
    # After the quiz (issue 10): prefer questions not graded lately, leave out flagged ones.
    avoid_used_within: int | None = None  # days
    skip_flagged: bool = False
    today: datetime.date | None = None  # the quiz's date, for avoid_used_within (default: today)


@dataclass(frozen=True)
class GiveAway:
    """``left_out`` was not printed because of ``kept``: ``answer`` (one's answer) is in the other."""

    left_out: Selected
    kept: Selected
    answer: str
    left_out_answer_in_kept: bool  # True: left_out's answer is in kept's text; else the reverse

    def message(self) -> str:
        lo, kp = self.left_out.question, self.kept.question
        if self.left_out_answer_in_kept:
            why = f"đáp án của nó «{self.answer}» có trong câu hỏi hoặc phương án của câu {kp.id}"
        else:
            why = f"câu hỏi hoặc phương án của nó chứa «{self.answer}», đáp án của câu {kp.id}"
        return (
            f"bỏ câu {lo.id} (điểm {_score(lo)}) vì {why}; giữ {kp.id} (điểm {_score(kp)}). "
            "Thêm --allow-giveaways để in cả hai."
        )


@dataclass
class Selection:
    items: list[Selected]
    warnings: list[str] = field(default_factory=list)
    left_out: list[GiveAway] = field(default_factory=list)

    def notes(self, limit: int = 20) -> list[str]:
        """What the trainer should be told: shortfalls, then each question left out and why
        (the first ``limit``, then how many more, so a large bank does not flood the terminal)."""
        shown = [g.message() for g in self.left_out[:limit]]
        more = len(self.left_out) - len(shown)
        if more > 0:
            shown.append(f"và {more} câu khác bị bỏ vì lộ đáp án (thêm --allow-giveaways để in cả).")
        return [*self.warnings, *shown]


def _score(q: Question) -> str:
    return f"{q.score:.2f}".replace(".", ",")


def select(bank: Bank, options: SelectionOptions, *, assemble: bool, what: str = "tệp nào") -> Selection:
    """The questions to export. ``assemble``: the export is a quiz, so give-aways are resolved.

    ``what`` names the output in the "nothing to export" message ("PDF nào", "tệp GIFT nào").
    """
    if options.count is not None and options.count < 1:
        raise UsageError("--count phải lớn hơn 0.")
    files = bank.load_all()
    known = {f.article.id for f in files}
    for article_id in options.articles:
        if article_id not in known:
            raise NotFoundError(f"không có bài báo '{article_id}' trong ngân hàng câu hỏi {bank.root}.")
    pool = [
        Selected(f, q) for f in files for q in f.questions
        if effective_status(q) == Status.APPROVED
        and (not options.articles or f.article.id in options.articles)
        and (not options.types or q.type in options.types)
        and (not options.formats or q.format in options.formats)
    ]  # fmt: skip
    if not pool:
        raise NothingToExportError(
            f"không có câu hỏi đã duyệt nào khớp bộ lọc trong {bank.root}; không ghi {what}. "
            "Duyệt câu hỏi bằng: quizgen review"
        )
    usage_notes: list[str] = []
    if options.avoid_used_within is not None or options.skip_flagged:
        # Before give-aways: a question kept out for its recent use must not push out a fresh one.
        from quizgen.usage import prefer_unused

        pool, usage_notes = prefer_unused(
            pool, lambda s: s.question, avoid_days=options.avoid_used_within,
            skip_flagged=options.skip_flagged, count=options.count,
            today=options.today or datetime.date.today(),
        )  # fmt: skip
        if not pool:
            raise NothingToExportError(
                f"mọi câu khớp bộ lọc trong {bank.root} đều bị bỏ ({'; '.join(usage_notes)}); "
                f"không ghi {what}."
            )
    left_out: list[GiveAway] = []
    if assemble and not options.allow_giveaways:
        pool, left_out = resolve_giveaways(pool)
    warnings: list[str] = list(usage_notes)
    if options.count is None or options.count >= len(pool):
        if options.count is not None and options.count > len(pool):
            because = " sau khi bỏ các câu lộ đáp án" if left_out else ""
            warnings.append(
                f"chỉ có {len(pool)} câu đã duyệt khớp bộ lọc{because} (yêu cầu {options.count}); "
                f"dùng cả {len(pool)}."
            )
        return Selection(pool, warnings, left_out)
    chosen = balanced(pool, options.count, options.seed)
    # Reported: the questions left out because of a question this quiz prints.
    ids = {id(item.question) for item in chosen}
    return Selection(chosen, warnings, [g for g in left_out if id(g.kept.question) in ids])


def balanced(pool: list[Selected], count: int, seed: int) -> list[Selected]:
    """Round-robin over articles, and within an article over types, so no source dominates."""
    rng = random.Random(f"select:{seed}")
    buckets: dict[str, dict[str, list[Selected]]] = defaultdict(lambda: defaultdict(list))
    for item in pool:
        buckets[item.article.article.id][item.question.type.value].append(item)
    for by_type in buckets.values():
        for items in by_type.values():
            rng.shuffle(items)
    chosen: list[Selected] = []
    type_cursor: dict[str, int] = defaultdict(int)
    while len(chosen) < count:
        progressed = False
        for article_id in sorted(buckets):
            by_type = buckets[article_id]
            types = [t for t in sorted(by_type) if by_type[t]]
            if not types:
                continue
            t = types[type_cursor[article_id] % len(types)]
            type_cursor[article_id] += 1
            chosen.append(by_type[t].pop())
            progressed = True
            if len(chosen) == count:
                break
        if not progressed:
            break
    order = {id(item): i for i, item in enumerate(pool)}
    return sorted(chosen, key=lambda item: order[id(item)])


# -- give-aways ----------------------------------------------------------------------------


def tokens(text: str) -> tuple[str, ...]:
    """``text`` as the bank compares it: normalised, case-folded, split into words and marks."""
    return tuple(_TOKEN_RE.findall(normalize_text(text).casefold().strip(_OUTER)))


def _answer_key(q: Question) -> tuple[str, ...]:
    # "Đúng"/"Sai" say nothing about another question; every other answer can.
    if q.format == QFormat.TRUE_FALSE:
        return ()
    return tokens(q.answer)


def _texts(q: Question) -> list[tuple[str, ...]]:
    """What a reader sees besides the answer itself: the stem and every option."""
    return [tokens(q.question), *(tokens(o) for o in (q.options or []))]


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    first = needle[0]
    return any(haystack[i : i + n] == needle for i, tok in enumerate(haystack) if tok == first)


def prints_answer(shown: Question, asked: Question) -> bool:
    """True when ``shown``'s stem or options print ``asked``'s answer: the pair that an export
    never puts on one paper (see ``giveaway_pairs``)."""
    key = _answer_key(asked)
    return bool(key) and any(_contains(text, key) for text in _texts(shown))


def giveaway_pairs(items: list[Selected]) -> dict[int, list[tuple[int, str]]]:
    """For each question index i: the indexes j whose answer appears in i's stem or options
    (with the answer as shown). Indexed by each answer's first word, so 10,000 questions
    take one pass over their words rather than a comparison of every pair."""
    answers = [_answer_key(s.question) for s in items]
    by_first: dict[str, list[int]] = defaultdict(list)
    for j, key in enumerate(answers):
        if key:
            by_first[key[0]].append(j)
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for i, item in enumerate(items):
        texts = _texts(item.question)
        seen: set[int] = set()
        for text in texts:
            for word in set(text):
                for j in by_first.get(word, ()):
                    if j != i and j not in seen and _contains(text, answers[j]):
                        seen.add(j)
                        found[i].append((j, items[j].question.answer))
    return found


def clash_counts(pool: list[Selected], answers: list[tuple[str, ...]]) -> list[int]:
    """How many other questions each one clashes with: its answer in their stem or options, or
    theirs in its own. Counted per distinct answer, so an answer repeated in a thousand
    questions costs one look-up per text, not a thousand (a pair clashing both ways counts twice)."""
    holders = Counter(a for a in answers if a)  # answer -> questions that have it
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in holders:
        by_first[key[0]].append(key)
    held: list[set[tuple[str, ...]]] = []  # per question: the answers its texts hold
    shown_in: Counter[tuple[str, ...]] = Counter()  # answer -> questions whose texts hold it
    for item in pool:
        keys: set[tuple[str, ...]] = set()
        for text in _texts(item.question):
            for word in set(text):
                keys.update(k for k in by_first.get(word, ()) if k not in keys and _contains(text, k))
        held.append(keys)
        shown_in.update(keys)
    counts = []
    for answer, keys in zip(answers, held, strict=True):
        n = shown_in[answer] - (answer in keys) if answer else 0
        n += sum(holders[k] - (k == answer) for k in keys)
        counts.append(n)
    return counts


def _answer_lookup(answer: tuple[str, ...]) -> Any:
    """Where a kept answer is filed: under its first word, or its first two words."""
    return answer[0] if len(answer) == 1 else (answer[0], answer[1])


def resolve_giveaways(pool: list[Selected]) -> tuple[list[Selected], list[GiveAway]]:
    """Keep the best-scored question of every give-away pair; return (kept in pool order, left out).

    Questions are taken in order of score / (1 + clashes), ties in bank order: between two
    questions that clash only with each other the better-scored stays, but a question whose
    answer is named in ten others goes rather than the ten (one name asked about once would
    otherwise empty a quiz). A question is kept unless its stem
    or options hold the answer of a question already kept, or its answer is in a kept one's stem
    or options. Only kept questions are indexed (answers by their first one or two words, texts
    by every word and pair of words), so a bank where one name recurs in thousands of questions
    costs a few lookups per question, not a comparison of every pair.
    """
    answers = [_answer_key(s.question) for s in pool]
    clashes = clash_counts(pool, answers)
    order = sorted(range(len(pool)), key=lambda i: (-pool[i].question.score / (1 + clashes[i]), i))
    kept_answers: dict[Any, list[int]] = defaultdict(list)  # first word(s) -> kept, best first
    kept_texts: dict[Any, list[int]] = defaultdict(list)  # word or word pair -> kept, best first
    texts: dict[int, list[tuple[str, ...]]] = {}
    rank: dict[int, int] = {}
    left_out: list[GiveAway] = []
    for i in order:
        own = _texts(pool[i].question)
        clash = _kept_answer_in(own, answers, kept_answers, rank)
        reverse = _answer_in_kept(answers[i], texts, kept_texts) if answers[i] else None
        if clash is None and reverse is None:
            rank[i] = len(rank)
            texts[i] = own
            if answers[i]:
                kept_answers[_answer_lookup(answers[i])].append(i)
            keys: set[Any] = set()
            for text in own:
                keys.update(text)
                keys.update(itertools.pairwise(text))
            for key in keys:
                kept_texts[key].append(i)
            continue
        # Name the better-ranked of the kept questions involved.
        if clash is not None and (reverse is None or rank[clash] <= rank[reverse]):
            left_out.append(GiveAway(pool[i], pool[clash], pool[clash].question.answer, False))
        else:
            assert reverse is not None
            left_out.append(GiveAway(pool[i], pool[reverse], pool[i].question.answer, True))
    left_ids = {id(g.left_out) for g in left_out}
    return [s for s in pool if id(s) not in left_ids], _in_pool_order(left_out, pool)


def _kept_answer_in(
    own: list[tuple[str, ...]], answers: list[tuple[str, ...]], kept_answers: dict[Any, list[int]],
    rank: dict[int, int],
) -> int | None:  # fmt: skip
    """The best-ranked kept question whose answer is in one of the ``own`` texts."""
    best: int | None = None
    for text in own:
        for at, word in enumerate(text):
            keys: tuple[Any, ...] = (word, (word, text[at + 1])) if at + 1 < len(text) else (word,)
            for key in keys:
                for j in kept_answers.get(key, ()):
                    if best is not None and rank[j] >= rank[best]:
                        break  # filed best first: nothing better further on
                    if text[at : at + len(answers[j])] == answers[j]:
                        best = j
                        break
    return best


def _answer_in_kept(
    answer: tuple[str, ...], texts: dict[int, list[tuple[str, ...]]], kept_texts: dict[Any, list[int]]
) -> int | None:
    """The best-ranked kept question whose stem or options hold ``answer``."""
    keys: list[Any] = [answer[0]] if len(answer) == 1 else list(itertools.pairwise(answer))
    postings = min((kept_texts.get(k, []) for k in keys), key=len)
    for j in postings:  # best first
        if any(_contains(t, answer) for t in texts[j]):
            return j
    return None


def _in_pool_order(left_out: list[GiveAway], pool: list[Selected]) -> list[GiveAway]:
    position = {id(s): i for i, s in enumerate(pool)}
    return sorted(left_out, key=lambda g: position[id(g.left_out)])
