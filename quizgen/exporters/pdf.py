"""`quizgen export pdf`: printable quizzes (versions), answer key and trainer's edition.

Selection and shuffling are pure functions of the bank and ``--seed``; the HTML comes
from Jinja2 templates in ``templates/pdf/`` with typed contexts and autoescaping, and
WeasyPrint turns it into PDF with a URL fetcher that can read nothing but the
templates folder (article text is untrusted: an ``<img src="http://...">`` in it must
fetch nothing). Each version is rendered as its own document so that "Trang X/Y"
counts per version, then the pages are put together into one file.
"""

from __future__ import annotations

import datetime
import io
import os
import random
import re
import string
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import jinja2

from quizgen.bank import Bank
from quizgen.errors import EnvironmentProblem, NotFoundError, UsageError
from quizgen.extract.stems import BLANK
from quizgen.fileio import atomic_writer
from quizgen.manifest import (
    ManifestItem,
    ManifestVersion,
    QuizManifest,
    accepted_aliases,
    build_manifest,
    write_manifest,
)
from quizgen.models import BankFile, QFormat, QType, Question
from quizgen.resources import templates_dir
from quizgen.selection import Selected, SelectionOptions, select

MAX_VERSIONS = 26
TRUE_FALSE_LETTERS = {"vi": ("Đ", "S"), "en": ("T", "F")}

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "lang": "vi", "name": "Họ và tên", "unit": "Đơn vị", "date": "Ngày", "score": "Điểm",
        "question": "Câu", "version": "Đề", "page": "Trang", "answer": "Đáp án",
        "key_title": "Đáp án", "trainer_title": "Bản dành cho giảng viên",
        "answer_sheet": "Phiếu trả lời", "reading": "Tài liệu đọc", "true": "Đúng", "false": "Sai",
        "points": "điểm", "total": "Tổng điểm", "evidence": "Câu gốc", "source": "Nguồn",
        "numbers": "Số câu ở các đề", "default_title": "Bài kiểm tra kiến thức",
        "instructions_mcq": "Chọn một phương án đúng nhất cho mỗi câu hỏi trắc nghiệm.",
        "instructions_tf": "Với câu đúng/sai, đánh dấu vào ô Đúng hoặc Sai.",
        "instructions_open": "Với câu điền khuyết và câu hỏi ngắn, viết câu trả lời vào chỗ trống.",
        "sheet_instructions": "Tô kín một ô cho mỗi câu. Câu tự luận ghi vào bài làm.",
        "open_answer": "trả lời vào bài làm", "article": "Bài",
    },
    "en": {
        "lang": "en", "name": "Full name", "unit": "Unit", "date": "Date", "score": "Score",
        "question": "Question", "version": "Version", "page": "Page", "answer": "Answer",
        "key_title": "Answer key", "trainer_title": "Trainer's edition",
        "answer_sheet": "Answer sheet", "reading": "Reading", "true": "True", "false": "False",
        "points": "pts", "total": "Total", "evidence": "Evidence", "source": "Source",
        "numbers": "Number in each version", "default_title": "Knowledge quiz",
        "instructions_mcq": "Choose the one best option for each multiple-choice question.",
        "instructions_tf": "For true/false questions, tick True or False.",
        "instructions_open": "For fill-in and short-answer questions, write the answer in the space.",
        "sheet_instructions": "Fill one bubble per question. Write open answers on the paper.",
        "article": "Article",
        "open_answer": "answer on the paper",
    },
}  # fmt: skip


@dataclass(frozen=True)
class PdfOptions:
    count: int | None = None
    types: tuple[QType, ...] = ()
    articles: tuple[str, ...] = ()
    formats: tuple[QFormat, ...] = ()
    versions: int = 1
    seed: int = 1
    title: str | None = None
    subtitle: str | None = None
    points: bool = False
    total_points: float = 10.0
    with_articles: bool = False
    lang: str = "vi"
    answer_sheet: bool = False
    allow_giveaways: bool = False
    avoid_used_within: int | None = None  # days: prefer questions not graded in a quiz this recent
    skip_flagged: bool = False  # leave out questions whose last graded use raised a flag
    date: str | None = None  # the quiz's date in quiz.json (default: today)


