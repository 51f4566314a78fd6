"""Stage: review. Decisions on questions, recorded in the bank the moment they are made.

Every decision is a read-modify-write of one article file under the bank lock, so
two reviewers (or a reviewer and a script) never lose each other's work, and a
crash loses at most the decision being made. An edit is checked with the same
checks the generator enforces before anything is written.
"""

from __future__ import annotations

import getpass
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from quizgen.bank import Bank, Located
from quizgen.checks import check_question
from quizgen.errors import NotFoundError, QuizgenError, UsageError
from quizgen.models import BankFile, QFormat, Question, ReviewRecord, Status

REJECT_REASONS = (
    "sai dữ kiện",
    "mơ hồ",
    "quá dễ",
    "sai ngữ pháp",
    "phương án nhiễu kém",
    "trùng lặp",
)
HAND_EDIT_REASON = "nội dung bị sửa tay sau khi duyệt"


class InvalidEdit(QuizgenError):
    """An edit that would leave the question broken; nothing was written."""

    def __init__(self, problems: list[str], question_id: str):
        self.problems = problems
        super().__init__(f"không lưu câu {question_id}: " + "; ".join(problems) + ".")


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def default_reviewer(explicit: str | None = None) -> str:
    """--reviewer, else `git config user.name`, else the login name."""
    if explicit and explicit.strip():
        return explicit.strip()
    try:
        name = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=5, check=False
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        name = ""
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "không rõ"


def _article_text(bank_file: BankFile, bank: Bank) -> str | None:
    """The article's current text, to check an edit's evidence; None if the file is gone or unreadable."""
    from quizgen.intake import read_article

    path = bank.article_file(bank_file)
    if path is None:
        return None
    try:
        return read_article(path).text
    except QuizgenError:
        return None


def validate(question: Question, article_text: str | None) -> list[str]:
    """The generator's checks; evidence is only checked when the article is at hand."""
    problems = check_question(question, article_text if article_text is not None else question.evidence)
    if question.format == QFormat.MCQ and (question.options is None or len(question.options) < 2):
        problems.append("câu trắc nghiệm cần ít nhất hai phương án")
    return sorted(set(problems))


def _replace(bank_file: BankFile, question: Question) -> BankFile:
    questions = [question if q.id == question.id else q for q in bank_file.questions]
    return bank_file.model_copy(update={"questions": questions})


def _find_in(bank_file: BankFile, question_id: str) -> Question:
    for q in bank_file.questions:
        if q.id == question_id:
            return q
    raise NotFoundError(f"câu hỏi {question_id} không còn trong {bank_file.article.id}.yaml.")


def _locate_all(bank: Bank, ids: Iterable[str]) -> list[Located]:
    index = {loc.question.id: loc for loc in bank.iter_questions()}
    found = []
    missing = []
    for qid in ids:
        if qid in index:
            found.append(index[qid])
        else:
            missing.append(qid)
    if missing:
        raise NotFoundError(
            f"không có câu hỏi {', '.join(missing)} trong {bank.root} (xem danh sách bằng: quizgen list); "
            "không thay đổi gì."
        )
    return found


def _apply(bank: Bank, located: list[Located], change: dict[str, Question]) -> None:
    """Write changed questions, one article file at a time, each under the lock."""
    by_article: dict[str, list[str]] = {}
    for loc in located:
        by_article.setdefault(loc.article_id, []).append(loc.question.id)
    for article_id, qids in by_article.items():

        def update(current: BankFile | None, qids: list[str] = qids) -> BankFile | None:
            assert current is not None
            for qid in qids:
                current = _replace(current, change[qid])
            return current

        bank.update(article_id, update)


def decide(
    bank: Bank,
    ids: list[str],
    decision: Status,
    reviewer: str,
    reason: str | None = None,
    allowed: tuple[Status, ...] | None = None,
) -> list[Question]:
    """Approve or reject every id, or none of them if any is unknown or in the wrong status."""
    if not ids:
        raise UsageError("cần ít nhất một mã câu hỏi.")
    if decision == Status.REJECTED and not (reason and reason.strip()):
        raise UsageError("cần lý do loại (--reason), ví dụ: --reason 'sai dữ kiện'.")
    if allowed is None:
        allowed = (
            (Status.DRAFT, Status.STALE, Status.REJECTED)
            if decision == Status.APPROVED
            else (Status.DRAFT, Status.STALE, Status.APPROVED)
        )
    # Checked once before locking, so a wrong id or status creates nothing (no lock, no state
    # folder) and needs no write access; then again under the lock, on the freshest files.
    _check_status(_locate_all(bank, ids), decision, allowed)
    with bank.locked():
        located = _locate_all(bank, ids)
        _check_status(located, decision, allowed)
        changed = {loc.question.id: _decided(loc.question, decision, reviewer, reason) for loc in located}
        _apply(bank, located, changed)
    return list(changed.values())


def _check_status(located: list[Located], decision: Status, allowed: tuple[Status, ...]) -> None:
    wrong = [loc.question for loc in located if loc.question.status not in allowed]
    if wrong:
        listed = ", ".join(f"{q.id} ({q.status.value})" for q in wrong)
        raise UsageError(
            f"không thể chuyển sang '{decision.value}': {listed}; chỉ áp dụng cho câu "
            f"{'/'.join(s.value for s in allowed)}. Không thay đổi gì."
        )


