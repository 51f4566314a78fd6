from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from quizgen.errors import ArticleError
from quizgen.intake import is_caption, read_article
from tests.conftest import SEEDS, Invoke, write

VI = (
    "Chiều 12-8, tại Hà Nội, Thiếu tướng Trần Văn Bình, Cục trưởng Cục Đối ngoại (Bộ Công an), đã tiếp "
    "đoàn đại biểu của Phái bộ Liên hợp quốc tại Nam Sudan (UNMISS) do bà Jane Doe dẫn đầu.\n\n"
    "Hai bên đã trao đổi về hợp tác đào tạo sĩ quan gìn giữ hòa bình trong giai đoạn 2025-2030."
)


def test_txt_sample_drops_outlet_and_keeps_it_as_source() -> None:
    article = read_article(SEEDS / "000_0925c9defd9cf852.txt")
    assert article.source == "Ngày Nay"
    assert article.paragraphs[0].startswith("Bộ Công an phối hợp")
    assert article.title == "Bộ Công an phối hợp cùng Cơ quan Liên Hợp Quốc về Bình đẳng giới và trao quyền…"
    assert article.encoding == "utf-8"


def test_captions_and_credits_are_not_article_text() -> None:
    article = read_article(SEEDS / "003_43f387c3d7b97b06.txt")
    assert "Thứ trưởng Lê Quốc Hùng. Ảnh: Bộ Công an." in article.dropped
    assert all("Ảnh:" not in p for p in article.paragraphs)


@pytest.mark.parametrize(
    "line",
    [
        "Thứ trưởng Lê Quốc Hùng.",
        "Ảnh: Bộ Công an",
        "Quang cảnh hội thảo.",
        "Đại tá Nguyễn Văn A. (Ảnh: CAND)",
    ],
)
def test_caption_lines(line: str) -> None:
    assert is_caption(line)


def test_article_sentence_is_not_a_caption() -> None:
    assert not is_caption("Hội thảo có sự tham gia của 40 lãnh đạo cấp cao của Bộ.")


def test_markdown_front_matter_and_markup(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bai-md.md",
        "---\ntitle: Tiếp đoàn UNMISS\nsource: Báo Công an\ndate: 2025-08-12\n---\n"
        "# Tiêu đề phụ\n\n" + VI.replace("Hai bên", "**Hai bên**") + "\n\n![ảnh](a.jpg)\n",
    )
    article = read_article(path)
    assert article.title == "Tiếp đoàn UNMISS"
    assert article.source == "Báo Công an"
    assert article.date == "2025-08-12"
    assert article.paragraphs[-1].startswith("Hai bên đã trao đổi")


def test_markdown_unknown_front_matter_key(tmp_path: Path) -> None:
    path = write(tmp_path / "x.md", "---\ntitel: sai\n---\n" + VI)
    with pytest.raises(ArticleError, match="titel"):
        read_article(path)


def test_markdown_declared_english_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "x.md", "---\nlanguage: en\n---\n" + VI)
    with pytest.raises(ArticleError, match="tiếng Việt"):
        read_article(path)


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    paragraphs = (SEEDS / "003_43f387c3d7b97b06.txt").read_text(encoding="utf-8").split("\n\n")
    body = "".join(f"<p>{p}</p>" for p in paragraphs if "Ảnh:" not in p)
    html = (
        "<html><head><title>Thứ trưởng tiếp Phó Tổng Thư ký LHQ</title>"
        '<meta property="og:site_name" content="Báo Công an"><meta name="date" content="2025-06-12"></head>'
        f"<body><nav><a href='/'>Trang chủ</a></nav><article><h1>Thứ trưởng tiếp Phó Tổng Thư ký LHQ</h1>{body}</article>"
        "<footer>Bản quyền</footer></body></html>"
    )
    article = read_article(write(tmp_path / "tiep.html", html))
    assert article.title == "Thứ trưởng tiếp Phó Tổng Thư ký LHQ"
    assert article.source == "Báo Công an"
    assert article.paragraphs[0].startswith("Tại Hà Nội, Thượng tướng Lê Quốc Hùng")
    assert "Trang chủ" not in article.text and "Bản quyền" not in article.text