# -- typed template contexts ---------------------------------------------------------------


@dataclass(frozen=True)
class OptionView:
    letter: str
    text: str


@dataclass(frozen=True)
class QuestionView:
    number: int
    id: str
    format: str
    text: str
    before_blank: str
    after_blank: str
    options: tuple[OptionView, ...]
    points: str | None
    key: str  # letter (mcq), Đ/S (true/false), or the answer text


@dataclass(frozen=True)
class GroupView:
    title: str
    questions: tuple[QuestionView, ...]


@dataclass(frozen=True)
class ReadingView:
    title: str
    source: str | None
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class QuizContext:
    labels: dict[str, str]
    font: str
    title: str
    subtitle: str | None
    version: str
    groups: tuple[GroupView, ...]
    show_group_titles: bool
    instructions: tuple[str, ...]
    total_points: str | None
    readings: tuple[ReadingView, ...]
    answer_sheet: bool
    sheet_rows: tuple[tuple[int, tuple[str, ...]], ...]


@dataclass(frozen=True)
class KeyVersionView:
    version: str
    rows: tuple[tuple[int, str], ...]  # every question: (number, letter or answer text)

    @property
    def short(self) -> tuple[tuple[int, str], ...]:
        """The key as a trainer marks it: a letter per question, '*' where the answer is written."""
        return tuple((n, k if len(k) <= 2 else "*") for n, k in self.rows)

    @property
    def written(self) -> tuple[tuple[int, str], ...]:
        return tuple((n, k) for n, k in self.rows if len(k) > 2)


@dataclass(frozen=True)
class TrainerItem:
    number: int
    question: str
    format: str
    answer: str
    options: tuple[OptionView, ...]
    evidence_before: str
    evidence_fact: str
    evidence_after: str
    article: str
    source: str | None
    numbers: str


@dataclass(frozen=True)
class KeyContext:
    labels: dict[str, str]
    font: str
    title: str
    subtitle: str | None
    keys: tuple[KeyVersionView, ...]
    items: tuple[TrainerItem, ...]


@dataclass
class PdfReport:
    versions: int
    questions: int
    pages: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


# -- selection and shuffling ---------------------------------------------------------------


def select_questions(bank: Bank, options: PdfOptions) -> tuple[list[Selected], list[str]]:
    """The shared selector (quizgen.selection): a PDF is always a quiz, so give-aways are resolved;
    returns the questions and what to tell the trainer (shortfalls, questions left out and why)."""
    chosen = select(
        bank,
        SelectionOptions(
            count=options.count, types=options.types, articles=options.articles, formats=options.formats,
            seed=options.seed, allow_giveaways=options.allow_giveaways,
            avoid_used_within=options.avoid_used_within, skip_flagged=options.skip_flagged,
            today=datetime.date.fromisoformat(options.date) if options.date else None,
        ),
        assemble=True,
        what="PDF nào",
    )  # fmt: skip
    return chosen.items, chosen.notes()


def version_codes(n: int) -> list[str]:
    if not 1 <= n <= MAX_VERSIONS:
        raise UsageError(f"--versions phải từ 1 đến {MAX_VERSIONS}.")
    return list(string.ascii_uppercase[:n])


def arrange(
    selected: list[Selected], code: str, seed: int
) -> list[tuple[BankFile, list[tuple[Question, list[str]]]]]:
    """One version's order: articles and questions shuffled (an article's questions stay together)
    and each multiple-choice question's options shuffled, reproducibly from the seed."""
    rng = random.Random(f"version:{seed}:{code}")
    groups: dict[str, tuple[BankFile, list[Question]]] = {}
    for item in selected:
        groups.setdefault(item.article.article.id, (item.article, []))[1].append(item.question)
    order = sorted(groups)
    rng.shuffle(order)
    arranged = []
    for article_id in order:
        bank_file, questions = groups[article_id]
        questions = list(questions)
        rng.shuffle(questions)
        with_options = []
        for q in questions:
            opts = list(q.options or [])
            rng.shuffle(opts)
            with_options.append((q, opts))
        arranged.append((bank_file, with_options))
    return arranged


