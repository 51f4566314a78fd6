"""GIFT export, read back by an independent parser: gift-pegjs (npm, installed by `make test`
from tests/gift/package-lock.json), run with node. Every question, answer and feedback must
come back as exported, including every GIFT special character, HTML-looking text and a very
long stem. Without node the parser tests are skipped, with the reason."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from quizgen.bank import Bank
from quizgen.exporters.gift import escape, export_gift
from quizgen.exporters.lms import (
    LmsOptions,
    accepted_answers,
    category_path,
    feedback_html,
    html_text,
    question_name,
    shortanswer_pattern,
    tags,
)
from quizgen.models import QFormat, Question, Status
from quizgen.questions import BLANK
from tests.conftest import ROOT, Invoke
from tests.lms_bank import LONG_STEM, SPECIAL_ARTICLE, lms_bank

GIFT_DIR = ROOT / "tests" / "gift"
NODE = shutil.which("node")


def gift_pegjs(path: Path) -> list[dict[str, Any]]:
    if NODE is None:
        pytest.skip(
            "node không có trên máy: bỏ qua kiểm thử đọc lại GIFT bằng gift-pegjs (cài nodejs và npm)"
        )
    if not (GIFT_DIR / "node_modules" / "gift-pegjs").is_dir():
        pytest.fail("gift-pegjs chưa được cài: chạy `make test` (hoặc npm ci --prefix tests/gift)")
    run = subprocess.run(
        [NODE, str(GIFT_DIR / "parse.js"), str(path)], capture_output=True, text=True, check=False
    )
    parsed = json.loads(run.stdout)
    assert run.returncode == 0, parsed
    assert isinstance(parsed, list)
    return parsed


@pytest.fixture
def bank(tmp_path: Path) -> Bank:
    return lms_bank(tmp_path)


def expected_stem(q: Question) -> str:
    if q.format == QFormat.TRUE_FALSE:
        return f"<p>{html_text(q.question)}</p><p>Đúng hay Sai?</p>"
    if q.format == QFormat.CLOZE:
        before, after = (html_text(part) for part in q.question.split(BLANK, 1))
        # Where the answers stood, Moodle writes "_____" and gift-pegjs " _____ " (its own spacing).
        return f"{before.rstrip()} _____ {after.lstrip()}" if after.strip() else f"{before}_____"
    return html_text(q.question)


def test_every_question_answer_and_feedback_round_trips(bank: Bank, tmp_path: Path) -> None:
    out = tmp_path / "quiz.gift"
    export_gift(bank, out, LmsOptions())
    parsed = gift_pegjs(out)
    files = bank.load_all()
    expected: list[tuple[str, Any]] = []
    for bank_file in files:
        questions = [q for q in bank_file.questions if q.status == Status.APPROVED]
        if questions:
            expected.append(("category", bank_file.article))
            expected += [("question", (q, bank_file.article)) for q in questions]
    assert len(parsed) == len(expected)
    for got, (kind, item) in zip(parsed, expected, strict=True):
        if kind == "category":
            assert got == {"type": "Category", "title": category_path(item)}
            continue
        q, meta = item
        assert got["id"] == q.id and got["tags"] == tags(q), got
        assert got["title"] == question_name(q)
        assert got["stem"] == {"format": "html", "text": expected_stem(q)}, q.id
        assert got["globalFeedback"] == {"format": "html", "text": feedback_html(q, meta)}, q.id
        if q.format == QFormat.MCQ:
            assert got["type"] == "MC"
            assert [(c["isCorrect"], c["text"]["text"]) for c in got["choices"]] == [
                (o == q.answer, html_text(o)) for o in q.options or []
            ]
        elif q.format == QFormat.TRUE_FALSE:
            assert got["type"] == "TF" and got["isTrue"] == (q.answer == "Đúng")
        else:
            assert got["type"] == "Short"
            assert [(c["isCorrect"], c["text"]["text"]) for c in got["choices"]] == [
                (True, shortanswer_pattern(a)) for a in accepted_answers(q)
            ]


def test_special_characters_html_and_long_stem(bank: Bank, tmp_path: Path) -> None:
    out = tmp_path / "special.gift"
    export_gift(bank, out, LmsOptions(articles=(SPECIAL_ARTICLE,)))
    text = out.read_text(encoding="utf-8")
    # HTML-looking text is escaped wherever Moodle reads HTML (text, options, feedback).
    html_parts = [line.split("::[html]", 1)[-1] for line in text.splitlines() if "::[html]" in line]
    assert html_parts and all("<script>" not in part for part in html_parts)
    assert "&lt;script&gt;" in text
    parsed = {q.get("id"): q for q in gift_pegjs(out)}
    assert parsed["q-5e0007"]["stem"]["text"] == LONG_STEM
    assert parsed["q-5e0001"]["stem"]["text"].endswith("&lt;![CDATA[y]]&gt;?")
    assert [c["text"]["text"] for c in parsed["q-5e0003"]["choices"]] == ["Hoa Kỳ", "Mỹ"]
    assert [c["text"]["text"] for c in parsed["q-5e0004"]["choices"]] == ["5 \\* 3 = 15 {x} ~ # : \\ <b>"]
    assert [c["text"]["text"] for c in parsed["q-5e0005"]["choices"]] == ["Cảnh sát {số 1} ~ #2 & <b>"]


def test_escape_follows_moodle() -> None:
    assert escape("a~b=c#d{e}f:g\\h\nk") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\nk"


def test_same_bank_same_bytes_nfc(bank: Bank, tmp_path: Path) -> None:
    export_gift(bank, tmp_path / "a.gift", LmsOptions())
    export_gift(bank, tmp_path / "b.gift", LmsOptions())
    data = (tmp_path / "a.gift").read_bytes()
    assert data == (tmp_path / "b.gift").read_bytes()
    assert unicodedata.normalize("NFC", data.decode("utf-8")) == data.decode("utf-8")


def test_cli_count_and_filters(bank: Bank, tmp_path: Path, invoke: Invoke) -> None:
    out = tmp_path / "out" / "quiz.gift"
    result = invoke("export", "gift", out, "--bank", bank.root, "--types", "who,when", "--formats", "mcq")
    assert result.exit_code == 0, result.output
    assert "Đã ghi" in result.output
    text = out.read_text(encoding="utf-8")
    assert "$CATEGORY: $course$/quizgen/" in text and "// [id:q-" in text
    result = invoke(
        "export", "gift", out, "--bank", bank.root, "--count", "4", "--seed", "3", "--allow-giveaways"
    )
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").count("// [id:") == 4
    missing = tmp_path / "none.gift"
    result = invoke("export", "gift", missing, "--bank", bank.root, "--article", "khong-co")
    assert result.exit_code == 1 and not missing.exists()
    assert invoke("export", "gift", missing, "--bank", bank.root, "--count", "0").exit_code == 2
    result = invoke("export", "gift", tmp_path, "--bank", bank.root)
    assert result.exit_code == 2 and "là một thư mục" in result.output


# -- Moodle's own reading ----------------------------------------------------------------------
# A line-for-line port of qformat_gift::readquestion (question/format/gift/format.php) for the
# question types quizgen writes, so the file is also checked against the reader that imports it.

_PLACEHOLDERS = {"\\:": "&&058;", "\\#": "&&035;", "\\=": "&&061;", "\\{": "&&123;", "\\}": "&&125;",
                 "\\~": "&&126;", "\\n": "&&010"}  # fmt: skip


def _pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in _PLACEHOLDERS.items():
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def _post(text: str) -> str:
    for escaped, placeholder in _PLACEHOLDERS.items():
        text = text.replace(placeholder, "\n" if escaped == "\\n" else escaped[1])
    return text


def _with_format(text: str) -> tuple[str, str]:
    fmt = "moodle"
    if text.startswith("[") and text[1 : text.find("]")] in ("html", "moodle", "plain", "markdown"):
        fmt, text = text[1 : text.find("]")], text[text.find("]") + 1 :]
    return fmt, _post(text).strip()


def moodle_read_gift(data: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for block in re.split(r"\n\s*\n", data):
        lines = [" " if line.strip().startswith("//") else line for line in block.split("\n")]
        text = "\n".join(lines).strip()
        if not text:
            continue
        text = _pre(text)
        if text.startswith("$CATEGORY:"):
            out.append({"type": "category", "category": text[10:].strip()})
            continue
        name = None
        if text.startswith("::"):
            end = text.index("::", 2)
            name, text = _post(text[2:end]).strip(), text[end + 2 :].strip()
        start, finish = text.index("{"), text.index("}")
        answertext = text[start + 1 : finish].strip()
        if text.endswith("}"):
            questiontext = text[:start] + text[finish + 1 :]
        else:
            questiontext = text[:start] + "_____" + text[finish + 1 :]
        feedback = ""
        if "####" in answertext:
            cut = answertext.rindex("####")
            feedback, answertext = answertext[cut + 4 :], answertext[:cut].strip()
        fmt, qtext = _with_format(questiontext)
        item: dict[str, Any] = {
            "name": name,
            "format": fmt,
            "text": qtext,
            "feedback": _with_format(feedback)[1],
        }
        if "~" in answertext:
            answers = [a.strip() for a in answertext.replace("=", "~=").split("~")]
            answers = answers[1:] if not answers[0] else answers
            item["type"] = "multichoice"
            item["answers"] = [(1.0 if a[0] == "=" else 0.0, _with_format(a.lstrip("=").split("#", 1)[0].strip())[1])
                               for a in answers]  # fmt: skip
        elif answertext.split("#", 1)[0].strip() in ("T", "TRUE", "F", "FALSE"):
            item["type"] = "truefalse"
            item["true"] = answertext.split("#", 1)[0].strip() in ("T", "TRUE")
        else:
            answers = [a.strip() for a in answertext.split("=")]
            answers = answers[1:] if not answers[0] else answers
            assert not any(re.match(r"^%-*([0-9]{1,2})\.?([0-9]*)%", a) for a in answers)
            item["type"] = "shortanswer"
            item["answers"] = [(1.0, _with_format(a.split("#", 1)[0].strip())[1]) for a in answers]
        out.append(item)
    return out


def test_moodles_own_reader_gets_every_question_back(bank: Bank, tmp_path: Path) -> None:
    out = tmp_path / "quiz.gift"
    export_gift(bank, out, LmsOptions())
    read = [r for r in moodle_read_gift(out.read_text(encoding="utf-8")) if r["type"] != "category"]
    pairs = [(q, bf.article) for bf in bank.load_all() for q in bf.questions if q.status == Status.APPROVED]
    assert len(read) == len(pairs)
    for got, (q, meta) in zip(read, pairs, strict=True):
        assert got["name"] == question_name(q) and got["format"] == "html", q.id
        assert got["feedback"] == feedback_html(q, meta), q.id
        if q.format == QFormat.CLOZE:
            before, after = (html_text(p) for p in q.question.split(BLANK, 1))
            assert got["text"] == (f"{before}_____{after}" if after.strip() else f"{before}_____").strip()
        elif q.format == QFormat.TRUE_FALSE:
            assert got["text"] == expected_stem(q) and got["true"] == (q.answer == "Đúng")
        else:
            assert got["text"] == html_text(q.question), q.id
        if q.format == QFormat.MCQ:
            assert got["answers"] == [(1.0 if o == q.answer else 0.0, html_text(o)) for o in q.options or []]
        elif q.format != QFormat.TRUE_FALSE:
            assert got["answers"] == [(1.0, shortanswer_pattern(a)) for a in accepted_answers(q)]


def test_golden(tmp_path: Path) -> None:
    """The sample bank and the special article as GIFT, checked by hand; `make golden` rewrites it."""
    golden = ROOT / "tests" / "golden" / "quiz.gift"
    out = tmp_path / "quiz.gift"
    export_gift(lms_bank(tmp_path), out, LmsOptions())
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_bytes(out.read_bytes())
    assert golden.exists(), "no golden file quiz.gift: run `make golden`"
    assert out.read_bytes() == golden.read_bytes(), "quiz.gift changed: check it, then run `make golden`"


def test_fill_in_with_options_is_a_missing_word_choice(tmp_path: Path) -> None:
    from quizgen.exporters.gift import question_text
    from quizgen.models import ArticleMeta

    meta = ArticleMeta(id="a", title="Bài", path="seeds/a.txt", text_hash="sha256:0")
    q = Question(
        id="q-5e000b", type="when", format=QFormat.CLOZE, question=f"Hội nghị họp ngày {BLANK} tại Hà Nội.",
        answer="12/3", options=["12/3", "13/3 #2", "14/3"], fact="12/3", evidence="Họp ngày 12/3.",
    )  # fmt: skip
    out = tmp_path / "one.gift"
    out.write_text(question_text(q, meta), encoding="utf-8")
    (got,) = moodle_read_gift(out.read_text(encoding="utf-8"))
    assert got["type"] == "multichoice" and got["text"] == "Hội nghị họp ngày _____ tại Hà Nội."
    assert got["answers"] == [(1.0, "12/3"), (0.0, "13/3 #2"), (0.0, "14/3")]
    if NODE is not None:
        (parsed,) = gift_pegjs(out)
        assert parsed["type"] == "MC" and parsed["hasEmbeddedAnswers"]
