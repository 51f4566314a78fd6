"""`quizgen export anki`: approved questions as an Anki package officers can re-import safely.

What keeps re-imports clean (Anki matches on these, so they must never change):
- note types, their fields and templates carry the fixed ids below, chosen once;
- a note's GUID derives from the question's id, never its text, so an edited question
  updates the officer's card (and keeps its review history) instead of duplicating it;
- a note's modification time is the question's last review decision, so an unchanged
  bank re-imports as "nothing new" and an edited question is newer and updates;
- Anki never deletes on import: a question rejected after it was approved is still
  exported, tagged ``quizgen::da-loai`` with a notice, so officers can find and suspend it.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import genanki  # this module is only imported by `export anki`, so `--help` stays fast

from quizgen.bank import Bank
from quizgen.errors import NotFoundError, NothingToExportError, UsageError
from quizgen.fileio import atomic_writer
from quizgen.models import QFormat, QType, Question, Status
from quizgen.query import effective_status
from quizgen.questions import BLANK
from quizgen.resources import templates_dir

# Fixed ids (documented in the README). Never change them: Anki would duplicate the note
# types and skip notes on the officers' devices.
MCQ_MODEL_ID = 1_731_500_101
BASIC_MODEL_ID = 1_731_500_102
CLOZE_MODEL_ID = 1_731_500_103
ROOT_DECK_ID = 1_731_500_200
FIELD_ID_BASE = 7_315_001_000  # + model offset * 100 + field position
TEMPLATE_ID_BASE = 7_315_002_000  # + model offset * 100 + template position
DEFAULT_DECK = "Tập huấn"
RETIRED_TAG = "quizgen::da-loai"
RETIRED_NOTICE = "Câu hỏi này đã bị loại khỏi ngân hàng câu hỏi. Hãy tạm ngưng (Suspend) thẻ này."

MCQ_FIELDS = (
    "Question",
    "Options",
    "Answer",
    "AnswerLetter",
    "Evidence",
    "Article",
    "Source",
    "Retired",
    "QuestionId",
)
BASIC_FIELDS = ("Question", "Prompt", "Answer", "Evidence", "Article", "Source", "Retired", "QuestionId")
CLOZE_FIELDS = ("Text", "Evidence", "Article", "Source", "Retired", "QuestionId")


@dataclass(frozen=True)
class AnkiReport:
    notes: int
    retired: int
    decks: int


def _fields(names: tuple[str, ...], offset: int) -> list[dict[str, Any]]:
    return [{"name": n, "id": FIELD_ID_BASE + offset * 100 + i} for i, n in enumerate(names)]


def _template(name: str, front: str, back: str, offset: int) -> dict[str, Any]:
    root = templates_dir() / "anki"
    return {
        "name": name,
        "id": TEMPLATE_ID_BASE + offset * 100,
        "qfmt": (root / front).read_text(encoding="utf-8"),
        "afmt": (root / back).read_text(encoding="utf-8"),
    }


def _models() -> dict[str, Any]:
    css = (templates_dir() / "anki" / "style.css").read_text(encoding="utf-8")
    return {
        "mcq": genanki.Model(
            MCQ_MODEL_ID, "quizgen: trắc nghiệm", fields=_fields(MCQ_FIELDS, 1),
            templates=[_template("Trắc nghiệm", "mcq_front.html", "mcq_back.html", 1)], css=css,
        ),
        "basic": genanki.Model(
            BASIC_MODEL_ID, "quizgen: hỏi đáp", fields=_fields(BASIC_FIELDS, 2),
            templates=[_template("Hỏi đáp", "basic_front.html", "basic_back.html", 2)], css=css,
        ),
        "cloze": genanki.Model(
            CLOZE_MODEL_ID, "quizgen: điền khuyết", fields=_fields(CLOZE_FIELDS, 3),
            templates=[_template("Điền khuyết", "cloze_front.html", "cloze_back.html", 3)], css=css,
            model_type=genanki.Model.CLOZE,
        ),
    }  # fmt: skip


def field_text(text: str) -> str:
    """Plain text as an Anki field: HTML-escaped, and Anki's own syntax neutralised."""
    escaped = html.escape(text, quote=False)
    return escaped.replace("{", "&#123;").replace("}", "&#125;").replace("::", "&#58;&#58;")


def highlighted(q: Question) -> str:
    before, fact, after = q.evidence_parts()
    mark = f"<mark>{field_text(fact)}</mark>" if fact else ""
    return field_text(before) + mark + field_text(after)


def deck_id_for(root_name: str, article_id: str) -> int:
    """A sub-deck's id: stable for the same root deck name and article."""
    digest = hashlib.sha1(f"{ROOT_DECK_ID}\x1f{root_name}\x1f{article_id}".encode()).hexdigest()
    return 1 << 40 | int(digest[:9], 16)


def _epoch(iso: str) -> int:
    return int(datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp())


def _last_decision_time(q: Question) -> int:
    return max((_epoch(r.at) for r in q.review), default=0)


def _was_approved(q: Question) -> bool:
    return any(r.decision == "approved" for r in q.review)


def _deck_name(root: str, title: str) -> str:
    title = re.sub(r"\s+", " ", title.replace("::", ":")).strip() or "(không tên)"
    return f"{root}::{title[:90]}"