# -- contexts ------------------------------------------------------------------------------


def _points_each(n: int, options: PdfOptions) -> str | None:
    if not options.points:
        return None
    return f"{options.total_points / n:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _tells(headline: str, answer: str) -> bool:
    """Whether ``answer`` stands in ``headline`` as whole words (case and spacing aside)."""
    said, asked = " ".join(headline.casefold().split()), " ".join(answer.casefold().split())
    return bool(asked) and re.search(rf"(?<!\w){re.escape(asked)}(?!\w)", said) is not None


def _key_for(q: Question, opts: list[str], lang: str) -> str:
    if q.format == QFormat.MCQ:
        return "ABCD"[opts.index(q.answer)]
    if q.format == QFormat.TRUE_FALSE:
        return TRUE_FALSE_LETTERS[lang][0 if q.answer == "Đúng" else 1]
    return q.answer


def quiz_context(
    selected: list[Selected],
    code: str,
    options: PdfOptions,
    font: str,
    paragraphs: dict[str, tuple[str, ...]] | None = None,
) -> QuizContext:
    """One version's quiz; ``paragraphs`` (article id -> text) is needed with --with-articles."""
    labels = LABELS[options.lang]
    arranged = arrange(selected, code, options.seed)
    each = _points_each(len(selected), options)
    number = 0
    groups: list[GroupView] = []
    sheet_rows = []
    for bank_file, items in arranged:
        views = []
        for q, opts in items:
            number += 1
            before, _, after = (
                q.question.partition(BLANK) if q.format == QFormat.CLOZE else (q.question, "", "")
            )
            views.append(QuestionView(
                number=number, id=q.id, format=q.format.value, text=q.question,
                before_blank=before, after_blank=after,
                options=tuple(OptionView("ABCD"[i], o) for i, o in enumerate(opts)),
                points=each, key=_key_for(q, opts, options.lang),
            ))  # fmt: skip
            bubbles = (
                tuple("ABCD"[: len(opts)]) if q.format == QFormat.MCQ
                else TRUE_FALSE_LETTERS[options.lang] if q.format == QFormat.TRUE_FALSE
                else ()
            )  # fmt: skip
            sheet_rows.append((number, bubbles))
        title = bank_file.article.title
        if any(q.format != QFormat.TRUE_FALSE and _tells(title, q.answer) for q, _ in items):
            # "Thượng tướng Lê Quốc Hùng làm việc tại ..." above "Lê Quốc Hùng có cấp bậc hàm gì?":
            # the headline answers the question under it (fresh48's readers); the group is numbered.
            title = f"{labels['article']} {len(groups) + 1}"
        groups.append(GroupView(title, tuple(views)))
    formats = {s.question.format for s in selected}
    instructions = []
    if QFormat.MCQ in formats:
        instructions.append(labels["instructions_mcq"])
    if QFormat.TRUE_FALSE in formats:
        instructions.append(labels["instructions_tf"])
    if formats & {QFormat.CLOZE, QFormat.SHORT_ANSWER}:
        instructions.append(labels["instructions_open"])
    readings: tuple[ReadingView, ...] = ()
    if options.with_articles:
        assert paragraphs is not None, "--with-articles needs the articles' text"
        readings = tuple(
            ReadingView(bf.article.title, bf.article.source, paragraphs[bf.article.id]) for bf, _ in arranged
        )
    total = f"{options.total_points:g}".replace(".", ",") if options.points else None
    return QuizContext(
        labels=labels,
        font=font,
        title=options.title or labels["default_title"],
        subtitle=options.subtitle,
        version=code,
        groups=tuple(groups),
        show_group_titles=len(groups) > 1,
        instructions=tuple(instructions),
        total_points=total,
        readings=readings,
        answer_sheet=options.answer_sheet,
        sheet_rows=tuple(sheet_rows),
    )


