"""The PDF export: golden HTML, and the real PDFs read back as a trainer would check them."""

from __future__ import annotations

import http.server
import os
import re
import shutil
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from quizgen.bank import Bank
from quizgen.errors import EnvironmentProblem, NothingToExportError
from quizgen.exporters import pdf
from quizgen.extract.stems import BLANK
from quizgen.models import BankFile, QFormat, QType, Question, ReviewRecord, Status
from tests.conftest import ROOT, SEEDS, Invoke

GOLDEN = ROOT / "tests" / "golden"
FIXTURE_BANK = ROOT / "tests" / "data" / "pdf_bank"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
LONG_STEM = (
    " ".join(["Theo bài viết, trong khuôn khổ hợp tác về gìn giữ hòa bình giữa các bên liên quan,"] * 28)
    + " đâu là đơn vị được nhắc tới?"
)
LONG_OPTION = "Đơn vị Cảnh sát gìn giữ hòa bình số 1 được triển khai tại địa bàn phái bộ trong thời gian sớm nhất theo đề nghị của phía Việt Nam"


def _copy_bank(root: Path) -> Bank:
    """The reviewed sample bank (a frozen copy) next to its articles."""
    shutil.copytree(FIXTURE_BANK, root / "question_bank")
    shutil.copytree(SEEDS, root / "seeds")
    return Bank(root / "question_bank")


@pytest.fixture
def bank(tmp_path: Path) -> Bank:
    return _copy_bank(tmp_path)


def _add_long_question(bank: Bank) -> Bank:
    record = ReviewRecord(reviewer="Tester", at="2026-11-22T00:00:00Z", decision="approved")
    long_q = Question(
        id="q-0a0a0a", type=QType.WHAT, format=QFormat.MCQ, question=LONG_STEM, answer=LONG_OPTION,
        options=[LONG_OPTION, "Đội Công binh số 1", "Bệnh viện dã chiến cấp 2 số 1", "Đơn vị Cảnh sát cơ động"],
        fact="Đơn vị Cảnh sát gìn giữ hòa bình số 1", evidence="x", status=Status.APPROVED, review=[record],
    )  # fmt: skip
    long_q = long_q.model_copy(update={"approved_hash": long_q.content_hash()})

    def add(current: BankFile | None) -> BankFile:
        assert current is not None
        return current.model_copy(update={"questions": [*current.questions, long_q]})

    bank.update("003_43f387c3d7b97b06", add)
    return bank


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def pages_text(path: Path) -> list[str]:
    return [norm(page.extract_text() or "") for page in PdfReader(path).pages]


# -- golden HTML ---------------------------------------------------------------------------