def _decided(
    question: Question, decision: Status, reviewer: str, reason: str | None, edited: bool = False
) -> Question:
    record = ReviewRecord(
        reviewer=reviewer, at=now_utc(), decision=decision.value,
        reason=(reason.strip() if reason else None), edited=edited,
    )  # fmt: skip
    update: dict[str, object] = {"status": decision, "review": [*question.review, record]}
    update["approved_hash"] = question.content_hash() if decision == Status.APPROVED else None
    return question.model_copy(update=update)


def edited_question(
    question: Question,
    text: str | None = None,
    answer: str | None = None,
    options: list[str] | None = None,
) -> Question:
    """The question with new text, answer or options; mcq options follow a changed answer."""
    new_options = question.options
    if options is not None:
        new_options = [o.strip() for o in options if o.strip()]
    elif answer is not None and question.options is not None and question.answer in question.options:
        new_options = [answer if o == question.answer else o for o in question.options]
    return question.model_copy(
        update={
            "question": (text if text is not None else question.question).strip(),
            "answer": (answer if answer is not None else question.answer).strip(),
            "options": new_options,
        }
    )


def edit(
    bank: Bank,
    question_id: str,
    reviewer: str,
    text: str | None = None,
    answer: str | None = None,
    options: list[str] | None = None,
    approve: bool = False,
) -> Question:
    """Save an edit after the generator's checks; an approved question stays approved (re-hashed)."""
    if text is None and answer is None and options is None:
        raise UsageError("không có gì để sửa: dùng --question, --answer hoặc --option.")
    # The same checks first without the lock: a bad id or a bad edit writes nothing at all.
    located = bank.find(question_id)
    if _unchanged(located.question, edited_question(located.question, text, answer, options), approve):
        return located.question
    problems = validate(
        edited_question(located.question, text, answer, options),
        _article_text(bank.load(located.article_id), bank),
    )
    if problems:
        raise InvalidEdit(problems, question_id)
    with bank.locked():
        return _edit_locked(bank, question_id, reviewer, text, answer, options, approve)


def _unchanged(old: Question, new: Question, approve: bool) -> bool:
    """Nothing to write: same content, and no approval asked for (or already approved)."""
    return new == old and (not approve or old.status == Status.APPROVED)


def _edit_locked(
    bank: Bank,
    question_id: str,
    reviewer: str,
    text: str | None,
    answer: str | None,
    options: list[str] | None,
    approve: bool,
) -> Question:
    located = bank.find(question_id)
    bank_file = bank.load(located.article_id)
    new = edited_question(located.question, text, answer, options)
    problems = validate(new, _article_text(bank_file, bank))
    if problems:
        raise InvalidEdit(problems, question_id)
    if _unchanged(located.question, new, approve):
        return located.question  # nothing changed: no write, no new review record, no new timestamp
    status = (
        Status.APPROVED if approve or located.question.status == Status.APPROVED else located.question.status
    )
    decision = Status.APPROVED if status == Status.APPROVED else Status.DRAFT

    def update(current: BankFile | None) -> BankFile | None:
        assert current is not None
        fresh = _find_in(current, question_id)
        if fresh != located.question:
            raise UsageError(f"câu {question_id} vừa được người khác thay đổi; mở lại và sửa lần nữa.")
        base = new.model_copy(update={"review": fresh.review})
        if decision == Status.APPROVED:
            result = _decided(base, Status.APPROVED, reviewer, None, edited=True)
        else:
            record = ReviewRecord(reviewer=reviewer, at=now_utc(), decision="edited", edited=True)
            result = base.model_copy(update={"review": [*fresh.review, record]})
        return _replace(current, result)

    saved = bank.update(located.article_id, update)
    assert saved is not None
    return _find_in(saved, question_id)


@dataclass(frozen=True)
class HandEdit:
    article_id: str
    question_id: str
    saved: bool = True  # False on a bank this user cannot write: counted as stale, not recorded


def _hand_edited(bank_file: BankFile) -> list[str]:
    return [
        q.id for q in bank_file.questions
        if q.status == Status.APPROVED and q.approved_hash and q.approved_hash != q.content_hash()
    ]  # fmt: skip


def sync_hand_edits(bank: Bank) -> list[HandEdit]:
    """Send approved questions whose text changed on disk since approval back to 'stale'.

    Reads without the lock and locks only the files that need the change, so reading
    commands need no write access and create nothing; on a bank this user cannot write,
    the questions are reported (exports already count them as stale) but not recorded.
    """
    pending = {f.article.id: ids for f in bank.load_all() if (ids := _hand_edited(f))}
    if not pending:
        return []
    if not bank.writable():
        return [HandEdit(a, q, saved=False) for a, ids in pending.items() for q in ids]
    found: list[HandEdit] = []
    with bank.locked():
        for article_id in pending:

            def change(current: BankFile | None, article_id: str = article_id) -> BankFile | None:
                if current is None:
                    return None
                ids = _hand_edited(current)  # the freshest copy decides
                for q in current.questions:
                    if q.id in ids:
                        current = _replace(current, _decided(q, Status.STALE, "quizgen", HAND_EDIT_REASON))
                found.extend(HandEdit(article_id, qid) for qid in ids)
                return current

            bank.update(article_id, change)
    return found