def article_paragraphs(bank: Bank, selected: list[Selected]) -> dict[str, tuple[str, ...]]:
    """The articles' text for the reading handout, re-read from their files (the bank keeps no copy)."""
    from quizgen.intake import read_article

    out: dict[str, tuple[str, ...]] = {}
    for item in selected:
        bank_file = item.article
        if bank_file.article.id in out:
            continue
        path = bank.article_file(bank_file)
        if path is None:
            raise NotFoundError(
                f"--with-articles cần tệp bài báo {bank_file.article.path} "
                f"(mục path trong {bank_file.article.id}.yaml) nhưng không thấy."
            )
        out[bank_file.article.id] = read_article(path).paragraphs
    return out


def key_context(selected: list[Selected], codes: list[str], options: PdfOptions, font: str) -> KeyContext:
    labels = LABELS[options.lang]
    keys = []
    numbers: dict[str, list[str]] = defaultdict(list)
    first: list[tuple[int, Question, list[str], BankFile]] = []
    for code in codes:
        rows = []
        n = 0
        for bank_file, items in arrange(selected, code, options.seed):
            for q, opts in items:
                n += 1
                rows.append((n, _key_for(q, opts, options.lang)))
                numbers[q.id].append(f"{code}-{n}")
                if code == codes[0]:
                    first.append((n, q, opts, bank_file))
        keys.append(KeyVersionView(code, tuple(rows)))
    items_view = []
    for n, q, opts, bank_file in first:
        before, fact, after = q.evidence_parts()
        answer = q.answer if q.format != QFormat.MCQ else f"{_key_for(q, opts, options.lang)}. {q.answer}"
        items_view.append(TrainerItem(
            number=n, question=q.question, format=q.format.value, answer=answer,
            options=tuple(OptionView("ABCD"[i], o) for i, o in enumerate(opts)),
            evidence_before=before, evidence_fact=fact, evidence_after=after,
            article=bank_file.article.title, source=bank_file.article.source or bank_file.article.url,
            numbers=", ".join(numbers[q.id]),
        ))  # fmt: skip
    return KeyContext(
        labels,
        font,
        options.title or labels["default_title"],
        options.subtitle,
        tuple(keys),
        tuple(items_view),
    )


# -- rendering ---------------------------------------------------------------------------


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir() / "pdf")),
        autoescape=True,  # article and question text is untrusted
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


def render_quiz_html(ctx: QuizContext) -> str:
    return environment().get_template("quiz.html.j2").render(c=ctx)


def render_key_html(ctx: KeyContext) -> str:
    return environment().get_template("answer_key.html.j2").render(c=ctx)


def _fetcher() -> Any:
    from weasyprint.urls import URLFetcher

    root = templates_dir().resolve()

    class TemplatesOnly(URLFetcher):  # type: ignore[misc]
        """Reads files under templates/ and nothing else: no network, no other files."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            parsed = urlparse(url)
            if parsed.scheme != "file":
                raise ValueError(f"quizgen không tải tài nguyên ngoài: {url}")
            path = Path(unquote(parsed.path)).resolve()
            if not path.is_relative_to(root):
                raise ValueError(f"quizgen chỉ đọc tệp trong thư mục templates: {url}")
            return super().fetch(url, headers)

    return TemplatesOnly(allowed_protocols={"file"})


def render_pdf_document(html: str) -> Any:
    """A WeasyPrint document for ``html``, resolving relative URLs in templates/pdf/ only."""
    from weasyprint import HTML

    base = (templates_dir() / "pdf").resolve().as_uri() + "/"
    return HTML(string=html, base_url=base, url_fetcher=_fetcher()).render()


def render_pdf_bytes(html: str) -> tuple[bytes, int]:
    """One self-contained PDF (its own "Trang X/Y" count) and its page count."""
    doc = render_pdf_document(html)
    return doc.write_pdf(), len(doc.pages)


def render_all(htmls: list[str]) -> list[tuple[bytes, int]]:
    """Render several documents, in parallel processes when there is more than one core to use."""
    workers = min(len(htmls), os.cpu_count() or 1)
    if workers < 2:
        return [render_pdf_bytes(h) for h in htmls]
    # Longest documents first, so the workers finish together rather than one waiting on the key.
    order = sorted(range(len(htmls)), key=lambda i: -len(htmls[i]))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {i: pool.submit(render_pdf_bytes, htmls[i]) for i in order}
        return [futures[i].result() for i in range(len(htmls))]


def write_joined(parts: list[bytes], out: Path) -> None:
    """Concatenate PDFs into ``out`` atomically (a failed export leaves no half file)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part)))
    with atomic_writer(out) as handle:  # creates OUTDIR only now that there is something to write
        writer.write(handle)