def test_windows_1258_is_read_and_said(tmp_path: Path) -> None:
    # Windows-1258 has "â", "ơ", "đ" precomposed but writes tone marks as combining characters.
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    pieces = []
    for ch in VI:
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        pieces.append(base + "".join(c for c in decomposed if c in tones))
    path = write(tmp_path / "cp.txt", "".join(pieces).encode("cp1258"))
    article = read_article(path)
    assert article.encoding == "windows-1258"
    assert "Thiếu tướng Trần Văn Bình" in article.text


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "u16.txt", VI.encode("utf-16"))
    article = read_article(path)
    assert article.encoding == "utf-16"
    assert "Hà Nội" in article.text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "rỗng"),
        ("blank.txt", b"  \n\n\t ", "rỗng"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "nhị phân"),
        ("bad.txt", b"\x81\x8d\x8f\x90 caf\xe9 \x9d", "không giải mã được"),
        (
            "english.txt",
            b"The Ministry of Public Security held a two-day workshop in Hanoi on peace.",
            "không phải tiếng Việt",
        ),
        ("empty.html", b"<html><body><nav>Menu</nav></body></html>", "không có nội dung"),
        ("bad name!.txt", VI.encode(), "đổi tên"),
        ("notes.docx", b"PK\x03\x04", "không được hỗ trợ"),
    ],
)
def test_bad_input_one_clear_error(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(ArticleError, match=message) as info:
        read_article(path)
    assert str(path) in info.value.user_message()


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="không tìm thấy"):
        read_article(tmp_path / "nope.txt")


def test_bad_input_through_cli_writes_nothing(tmp_path: Path, invoke: Invoke) -> None:
    bank = tmp_path / "bank"
    good = write(tmp_path / "in" / "good.txt", VI)
    write(tmp_path / "in" / "zz-empty.txt", "")
    result = invoke("generate", good.parent, "--bank", bank)
    assert result.exit_code == 1
    assert "zz-empty.txt" in result.output and "rỗng" in result.output
    assert not bank.exists() or not list(bank.glob("*.yaml"))


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        (
            "Tại Hà Nội, Thượng tướng Lê Quốc Hùng đã tiếp Đại sứ Pháp.",
            "Thượng tướng Lê Quốc Hùng đã tiếp Đại sứ Pháp",
        ),
        ("Chiều 12-8, Bộ Công an tổ chức hội nghị sơ kết.", "Bộ Công an tổ chức hội nghị sơ kết"),
        # The outlet's tag would head the quiz's section: "BHG - Chiều 10.8, ...".
        ("BHG - Chiều 10.8, Công an tỉnh tổ chức buổi gặp mặt.", "Công an tỉnh tổ chức buổi gặp mặt"),
        ("(CAND) – Ngày 12/3, tại Hà Nội, Bộ Công an họp.", "Bộ Công an họp"),
        (
            "Bộ Công an phối hợp cùng Cơ quan Liên Hợp Quốc về Bình đẳng giới và trao quyền cho phụ nữ tổ chức hội thảo.",
            "Bộ Công an phối hợp cùng Cơ quan Liên Hợp Quốc về Bình đẳng giới và trao quyền…",
        ),
    ],
)
def test_title_from_the_lead_sentence(lead: str, title: str) -> None:
    from quizgen.intake import derive_title

    assert derive_title([lead]) == title


def test_page_debris_is_left_out(tmp_path: Path) -> None:
    page = (
        "Dập tắt đám cháy tại công ty nhựa Hải Hà\n\n"
        "- Cảnh sát phòng cháy, chữa cháy khuyến cáo biện pháp an toàn khi để trẻ nhỏ ở nhà một mình\n"
        "- Dập tắt đám cháy lúc 3h sáng 1-6\n"
        "![]() |\n"
        "Lực lượng Cảnh sát PCCC và CNCH kịp thời dập tắt đám cháy trong đêm |\n"
        "Vào khoảng 2h30 ngày 14-6, đám cháy bất ngờ bùng phát tại công ty CP nhựa Hải Hà và nhanh chóng lan "
        "trên diện rộng, lực lượng chức năng đã điều động 3 xe chữa cháy tới hiện trường.\n"
    )
    article = read_article(write(tmp_path / "chay.txt", page))
    text = "\n".join(article.paragraphs)
    assert article.paragraphs[0] == "Dập tắt đám cháy tại công ty nhựa Hải Hà"
    assert "3h sáng 1-6" not in text and "|" not in text and "![" not in text
    assert any("3h sáng 1-6" in d for d in article.dropped)


