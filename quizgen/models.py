"""The question bank's on-disk schema: strict pydantic models for files people edit.

One YAML file per article. Field order here is the order on disk, so a review
decision shows up in ``git diff`` as a few lines.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA = "quizgen.bank/1"


class QType(StrEnum):
    WHO = "who"
    WHAT = "what"
    WHEN = "when"
    WHICH_PROGRAMME = "which_programme"
    HOW_MANY = "how_many"
    WHERE = "where"
    ORG = "org"
    ACRONYM = "acronym"


class QFormat(StrEnum):
    MCQ = "mcq"
    TRUE_FALSE = "true_false"
    CLOZE = "cloze"
    SHORT_ANSWER = "short_answer"


class Status(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    REJECTED = "rejected"
    STALE = "stale"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class ReviewRecord(_Strict):
    """One decision on one question: who, when, what, why, and whether it was edited."""

    reviewer: str
    at: str = Field(description="ISO 8601 time in UTC")
    decision: Literal["approved", "rejected", "stale", "edited"]
    reason: str | None = None
    edited: bool = False


class UsageRecord(_Strict):
    """One graded use of a question: written by `quizgen grade`, keyed by the quiz's hash."""

    quiz: str = Field(description="hash of the quiz (quiz.json) the results belong to")
    title: str
    date: str = Field(description="date of the quiz, YYYY-MM-DD")
    trainees: int = Field(ge=0)
    facility: float | None = None
    discrimination: float | None = None  # upper-lower 27% index
    point_biserial: float | None = None
    flags: list[str] = Field(default_factory=list)


class Question(_Strict):
    id: str = Field(pattern=r"^q-[0-9a-f]{6,16}$")
    type: QType
    format: QFormat
    question: str = Field(min_length=1)
    answer: str = Field(min_length=1)
    options: list[str] | None = None
    fact: str = Field(min_length=1)
    evidence: str = Field(min_length=1)
    status: Status = Status.DRAFT
    score: float = 0.0
    # Who drafted it (embedded rules or a language model), which model and prompt: the reviewer
    # sees them, and a bank written before drafters existed loads with none of them.
    drafter: str | None = None
    model: str | None = None
    prompt_version: str | None = None
    # Something the reviewer must check before approving (an answer the model computed).
    flag: str | None = None
    approved_hash: str | None = None
    review: list[ReviewRecord] = Field(default_factory=list)
    # None (not []) when never graded, so files of questions never used are written as before.
    usage: list[UsageRecord] | None = None

    @field_validator("options")
    @classmethod
    def _options_distinct(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and len({o.strip().casefold() for o in value}) != len(value):
            raise ValueError("các phương án phải khác nhau")
        return value

    def evidence_parts(self) -> tuple[str, str, str]:
        """The evidence split around the tested fact: (before, fact, after); no fact found, no split."""
        at = self.evidence.find(self.fact) if self.fact else -1
        if at < 0:
            return self.evidence, "", ""
        return self.evidence[:at], self.fact, self.evidence[at + len(self.fact) :]

    def content_hash(self) -> str:
        """Hash of what a reviewer approves: text, answer and options."""
        payload = "\x1f".join([self.question, self.answer, *(self.options or [])])
        return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


class ArticleMeta(_Strict):
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$")
    title: str
    source: str | None = None
    url: str | None = None
    date: str | None = None
    path: str
    text_hash: str
    file_hash: str | None = None  # of the file's bytes: lets `generate` skip an unchanged file unread
    generator: str | None = None  # the rules that drafted it: new rules process the article again


class BankFile(_Strict):
    schema_: Literal["quizgen.bank/1"] = Field(default="quizgen.bank/1", alias="schema")
    article: ArticleMeta
    questions: list[Question] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