def _golden(name: str, html: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(html, encoding="utf-8")
    assert path.exists(), f"no golden file {name}: run `make golden`"
    assert html == path.read_text(encoding="utf-8"), f"{name} changed: check it, then run `make golden`"


@pytest.mark.parametrize(
    ("name", "options"),
    [
        (
            "quiz-A.html",
            pdf.PdfOptions(
                versions=2,
                seed=3,
                title="Kiểm tra",
                subtitle="Lớp GGHB",
                points=True,
                answer_sheet=True,
                allow_giveaways=True,
            ),
        ),
        (
            "quiz-B.html",
            pdf.PdfOptions(
                versions=2,
                seed=3,
                title="Kiểm tra",
                subtitle="Lớp GGHB",
                points=True,
                answer_sheet=True,
                allow_giveaways=True,
            ),
        ),
        (
            "quiz-en-A.html",
            pdf.PdfOptions(versions=1, seed=3, lang="en", count=6, with_articles=True, allow_giveaways=True),
        ),
    ],
)
def test_quiz_html_matches_golden(bank: Bank, name: str, options: pdf.PdfOptions) -> None:
    selected, _ = pdf.select_questions(bank, options)
    code = name.split("-")[-1].removesuffix(".html")
    paragraphs = pdf.article_paragraphs(bank, selected) if options.with_articles else None
    _golden(name, pdf.render_quiz_html(pdf.quiz_context(selected, code, options, "Noto Serif", paragraphs)))


def test_answer_key_html_matches_golden(bank: Bank) -> None:
    options = pdf.PdfOptions(versions=2, seed=3, title="Kiểm tra", subtitle="Lớp GGHB", allow_giveaways=True)
    selected, _ = pdf.select_questions(bank, options)
    _golden(
        "answer-key.html", pdf.render_key_html(pdf.key_context(selected, ["A", "B"], options, "Noto Serif"))
    )


# -- the real PDFs -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Bank, Path, pdf.PdfReport]:
    """One export shared by the read-only PDF tests (rendering is the slow part)."""
    root = tmp_path_factory.mktemp("exported")
    bank = _add_long_question(_copy_bank(root))
    # Every question, give-aways included: these tests check the layout of all of them.
    options = pdf.PdfOptions(
        versions=3, seed=11, answer_sheet=True, points=True, title="Kiểm tra thời sự", allow_giveaways=True
    )
    return bank, root / "out", pdf.export_pdf(bank, root / "out", options)


def _version_pages(report: pdf.PdfReport, texts: list[str]) -> dict[str, list[str]]:
    out, at = {}, 0
    for code in "ABC":
        out[code] = texts[at : at + report.pages[code]]
        at += report.pages[code]
    assert at == len(texts)
    return out


def test_every_question_and_option_is_printed_exactly(exported: tuple[Bank, Path, pdf.PdfReport]) -> None:
    bank, out, report = exported
    by_version = _version_pages(report, pages_text(out / "quiz.pdf"))
    approved = [loc.question for loc in bank.iter_questions() if loc.question.status == Status.APPROVED]
    assert report.questions == len(approved)
    for code, pages in by_version.items():
        text = " ".join(pages)
        for q in approved:
            stem = norm(q.question.split(BLANK)[0]) if q.format == QFormat.CLOZE else norm(q.question)
            assert stem in text, (code, q.id)
            for option in q.options or []:
                assert norm(option) in text, (code, q.id, option)


def test_page_footer_counts_per_version(exported: tuple[Bank, Path, pdf.PdfReport]) -> None:
    _, out, report = exported
    for code, pages in _version_pages(report, pages_text(out / "quiz.pdf")).items():
        for i, text in enumerate(pages, 1):
            assert f"Đề {code} · Trang {i}/{len(pages)}" in text


def test_key_letters_match_the_printed_options(exported: tuple[Bank, Path, pdf.PdfReport]) -> None:
    bank, out, report = exported
    by_version = _version_pages(report, pages_text(out / "quiz.pdf"))
    key_text = " ".join(pages_text(out / "answer-key.pdf"))
    sections = re.split(r"Đề ([ABC]) ", key_text)
    keys = {sections[i]: sections[i + 1] for i in range(1, len(sections) - 1, 2)}
    mcq = {norm(loc.question.question): loc.question for loc in bank.iter_questions()
           if loc.question.status == Status.APPROVED and loc.question.format == QFormat.MCQ}  # fmt: skip
    for code, pages in by_version.items():
        text = " ".join(pages)
        starts = list(re.finditer(r"Câu (\d+)\. \([\d,]+ điểm\) ", text))
        checked = 0
        for m, nxt in zip(starts, [*starts[1:], None], strict=True):
            q = next((q for stem, q in mcq.items() if text.startswith(stem, m.end())), None)
            if q is None or q.options is None:
                continue
            segment = text[m.end() : nxt.start() if nxt else len(text)]
            # The letter printed before each option is its place in the printed order.
            positions = {o: segment.find(f". {norm(o)}") for o in q.options}
            assert all(p >= 0 for p in positions.values()), (code, m.group(1))
            printed = sorted(q.options, key=positions.__getitem__)
            letter = "ABCD"[printed.index(q.answer)]
            assert f"{letter}. {norm(q.answer)}" in segment
            assert re.search(rf"(?<!\d){m.group(1)} {letter}(?!\w)", keys[code]), (code, m.group(1), letter)
            checked += 1
        assert checked >= 15


def test_no_question_is_split_across_pages(exported: tuple[Bank, Path, pdf.PdfReport]) -> None:
    bank, out, report = exported
    for code, pages in _version_pages(report, pages_text(out / "quiz.pdf")).items():
        for loc in bank.iter_questions():
            q = loc.question
            if q.status != Status.APPROVED or not q.options or q.id == "q-0a0a0a":
                continue
            stem_pages = [i for i, p in enumerate(pages) if norm(q.question) in p]
            assert len(stem_pages) == 1, (code, q.id)
            page = pages[stem_pages[0]]
            assert all(norm(o) in page for o in q.options), (code, q.id)


def test_long_question_and_option_are_not_lost(exported: tuple[Bank, Path, pdf.PdfReport]) -> None:
    _, out, _ = exported
    text = " ".join(pages_text(out / "quiz.pdf"))
    assert norm(LONG_STEM) in text and norm(LONG_OPTION) in text


def test_answer_sheet_and_trainer_edition(exported: tuple[Bank, Path, pdf.PdfReport]) -> None:
    _, out, report = exported
    by_version = _version_pages(report, pages_text(out / "quiz.pdf"))
    for code, pages in by_version.items():
        assert "PHIẾU TRẢ LỜI" in pages[-1] and f"Đề {code}" in pages[-1]  # headings are upper-cased by CSS
    key = " ".join(pages_text(out / "answer-key.pdf"))
    assert "Bản dành cho giảng viên" in key and "Câu gốc:" in key and "Nguồn: Ngày Nay" in key
    assert "Số câu ở các đề: A-" in key


def test_same_seed_same_text_other_seed_other_order(bank: Bank, tmp_path: Path) -> None:
    a = pdf.export_pdf(bank, tmp_path / "a", pdf.PdfOptions(versions=2, seed=5))
    b = pdf.export_pdf(bank, tmp_path / "b", pdf.PdfOptions(versions=2, seed=5))
    c = pdf.export_pdf(bank, tmp_path / "c", pdf.PdfOptions(versions=2, seed=6))
    assert a.pages == b.pages
    assert pages_text(tmp_path / "a" / "quiz.pdf") == pages_text(tmp_path / "b" / "quiz.pdf")
    assert pages_text(tmp_path / "a" / "quiz.pdf") != pages_text(tmp_path / "c" / "quiz.pdf")
    assert c.versions == 2


def test_versions_keep_an_articles_questions_together(bank: Bank) -> None:
    selected, _ = pdf.select_questions(bank, pdf.PdfOptions())
    for code in "ABCD":
        arranged = pdf.arrange(selected, code, 9)
        seen = [bf.article.id for bf, items in arranged for _ in items]
        assert seen == sorted(seen, key=seen.index)  # contiguous runs
        assert sum(len(items) for _, items in arranged) == len(selected)
    a = [q.id for _, items in pdf.arrange(selected, "A", 9) for q, _ in items]
    b = [q.id for _, items in pdf.arrange(selected, "B", 9) for q, _ in items]
    assert a != b and sorted(a) == sorted(b)


def test_balanced_selection_and_shortfall(bank: Bank) -> None:
    chosen, warnings = pdf.select_questions(bank, pdf.PdfOptions(count=8, seed=2, allow_giveaways=True))
    assert len(chosen) == 8 and not warnings
    articles = {s.article.article.id for s in chosen}
    assert len(articles) == 2
    assert len({s.question.type for s in chosen}) >= 5
    everything, warnings = pdf.select_questions(bank, pdf.PdfOptions(count=500))
    assert len(everything) < 500 and "yêu cầu 500" in warnings[0]


def test_filters_and_nothing_selected(bank: Bank, tmp_path: Path, invoke: Invoke) -> None:
    chosen, _ = pdf.select_questions(bank, pdf.PdfOptions(types=(QType.WHO,), formats=(QFormat.MCQ,)))
    assert chosen and all(s.question.type == QType.WHO and s.question.format == QFormat.MCQ for s in chosen)
    with pytest.raises(NothingToExportError):
        pdf.select_questions(bank, pdf.PdfOptions(formats=(QFormat.CLOZE,), types=(QType.WHO,)))
    out = tmp_path / "none"
    result = invoke("export", "pdf", out, "--bank", bank.root, "--types", "where", "--formats", "cloze")
    assert result.exit_code == 1 and not (out / "quiz.pdf").exists()
    assert invoke("export", "pdf", out, "--bank", bank.root, "--versions", "27").exit_code == 2
    assert invoke("export", "pdf", out, "--bank", bank.root, "--lang", "fr").exit_code == 2
    assert invoke("export", "pdf", out, "--bank", bank.root, "--formats", "essay").exit_code == 2


def test_no_vietnamese_font_is_a_clear_error(
    bank: Bank, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("quizgen.doctor.find_vietnamese_font", lambda: None)
    with pytest.raises(EnvironmentProblem, match="fonts-noto-core"):
        pdf.export_pdf(bank, tmp_path / "out", pdf.PdfOptions())
    assert not (tmp_path / "out" / "quiz.pdf").exists()


def test_fonts_are_embedded(exported: tuple[Bank, Path, pdf.PdfReport]) -> None:
    _, out, _ = exported
    fonts: set[str] = set()
    for page in PdfReader(out / "quiz.pdf").pages:
        resources: Any = page["/Resources"]
        for ref in (resources.get("/Font") or {}).values():
            font: Any = ref.get_object()
            descriptors = [font.get("/FontDescriptor")]
            descriptors += [d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
            for desc in (d.get_object() for d in descriptors if d is not None):
                assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), desc["/FontName"]
                fonts.add(str(desc["/FontName"]))
    assert any("Noto-Serif" in f or "NotoSerif" in f or "DejaVu" in f for f in fonts), fonts


# -- untrusted text fetches nothing ---------------------------------------------------------


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def test_fetcher_refuses_network_and_files_outside_templates(listener: tuple[str, list[str]]) -> None:
    url, hits = listener
    html = (
        f'<html><head><link rel="stylesheet" href="{url}/evil.css"><link rel="stylesheet" href="style.css"></head>'
        f'<body><img src="{url}/pixel.png"><img src="file:///etc/passwd"><p>Xin chào</p></body></html>'
    )
    doc = pdf.render_pdf_document(html)
    assert hits == [] and len(doc.pages) == 1


def test_question_text_with_markup_is_printed_not_fetched(
    bank: Bank, tmp_path: Path, listener: tuple[str, list[str]]
) -> None:
    url, hits = listener
    from quizgen.review import edit

    target = next(loc.question for loc in bank.iter_questions() if loc.question.format == QFormat.MCQ)
    nasty = f'Câu có <img src="{url}/x.png"> và <a href="file:///etc/passwd">liên kết</a>?'
    edit(bank, target.id, "Tester", text=nasty)
    pdf.export_pdf(bank, tmp_path / "out", pdf.PdfOptions())
    assert hits == []
    assert f'<img src="{url}/x.png">' in " ".join(pages_text(tmp_path / "out" / "quiz.pdf"))


def test_cli_export_pdf(bank: Bank, tmp_path: Path, invoke: Invoke) -> None:
    result = invoke("export", "pdf", tmp_path / "out", "--bank", bank.root, "--count", "5", "--versions", "2",
                    "--subtitle", "Đơn vị X · 22/11/2026", "--with-articles")  # fmt: skip
    assert result.exit_code == 0, result.output
    text = " ".join(pages_text(tmp_path / "out" / "quiz.pdf"))
    assert "TÀI LIỆU ĐỌC" in text and "Đơn vị X · 22/11/2026" in text
    assert "Họ và tên" in text and "Đơn vị:" in text and "Điểm" in text


def test_a_headline_that_answers_a_question_below_it_is_not_printed(bank: Bank) -> None:
    selected, _ = pdf.select_questions(bank, pdf.PdfOptions())
    by_article: dict[str, list[str]] = {}
    for s in selected:
        by_article.setdefault(s.article.article.title, []).append(s.question.answer)
    # The sample's headline "Tại Hà Nội, Thượng tướng Lê Quốc Hùng, ..." answers "Lê Quốc Hùng có
    # cấp bậc hàm gì?" under it; the other sample's headline answers nothing.
    telling = {t for t, answers in by_article.items() if any(a in t for a in answers)}
    assert len(telling) == 1 and len(by_article) == 2
    titles = [g.title for g in pdf.quiz_context(selected, "A", pdf.PdfOptions(), "Noto Serif").groups]
    assert not telling & set(titles) and (set(by_article) - telling) <= set(titles)
    assert any(re.fullmatch(r"Bài [12]", t) for t in titles)
