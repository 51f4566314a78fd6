"""`quizgen export gift`: approved questions as GIFT text (Question bank → Import → GIFT format).

Each article starts a ``$CATEGORY:`` block; each question is preceded by a comment holding
its quizgen id (``// [id:q-...]``), has a short name (``::...::``) and HTML text:

- mcq → ``{=answer ~wrong ~wrong ~wrong ####feedback}`` (Moodle: multichoice, single answer);
- true_false → ``{TRUE####...}`` / ``{FALSE####...}`` (truefalse; "Đúng hay Sai?" in the text);
- short_answer → ``{=answer =alias ####...}`` (shortanswer);
- cloze → the answers where the blank was (Moodle's "missing word": a shortanswer with _____).

Escaping follows Moodle's qformat_gift: ``~ = # { } :`` and the backslash get a backslash,
a line break is ``\\n``; text is HTML-escaped first (the questions are marked ``[html]``),
so "<b>" in a question shows as "<b>".
"""

from __future__ import annotations

import re
from pathlib import Path

from quizgen.bank import Bank
from quizgen.exporters.lms import (
    TRUE_FALSE_PROMPT,
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
    tags,
    write_atomic,
)
from quizgen.models import ArticleMeta, QFormat, Question
from quizgen.selection import Selected

_SPECIAL = re.compile(r"([\\~=#{}:])")


def escape(text: str) -> str:
    """GIFT's reserved characters escaped as Moodle's own exporter does (qformat_gift::repchar)."""
    return _SPECIAL.sub(r"\\\1", text).replace("\r", "").replace("\n", "\\n")


def gift_kind(q: Question) -> str:
    if is_choice(q) or (q.format == QFormat.CLOZE and has_choices(q)):
        return "multichoice"
    if q.format == QFormat.TRUE_FALSE:
        return "truefalse"
    return "shortanswer"


def _feedback(q: Question, article: ArticleMeta) -> str:
    return "\t####" + escape(feedback_html(q, article))


def _answers(q: Question) -> list[str]:
    if gift_kind(q) == "multichoice":
        return [("=" if o == q.answer else "~") + escape(html_text(o)) for o in q.options or []]
    # Short answers are plain text in Moodle: not HTML-escaped, but '*' is its wildcard.
    return ["=" + escape(shortanswer_pattern(a)) for a in accepted_answers(q)]


def question_text(q: Question, article: ArticleMeta) -> str:
    """One question: the id comment, then name, text and answers."""
    comment = f"// [id:{q.id}] " + " ".join(f"[tag:{t}]" for t in tags(q))
    head = f"{comment}\n::{escape(question_name(q))}::[html]"
    feedback = _feedback(q, article)
    if q.format == QFormat.TRUE_FALSE:
        text = escape(f"<p>{html_text(q.question)}</p><p>{TRUE_FALSE_PROMPT}</p>")
        verdict = "TRUE" if q.answer == "Đúng" else "FALSE"
        return f"{head}{text}{{{verdict}\n{feedback}\n}}\n"
    block = "{\n" + "".join(f"\t{a}\n" for a in _answers(q)) + feedback + "\n}"
    parts = cloze_parts(q)
    if parts is None:
        return f"{head}{escape(html_text(q.question))}{block}\n"
    before, after = parts
    if after.strip():
        # Answers inside the sentence: Moodle puts its blank "_____" where they stand.
        return f"{head}{escape(html_text(before))}{block}{escape(html_text(after))}\n"
    # A blank at the very end: text ending in "}" gets no blank from Moodle, so write it.
    return f"{head}{escape(html_text(before))}_____ {block}\n"


def category_text(article: ArticleMeta) -> str:
    # Moodle reads a category line before unescaping anything: it is written as it is.
    return f"$CATEGORY: {category_path(article)}\n"


def build_gift(selected: list[Selected]) -> tuple[bytes, dict[str, int], int]:
    blocks = [f"// quizgen: {len(selected)} câu hỏi. Nhập: Ngân hàng câu hỏi → Nhập → định dạng GIFT\n"]
    by_kind: dict[str, int] = {}
    current: str | None = None
    categories = 0
    for item in selected:
        meta = item.article.article
        if meta.id != current:
            blocks.append(category_text(meta))
            current = meta.id
            categories += 1
        kind = gift_kind(item.question)
        by_kind[kind] = by_kind.get(kind, 0) + 1
        blocks.append(question_text(item.question, meta))
    # Questions are separated by blank lines; Moodle and other readers need nothing else.
    return nfc("\n".join(blocks)).encode("utf-8"), by_kind, categories


def export_gift(bank: Bank, out: Path, options: LmsOptions) -> LmsReport:
    """Write the approved questions to ``out`` as GIFT (UTF-8)."""
    selected, notes = choose(bank, options, "tệp GIFT nào")
    data, by_kind, categories = build_gift(selected)
    write_atomic(out, data)
    return LmsReport(questions=len(selected), categories=categories, by_kind=by_kind, notes=notes)
