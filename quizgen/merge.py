"""`quizgen merge-driver`: a git merge driver that merges bank files question by question.

Plain ``git merge`` already merges two trainers' decisions on different questions of the
same article (each question is its own block). It stops on what lines cannot express:
a decision on the last question of a file while the other branch's ``generate`` appended
drafts after it, or two decisions on the same question. This driver merges the parsed
files instead: the article's metadata and each question three ways (base, ours, theirs),
new questions from both sides, review histories joined. When both sides decided the same
question differently, the later decision's text is kept, both records stay in its
history, and the question goes back to ``stale`` so that someone looks at it again
before it reaches a quiz: a disagreement is never settled silently.

A file that does not parse, or metadata both sides changed differently, is left to
``git merge-file`` (conflict markers, exit 1), as git would have done without the driver.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from quizgen.bank import parse_bank_text, serialize
from quizgen.errors import QuizgenError
from quizgen.fileio import atomic_write_text
from quizgen.models import ArticleMeta, BankFile, Question, ReviewRecord, Status

MERGE_REASON = "hai nhánh quyết định khác nhau; gộp bằng git, cần duyệt lại"


@dataclass
class MergeReport:
    merged: bool
    disagreements: list[str] = field(default_factory=list)  # question ids sent back to stale
    message: str = ""


def _parse(path: Path, name: str | None) -> BankFile | None:
    """The bank file at ``path`` (a git temp file), checked as if it were ``name``; None when empty."""
    text = path.read_text(encoding="utf-8")
    if not text.strip():
        return None
    if name is None:
        data = yaml.safe_load(text)
        article_id = data.get("article", {}).get("id") if isinstance(data, dict) else None
        name = f"{article_id}.yaml"
    return parse_bank_text(text, Path(name))


def _three_way(base: object, ours: object, theirs: object) -> tuple[bool, object]:
    if ours == theirs or theirs == base:
        return True, ours
    if ours == base:
        return True, theirs
    return False, ours


def _last_at(q: Question) -> str:
    return max((r.at for r in q.review), default="")


def _joined_history(ours: Question, theirs: Question) -> list[ReviewRecord]:
    records = list(ours.review)
    records += [r for r in theirs.review if r not in records]
    return sorted(records, key=lambda r: r.at)  # stable: same time keeps our side first


def merge_question(base: Question | None, ours: Question, theirs: Question) -> tuple[Question, bool]:
    """The merged question and whether the two sides disagreed."""
    done, result = _three_way(base, ours, theirs)
    if done:
        assert isinstance(result, Question)
        return result, False
    history = _joined_history(ours, theirs)
    if ours.model_copy(update={"review": []}) == theirs.model_copy(update={"review": []}):
        return ours.model_copy(update={"review": history}), False  # same decision, made twice
    later = theirs if _last_at(theirs) > _last_at(ours) else ours
    record = ReviewRecord(
        reviewer="quizgen", at=max(_last_at(ours), _last_at(theirs)), decision="stale", reason=MERGE_REASON
    )
    update = {"review": [*history, record], "status": Status.STALE, "approved_hash": None}
    return later.model_copy(update=update), True


def merge_files(base: BankFile | None, ours: BankFile, theirs: BankFile) -> tuple[BankFile | None, list[str]]:
    """The merged file (None when the metadata conflicts) and the ids sent back to review."""
    done, meta = _three_way(base.article if base else None, ours.article, theirs.article)
    if not done:
        return None, []
    assert isinstance(meta, ArticleMeta)
    old = {q.id: q for q in base.questions} if base else {}
    mine = {q.id: q for q in ours.questions}
    other = {q.id: q for q in theirs.questions}
    merged: list[Question] = []
    disagreements: list[str] = []
    order = [q.id for q in ours.questions] + [q.id for q in theirs.questions if q.id not in mine]
    for qid in order:
        a, b, o = mine.get(qid), other.get(qid), old.get(qid)
        if a is None or b is None:
            present = a or b
            assert present is not None
            if o is not None and present != o:
                return None, []  # deleted on one side, changed on the other: a person decides
            if o is None:
                merged.append(present)  # new on one side
            continue  # deleted on one side and untouched on the other
        question, disagreed = merge_question(o, a, b)
        merged.append(question)
        if disagreed:
            disagreements.append(qid)
    return BankFile(article=meta, questions=merged), disagreements


def _merge_file_fallback(base: Path, ours: Path, theirs: Path) -> bool:
    """git's own line merge, conflict markers included; True when it merged cleanly."""
    done = subprocess.run(
        ["git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", str(ours), str(base), str(theirs)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def merge_driver(base: Path, ours: Path, theirs: Path, name: str | None = None) -> MergeReport:
    """Merge ``theirs`` into ``ours`` (written in place, as git expects)."""
    try:
        parsed = [_parse(p, name) for p in (base, ours, theirs)]
    except (QuizgenError, yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        clean = _merge_file_fallback(base, ours, theirs)
        return MergeReport(clean, message=f"không đọc được một phiên bản ({exc}); gộp theo dòng.")
    o, a, b = parsed
    if a is None or b is None:
        clean = _merge_file_fallback(base, ours, theirs)
        return MergeReport(clean, message="một phía rỗng; gộp theo dòng.")
    result, disagreements = merge_files(o, a, b)
    if result is None:
        clean = _merge_file_fallback(base, ours, theirs)
        why = "hai nhánh sửa khác nhau phần thông tin bài, hoặc một bên xóa câu bên kia sửa"
        return MergeReport(clean, message=f"{why}; gộp theo dòng.")
    atomic_write_text(ours, serialize(result))
    return MergeReport(True, disagreements)
