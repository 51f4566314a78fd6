"""What the Moodle XML and GIFT exports share: selection, names, categories, feedback, answers.

Both formats carry the same things, so they are decided once here: which questions go
out (the shared selector; a quiz is assembled, with give-aways resolved, only when
``--count`` picks), each question's short name and category, the general feedback a
trainer's edition shows (the evidence sentence with the fact highlighted, the article's
title and source), and the answers a short-answer question accepts (the answer and its
aliases from the gazetteer). The two writers only differ in how they escape.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from quizgen.bank import Bank
from quizgen.errors import UsageError
from quizgen.fileio import atomic_write_bytes
from quizgen.models import ArticleMeta, QFormat, QType, Question
from quizgen.normalize import fold_for_match, normalize_text
from quizgen.questions import BLANK
from quizgen.selection import Selected, SelectionOptions, select

ROOT_CATEGORY = "quizgen"
TRUE_FALSE_PROMPT = "Đúng hay Sai?"
NAME_WORDS = 10
NAME_CHARS = 80
CATEGORY_CHARS = 120
# Moodle strips anything that looks like a tag from names (PARAM_TEXT): "<b>" would vanish
# from a question or category name, so names show angle brackets as look-alike quotes.
_NAME_SAFE = str.maketrans({"<": "‹", ">": "›"})


@dataclass(frozen=True)
class LmsOptions:
    count: int | None = None
    types: tuple[QType, ...] = ()
    articles: tuple[str, ...] = ()
    formats: tuple[QFormat, ...] = ()
    seed: int = 1
    penalty: float = 0.0
    allow_giveaways: bool = False


@dataclass
class LmsReport:
    questions: int
    categories: int
    by_kind: dict[str, int] = field(default_factory=dict)  # Moodle question type -> how many
    notes: list[str] = field(default_factory=list)


def choose(bank: Bank, options: LmsOptions, what: str) -> tuple[list[Selected], list[str]]:
    """The questions to export, in bank order, and what to tell the trainer about the choice."""
    if not 0.0 <= options.penalty <= 1.0:
        raise UsageError("--penalty phải từ 0 đến 1 (ví dụ 0.3333333 là trừ một phần ba mỗi lần làm lại).")
    chosen = select(
        bank,
        SelectionOptions(
            count=options.count, types=options.types, articles=options.articles, formats=options.formats,
            seed=options.seed, allow_giveaways=options.allow_giveaways,
        ),
        # Without --count the file fills a question bank, not a paper: every question goes in.
        assemble=options.count is not None,
        what=what,
    )  # fmt: skip
    return chosen.items, chosen.notes()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def html_text(text: str) -> str:
    """Plain bank text as HTML that shows exactly that text (line breaks kept)."""
    return html.escape(nfc(text), quote=False).replace("\n", "<br>")


def tags(q: Question) -> list[str]:
    """Question-bank tags, to filter by kind in Moodle as with the Anki deck's tags."""
    return [ROOT_CATEGORY, f"quizgen-loai-{q.type.value}", f"quizgen-dang-{q.format.value}"]


def question_name(q: Question) -> str:
    """Short and readable for the question bank list, ending with the quizgen id (kept on re-import
    even where Moodle drops the ID number, as it does for embedded-answers questions)."""
    words = nfc(q.question).replace(BLANK, "…").split()
    short = " ".join(words[:NAME_WORDS])
    if len(short) > NAME_CHARS:
        short = short[:NAME_CHARS].rsplit(" ", 1)[0]
    if short != " ".join(words):
        short = short.rstrip(" ,;:.") + "…"
    return f"{short} [{q.id}]".translate(_NAME_SAFE)


def category_name(title: str) -> str:
    """An article title as one category level: one line, bounded, '/' escaped as Moodle does ('//')."""
    name = re.sub(r"\s+", " ", nfc(title)).strip().translate(_NAME_SAFE) or "(không tên)"
    if len(name) > CATEGORY_CHARS:
        name = name[:CATEGORY_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:.") + "…"
    name = name.replace("/", "//")
    # Moodle's split_category_path trims each level: a level that starts or ends with '/'
    # gets a space so the escape survives (qformat_default::assemble_category_path).
    if name.startswith("/"):
        name = " " + name
    if name.endswith("/"):
        name = name + " "
    return name


def category_path(article: ArticleMeta) -> str:
    """``$course$/quizgen/<article title>``: each article its own category in the course's bank."""
    return f"$course$/{ROOT_CATEGORY}/{category_name(article.title)}"


def feedback_html(q: Question, article: ArticleMeta) -> str:
    """General feedback, as the trainer's edition shows it: the evidence with the fact in bold,
    then the article's title and source."""
    before, fact, after = q.evidence_parts()
    marked = f"<strong>{html_text(fact)}</strong>" if fact else ""
    source = article.source or article.url
    meta = f"Bài: {html_text(article.title)}"
    if source:
        meta += f" · Nguồn: {html_text(source)}"
    return f"<p>Câu gốc: {html_text(before)}{marked}{html_text(after)}</p><p>{meta}</p>"


def stem_html(q: Question) -> str:
    """The question text; a true/false statement is followed by the Vietnamese prompt."""
    text = html_text(q.question)
    if q.format == QFormat.TRUE_FALSE:
        return f"<p>{text}</p><p>{TRUE_FALSE_PROMPT}</p>"
    return f"<p>{text}</p>"


@functools.cache
def _alias_groups() -> tuple[tuple[str, ...], ...]:
    """The gazetteer's alias groups as written (not folded), for accepted short answers."""
    raw = yaml.safe_load(
        resources.files("quizgen").joinpath("data/gazetteer.yaml").read_text(encoding="utf-8")
    )
    return tuple(tuple(normalize_text(str(a)) for a in group) for group in raw.get("aliases", []))


def accepted_answers(q: Question) -> list[str]:
    """The answer first, then every other name the gazetteer knows for it ("Hoa Kỳ": "Mỹ")."""
    key = fold_for_match(q.answer)
    out = [nfc(q.answer.strip())]
    seen = {key}
    for group in _alias_groups():
        if any(fold_for_match(a) == key for a in group):
            for alias in group:
                if fold_for_match(alias) not in seen:
                    seen.add(fold_for_match(alias))
                    out.append(nfc(alias))
    return out


def shortanswer_pattern(answer: str) -> str:
    """A short-answer answer as Moodle matches it: '*' is its wildcard, '\\*' a literal star."""
    return answer.replace("*", "\\*")


def has_choices(q: Question) -> bool:
    """Options both formats can offer: two or more, the answer among them (a hand-edited question
    that has not goes out as a short answer rather than as a question Moodle rejects)."""
    return len(q.options or []) >= 2 and q.answer in (q.options or [])


def is_choice(q: Question) -> bool:
    return q.format == QFormat.MCQ and has_choices(q)


def cloze_parts(q: Question) -> tuple[str, str] | None:
    """(before, after) the blank of a fill-in question; None when there is no blank to fill."""
    if q.format != QFormat.CLOZE or BLANK not in q.question:
        return None
    before, after = q.question.split(BLANK, 1)
    return before, after


def write_atomic(out: Path, data: bytes) -> None:
    """Write ``out`` whole or not at all (a failed export leaves no half file), mode from the umask."""
    out = Path(out)
    if out.is_dir():
        raise UsageError(f"{out} là một thư mục; hãy cho tên tệp, ví dụ {out / 'quiz.xml'}.")
    atomic_write_bytes(out, data)
