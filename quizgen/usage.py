"""Feedback into the bank: each graded use recorded on its question, and read back.

`quizgen grade` records one UsageRecord per question and quiz; the record is keyed by
the quiz's hash, so grading the same results again replaces it with an equal record
and the bank file is not rewritten. `list --flagged`, `show` and `export pdf
--avoid-used-within/--skip-flagged` read them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from quizgen.bank import Bank
from quizgen.models import BankFile, Question, UsageRecord

# Flags that make a question worth a second look before it is printed again. A distractor that
# nobody chose is shown but does not count: in a class of twenty it happens to good questions.
SERIOUS_FLAGS = frozenset(
    {"too_easy", "too_hard", "negative_discrimination", "low_discrimination", "likely_key_error"}
)
FLAG_LABELS = {
    "too_easy": "quá dễ",
    "too_hard": "quá khó",
    "negative_discrimination": "độ phân biệt âm",
    "low_discrimination": "độ phân biệt gần 0",
    "unused_distractor": "có phương án nhiễu không ai chọn",
    "likely_key_error": "có thể sai đáp án",
}

T = TypeVar("T")


def latest_usage(question: Question) -> UsageRecord | None:
    if not question.usage:
        return None
    return max(question.usage, key=lambda r: (r.date, r.quiz))


def serious_flags(question: Question) -> list[str]:
    last = latest_usage(question)
    return [] if last is None else [f for f in last.flags if f in SERIOUS_FLAGS]


def is_flagged(question: Question) -> bool:
    return bool(serious_flags(question))


def last_used(question: Question) -> datetime.date | None:
    dates = []
    for record in question.usage or []:
        try:
            dates.append(datetime.date.fromisoformat(record.date))
        except ValueError:
            continue
    return max(dates, default=None)


def describe_flags(flags: Sequence[str]) -> str:
    return ", ".join(FLAG_LABELS.get(f, f) for f in flags)


def prefer_unused(
    pool: list[T],
    question_of: Callable[[T], Question],
    *,
    avoid_days: int | None,
    skip_flagged: bool,
    count: int | None,
    today: datetime.date,
) -> tuple[list[T], list[str]]:
    """Drop flagged questions; keep recently used ones out unless ``count`` needs them.

    Recently used questions fill the gap, least recently used first, when there are not
    enough others for ``count``; without ``count`` they are left out (a trainer who asks
    to avoid them wants a quiz without them).
    """
    notes: list[str] = []
    if skip_flagged:
        flagged = [item for item in pool if is_flagged(question_of(item))]
        if flagged:
            pool = [item for item in pool if not is_flagged(question_of(item))]
            notes.append(f"bỏ {len(flagged)} câu bị gắn cờ sau lần chấm gần nhất (--skip-flagged).")
    if avoid_days is None:
        return pool, notes
    cutoff = today - datetime.timedelta(days=avoid_days)
    fresh: list[T] = []
    recent: list[tuple[datetime.date, int, T]] = []
    for index, item in enumerate(pool):
        used = last_used(question_of(item))
        if used is not None and used > cutoff:
            recent.append((used, index, item))
        else:
            fresh.append(item)
    if not recent:
        return pool, notes
    need = 0 if count is None else max(0, count - len(fresh))
    recent.sort(key=lambda r: (r[0], r[1]))
    topped = [item for _, _, item in recent[:need]]
    if topped:
        notes.append(
            f"chỉ có {len(fresh)} câu chưa dùng trong {avoid_days} ngày qua; "
            f"thêm {len(topped)} câu dùng lâu nhất để đủ {count} câu."
        )
    left = len(recent) - len(topped)
    if left:
        notes.append(f"bỏ {left} câu đã dùng trong {avoid_days} ngày qua (--avoid-used-within).")
    keep = {id(item) for item in fresh} | {id(item) for item in topped}
    return [item for item in pool if id(item) in keep], notes


@dataclass(frozen=True)
class RecordReport:
    recorded: int
    changed_files: int
    missing: tuple[str, ...]


def record_usage(bank: Bank, records: dict[str, UsageRecord]) -> RecordReport:
    """Put each question's record for this quiz in the bank, replacing an older one for the same quiz.

    Writes go through ``Bank.update`` (one article file at a time, under the lock); a
    file whose questions already carry equal records is left untouched.
    """
    where: dict[str, list[str]] = {}
    for located in bank.iter_questions():
        if located.question.id in records:
            where.setdefault(located.article_id, []).append(located.question.id)
    found = {qid for qids in where.values() for qid in qids}
    missing = tuple(sorted(set(records) - found))
    changed = 0
    for article_id, qids in where.items():
        wanted = set(qids)

        def change(current: BankFile | None, wanted: set[str] = wanted) -> BankFile | None:
            if current is None:
                return None
            questions = []
            for q in current.questions:
                if q.id in wanted:
                    record = records[q.id]
                    others = [r for r in q.usage or [] if r.quiz != record.quiz]
                    usage = sorted([*others, record], key=lambda r: (r.date, r.quiz))
                    q = q.model_copy(update={"usage": usage})
                questions.append(q)
            return current.model_copy(update={"questions": questions})

        before = bank.load(article_id)
        after = bank.update(article_id, change)
        if after is not None and after != before:
            changed += 1
    return RecordReport(recorded=len(found), changed_files=changed, missing=missing)
