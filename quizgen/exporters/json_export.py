"""`quizgen export json`: the bank as one JSON document (schema quizgen.bank/1)."""

from __future__ import annotations

import json
from pathlib import Path

from quizgen.bank import Bank
from quizgen.errors import NothingToExportError
from quizgen.fileio import atomic_write_text
from quizgen.models import SCHEMA, Status
from quizgen.query import question_record, select


def export_json(bank: Bank, out: Path, status: Status | None = Status.APPROVED) -> int:
    """Write the selected questions to ``out``; returns how many were written."""
    chosen = select(bank, status)
    if not chosen:
        label = "nào" if status is None else f"ở trạng thái '{status.value}'"
        raise NothingToExportError(f"không có câu hỏi {label} trong {bank.root} để xuất; không ghi tệp nào.")
    payload = {"schema": SCHEMA, "questions": [question_record(q) for q in chosen]}
    atomic_write_text(Path(out), json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return len(chosen)
