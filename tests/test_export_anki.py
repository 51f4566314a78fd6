"""The Anki export, checked by importing it with the official `anki` package."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgen.bank import Bank
from quizgen.errors import NothingToExportError
from quizgen.exporters.anki import RETIRED_TAG, export_anki
from quizgen.generate import generate
from quizgen.models import QFormat, Status
from quizgen.review import decide, edit
from tests.conftest import Invoke

anki_collection = pytest.importorskip(
    "anki.collection", reason="the official anki package is not installed (it needs a recent glibc)"
)
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest  # noqa: E402

TEMPLATE_ERROR_MARKERS = ("Error", "Lỗi mẫu", "{{", "}}", "missing field", "Unknown field")


@pytest.fixture
def approved(seeds: Path, bank_dir: Path) -> Bank:
    bank = Bank(bank_dir)
    generate([seeds], bank)
    ids = [loc.question.id for loc in bank.iter_questions()]
    decide(bank, ids, Status.APPROVED, "Tester")
    return bank


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[object]:
    (tmp_path / "officer").mkdir()
    col = anki_collection.Collection(str(tmp_path / "officer" / "collection.anki2"))
    yield col
    col.close()


def import_into(col: object, package: Path) -> object:
    request = ImportAnkiPackageRequest(
        package_path=str(package), options=ImportAnkiPackageOptions(with_scheduling=True)
    )
    return col.import_anki_package(request).log  # type: ignore[attr-defined]


def test_import_counts_decks_tags_and_rendering(approved: Bank, tmp_path: Path, collection: object) -> None:
    col: object = collection
    out = tmp_path / "deck.apkg"
    report = export_anki(approved, out)
    log = import_into(col, out)
    n = len(list(approved.iter_questions()))
    assert report.notes == n and len(log.new) == n  # type: ignore[attr-defined]
    assert col.note_count() == n and col.card_count() == n  # type: ignore[attr-defined]
    names = {d.name for d in col.decks.all_names_and_ids()}  # type: ignore[attr-defined]
    titles = {f.article.title for f in approved.load_all()}
    assert {f"Tập huấn::{t}" for t in titles} <= names
    bank_questions = {loc.question.id: loc.question for loc in approved.iter_questions()}
    for card_id in col.find_cards("tag:quizgen"):  # type: ignore[attr-defined]
        card = col.get_card(card_id)  # type: ignore[attr-defined]
        note = card.note()
        q = bank_questions[note["QuestionId"]]
        assert (
            f"quizgen::loai::{q.type.value}" in note.tags and f"quizgen::dang::{q.format.value}" in note.tags
        )
        front, back = _visible(card.question()), _visible(card.answer())
        for marker in TEMPLATE_ERROR_MARKERS:
            assert marker not in front and marker not in back
        assert unicodedata.is_normalized("NFC", back)
        if q.format == QFormat.CLOZE:
            assert q.answer in back
        else:
            assert q.question in front and q.answer in back
        if q.options:
            assert all(o in front for o in q.options)


def test_study_order_follows_the_bank(approved: Bank, tmp_path: Path, collection: object) -> None:
    col: object = collection
    export_anki(approved, tmp_path / "d.apkg")
    import_into(col, tmp_path / "d.apkg")
    cards = [col.get_card(c) for c in col.find_cards("tag:quizgen")]  # type: ignore[attr-defined]
    by_due = [c.note()["QuestionId"] for c in sorted(cards, key=lambda c: c.due)]
    assert by_due == [loc.question.id for loc in approved.iter_questions()]


def test_reimport_adds_nothing_edit_updates_one_and_keeps_scheduling(
    approved: Bank, tmp_path: Path, collection: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    col: object = collection
    first = tmp_path / "v1.apkg"
    export_anki(approved, first)
    import_into(col, first)
    again = import_into(col, first)
    assert len(again.new) == 0 and len(again.updated) == 0  # type: ignore[attr-defined]

    target = next(loc.question for loc in approved.iter_questions() if loc.question.format == QFormat.MCQ)
    card = col.get_card(col.find_cards(f"QuestionId:{target.id}")[0])  # type: ignore[attr-defined]
    card.type, card.queue, card.ivl, card.due = 2, 2, 17, 400  # the officer has studied it
    col.update_card(card)  # type: ignore[attr-defined]

    monkeypatch.setattr("quizgen.review.now_utc", lambda: "2099-01-01T00:00:00Z")
    edit(approved, target.id, "Tester", text=target.question.rstrip("?") + " (đã sửa)?")
    second = tmp_path / "v2.apkg"
    export_anki(approved, second)
    log = import_into(col, second)
    assert len(log.updated) == 1 and len(log.new) == 0  # type: ignore[attr-defined]
    updated = col.get_card(col.find_cards(f"QuestionId:{target.id}")[0])  # type: ignore[attr-defined]
    assert updated.ivl == 17 and updated.due == 400
    assert "(đã sửa)" in updated.question()
    assert col.note_count() == len(list(approved.iter_questions()))  # type: ignore[attr-defined]


def test_new_question_adds_one_note(seeds: Path, bank_dir: Path, tmp_path: Path, collection: object) -> None:
    col: object = collection
    bank = Bank(bank_dir)
    generate([seeds], bank)
    ids = [loc.question.id for loc in bank.iter_questions()]
    decide(bank, ids[:-1], Status.APPROVED, "Tester")
    export_anki(bank, tmp_path / "a.apkg")
    import_into(col, tmp_path / "a.apkg")
    decide(bank, ids[-1:], Status.APPROVED, "Tester")
    export_anki(bank, tmp_path / "b.apkg")
    log = import_into(col, tmp_path / "b.apkg")
    assert len(log.new) == 1  # type: ignore[attr-defined]


def test_rejected_after_export_is_tagged_for_suspension(
    approved: Bank, tmp_path: Path, collection: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    col: object = collection
    export_anki(approved, tmp_path / "a.apkg")
    import_into(col, tmp_path / "a.apkg")
    victim = next(iter(approved.iter_questions())).question
    monkeypatch.setattr("quizgen.review.now_utc", lambda: "2099-01-01T00:00:00Z")
    decide(approved, [victim.id], Status.REJECTED, "Tester", "sai dữ kiện")
    report = export_anki(approved, tmp_path / "b.apkg")
    assert report.retired == 1
    import_into(col, tmp_path / "b.apkg")
    found = col.find_notes(f"tag:{RETIRED_TAG}")  # type: ignore[attr-defined]
    assert len(found) == 1 and col.get_note(found[0])["QuestionId"] == victim.id  # type: ignore[attr-defined]


def test_same_bank_same_bytes_and_a_sound_package(approved: Bank, tmp_path: Path) -> None:
    export_anki(approved, tmp_path / "a.apkg")
    export_anki(approved, tmp_path / "b.apkg")
    assert (tmp_path / "a.apkg").read_bytes() == (tmp_path / "b.apkg").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.apkg") as archive:
        assert sorted(archive.namelist()) == ["collection.anki2", "media"]
        assert json.loads(archive.read("media")) == {}
        (tmp_path / "c.anki2").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "c.anki2") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_html_and_anki_syntax_render_as_written(approved: Bank, tmp_path: Path, collection: object) -> None:
    col: object = collection
    target = next(loc.question for loc in approved.iter_questions() if loc.question.format == QFormat.MCQ)
    nasty = 'Câu <b>đậm</b> với {{c1::x}} và a::b, "}}"?'
    edit(approved, target.id, "Tester", text=nasty)
    export_anki(approved, tmp_path / "x.apkg")
    import_into(col, tmp_path / "x.apkg")
    card = col.get_card(col.find_cards(f"QuestionId:{target.id}")[0])  # type: ignore[attr-defined]
    front = card.question()
    assert "<b>" not in front and "&lt;b&gt;đậm&lt;/b&gt;" in front
    assert "{{c1::x}}" in _visible(front) and "a::b" in _visible(front)


def _visible(rendered: str) -> str:
    """What the officer reads: the card's HTML without the style sheet, entities decoded."""
    import html
    import re

    return html.unescape(re.sub(r"<style>.*?</style>", "", rendered, flags=re.DOTALL))


def test_nothing_approved_is_an_error_and_writes_nothing(
    seeds: Path, bank_dir: Path, tmp_path: Path, invoke: Invoke
) -> None:
    generate([seeds], Bank(bank_dir))
    out = tmp_path / "none.apkg"
    with pytest.raises(NothingToExportError):
        export_anki(Bank(bank_dir), out)
    result = invoke("export", "anki", out, "--bank", bank_dir)
    assert result.exit_code == 1 and "quizgen review" in result.output and not out.exists()


def test_filters_through_cli(approved: Bank, tmp_path: Path, invoke: Invoke) -> None:
    out = tmp_path / "who.apkg"
    result = invoke("export", "anki", out, "--bank", approved.root, "--types", "who", "--deck", "Ôn tập")
    assert result.exit_code == 0, result.output
    assert invoke("export", "anki", out, "--bank", approved.root, "--types", "nope").exit_code == 2
    empty = invoke("export", "anki", tmp_path / "e.apkg", "--bank", approved.root, "--article", "nope")
    assert empty.exit_code == 1
