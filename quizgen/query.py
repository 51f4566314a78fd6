"""Reading the bank: selecting questions and counting them (list, show, stats, export json)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from quizgen.bank import Bank, Located
from quizgen.errors import NotFoundError, UsageError
from quizgen.models import Question, Status

STATUS_CHOICES = ("draft", "approved", "rejected", "stale", "all")


def parse_status(value: str) -> Status | None:
    """'all' means no filter."""
    if value not in STATUS_CHOICES:
        raise UsageError(f"trạng thái '{value}' không hợp lệ; chọn một trong: {', '.join(STATUS_CHOICES)}.")
    return None if value == "all" else Status(value)


def effective_status(question: Question) -> Status:
    """An approved question whose text no longer matches what was approved counts as stale."""
    if (
        question.status == Status.APPROVED
        and question.approved_hash is not None
        and question.approved_hash != question.content_hash()
    ):
        return Status.STALE
    return question.status


def select(bank: Bank, status: Status | None = None, articles: tuple[str, ...] = ()) -> list[Located]:
    known = set(bank.article_ids())
    for article_id in articles:
        if article_id not in known:
            raise NotFoundError(f"không có bài báo '{article_id}' trong ngân hàng câu hỏi {bank.root}.")
    chosen = []
    for located in bank.iter_questions():
        if articles and located.article_id not in articles:
            continue
        if status is not None and effective_status(located.question) != status:
            continue
        chosen.append(located)
    return chosen


def question_record(located: Located) -> dict[str, Any]:
    """A question as exported to JSON: every field plus its article id."""
    data = located.question.model_dump(mode="json", exclude_none=False)
    return {"article": located.article_id, **data}


def was_edited(question: Question) -> bool:
    return any(record.edited for record in question.review)


def rejection_reason(question: Question) -> str:
    for record in reversed(question.review):
        if record.decision == "rejected":
            return record.reason or "(không ghi lý do)"
    return "(không ghi lý do)"


@dataclass
class Counts:
    draft: int = 0
    approved: int = 0
    approved_edited: int = 0
    rejected: int = 0
    stale: int = 0
    rejected_by_reason: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return self.draft + self.approved + self.rejected + self.stale

    @property
    def approved_as_generated(self) -> int:
        return self.approved - self.approved_edited

    def add(self, question: Question) -> None:
        status = effective_status(question)
        if status == Status.DRAFT:
            self.draft += 1
        elif status == Status.APPROVED:
            self.approved += 1
            if was_edited(question):
                self.approved_edited += 1
        elif status == Status.REJECTED:
            self.rejected += 1
            self.rejected_by_reason[rejection_reason(question)] += 1
        else:
            self.stale += 1


@dataclass
class BankStats:
    per_article: dict[str, Counts]
    total: Counts

    def as_dict(self) -> dict[str, Any]:
        def one(c: Counts) -> dict[str, Any]:
            return {
                "total": c.total,
                "draft": c.draft,
                "approved": c.approved,
                "approved_as_generated": c.approved_as_generated,
                "approved_after_edit": c.approved_edited,
                "rejected": c.rejected,
                "rejected_by_reason": dict(sorted(c.rejected_by_reason.items())),
                "stale": c.stale,
            }

        return {
            "articles": {k: one(v) for k, v in self.per_article.items()},
            "total": one(self.total),
        }


def bank_stats(bank: Bank) -> BankStats:
    per_article: dict[str, Counts] = {}
    total = Counts()
    for bank_file in bank.load_all():
        counts = per_article.setdefault(bank_file.article.id, Counts())
        for question in bank_file.questions:
            counts.add(question)
            total.add(question)
    return BankStats(per_article, total)
