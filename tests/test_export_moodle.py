"""Moodle XML export: the structure Moodle's importer reads (a RELAX NG schema checked with lxml,
plus fractions and embedded answers parsed the way Moodle parses them), every text read back
unchanged, deterministic bytes, and a hand-checked golden file (`make golden`)."""

from __future__ import annotations

import html
import os
import re
import shlex
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from quizgen.bank import Bank
from quizgen.exporters.lms import LmsOptions, accepted_answers, tags
from quizgen.exporters.moodle import export_moodle
from quizgen.models import QFormat, Question, Status
from quizgen.questions import BLANK
from tests.conftest import ROOT, Invoke
from tests.lms_bank import LONG_STEM, SPECIAL_ARTICLE, lms_bank

GOLDEN = ROOT / "tests" / "golden" / "moodle.xml"
SCHEMA = ROOT / "tests" / "data" / "moodle" / "quiz.rng"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

# Moodle's own reading of an embedded answer (question/type/multianswer/questiontype.php):
# an alternative ends at ~ # or } unless a backslash or an entity's '&' stands before it.
_ALT = r"(=|%(-?[0-9]+(?:[.,][0-9]*)?)%)?(.+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$))(#(.*?(?<!\\)(?=[~}]|$)))?"
_FIELD = re.compile(
    r"\{([0-9]*):(SHORTANSWER|SA|MULTICHOICE|MC|MULTICHOICE_S|MCS):(" + _ALT + r"(~" + _ALT + r")*)\}", re.S
)


def moodle_cloze(text: str) -> list[list[tuple[float, str]]]:
    """Each embedded question's (fraction, answer) list, decoded as Moodle decodes them."""
    fields = []
    while m := _FIELD.search(text):
        alternatives = []
        rest = m.group(3)
        while a := re.match(r"~?" + _ALT, rest, re.S):
            fraction = 1.0 if a.group(1) == "=" else float(a.group(2)) / 100 if a.group(2) else 0.0
            answer = html.unescape(a.group(3)).replace("\\}", "}").replace("\\#", "#")
            alternatives.append((fraction, answer))
            rest = rest[a.end() :]
        assert rest == "", rest
        fields.append(alternatives)
        text = text[: m.start()] + f"{{#{len(fields)}}}" + text[m.end() :]
    assert not re.search(r"\{[0-9]*:[A-Z_]+:", text), "an embedded answer Moodle would not read"
    return fields


