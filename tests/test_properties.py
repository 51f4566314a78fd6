"""Whatever text arrives, generation either drafts questions or says clearly why not."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.distractors import DistractorPool
from quizgen.errors import ArticleError
from quizgen.extract import extract_article
from quizgen.generate import draft_questions
from quizgen.intake import read_article

VI_WORDS = [
    "Bộ Công an",
    "ngày 12/6/2025",
    "hơn 100",
    "đại biểu",
    "Thượng tướng",
    "Lê Văn Minh",
    ",",
    ".",
    "Chương trình",
    "về",
    "Phụ nữ",
    "và",
    "(WPS)",
    "tại",
    "Hà Nội",
    "giai đoạn 2021-2025",
    ":",
    ";",
]


def _run(text: str, tmp: Path) -> None:
    path = tmp / "art.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        article = read_article(path)
    except ArticleError:
        return
    facts = extract_article(article.id, article.paragraphs)
    draft_questions(article, facts, DistractorPool(), 15)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_arbitrary_unicode_never_crashes(tmp_path: Path, text: str) -> None:
    _run(text, tmp_path)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(VI_WORDS), min_size=0, max_size=300), st.integers(0, 5))
def test_vietnamese_like_word_salad_and_long_sentences(tmp_path: Path, words: list[str], blanks: int) -> None:
    _run(" ".join(words) + "\n" * blanks + " ".join(reversed(words)), tmp_path)


def test_english_text(tmp_path: Path) -> None:
    _run(
        "The Deputy Minister received the UN Under-Secretary-General in Hanoi on 12 June 2025. " * 5, tmp_path
    )
