from __future__ import annotations

import unicodedata

import pytest

from quizgen.normalize import core_name, fold_for_match, normalize_text, word_re


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("hoà bình", "hòa bình"),
        ("Thuý", "Thúy"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("Uỷ ban", "Ủy ban"),
        ("quý", "quý"),
        ("giữ gìn", "giữ gìn"),
        ("người", "người"),
        ("hoàng", "hoàng"),
        ("ngoài", "ngoài"),
    ],
)
def test_tone_marks_take_one_placement(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_decomposed_text_becomes_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Thượng tướng Lê Quốc Hùng")
    assert normalize_text(decomposed) == "Thượng tướng Lê Quốc Hùng"
    assert unicodedata.is_normalized("NFC", normalize_text(decomposed))


def test_a_minority_names_tone_stays_where_the_text_puts_it() -> None:
    # Only "oa", "oe" and "uy" take the mark in two places; "Khíao" (a Tày name) is spelled so.
    assert normalize_text("bà Mèo Thị Khíao") == "bà Mèo Thị Khíao"
    assert normalize_text("gìa") == "già"  # the mark belongs on the only vowel after "gi"


def test_foreign_names_keep_their_accents() -> None:
    assert normalize_text("Maria Fernández và Hélène") == "Maria Fernández và Hélène"


def test_dashes_and_quotes_are_unified() -> None:
    assert normalize_text("(Ngày Nay) — giai đoạn 2024–2030 “Kế hoạch”") == (
        '(Ngày Nay) – giai đoạn 2024-2030 "Kế hoạch"'
    )


def test_spaces_fold_but_paragraphs_stay() -> None:
    assert normalize_text("a\u00a0 b\n\nc  d") == "a b\n\nc d"


def test_fold_and_core_name() -> None:
    assert fold_for_match("Hoà Bình.") == fold_for_match("hòa bình")
    assert core_name("Chương trình X (WPS) 2024-2030") == core_name("Chương trình X (NAP WPS)")


def test_spaces_the_source_lost_are_restored_in_written_text() -> None:
    from quizgen.normalize import unglue

    assert (
        unglue("sang thămvà làm việc, quan hệhợp tác đã pháttriển")
        == "sang thăm và làm việc, quan hệ hợp tác đã phát triển"
    )
    assert unglue("hợp tác giữaBộ Công an") == "hợp tác giữa Bộ Công an"
    assert unglue("Đoànđại biểu") == "Đoàn đại biểu"
    # Real words of one syllable, names and foreign words stay as they are.
    for word in (
        "người",
        "nghiêng",
        "khuyến khích",
        "quyền",
        "Nguyễn",
        "iPhone",
        "McDonald",
        "Tơnicốp",
        "Vasilyevich",
        "António",
    ):
        assert unglue(word) == word


def test_a_list_item_dash_at_the_start_of_a_line_is_kept() -> None:
    from quizgen.normalize import normalize_text

    assert normalize_text("Tiêu đề\n\n- Mục một\n- Mục hai") == "Tiêu đề\n\n- Mục một\n- Mục hai"
    assert normalize_text("Hà Nội - Việt Nam") == "Hà Nội – Việt Nam"


def test_word_re_finds_whole_words_and_compiles_each_once() -> None:
    assert word_re("Hà Nội").search("tại Hà Nội, sáng 3/9")
    assert not word_re("Nam").search("Namibia")
    assert word_re("C06 (Bộ Công an)").search("Cục C06 (Bộ Công an) chủ trì")  # brackets taken literally
    assert word_re("Hà Nội") is word_re("Hà Nội")