def shown(fragment: str) -> str:
    """What a browser shows for an HTML fragment: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<br>", "\n", re.sub(r"<(?!br>)[^>]+>", "", fragment)))


def _export(bank: Bank, out: Path, **kw: Any) -> tuple[Any, bytes]:
    export_moodle(bank, out, LmsOptions(**kw))
    data = out.read_bytes()
    return etree.fromstring(data), data


@pytest.fixture
def bank(tmp_path: Path) -> Bank:
    return lms_bank(tmp_path)


def approved(bank: Bank) -> dict[str, tuple[str, Question]]:
    return {
        loc.question.id: (loc.article_id, loc.question)
        for loc in bank.iter_questions() if loc.question.status == Status.APPROVED
    }  # fmt: skip


def test_matches_moodles_documented_structure(bank: Bank, tmp_path: Path) -> None:
    root, data = _export(bank, tmp_path / "q.xml")
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    assert schema.validate(root), schema.error_log
    questions = root.findall("question")
    assert questions[0].get("type") == "category"  # every question lands in a category
    for q in questions:
        kind = q.get("type")
        answers = q.findall("answer")
        fractions = [float(a.get("fraction")) for a in answers]
        if kind == "multichoice":
            assert q.findtext("single") == "true" and q.findtext("shuffleanswers") == "true"
            assert fractions.count(100.0) == 1 and sum(fractions) == 100.0 and len(answers) >= 2
        elif kind == "truefalse":
            assert sorted(a.findtext("text") for a in answers) == ["false", "true"]
            assert sorted(fractions) == [0.0, 100.0]
        elif kind == "shortanswer":
            assert fractions and max(fractions) == 100.0 and q.findtext("usecase") == "0"
        elif kind == "cloze":
            fields = moodle_cloze(q.findtext("questiontext/text"))
            assert len(fields) == 1 and max(f for f, _ in fields[0]) == 1.0
            assert q.find("defaultgrade") is None


def test_every_question_reads_back_unchanged(bank: Bank, tmp_path: Path) -> None:
    root, _ = _export(bank, tmp_path / "q.xml")
    expected = approved(bank)
    titles = {bf.article.id: bf.article for bf in bank.load_all()}
    category = None
    seen = set()
    for node in root.findall("question"):
        if node.get("type") == "category":
            category = node.findtext("category/text")
            continue
        qid = node.findtext("idnumber")
        article_id, q = expected[qid]
        seen.add(qid)
        meta = titles[article_id]
        assert category is not None and category.startswith("$course$/quizgen/")
        assert qid in node.findtext("name/text") and len(node.findtext("name/text")) < 100
        assert [t.findtext("text") for t in node.findall("tags/tag")] == tags(q)
        text = node.findtext("questiontext/text")
        feedback = shown(node.findtext("generalfeedback/text"))
        before, fact, after = q.evidence_parts()
        assert f"Câu gốc: {before}{fact}{after}" in feedback
        assert f"<strong>{html.escape(fact, quote=False)}</strong>" in node.findtext("generalfeedback/text")
        assert f"Bài: {meta.title}" in feedback and (
            meta.source is None or f"Nguồn: {meta.source}" in feedback
        )
        answers = [(float(a.get("fraction")), a.findtext("text")) for a in node.findall("answer")]
        if q.format == QFormat.CLOZE:
            (field,) = moodle_cloze(text)
            before_blank, after_blank = q.question.split(BLANK)
            assert shown(re.sub(r"\{[0-9]*:[A-Z_]+:.*\}", "\x00", text, flags=re.S)) == (
                before_blank + "\x00" + after_blank
            )
            assert [a for _, a in field] == [a.replace("*", "\\*") for a in accepted_answers(q)]
        elif q.format == QFormat.MCQ:
            assert shown(text) == q.question
            assert [shown(t) for _, t in answers] == q.options
            assert [t for f, t in answers if f == 100] == [f"<p>{html.escape(q.answer, quote=False)}</p>"]
        elif q.format == QFormat.TRUE_FALSE:
            assert shown(text) == q.question + "Đúng hay Sai?"
            assert dict((t, f) for f, t in answers)["true" if q.answer == "Đúng" else "false"] == 100
        else:
            assert shown(text) == q.question
            assert [t for _, t in answers] == [a.replace("*", "\\*") for a in accepted_answers(q)]
    assert seen == set(expected)


def test_special_characters_html_and_long_stem(bank: Bank, tmp_path: Path) -> None:
    root, data = _export(bank, tmp_path / "q.xml", articles=(SPECIAL_ARTICLE,))
    by_id = {n.findtext("idnumber"): n for n in root.findall("question") if n.get("type") != "category"}
    assert shown(by_id["q-5e0007"].findtext("questiontext/text")) == LONG_STEM
    # HTML in the bank is shown as text, never as markup: no live tag reaches Moodle.
    assert b"<script>" not in data and "&lt;script&gt;" in by_id["q-5e0001"].findtext("questiontext/text")
    # Aliases from the gazetteer are accepted answers; '*' is a literal star, not Moodle's wildcard.
    assert [a.findtext("text") for a in by_id["q-5e0003"].findall("answer")] == ["Hoa Kỳ", "Mỹ"]
    assert by_id["q-5e0004"].find("answer").findtext("text") == "5 \\* 3 = 15 {x} ~ # : \\ <b>"
    (field,) = moodle_cloze(by_id["q-5e0005"].findtext("questiontext/text"))
    assert field == [(1.0, "Cảnh sát {số 1} ~ #2 & <b>")]
    (field,) = moodle_cloze(by_id["q-5e0006"].findtext("questiontext/text"))
    assert [a for _, a in field] == ["Hà Nội", "Thủ đô Hà Nội", "TP Hà Nội", "thành phố Hà Nội"]
    # '/' in a title is doubled (Moodle's category path escape), the leading and trailing ones padded.
    category = root.find("question[@type='category']").findtext("category/text")
    assert category == "$course$/quizgen/Tin A//B: {ký tự} ~ = # \\ ‹b›đặc biệt‹//b› & //cuối// "


def test_multichoice_with_options_becomes_an_embedded_dropdown(bank: Bank, tmp_path: Path) -> None:
    from quizgen.exporters.moodle import cloze_html

    q = Question(
        id="q-5e0009", type="what", format=QFormat.CLOZE, question=f"Ngày {BLANK} là ngày gì?",
        answer="A ~ #1}", options=["A ~ #1}", "B \\", "C &amp; <i>"], fact="x", evidence="x",
    )  # fmt: skip
    (field,) = moodle_cloze(cloze_html(q))
    assert field == [(1.0, "A ~ #1}"), (0.0, "B \\"), (0.0, "C &amp; <i>")]
    assert "{1:MULTICHOICE_S:" in cloze_html(q)


def test_same_bank_same_bytes_and_nfc(bank: Bank, tmp_path: Path) -> None:
    _, first = _export(bank, tmp_path / "a.xml")
    _, second = _export(bank, tmp_path / "b.xml")
    assert first == second
    text = first.decode("utf-8")
    assert unicodedata.normalize("NFC", text) == text


def test_penalty_and_count(bank: Bank, tmp_path: Path) -> None:
    root, _ = _export(bank, tmp_path / "q.xml", penalty=0.3333333)
    penalties = {
        n.get("type"): n.findtext("penalty") for n in root.findall("question") if n.get("type") != "category"
    }
    assert penalties["multichoice"] == "0.3333333" and penalties["truefalse"] == "1"
    root, _ = _export(bank, tmp_path / "q.xml", count=5, seed=4)
    assert len([n for n in root.findall("question") if n.get("type") != "category"]) == 5


def test_cli(bank: Bank, tmp_path: Path, invoke: Invoke) -> None:
    out = tmp_path / "out" / "quiz.xml"
    result = invoke("export", "moodle", out, "--bank", bank.root, "--types", "who,when", "--formats", "mcq")
    assert result.exit_code == 0, result.output
    assert "Đã ghi" in result.output and "multichoice" in result.output
    root = etree.fromstring(out.read_bytes())
    assert {n.get("type") for n in root.findall("question")} == {"category", "multichoice"}
    assert invoke("export", "moodle", out, "--bank", bank.root, "--penalty", "2").exit_code == 2
    assert invoke("export", "moodle", out, "--bank", bank.root, "--formats", "essay").exit_code == 2
    missing = tmp_path / "none.xml"
    result = invoke("export", "moodle", missing, "--bank", bank.root, "--article", "khong-co")
    assert result.exit_code == 1 and not missing.exists()
    result = invoke(
        "export", "moodle", missing, "--bank", bank.root, "--types", "where", "--formats", "true_false"
    )
    assert result.exit_code == 1 and "không ghi tệp Moodle XML nào" in result.output and not missing.exists()


def test_golden(tmp_path: Path) -> None:
    """The sample bank and the special article as Moodle XML, checked by hand; `make golden` rewrites it."""
    _, data = _export(lms_bank(tmp_path), tmp_path / "q.xml")
    if UPDATE:
        GOLDEN.write_bytes(data)
    assert GOLDEN.exists(), "no golden file moodle.xml: run `make golden`"
    assert data == GOLDEN.read_bytes(), "moodle.xml changed: check it, then run `make golden`"


def test_readme_examples_run(bank: Bank, tmp_path: Path, invoke: Invoke) -> None:
    """Every command of the README's Moodle/GIFT block runs and writes a file Moodle can read."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Bài kiểm tra trực tuyến", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [shlex.split(line)[1:] for line in block.strip().splitlines()]
    assert {c[1] for c in commands} == {"moodle", "gift"}
    for args in commands:
        args = [str(tmp_path / a) if a.startswith("out/") else a for a in args]
        result = invoke(*args, "--bank", bank.root)
        assert result.exit_code == 0, (args, result.output)
        assert Path(args[2]).stat().st_size > 0


def test_hand_edited_questions_that_cannot_be_choices_go_out_as_short_answers() -> None:
    from quizgen.exporters.gift import gift_kind
    from quizgen.exporters.moodle import moodle_kind

    base = dict(id="q-5e000a", type="what", question="Hỏi gì?", answer="A", fact="A", evidence="A")
    no_options = Question(format=QFormat.MCQ, **base)
    answer_missing = Question(format=QFormat.MCQ, options=["B", "C"], **base)
    no_blank = Question(format=QFormat.CLOZE, **base)
    for q in (no_options, answer_missing, no_blank):
        assert moodle_kind(q) == "shortanswer" and gift_kind(q) == "shortanswer"
