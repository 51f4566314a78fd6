"""`quizgen export moodle`: approved questions as Moodle XML (Question bank → Import → Moodle XML).

The file follows what Moodle's own importer reads (question/format/xml/format.php):
one ``<question type="category">`` per article, then its questions:

- mcq → ``multichoice`` (single answer, shuffled by Moodle, answers with fractions 100/0);
- true_false → ``truefalse`` (answers ``true``/``false``; "Đúng hay Sai?" in the text);
- short_answer → ``shortanswer`` (the answer and its aliases, each worth 100%);
- cloze → ``cloze`` (embedded answers: ``{1:SHORTANSWER:=...}`` or, with options,
  ``{1:MULTICHOICE_S:=...~...}``).

The tree is built with lxml, so every text is escaped by the XML library; HTML fields
(question text, feedback, multichoice answers) go in CDATA sections holding HTML whose
text was itself escaped, so "<b>" in a question shows as "<b>".
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from lxml import etree

from quizgen.bank import Bank
from quizgen.exporters.lms import (
    LmsOptions,
    LmsReport,
    accepted_answers,
    category_path,
    choose,
    cloze_parts,
    feedback_html,
    has_choices,
    html_text,
    is_choice,
    nfc,
    question_name,
    shortanswer_pattern,
    stem_html,
    tags,
    write_atomic,
)
from quizgen.models import ArticleMeta, QFormat, Question
from quizgen.selection import Selected

MOODLE_TYPES = {
    QFormat.MCQ: "multichoice",
    QFormat.TRUE_FALSE: "truefalse",
    QFormat.SHORT_ANSWER: "shortanswer",
    QFormat.CLOZE: "cloze",
}


def penalty_text(value: float) -> str:
    """Moodle writes penalties with 7 decimals (0.3333333); trailing zeros dropped."""
    text = f"{value:.7f}".rstrip("0").rstrip(".")
    return text or "0"


# -- cloze (embedded answers) --------------------------------------------------------------

# Inside {1:TYPE:...} an answer ends at an unescaped ~ # or }, and Moodle decodes HTML
# entities in it before use (qtype_multianswer_extract_question). Writing these characters
# (and the backslash, which would escape the next one) as numeric entities keeps each answer
# in one piece and shows it unchanged; the rest is ordinary HTML escaping.
_CLOZE_ENTITIES = {"~": "&#126;", "#": "&#35;", "}": "&#125;", "{": "&#123;", "\\": "&#92;"}


def cloze_answer(text: str) -> str:
    return "".join(_CLOZE_ENTITIES.get(ch) or html.escape(ch, quote=True) for ch in nfc(text))


def cloze_text(text: str) -> str:
    """Text around the blank: HTML-escaped, and no '{' or '}' that could start or end a sub-question."""
    return html_text(text).replace("{", "&#123;").replace("}", "&#125;")


def cloze_html(q: Question) -> str:
    parts = cloze_parts(q)
    assert parts is not None
    before, after = parts
    if has_choices(q):
        alternatives = [("=" if o == q.answer else "") + cloze_answer(o) for o in q.options or []]
        field = "{1:MULTICHOICE_S:" + "~".join(alternatives) + "}"
    else:
        field = "{1:SHORTANSWER:" + "~".join(
            "=" + cloze_answer(shortanswer_pattern(a)) for a in accepted_answers(q)
        ) + "}"  # fmt: skip
    return f"<p>{cloze_text(before)}{field}{cloze_text(after)}</p>"


# -- the XML tree ----------------------------------------------------------------------------


def _text(parent: Any, tag: str, value: str, fmt: str | None = None, cdata: bool = False) -> Any:
    """``<tag format=...><text>value</text></tag>``, the shape of every text field in Moodle XML."""
    node = etree.SubElement(parent, tag)
    if fmt is not None:
        node.set("format", fmt)
    text = etree.SubElement(node, "text")
    text.text = etree.CDATA(value) if cdata and value else value
    return node


def _value(parent: Any, tag: str, value: str) -> None:
    etree.SubElement(parent, tag).text = value


def _answer(parent: Any, fraction: int, value: str, fmt: str, cdata: bool) -> None:
    node = etree.SubElement(parent, "answer", fraction=str(fraction), format=fmt)
    text = etree.SubElement(node, "text")
    text.text = etree.CDATA(value) if cdata else value
    _text(node, "feedback", "", "html")


def moodle_kind(q: Question) -> str:
    """The Moodle question type a bank question becomes (a cloze without a blank, or a multiple
    choice without usable options, is a short answer)."""
    broken_cloze = q.format == QFormat.CLOZE and cloze_parts(q) is None
    if broken_cloze or (q.format == QFormat.MCQ and not is_choice(q)):
        return "shortanswer"
    return MOODLE_TYPES[q.format]


def question_element(q: Question, article: ArticleMeta, penalty: float) -> Any:
    kind = moodle_kind(q)
    node = etree.Element("question", type=kind)
    _text(node, "name", question_name(q))
    body = cloze_html(q) if kind == "cloze" else stem_html(q)
    _text(node, "questiontext", body, "html", cdata=True)
    _text(node, "generalfeedback", feedback_html(q, article), "html", cdata=True)
    if kind != "cloze":  # Moodle sums the embedded answers' marks itself
        _value(node, "defaultgrade", "1")
    # Retrying a true/false question tells the answer away: Moodle's own default penalty is 1.
    _value(node, "penalty", "1" if kind == "truefalse" else penalty_text(penalty))
    _value(node, "hidden", "0")
    _value(node, "idnumber", q.id)
    tag_list = etree.SubElement(node, "tags")
    for tag in tags(q):
        etree.SubElement(etree.SubElement(tag_list, "tag"), "text").text = tag
    if kind == "multichoice":
        _value(node, "single", "true")
        _value(node, "shuffleanswers", "true")
        _value(node, "answernumbering", "ABCD")
        _value(node, "showstandardinstruction", "1")  # "Chọn một:" above the options
        for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            _text(node, tag, "", "html")
        for option in q.options or []:
            _answer(node, 100 if option == q.answer else 0, f"<p>{html_text(option)}</p>", "html", True)
    elif kind == "truefalse":
        correct_is_true = q.answer == "Đúng"
        _answer(node, 100 if correct_is_true else 0, "true", "moodle_auto_format", False)
        _answer(node, 0 if correct_is_true else 100, "false", "moodle_auto_format", False)
    elif kind == "shortanswer":
        _value(node, "usecase", "0")
        for accepted in accepted_answers(q):
            _answer(node, 100, shortanswer_pattern(accepted), "moodle_auto_format", False)
    return node


def category_element(article: ArticleMeta) -> Any:
    node = etree.Element("question", type="category")
    _text(node, "category", category_path(article))
    info = f"quizgen: {article.title}" + (f" ({article.source})" if article.source else "")
    _text(node, "info", html_text(info), "html")
    return node


def build_xml(selected: list[Selected], penalty: float) -> tuple[bytes, dict[str, int], int]:
    """The whole file as bytes, the count per Moodle type, and the number of categories."""
    root = etree.Element("quiz")
    note = f" quizgen: {len(selected)} câu hỏi. Nhập: Ngân hàng câu hỏi → Nhập → định dạng Moodle XML "
    root.append(etree.Comment(note))
    by_kind: dict[str, int] = {}
    current: str | None = None
    categories = 0
    for item in selected:
        meta = item.article.article
        if meta.id != current:
            root.append(category_element(meta))
            current = meta.id
            categories += 1
        kind = moodle_kind(item.question)
        by_kind[kind] = by_kind.get(kind, 0) + 1
        root.append(question_element(item.question, meta, penalty))
    etree.indent(root, space="  ")
    # The declaration as Moodle writes it (lxml's own uses single quotes).
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="UTF-8")
    return data, by_kind, categories


def export_moodle(bank: Bank, out: Path, options: LmsOptions) -> LmsReport:
    """Write the approved questions to ``out`` as Moodle XML."""
    selected, notes = choose(bank, options, "tệp Moodle XML nào")
    data, by_kind, categories = build_xml(selected, options.penalty)
    write_atomic(out, data)
    return LmsReport(questions=len(selected), categories=categories, by_kind=by_kind, notes=notes)