def test_a_section_label_and_a_title_run_into_the_lead_are_split(tmp_path: Path) -> None:
    body = (
        "Phòng Cảnh sát phòng cháy, chữa cháy Công an thành phố Đà Nẵng tổ chức lớp tập huấn cho 188 cán bộ, "
        "chiến sĩ của Bộ Tư lệnh Vùng Cảnh sát biển 2."
    )
    page = (
        f"Quốc phòng - An ninh Vùng Cảnh sát biển 2 tập huấn nghiệp vụ phòng cháy ĐNO - Ngày 14/8, {body}\n"
    )
    article = read_article(write(tmp_path / "dn.txt", page))
    assert article.paragraphs[0] == "Vùng Cảnh sát biển 2 tập huấn nghiệp vụ phòng cháy"
    assert article.paragraphs[1].startswith("Ngày 14/8, Phòng Cảnh sát")
    lead = f"Thời sự Nâng cao năng lực cho công an cấp xã Từ ngày 28/7 đến 15/8/2025, {body}\n"
    article = read_article(write(tmp_path / "ld.txt", lead))
    assert article.paragraphs[0] == "Nâng cao năng lực cho công an cấp xã"
    assert article.paragraphs[1].startswith("Từ ngày 28/7 đến 15/8/2025,")


def test_a_follow_us_line_is_page_furniture(tmp_path: Path) -> None:
    page = (
        "Việt Nam nêu 3 đề xuất nâng cao Nghị sự về Phụ nữ, Hòa bình và An ninh\n"
        "Theo dõi Baoquocte.vn trên\n"
        "Ngày 11/2, tại New York, Đại sứ Đặng Hoàng Giang đã phát biểu tại phiên thảo luận mở của Hội đồng "
        "Bảo an về phụ nữ, hòa bình và an ninh, nêu ba đề xuất của Việt Nam.\n"
    )
    article = read_article(write(tmp_path / "bq.txt", page))
    assert all("Theo dõi" not in p for p in article.paragraphs)


def test_a_byline_or_a_stray_mark_above_the_lead_is_dropped(tmp_path: Path) -> None:
    page = (
        "Việt Nam nêu 3 đề xuất về Phụ nữ, Hòa bình và An ninh\n\n"
        "Bảo Chi\n"
        "Ngày 11/2, Hội thảo ASEAN về Phụ nữ, Hòa bình và An ninh đã diễn ra tại Hà Nội.\n\n"
        "aa\n"
        "Chiều 12/6, Cục Gìn giữ hòa bình Việt Nam đã tổ chức lễ tiễn 156 thành viên.\n"
    )
    article = read_article(write(tmp_path / "bq.txt", page))
    assert article.paragraphs[1].startswith("Ngày 11/2,")
    assert article.paragraphs[2].startswith("Chiều 12/6,")


def test_a_page_time_stamp_is_page_furniture(tmp_path: Path) -> None:
    page = (
        "Chủ tịch nước trao quyết định cho sĩ quan đi gìn giữ hòa bình\n\n"
        "• Cập nhật: Thứ tư, 11/6/2014 | 1:52:06 PM\n"
        "Chiều 10/6, Chủ tịch nước đã trao quyết định cho 2 sĩ quan đi làm nhiệm vụ gìn giữ hòa bình.\n"
    )
    article = read_article(write(tmp_path / "ts.txt", page))
    assert all("Cập nhật" not in p for p in article.paragraphs)


def test_a_blogs_posting_date_is_page_furniture(tmp_path: Path) -> None:
    page = (
        "Công an tỉnh tổ chức tuyên truyền phòng chống ma túy\n\n"
        "Đã đăng vào 20 Th1, 2020\n"
        "Sáng 19/1, Công an tỉnh đã tổ chức tuyên truyền phòng chống ma túy cho 500 học sinh.\n"
    )
    article = read_article(write(tmp_path / "blog.txt", page))
    assert all("Đã đăng" not in p for p in article.paragraphs)


def test_photo_captions_between_paragraphs_are_set_aside(tmp_path: Path) -> None:
    page = (
        "Thực tập phương án chữa cháy tại trường mầm non\n\n"
        "Thứ sáu - 20/09/2024 22:18 133 0\n"
        "Chiều ngày 20/9, Công an tỉnh đã tổ chức thực tập phương án chữa cháy.\n"
        "Lực lượng Cảnh sát phòng cháy, chữa cháy và Cảnh sát cơ động\n"
        "tham gia thực tập phương án chữa cháy ở Trường Mầm non Vành Khuyên\n"
        "Tình huống giả định: trong lúc nấu ăn, khí gas bị rò rỉ.\n"
        "Hoàn thành phương án, lực lượng Cảnh sát phòng cháy, chữa cháy\n"
        "thu dọn dụng"
    )
    article = read_article(write(tmp_path / "cap.txt", page))
    text = "\n".join(article.paragraphs)
    assert article.paragraphs[0] == "Thực tập phương án chữa cháy tại trường mầm non"
    assert "22:18" not in text and "Vành Khuyên" not in text
    assert "Tình huống giả định" in text and text.endswith("thu dọn dụng")  # the cut-off ending stays