def _note_fields(q: Question, title: str, source: str | None, retired: bool) -> tuple[str, list[str]]:
    common = [highlighted(q), field_text(title), field_text(source or ""),
              RETIRED_NOTICE if retired else "", q.id]  # fmt: skip
    if q.format == QFormat.MCQ and q.options:
        letters = "ABCD"
        items = "".join(
            f'<li><span class="letter">{letters[i]}.</span> {field_text(o)}</li>'
            for i, o in enumerate(q.options)
        )
        letter = letters[q.options.index(q.answer)]
        return "mcq", [
            field_text(q.question),
            f'<ul class="options">{items}</ul>',
            field_text(q.answer),
            letter,
            *common,
        ]
    if q.format == QFormat.CLOZE and BLANK in q.question:
        before, after = q.question.split(BLANK, 1)
        text = field_text(before) + "{{c1::" + field_text(q.answer) + "}}" + field_text(after)
        return "cloze", [text, *common]
    prompt = "Đúng hay Sai?" if q.format == QFormat.TRUE_FALSE else ""
    return "basic", [field_text(q.question), prompt, field_text(q.answer), *common]


def _tags(q: Question, article_id: str, retired: bool) -> list[str]:
    tags = ["quizgen", f"quizgen::loai::{q.type.value}", f"quizgen::dang::{q.format.value}",
            f"quizgen::bai::{re.sub(r'[^A-Za-z0-9._-]', '_', article_id)}"]  # fmt: skip
    if retired:
        tags.append(RETIRED_TAG)
    return tags


def export_anki(
    bank: Bank,
    out: Path,
    deck: str = DEFAULT_DECK,
    types: tuple[QType, ...] = (),
    articles: tuple[str, ...] = (),
) -> AnkiReport:
    """Write the approved questions (and retired ones, tagged) to ``out`` as an .apkg."""
    if not deck.strip() or "::" in deck.strip(":"):
        raise UsageError("tên bộ thẻ (--deck) không được rỗng hay chứa '::'.")
    deck = deck.strip()
    files = {f.article.id: f for f in bank.load_all()}  # one read of the bank for the whole export
    unknown = [a for a in articles if a not in files]
    if unknown:
        raise NotFoundError(f"không có bài báo '{unknown[0]}' trong ngân hàng câu hỏi {bank.root}.")

    def wanted(article_id: str, q: Question) -> bool:
        return (not articles or article_id in articles) and (not types or q.type in types)

    chosen = [
        q.id for f in files.values() for q in f.questions
        if wanted(f.article.id, q) and effective_status(q) == Status.APPROVED
    ]  # fmt: skip
    if not chosen:
        raise NothingToExportError(
            f"không có câu hỏi đã duyệt nào khớp bộ lọc trong {bank.root}; không ghi bộ thẻ nào. "
            "Duyệt câu hỏi bằng: quizgen review"
        )
    # Rejected after an approval: the officer may have the card already, so it goes out tagged.
    retired = [
        q.id for f in files.values() for q in f.questions
        if wanted(f.article.id, q) and q.status == Status.REJECTED and _was_approved(q)
    ]  # fmt: skip
    chosen_ids = set(chosen) | set(retired)
    models = _models()
    decks: dict[str, Any] = {}
    position = 0
    for bank_file in files.values():  # bank order: articles sorted by id, questions as in the file
        for q in bank_file.questions:
            if q.id not in chosen_ids:
                continue
            is_retired = effective_status(q) == Status.REJECTED
            name = _deck_name(deck, bank_file.article.title)
            target = decks.setdefault(name, genanki.Deck(deck_id_for(deck, bank_file.article.id), name))
            kind, values = _note_fields(q, bank_file.article.title, bank_file.article.source, is_retired)
            note = _TimedNote(
                model=models[kind], fields=values, tags=_tags(q, bank_file.article.id, is_retired),
                guid=genanki.guid_for("quizgen", q.id), due=position, sort_field=values[0],
            )  # fmt: skip
            note.mod = _last_decision_time(q)
            target.add_note(note)
            position += 1
    stamp = max(n.mod for d in decks.values() for n in d.notes)
    _write_package(genanki.Package(list(decks.values())), Path(out), stamp)
    return AnkiReport(notes=position, retired=len(retired), decks=len(decks))


def _write_package(package: Any, out: Path, stamp: int) -> None:
    """genanki's writer, with a fixed timestamp and zip dates so equal banks give equal bytes."""
    import itertools

    # The SQLite collection is scratch space (private, 0600, in the system's temp folder);
    # only the package itself is an output, written through the shared atomic writer.
    fd, db_path = tempfile.mkstemp(suffix=".anki2")
    os.close(fd)
    try:
        conn = sqlite3.connect(db_path)
        package.write_to_db(conn.cursor(), stamp, itertools.count(stamp * 1000))
        conn.commit()
        conn.execute("VACUUM")
        conn.close()
        fixed = (2000, 1, 1, 0, 0, 0)
        with atomic_writer(out) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(zipfile.ZipInfo("collection.anki2", fixed), Path(db_path).read_bytes())
            archive.writestr(zipfile.ZipInfo("media", fixed), json.dumps({}))
    finally:
        Path(db_path).unlink(missing_ok=True)


class _TimedNote(genanki.Note):  # type: ignore[misc]
    """A note whose modification time is its question's last decision, not the export's."""

    mod = 0

    def write_to_db(self, cursor: Any, timestamp: float, deck_id: int, id_gen: Any) -> None:
        # genanki stamps the note (and its cards) with the time it is given: give it ours.
        super().write_to_db(cursor, self.mod, deck_id, id_gen)