def require_font() -> str:
    from quizgen.doctor import find_vietnamese_font

    font = find_vietnamese_font()
    if font is None:
        raise EnvironmentProblem(
            "không có phông chữ serif đủ chữ tiếng Việt, PDF sẽ in ra ô vuông. "
            "Cài bằng: sudo apt-get install fonts-noto-core (hoặc fonts-dejavu-core), rồi chạy lại."
        )
    return font


def export_pdf(bank: Bank, outdir: Path, options: PdfOptions) -> PdfReport:
    """Write OUTDIR/quiz.pdf (all versions) and OUTDIR/answer-key.pdf."""
    if options.lang not in LABELS:
        raise UsageError("--lang chỉ nhận vi hoặc en.")
    if options.count is not None and options.count < 1:
        raise UsageError("--count phải lớn hơn 0.")
    codes = version_codes(options.versions)
    selected, warnings = select_questions(bank, options)
    font = require_font()
    outdir = Path(outdir)
    report = PdfReport(versions=len(codes), questions=len(selected), warnings=warnings)
    paragraphs = article_paragraphs(bank, selected) if options.with_articles else None
    htmls = [render_quiz_html(quiz_context(selected, code, options, font, paragraphs)) for code in codes]
    htmls.append(render_key_html(key_context(selected, codes, options, font)))
    rendered = render_all(htmls)
    for code, (_, pages) in zip(codes, rendered, strict=False):
        report.pages[code] = pages
    report.pages["answer-key"] = rendered[-1][1]
    write_joined([pdf for pdf, _ in rendered[:-1]], outdir / "quiz.pdf")
    write_joined([rendered[-1][0]], outdir / "answer-key.pdf")
    write_manifest(quiz_manifest(selected, codes, options), outdir / "quiz.json")
    return report


def quiz_manifest(selected: list[Selected], codes: list[str], options: PdfOptions) -> QuizManifest:
    """quiz.json: every version as printed (numbers, options, keys, points), for grading."""
    labels = LABELS[options.lang]
    each = options.total_points / len(selected) if options.points else 1.0
    tf = TRUE_FALSE_LETTERS[options.lang]
    versions = []
    for code in codes:
        items: list[ManifestItem] = []
        for _, arranged in arrange(selected, code, options.seed):
            for q, opts in arranged:
                choices: dict[str, str] | None = None
                if q.format == QFormat.MCQ:
                    choices = {"ABCD"[i]: o for i, o in enumerate(opts)}
                elif q.format == QFormat.TRUE_FALSE:
                    choices = {tf[0]: labels["true"], tf[1]: labels["false"]}
                key = _key_for(q, opts, options.lang)
                items.append(ManifestItem(
                    number=len(items) + 1, id=q.id, format=q.format.value, options=choices, correct=key,
                    accept=[] if choices else accepted_aliases(q.answer), points=round(each, 6),
                ))  # fmt: skip
        versions.append(ManifestVersion(label=code, questions=items))
    date = options.date or datetime.date.today().isoformat()
    title = options.title or labels["default_title"]
    return build_manifest(title, date, options.seed, options.lang, versions)