def test_a_section_line_and_a_posting_clock_run_into_the_headline_are_page_furniture(tmp_path: Path) -> None:
    page = (
        "Xã hội\n\n"
        "05/07/2020 00:08Đột kích nhiều quán karaoke ở Sài Gòn, 87 dân chơi phê ma túy\n\n"
        "Công an quận Bình Tân đang lập hồ sơ xử lý 87 người dương tính với ma túy.\n"
    )
    article = read_article(write(tmp_path / "page.txt", page))
    assert article.paragraphs[0] == "Đột kích nhiều quán karaoke ở Sài Gòn, 87 dân chơi phê ma túy"


def test_a_linked_headline_before_one_that_opens_with_a_figure_is_set_aside(tmp_path: Path) -> None:
    page = (
        "Australia bàn giao vật tư cho Cục Gìn giữ hòa bình Việt Nam\n\n"
        "Ngày 12/8 tại Hà Nội, Cục Gìn giữ hòa bình Việt Nam đã tiếp nhận một gói vật tư.\n"
        "Việt Nam thúc đẩy thông qua ngân sách cho Phái bộ gìn giữ hòa bình tại Abyei\n"
        "3 sĩ quan Quân đội nhân dân Việt Nam nhận nhiệm vụ gìn giữ hòa bình Liên hợp quốc\n\n"
        "Đồng chủ trì lễ bàn giao có Thượng tướng Hoàng Xuân Chiến."
    )
    article = read_article(write(tmp_path / "links.txt", page))
    text = "\n".join(article.paragraphs)
    assert "ngân sách cho Phái bộ" not in text, text
    assert "Đồng chủ trì lễ bàn giao" in text


def test_what_follows_the_agencys_end_mark_is_left_out(tmp_path: Path) -> None:
    page = (
        "Ngày 3/9, Công an tỉnh Lạng Sơn thông tin đơn vị vừa phá một chuyên án ma túy, thu giữ 5 bánh heroin.\n\n"
        "Cơ quan Cảnh sát điều tra Công an tỉnh đang mở rộng điều tra vụ án./.\n\n"
        "Tuyên án vụ hai cựu cán bộ nhận hối lộ Ngày 2/9, Tòa án nhân dân TP Hồ Chí Minh tuyên phạt 2 bị cáo.\n\n"
        "Theo vietnamplus.vn\n"
    )
    article = read_article(write(tmp_path / "ls.txt", page))
    assert article.paragraphs[-1].endswith("vụ án./.")
    assert not any("Tòa án" in p for p in article.paragraphs)
    assert any("Tòa án" in d for d in article.dropped)


def test_a_byline_ends_the_article_and_the_teaser_after_it_is_dropped(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt",
        "Bắt đối tượng vận chuyển ma túy\n\n"
        "Ngày 5-8, Đồn Biên phòng Pa Tần bắt quả tang Lò Văn Minh chở 3 bánh heroin.\n\n"
        "Vụ việc đang được mở rộng điều tra.\n\n"
        "Tin, ảnh: HOÀNG NAM\n\n"
        "* Bạn đọc có thể xem thêm các tin, bài liên quan tại chuyên mục Pháp luật.\n\n"
        "3 đối tượng đã bị Công an tỉnh Sơn La bắt giữ cùng 2 bánh heroin.\n",
    )
    article = read_article(path)
    assert article.paragraphs[-1] == "Vụ việc đang được mở rộng điều tra."
    assert not any("Sơn La" in p for p in article.paragraphs)


def test_a_space_lost_after_a_places_kind_comes_back(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt", "Tin\n\nĐại tá Lê Văn A, Giám đốc Công an tỉnhBạc Liêu phát biểu tại hội nghị.\n"
    )
    assert "Công an tỉnh Bạc Liêu" in read_article(path).paragraphs[-1]


def test_a_bracketed_link_to_another_story_is_no_paragraph(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt",
        "Bắt hai đối tượng vận chuyển pháo lậu\n\n"
        "Khoảng 21 giờ ngày 4/9, Đồn Biên phòng Đàm Thủy bắt giữ hai đối tượng chở 216 hộp pháo.\n\n"
        "[Cao Bằng: bắt vụ vận chuyển gần 3 tấn pháo lậu qua biên giới]\n\n"
        "Vụ việc đang được mở rộng điều tra.\n",
    )
    article = read_article(path)
    assert not any("3 tấn" in p for p in article.paragraphs)
    assert any("3 tấn" in d for d in article.dropped)
    assert article.paragraphs[-1] == "Vụ việc đang được mở rộng điều tra."
