from __future__ import annotations

import re
from dataclasses import replace

import pytest

from quizgen.distractors import (
    NAMED_PLACE,
    DistractorPool,
    _shares_a_name,
    _skeleton,
    candidates_for,
    choose_distractors,
    is_place_name,
    sphere,
)
from quizgen.extract import Fact, extract_article
from quizgen.gazetteer import load_communes, load_gazetteer
from quizgen.models import QType
from quizgen.sentences import Sentence


def first(kind: str, text: str) -> Fact:
    return next(f for f in extract_article("t", (text,)).facts if f.kind == kind)


def wrong(kind: str, text: str, pool: DistractorPool | None = None) -> list[str]:
    fact = first(kind, text)
    return choose_distractors(fact, pool or DistractorPool(), "t", set())


def test_title_distractors_swap_post_or_organisation_never_mangle_it() -> None:
    options = wrong(
        "title_of", "Thiếu tướng Trần Minh Quân, Phó Cục trưởng Cục Đối ngoại, phát biểu khai mạc."
    )
    assert len(options) == 3
    assert "Phó Cục trưởng Cục Đối ngoại" not in options
    assert all(o.startswith(("Phó Cục trưởng Cục ", "Cục trưởng Cục ")) for o in options), options


def test_a_provincial_posts_options_are_other_provinces_in_an_order_of_its_own() -> None:
    from quizgen.distractors import _titles

    gaz = load_gazetteer()
    seen = set()
    for province in ("Lạng Sơn", "Đồng Nai", "Nghệ An", "Gia Lai"):
        options = _titles(f"Giám đốc Công an tỉnh {province}", gaz, f"seed-{province}")
        provincial = [o for o in options if o.startswith("Giám đốc Công an tỉnh ")]
        assert len(provincial) >= 3 and f"Giám đốc Công an tỉnh {province}" not in provincial
        seen.add(tuple(provincial[:3]))
    # In alphabetical order every director was offered An Giang, Bắc Ninh and Cà Mau.
    assert len(seen) == 4
    city = _titles("Giám đốc Công an TP Hải Phòng", gaz, "s")
    assert {o.removeprefix("Giám đốc Công an TP ") for o in city if o.startswith("Giám đốc")} <= {
        "Hà Nội",
        "Hồ Chí Minh",
        "Đà Nẵng",
        "Cần Thơ",
        "Huế",
    }


def test_rank_distractors_are_the_ranks_a_step_or_two_away() -> None:
    # Session 37: the rank group alone gave seven rank questions of one article the same four
    # options (fresh57); a step or two either side, across the star line, chosen by the seed.
    seen: set[str] = set()
    for name in ("Lê Văn Hòa", "Trần Văn Bình", "Phạm Quốc Cường", "Ngô Minh Dũng"):
        options = set(wrong("rank_of", f"Đại tá {name}, Giám đốc Công an tỉnh Nghệ An, đã dự."))
        assert len(options) == 3 and options <= {"Trung tướng", "Thiếu tướng", "Thượng tá", "Trung tá"}, (
            options
        )
        seen |= options
    assert len(seen) == 4
    # Only the minister is a "Đại tướng": never beside a Thiếu tướng.
    options = set(wrong("rank_of", "Thiếu tướng Lê Văn Hòa, Giám đốc Công an tỉnh Nghệ An, đã dự."))
    assert "Đại tướng" not in options and len(options) == 3, options


def test_dates_keep_their_format() -> None:
    for option in wrong("date", "Ngày 12/6/2025, Bộ Công an tổ chức lễ xuất quân."):
        assert option.startswith("ngày ") and option.count("/") == 2 and option != "ngày 12/6/2025"


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Lễ khai giảng có hơn 100 đại biểu tham dự.", "hơn 100"),
        ("Tỷ lệ nữ sĩ quan đạt hơn 30% trong năm qua.", "hơn 30%"),
    ],
)
def test_numbers_keep_prefix_and_unit(text: str, answer: str) -> None:
    kind = "measure" if "%" in answer else "count"
    options = wrong(kind, text)
    assert len(options) == 3 and answer not in options
    assert all(o.startswith("hơn ") and o.endswith("%") == answer.endswith("%") for o in options)


def test_aliases_are_never_offered() -> None:
    options = wrong("place", "Tại Thành phố Hồ Chí Minh, Công an thành phố tổ chức diễn tập.")
    assert not {"TPHCM", "TP.HCM", "TP Hồ Chí Minh"} & set(options)


def test_the_articles_own_people_come_first_but_never_those_of_the_same_sentence() -> None:
    pool = DistractorPool()
    pool.add("person:vn", "Thiếu tướng Vũ Đức Thắng", "other")
    pool.add("person:vn", "Trần Văn Nam", "other")
    pool.add("person:vn", "Thượng tướng Ngô Văn Tài", "t")
    pool.add("person:vn", "Trung tướng Lê Văn Hòa", "t")
    options = wrong(
        "person", "Thượng tướng Phan Văn Minh đã tiếp Đại sứ Pháp cùng Trung tướng Lê Văn Hòa.", pool
    )
    # Another general of the same article is the option a trainer would set; one named in the
    # fact's own sentence may have done the same thing. A name that had no rank gets none pasted on.
    assert options[0] == "Thượng tướng Ngô Văn Tài"
    assert "Thiếu tướng Vũ Đức Thắng" in options
    assert all(o.split()[0] in ("Thiếu", "Trung", "Thượng", "Đại") for o in options)
    assert not any("Lê Văn Hòa" in o or "Trần Văn Nam" in o for o in options)


def test_one_person_is_never_two_options() -> None:
    pool = DistractorPool()
    pool.add("person:vn", "Đại tướng Tô Lâm", "t")
    pool.add("person:vn", "Tô Lâm", "t")
    pool.add("person:vn", "Bộ trưởng Tô Lâm", "other")
    options = wrong("person", "Thượng tướng Phan Văn Minh đã tiếp Đại sứ Pháp.", pool)
    assert sum("Tô Lâm" in o for o in options) <= 1


def test_private_persons_and_officials_are_never_options_for_each_other() -> None:
    from quizgen.extract.quality import private_names

    found = extract_article(
        "other",
        ("Cơ quan Công an đã nhận đơn trình báo của ông Lý Văn Sỉnh (SN 1976), bố đẻ của một nạn nhân.",),
    ).facts
    assert private_names(found) == {"lý văn sỉnh"}
    pool = DistractorPool()
    for fact in found:
        pool.add(fact.shape, fact.answer, "other", private=True)
    pool.add("person:vn", "Lê Tuấn Quốc", "other2")
    options = wrong("person", "Phó Thủ tướng Trương Hòa Bình đã chủ trì hội nghị trực tuyến ngày 3/1.", pool)
    # A victim's father is no option for a deputy prime minister.
    assert "Lê Tuấn Quốc" in options and "Lý Văn Sỉnh" not in options


def test_programme_name_variants_are_not_distractors() -> None:
    pool = DistractorPool()
    pool.add(
        "programme:Chương trình",
        "Chương trình Hành động Quốc gia về Phụ nữ, Hòa bình và An ninh (NAP WPS)",
        "x",
    )
    text = "Việt Nam thông qua Chương trình Hành động Quốc gia về Phụ nữ, Hòa bình và An ninh (WPS) 2024-2030 năm nay."
    options = wrong("programme", text, pool)
    assert all("Phụ nữ, Hòa bình và An ninh" not in o for o in options)


def test_percentages_stay_possible() -> None:
    options = wrong("measure", "Kế hoạch đặt mục tiêu 100% hồ sơ được xử lý trên môi trường mạng.")
    assert len(options) == 3 and all(0 < int(o.rstrip("%")) < 100 for o in options)


def test_acronym_distractors_are_of_the_same_kind() -> None:
    code = wrong(
        "org", "Theo Kế hoạch, Cục Cảnh sát quản lý hành chính về trật tự xã hội (C06) là đơn vị thường trực."
    )
    assert code and all(re.fullmatch(r"C\d{2}", o) for o in code), code
    mission = wrong(
        "org", "Học viên được triển khai tới Phái bộ Liên hợp quốc tại Nam Sudan (UNMISS) năm 2026."
    )
    assert set(mission) <= {"MINUSCA", "UNISFA", "MINUSMA"}, mission


def test_options_come_from_the_answers_world() -> None:
    from quizgen.distractors import sphere
    from quizgen.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    assert sphere("Bộ Nội vụ Singapore", gaz) == "foreign:singapore"
    assert sphere("UN Women", gaz) == "un"
    assert sphere("Phòng Tham mưu Công an tỉnh Hà Tĩnh", gaz) == "local"
    assert sphere("Công an tỉnh Hủa Phăn", gaz) == "foreign:lào"
    # "pháp luật" is no France, "Việt Nam" no province.
    assert sphere("Trung tâm Hợp tác An ninh và Thực thi pháp luật Mê Công – Lan Thương", gaz) == "national"
    assert sphere("Trung tâm Hợp tác quốc tế Việt Nam", gaz) == "national"
    # The army's peacekeeping department is set among the army's departments, not the police's.
    assert sphere("Trung tâm Gìn giữ hòa bình Việt Nam", gaz) == "defence"
    assert sphere("Cục GGHB Việt Nam", gaz) == "defence"
    assert sphere("Bộ Quốc phòng", gaz) == "national"  # a ministry among the ministries of security


def test_an_initials_form_of_the_answer_is_no_option() -> None:
    from quizgen.distractors import _acronym_alias

    assert _acronym_alias("Học viện CSND", "Học viện Cảnh sát nhân dân")
    assert _acronym_alias("Cục CSGT", "Cục Cảnh sát giao thông")
    assert not _acronym_alias("Cục CSGT", "Cục Đối ngoại")


def test_events_and_documents_are_shifted_in_their_own_form() -> None:
    from quizgen.distractors import _NUMBERED_DOCUMENT, _shift_document, _shift_event

    assert _shift_event("Đại hội lần thứ XIX Đảng Cộng sản Trung Quốc")[:2] == [
        "Đại hội lần thứ XVIII Đảng Cộng sản Trung Quốc",
        "Đại hội lần thứ XX Đảng Cộng sản Trung Quốc",
    ]
    assert "Tết Nguyên đán Giáp Thìn 2024" in _shift_event("Tết Nguyên đán Ất Tỵ 2025")
    m = _NUMBERED_DOCUMENT.fullmatch("Nghị quyết 57-NQ/TW")
    assert m is not None
    shifted = _shift_document(m, "seed")
    assert shifted and all(
        re.fullmatch(r"Nghị quyết \d+-NQ/TW", s) and s != "Nghị quyết 57-NQ/TW" for s in shifted
    )


def test_quarters_shift_to_real_numerals() -> None:
    fact = Fact(QType.WHEN, "quarter", "quý IV năm 2022", "quý IV năm 2022", Sentence("x", 0, 0), 0, 1,
                shape="quarter")  # fmt: skip
    options = candidates_for(fact, DistractorPool(), "a", load_gazetteer())
    assert sorted(options) == ["quý I năm 2022", "quý II năm 2022", "quý III năm 2022"]


def test_a_womans_name_is_offered_among_womens_names() -> None:
    pool = DistractorPool()
    for name in ("Nguyễn Văn Long", "Trần Quốc Tỏ", "Lê Thị Hồng", "Phạm Thị Lan", "Đỗ Thị Hà", "Vũ Văn Nam"):
        pool.add("person:vn", name, "other")
    text = "Tại lễ phát động, bà Nguyễn Thị Thu Hà, Phó Chủ tịch Hội, đã phát biểu."
    fact = next(f for f in extract_article("t", (text,)).facts if f.answer == "Nguyễn Thị Thu Hà")
    wrong = choose_distractors(fact, pool, "t", set())
    assert wrong and all(" Thị " in w for w in wrong)


def test_provinces_merged_away_in_2025_are_never_offered() -> None:
    gaz = load_gazetteer()
    former = set(gaz.places["former_provinces"])
    assert {"Yên Bái", "Kiên Giang", "Bình Định", "Quảng Nam"} <= former
    assert len(gaz.places["provinces"]) + len(gaz.places["cities"]) == 34  # the units since 1 July 2025
    text = "Công an tỉnh Lâm Đồng đã tổ chức tập huấn cho 300 cán bộ công an cấp xã."
    fact = next(f for f in extract_article("t", (text,)).facts if f.answer == "Công an tỉnh Lâm Đồng")
    pool = DistractorPool()
    for place in ("Yên Bái", "Kiên Giang", "Sơn La"):
        pool.add(fact.shape, f"Công an tỉnh {place}", "other")
    wrong = choose_distractors(fact, pool, "t", set(), gaz=gaz)
    assert len(wrong) == 3 and not any(p in w for w in wrong for p in former)


def test_a_chinese_officials_name_is_no_option_for_a_vietnamese_officer() -> None:
    from quizgen.distractors import foreign_official

    gaz = load_gazetteer()
    assert foreign_official("Quách Thành Côn", gaz)  # written "Quách Thanh Côn" in the gazetteer
    assert not foreign_official("Đại tá Trần Văn Sơn", gaz)
    text = "Đại tá Bùi Văn Thảo, Giám đốc Công an tỉnh đã phát biểu khai mạc hội nghị tổng kết công tác năm 2019."
    fact = next(f for f in extract_article("t", (text,)).facts if f.answer == "Đại tá Bùi Văn Thảo")
    pool = DistractorPool()
    for name in ("Quách Thành Côn", "Trần Văn Sơn", "Lê Văn Hải", "Phạm Minh Đức"):
        pool.add("person:vn", name, "other")
    assert all("Quách" not in w for w in choose_distractors(fact, pool, "t", set(), gaz=gaz))


def test_the_uns_department_named_without_the_un_is_still_the_uns() -> None:
    from quizgen.distractors import sphere

    gaz = load_gazetteer()
    assert sphere("Cục Hoạt động Hòa bình", gaz) == "un"
    assert sphere("Cục Cảnh sát hình sự", gaz) == "national"


def test_a_foreign_officials_country_is_read_from_any_mention_of_him() -> None:
    lead = (
        "Tại buổi tiếp, Thứ trưởng Tô Lâm đã chào mừng ông Hách Vân Hồng cùng các thành viên đoàn sang thăm."
    )
    caption = "Thứ trưởng Tô Lâm cùng Phó Cục trưởng Cục Bảo vệ An ninh Nội địa Bộ Công an Trung Quốc Hách Vân Hồng."
    facts = extract_article("t", (lead, caption)).facts
    assert [f.shape for f in facts if f.answer == "Hách Vân Hồng"] == ["person:Trung Quốc"]


def test_a_range_with_hyphenated_dates_moves_both_ends_and_a_city_police_reads_naturally() -> None:
    options = wrong("date_range", "Đợt cao điểm kéo dài từ ngày 15-12-2025 đến 16-3-2026.")
    assert len(options) == 3
    assert all(re.fullmatch(r"ngày \d{1,2}-12-2025 đến \d{1,2}-3-2026", o) for o in options), options
    police = wrong(
        "org", "Công an tỉnh Nghệ An phối hợp với Công an thành phố Hải Phòng bắt giữ 3 đối tượng."
    )
    assert not any("thành phố Thành phố" in o for o in police)


@pytest.mark.parametrize(
    ("text", "answer", "expected"),
    [
        (
            "Phòng Cảnh sát hình sự Công an tỉnh Nghệ An vừa triệt phá một đường dây mua bán người.",
            "Phòng Cảnh sát hình sự Công an tỉnh Nghệ An",
            r"Phòng .+ Công an tỉnh Nghệ An",
        ),
        (
            "Sáng 10-1, Ban An toàn Giao thông TP HCM đã tổ chức lễ phát động ra quân.",
            "Ban An toàn Giao thông TP HCM",
            r"Ban An toàn Giao thông TP (?:Hà Nội|Hải Phòng|Đà Nẵng|Cần Thơ|Huế)",
        ),
        (
            "Ngày 14/8, Bộ Tư lệnh Vùng Cảnh sát biển 2 tổ chức lớp tập huấn phòng cháy.",
            "Bộ Tư lệnh Vùng Cảnh sát biển 2",
            r"Bộ Tư lệnh Vùng Cảnh sát biển [13-5]",
        ),
    ],
)
def test_a_unit_gets_its_siblings_in_the_same_setting(text: str, answer: str, expected: str) -> None:
    fact = next(f for f in extract_article("t", (text,)).facts if f.answer == answer)
    options = choose_distractors(fact, DistractorPool(), "t", set())
    assert len(options) == 3 and all(re.fullmatch(expected, o) for o in options), options


def test_the_same_department_elsewhere_when_the_stem_names_it() -> None:
    text = (
        "Phòng Cảnh sát hình sự Công an tỉnh Đồng Tháp phối hợp với Phòng Cảnh sát hình sự Công an tỉnh "
        "Đắk Lắk giải cứu thành công một phụ nữ."
    )
    fact = next(
        f for f in extract_article("t", (text,)).facts if f.answer.startswith("Phòng") and "Đắk" in f.answer
    )
    stem = (
        "Phòng Cảnh sát hình sự Công an tỉnh Đồng Tháp phối hợp với phòng nào giải cứu thành công một phụ nữ?"
    )
    options = choose_distractors(fact, DistractorPool(), "t", set(), excluded_text=stem)
    assert all(o.startswith("Phòng Cảnh sát hình sự Công an tỉnh ") for o in options), options
    assert not any(o.endswith(("Đắk Lắk", "Đồng Tháp")) for o in options)


def test_a_destination_country_is_offered_among_its_region() -> None:
    options = wrong("destination", "Các đối tượng đã đưa 3 phụ nữ sang Campuchia bán cho các ổ nhóm.")
    assert len(options) == 3
    assert set(options) <= {
        "Trung Quốc",
        "Lào",
        "Thái Lan",
        "Myanmar",
        "Malaysia",
        "Singapore",
        "Indonesia",
        "Philippines",
    }


def test_numbered_documents_keep_number_form_and_issuer_and_laws_get_laws() -> None:
    decision = wrong(
        "programme", "Thủ tướng đã ký Quyết định số 1944/QĐ-TTg phê duyệt Chương trình phòng, chống tội phạm."
    )
    assert len(decision) == 3 and all(re.fullmatch(r"Quyết định số \d{4}/QĐ-TTg", o) for o in decision), (
        decision
    )
    issued = wrong(
        "programme",
        "Thành phố tập trung thực hiện Nghị quyết 48 của Chính phủ về trật tự an toàn giao thông.",
    )
    assert len(issued) == 3 and all(re.fullmatch(r"Nghị quyết \d+ của Chính phủ", o) for o in issued), issued
    law = wrong("programme", "Căn cứ Luật Tổ chức Chính phủ, Thủ tướng giao điều hành Bộ Công an.")
    assert len(law) == 3 and all(o.startswith("Luật ") and o != "Luật Tổ chức Chính phủ" for o in law), law


def test_a_department_is_offered_among_departments_of_its_line_of_work() -> None:
    options = wrong("org", "Phòng Cảnh sát hình sự Công an tỉnh Nghệ An đã bắt giữ đối tượng mua bán người.")
    assert not any(w in o for o in options for w in ("Hậu cần", "Tham mưu")), options


def test_a_missions_long_name_is_no_option_beside_its_short_name() -> None:
    text = "Tổ công tác số 6 đi làm nhiệm vụ tại Phái bộ MINUSCA ở Cộng hòa Trung Phi."
    assert first("org", text).answer == "Phái bộ MINUSCA"
    options = wrong("org", text)
    assert not any("MINUSCA" in o for o in options), options


def test_the_answer_is_not_always_the_second_smallest_number_and_at_least_counts_only_go_up() -> None:
    from collections import Counter

    from quizgen.distractors import _shift_number, _spread
    from quizgen.extract.quality import number_of

    ranks: Counter[int] = Counter()
    for n in range(1, 41):
        answer = f"{n * 7} cán bộ"
        wrong = _spread(f"seed-{n}", answer, _shift_number(answer), number_of)[:3]
        values = sorted(number_of(o) or 0 for o in [answer, *wrong])
        ranks[values.index(n * 7)] += 1
    # Every rank occurs, and none holds most of the answers (it held 89% before).
    assert set(ranks) == {0, 1, 2, 3} and max(ranks.values()) <= 20, ranks
    # "hơn 20": "hơn 10" would be true as well, so every wrong option is larger.
    wrong = _spread("s", "hơn 20 cán bộ", _shift_number("hơn 20 cán bộ"), number_of)[:3]
    assert wrong and all((number_of(w) or 0) > 20 for w in wrong), wrong
    wrong = _spread("s", "dưới 16 tuổi", _shift_number("dưới 16 tuổi"), number_of)[:3]
    assert wrong and all((number_of(w) or 99) < 16 for w in wrong), wrong


def test_words_with_aliases_that_are_no_place_keep_their_place_in_a_name() -> None:
    gaz = load_gazetteer()
    # "phụ nữ" is an alias of the WPS programme, not a province: UN Women's name is not a
    # province's body ("... trao quyền cho Thanh Hóa").
    assert not is_place_name("phụ nữ", gaz)
    assert is_place_name("TP HCM", gaz)


def test_a_count_written_with_a_leading_zero_keeps_it_in_every_option() -> None:
    from quizgen.distractors import _shift_number

    assert _shift_number("02kg")[:2] == ["03kg", "01kg"]
    assert all(option.startswith("0") for option in _shift_number("06 bị can"))


def test_a_zero_padded_date_gets_zero_padded_options() -> None:
    for option in wrong("date", "Chỉ thị được ban hành ngày 03 tháng 01 năm 2023 về tăng cường phòng cháy."):
        assert re.search(r"ngày \d\d tháng \d\d năm \d{4}", option), option


def test_the_same_body_told_apart_by_a_suffix_is_no_option() -> None:
    from quizgen.distractors import _variant_of

    assert _variant_of("Bộ Tư lệnh Cảnh sát cơ động, Bộ Công an", "Bộ Tư lệnh Cảnh sát cơ động – K02")
    assert not _variant_of("Bộ Tư lệnh Cảnh vệ – K03", "Bộ Tư lệnh Cảnh sát cơ động – K02")


def test_two_names_of_one_steering_committee_are_not_set_against_each_other() -> None:
    from quizgen.distractors import _variant_of

    assert _variant_of("Ban Chỉ đạo 138 Trung ương", "Ban Chỉ đạo phòng, chống tội phạm của Chính phủ")
    options = wrong(
        "issuer",
        "Thực hiện Kế hoạch số 28/KH-BCĐ138/CP của Ban Chỉ đạo 138 Trung ương, Công an tỉnh đã triển khai.",
    )
    assert len(options) == 3 and all(o.startswith("Ban Chỉ đạo") for o in options)


def test_a_date_padded_on_one_part_keeps_that_form() -> None:
    from quizgen.distractors import _shift_date

    assert all(re.fullmatch(r"ngày \d\d/\d/2024", o) for o in _shift_date("ngày 01/7/2024", "s")[:4])
    assert all(re.fullmatch(r"ngày \d\d/\d\d/\d{4}", o) for o in _shift_date("ngày 14/02/2024", "s"))


def test_a_persons_country_comes_from_the_title_not_from_the_name() -> None:
    nga = "Khai mạc buổi lễ, đồng chí Hà Thị Nga, Chủ tịch Hội Liên hiệp Phụ nữ Việt Nam cho biết kết quả."
    lao = "Thượng tá Kẹo U Don, đại diện Bộ An ninh Lào tại Việt Nam, đã trao quà cho các học viên."
    pair = (
        "Hội nghị do Thượng tướng Bùi Văn Nam, Thứ trưởng Bộ Công an và Thứ trưởng Bộ An ninh Quốc gia "
        "Trung Quốc Đường Triều đồng chủ trì."
    )
    shapes = {f.answer: f.shape for f in extract_article("t", (nga, lao, pair)).facts if f.type == QType.WHO}
    assert shapes.get("Hà Thị Nga") == "person:vn"  # "Nga" in her name is not Russia
    assert shapes.get("Thượng tá Kẹo U Don") == "person:Lào"  # the post after the name says Laos
    assert shapes.get("Thượng tướng Bùi Văn Nam") == "person:vn"  # the Chinese post is the other man's


def test_a_person_asked_without_a_rank_gets_options_without_one() -> None:
    from pathlib import Path

    from quizgen.generate import draft_questions
    from quizgen.intake import Article

    text = (
        "Tham dự buổi lễ có Thượng tá Kẹo U Don, đại diện Bộ An ninh Lào tại Việt Nam. Thượng tá Kẹo U Don "
        "đã trao 20 suất quà cho các học viên lớp tiếng Lào của Học viện An ninh nhân dân."
    )
    result = extract_article("t", (text,))
    article = Article(id="t", path=Path("t.txt"), paragraphs=(text,), title="t")
    ranks = load_gazetteer().all_ranks
    people = [q for q in draft_questions(article, result, DistractorPool(), 20) if q.type == QType.WHO]
    assert people
    for q in people:
        ranked = [any(o.startswith(r + " ") for r in ranks) for o in q.options or []]
        assert all(ranked) or not any(ranked), q.options


def test_the_country_visited_is_not_the_visitors() -> None:
    lead = (
        "Đồng chí Vương Tiểu Hồng, Bộ trưởng Bộ Công an Trung Quốc hoan nghênh chuyến thăm chính thức "
        "Trung Quốc của Bộ trưởng Trần Văn Minh cùng Đoàn đại biểu cấp cao Bộ Công an Việt Nam."
    )
    shapes = {f.answer: f.shape for f in extract_article("t", (lead,)).facts if f.type == QType.WHO}
    assert shapes.get("Vương Tiểu Hồng") == "person:Trung Quốc"
    assert "Trần Văn Minh" not in shapes or shapes["Trần Văn Minh"] == "person:vn"


def test_a_host_is_not_given_the_guests_country_and_a_junior_rank_is_not_pasted_on_a_general() -> None:
    result = extract_article(
        "t",
        (
            "Chiều 19/8, tại Hà Nội, Chủ nhiệm Ủy ban Hành chính công và An toàn của Quốc hội Hàn Quốc Shin "
            "Jung Hoon đã được Đại tướng Lương Tam Quang tiếp.",
        ),
    )
    host = next(f for f in result.facts if f.answer.endswith("Lương Tam Quang"))
    assert host.shape == "person:vn"
    gaz = load_gazetteer()
    captain = Fact(
        type=QType.WHO,
        answer="Đại úy Lan Anh",
        fact="Đại úy Lan Anh",
        sentence=Sentence("Đại úy Lan Anh vừa trở về phòng ở sau buổi tập lái xe.", 0, 0),
        start=0,
        end=14,
        kind="person",
        shape="person:vn",
    )
    options = candidates_for(captain, DistractorPool(), "t", gaz)
    generals = {n.casefold() for n in gaz.people["vietnamese"]}
    assert options and not any(o.split(" ", 2)[-1].casefold() in generals for o in options), options
    assert all(o.startswith("Đại úy ") for o in options), options


def test_a_district_police_is_asked_among_the_same_citys_districts() -> None:
    found = extract_article(
        "x", ("Công an quận Gò Vấp tổ chức tuyên truyền về phòng, chống ma túy cho học sinh.",)
    )
    fact = next(f for f in found.facts if f.answer == "Công an quận Gò Vấp")
    options = choose_distractors(fact, DistractorPool(), "x", set())
    assert len(options) == 3 and all(o.startswith("Công an quận ") for o in options)
    assert not any(o in ("Công an quận Hoàn Kiếm", "Công an quận Đống Đa") for o in options)
    city = extract_article("x", ("Công an TP Vinh vừa triệt phá một đường dây ma túy lớn.",))
    fact = next(f for f in city.facts if f.answer == "Công an TP Vinh")
    options = choose_distractors(fact, DistractorPool(), "x", set())
    assert len(options) == 3 and all(o.startswith("Công an TP ") for o in options)


def test_a_district_or_its_police_is_asked_among_the_same_provinces_districts() -> None:
    gaz = load_gazetteer()
    long_an = set(gaz.districts["Long An"]["huyện"])
    police = Fact(
        QType.ORG, "org", "Công an huyện Thạnh Hóa (Long An)", "Công an huyện Thạnh Hóa (Long An)",
        Sentence("x", 0, 0), 0, 0, shape="org:Công an huyện",
    )  # fmt: skip
    options = choose_distractors(police, DistractorPool(), "x", set())
    assert len(options) == 3, options
    for option in options:
        m = re.fullmatch(r"Công an huyện (.+) \(Long An\)", option)
        assert m and m.group(1) in long_an and m.group(1) != "Thạnh Hóa", option
    # A town among the province's towns, then its rural districts, written as the answer is.
    town = Fact(
        QType.ORG, "org", "Công an TX.Hương Thủy", "Công an TX.Hương Thủy", Sentence("x", 0, 0), 0, 0,
        shape="org:Công an thị xã",
    )  # fmt: skip
    options = choose_distractors(town, DistractorPool(), "x", set())
    assert len(options) == 3 and all(re.match(r"Công an (?:TX|H)\.[A-ZĐ]", o) for o in options), options
    place = Fact(
        QType.WHERE, "place", "huyện Thạch An, tỉnh Cao Bằng", "huyện Thạch An, tỉnh Cao Bằng",
        Sentence("x", 0, 0), 0, 0, shape="place:admin",
    )  # fmt: skip
    options = choose_distractors(place, DistractorPool(), "x", set())
    assert len(options) == 3 and all(o.endswith(", tỉnh Cao Bằng") for o in options), options
    # "Châu Thành" is a district of ten provinces: the one the sentence names, else no options.
    said = "Công an huyện Châu Thành, tỉnh Tây Ninh vừa bắt giữ một đối tượng."
    ambiguous = Fact(
        QType.ORG, "org", "Công an huyện Châu Thành", "Công an huyện Châu Thành", Sentence(said, 0, 0),
        0, 0, shape="org:Công an huyện",
    )  # fmt: skip
    options = choose_distractors(ambiguous, DistractorPool(), "x", set())
    assert len(options) == 3 and {o.split("huyện ")[1] for o in options} <= set(
        gaz.districts["Tây Ninh"]["huyện"]
    )
    unsaid = replace(
        ambiguous, sentence=Sentence("Công an huyện Châu Thành vừa bắt giữ một đối tượng.", 0, 0)
    )
    assert choose_distractors(unsaid, DistractorPool(), "x", set()) == []


def test_one_man_under_two_spellings_is_one_option() -> None:
    fact = Fact(
        QType.WHO, "person", "Hun Sen", "Hun Sen", Sentence("x", 0, 0), 0, 0, shape="person:campuchia"
    )
    pool = DistractorPool()
    # Hun Manet, the prime minister, is no option since session 37 (every officer knows him).
    for name in ("Hun Xen", "So Kheng", "Norodom Sirivudh", "Neth Savoeun", "Sar Kheng"):
        pool.add("person:campuchia", name, "other")
    options = choose_distractors(fact, pool, "x", set())
    assert "Hun Xen" not in options and len(options) == 3


def test_numbers_the_stem_rules_out_are_no_options() -> None:
    stem = "Lực lượng chức năng tăng cường tuần tra nhằm kéo giảm TNGT từ 5 đến bao nhiêu phần trăm?"
    fact = Fact(QType.HOW_MANY, "measure", "10%", "10%", Sentence("x", 0, 0), 0, 0, shape="count:%")
    options = choose_distractors(fact, DistractorPool(), "x", set(), excluded_text=stem)
    assert options and all(float(o.rstrip("%")) > 5 for o in options)
    shorter = "Thời gian đào tạo rút từ bao nhiêu năm xuống còn 4 năm?"
    years = Fact(QType.HOW_MANY, "duration", "5 năm", "5 năm", Sentence("x", 0, 0), 0, 0, shape="count:năm")
    options = choose_distractors(years, DistractorPool(), "x", set(), excluded_text=shorter)
    assert options and all(int(o.split()[0]) > 4 for o in options)


def test_a_part_is_never_as_large_as_the_total_the_stem_states() -> None:
    stems = (
        "Công an đã tạm giữ 17 xe máy (trong đó có bao nhiêu xe thay đổi kết cấu), một ô tô?",
        "Trong 17 xe máy bị tạm giữ, bao nhiêu xe bị thay đổi kết cấu?",
    )
    fact = Fact(QType.HOW_MANY, "count", "13", "13", Sentence("x", 0, 0), 0, 0, shape="count")
    for stem in stems:
        options = choose_distractors(fact, DistractorPool(), "x", set(), excluded_text=stem)
        assert len(options) == 3 and all(int(o) < 17 for o in options), (stem, options)
    # Delegates counted as women are still a part of the delegates.
    women = "Có 20 đại biểu tham dự, trong đó bao nhiêu nữ công an đến từ nhiều quốc gia?"
    fact = Fact(QType.HOW_MANY, "count", "18", "18", Sentence("x", 0, 0), 0, 0, shape="count")
    options = choose_distractors(fact, DistractorPool(), "x", set(), excluded_text=women)
    assert options and all(int(o) < 20 for o in options)
    # Another kind of thing after "gồm" sets no bound: 5 cases may hold 9 kg.
    kilos = "Lực lượng chức năng phá 5 vụ án, gồm bao nhiêu kg ma túy?"
    fact = Fact(QType.HOW_MANY, "count", "9 kg", "9 kg", Sentence("x", 0, 0), 0, 0, shape="count:kg")
    options = choose_distractors(fact, DistractorPool(), "x", set(), excluded_text=kilos)
    assert any(int(o.split()[0]) >= 5 for o in options)


def test_an_option_placed_where_the_stem_says_is_no_option() -> None:
    stem = "Đại úy Nguyễn Quốc Khánh được giao nhiệm vụ tại phái bộ nào tại Cộng hòa Trung Phi?"
    fact = Fact(
        QType.ORG,
        "org",
        "Phái bộ GGHB LHQ",
        "Phái bộ GGHB LHQ",
        Sentence("x", 0, 0),
        0,
        0,
        shape="org:Phái bộ",
    )
    options = choose_distractors(fact, DistractorPool(), "x", set(), excluded_text=stem)
    assert not any("Trung Phi" in o for o in options)


def _fact(sentence: str, answer: str) -> Fact:
    """The fact the rules find in ``sentence`` whose answer is ``answer``."""
    return next(f for f in extract_article("t", (sentence,)).facts if f.answer == answer)


def test_a_foreigner_gets_his_own_countrys_officials_and_never_invented_names() -> None:
    s = (
        "Ngày 15/10, Thứ trưởng Lê Văn Tuyến làm việc với Tổng Tư lệnh Cảnh sát Liên bang Australia "
        "(AFP) Reece Kershaw về hợp tác phòng, chống tội phạm xuyên quốc gia."
    )
    fact = _fact(s, "Reece Kershaw")
    assert fact.shape == "person:Australia"
    options = choose_distractors(fact, DistractorPool(), "t", set())
    australians = set(load_gazetteer().people["Australia"])
    assert len(options) == 3 and set(options) <= australians, options
    # A country the gazetteer does not list: real people from the corpus, or no options at all.
    s = "Bộ trưởng Lương Tam Quang tiếp ông Ali Naghiyev, Giám đốc Cơ quan an ninh quốc gia Cộng hòa Azerbaijan."
    fact = _fact(s, "Ali Naghiyev")
    pool = DistractorPool()
    pool.add(fact.shape, "Paulo Chachine", "other")
    assert "foreign" not in load_gazetteer().people
    assert set(choose_distractors(fact, pool, "t", set())) <= {"Paulo Chachine"}


def test_one_foreigner_spelled_two_ways_is_one_option_and_an_ambassador_posted_abroad_is_ours() -> None:
    gaz = load_gazetteer()
    assert _shares_a_name("Thongloun Sisoulith", "Thonglun Sisulith", gaz)
    assert not _shares_a_name("Thongloun Sisoulith", "Thongbanh Sengaphone", gaz)
    assert _skeleton("Nguyễn Văn Hùng") is None  # a Vietnamese name keeps its vowels and tones
    s = (
        "Tham dự buổi tiếp có đồng chí Nguyễn Bá Hùng, Đại sứ đặc mệnh toàn quyền CHXHCN Việt Nam tại "
        "CHDCND Lào."
    )
    shapes = {f.answer: f.shape for f in extract_article("t", (s,)).facts if f.type == QType.WHO}
    assert shapes.get("Nguyễn Bá Hùng") == "person:vn", shapes


def test_a_ministry_of_security_gets_the_other_ministries_of_security() -> None:
    s = "Sáng 22/9, Bộ Quốc phòng tổ chức lễ xuất quân cho Bệnh viện dã chiến cấp 2 số 7 tại Hà Nội."
    fact = _fact(s, "Bộ Quốc phòng")
    options = choose_distractors(fact, DistractorPool(), "t", set())
    assert len(options) == 3 and set(options) <= {"Bộ Công an", "Bộ Ngoại giao", "Bộ Nội vụ", "Bộ Tư pháp"}, (
        options
    )


def test_border_guards_are_offered_only_where_there_is_a_border_or_a_coast() -> None:
    s = (
        "Ngày 20-11, Ban Chỉ huy Bộ đội Biên phòng tỉnh Thanh Hóa thông tin đơn vị vừa bắt quả tang một "
        "đối tượng đang vận chuyển 32 bánh heroin."
    )
    fact = _fact(s, "Ban Chỉ huy Bộ đội Biên phòng tỉnh Thanh Hóa")
    options = candidates_for(fact, DistractorPool(), "t", load_gazetteer())
    assert options and all(o.startswith("Ban Chỉ huy Bộ đội Biên phòng tỉnh ") for o in options)
    assert not any(o.endswith(("Bắc Ninh", "Phú Thọ", "Thái Nguyên")) for o in options), options


def test_a_place_spelled_another_way_is_no_distractor() -> None:
    from quizgen.distractors import _variant_of

    assert _variant_of("thủ đô Phnôm Pênh", "thủ đô Phnom Pênh")
    assert not _variant_of("thủ đô Viêng Chăn", "thủ đô Phnom Pênh")


def test_a_shifted_range_of_days_stays_inside_its_month() -> None:
    from quizgen.distractors import _shift_range

    shifted = _shift_range("ngày 24 – 26/2/2022")
    assert shifted and "ngày 27 – 29/2/2022" not in shifted
    assert all(int(s.split("–")[1].split("/")[0]) <= 28 for s in shifted)
    assert "ngày 29 – 30/12" in _shift_range("ngày 26 – 27/12")


def test_a_dated_answer_gets_no_option_a_year_later() -> None:
    from quizgen.distractors import _shift_date

    assert all(not o.endswith("/2026") for o in _shift_date("ngày 16/11/2025", "s"))


def test_an_option_the_stem_prints_in_another_spacing_or_name_is_left_out() -> None:
    from quizgen.distractors import _squeezed

    assert _squeezed("tp. hồ chí minh") in _squeezed("lan sang tp.hồ chí minh, lôi kéo")


def test_a_name_cut_to_an_initial_and_a_missions_other_name_are_no_options() -> None:
    from quizgen.distractors import DistractorPool, _variant_of

    pool = DistractorPool()
    pool.add("person:vn", "Diệp Thế H", "a")
    pool.add("person:vn", "Nguyễn Văn Hùng", "a")
    assert pool.own("person:vn", "a") == ["Nguyễn Văn Hùng"]
    assert _variant_of("Phái bộ Liên hợp quốc tại Nam Sudan (UNMISS)", "Phái bộ Liên hợp quốc Nam Sudan")
    assert not _variant_of("Tết Dương lịch 2021", "Tết Dương lịch 2022")


def test_a_police_code_is_one_department_and_is_asked_among_codes() -> None:
    s = (
        "Vì thành tích xuất sắc, Ban chuyên án của Phòng Cảnh sát điều tra tội phạm về ma túy (CSMT) Công an "
        "tỉnh đã được Giám đốc Công an tỉnh Thanh Hóa thưởng 30 triệu đồng vào ngày 17-3. Trước đó, Phòng CSMT "
        "Công an tỉnh Thanh Hóa đã phá thành công Chuyên án 202L tại địa bàn xã Thành Sơn."
    )
    facts = extract_article("t", (s,)).facts
    # The code spells the department's line of work: it names the department, not its team.
    assert "Phòng Cảnh sát điều tra tội phạm về ma túy" in {
        f.answer for f in facts if f.type == QType.ACRONYM
    }
    code = next(f for f in facts if f.answer == "CSMT")
    options = choose_distractors(code, DistractorPool(), "t", set())
    assert len(options) == 3 and set(options) <= set(load_gazetteer().police_codes), options
    unit = next(f for f in facts if f.answer == "Phòng CSMT Công an tỉnh Thanh Hóa")
    options = choose_distractors(unit, DistractorPool(), "t", set())
    assert len(options) == 3 and not any("ma túy" in o for o in options), options


def test_a_foreign_police_bureau_is_asked_among_police_bodies_and_missions_by_one_form() -> None:
    from quizgen.distractors import _acronyms_like

    gaz = load_gazetteer()
    assert _acronyms_like("INL", "Cục", gaz)[:3] == ["INTERPOL", "UNODC", "ASEANAPOL"]
    assert "UNICEF" in _acronyms_like("UNFPA", "Quỹ", gaz)
    s = (
        "Đại tá Nguyễn Văn A được cử làm sĩ quan tham mưu tại Phái bộ Gìn giữ hòa bình Liên hợp quốc tại Cộng "
        "hòa Nam Sudan (UNMISS) từ tháng 3/2024."
    )
    fact = _fact(s, "Phái bộ Gìn giữ hòa bình Liên hợp quốc tại Cộng hòa Nam Sudan")
    pool = DistractorPool()
    pool.add(fact.shape, "Phái bộ UNISFA", "other")
    options = choose_distractors(fact, pool, "t", set())
    assert "Phái bộ UNISFA" not in options, options


def test_the_armys_department_gets_the_armys_departments() -> None:
    s = "Ngày 8-8, Cục Gìn giữ hòa bình Việt Nam tổ chức lễ xuất quân cho Đội Công binh số 3 tại Hà Nội."
    fact = _fact(s, "Cục Gìn giữ hòa bình Việt Nam")
    options = choose_distractors(fact, DistractorPool(), "t", set())
    police = set(load_gazetteer().orgs["Cục"][:20])
    assert len(options) == 3 and not set(options) & police, options


def test_a_police_team_gets_no_army_teams_from_other_articles() -> None:
    s = "Đội Cảnh sát Hình sự Công an quận Hải Châu đã bắt giữ 3 đối tượng trộm cắp tài sản."
    fact = _fact(s, "Đội Cảnh sát Hình sự Công an quận Hải Châu")
    pool = DistractorPool()
    for other in ("Đội Công binh số 2", "Đội Công binh số 3", "Đội Công binh số 4"):
        pool.add(fact.shape, other, "other")
    assert not any("Công binh" in o for o in choose_distractors(fact, pool, "t", set()))


def test_a_time_with_a_clock_gets_other_days_as_options() -> None:
    from quizgen.distractors import _variant_of

    # The same words around other numbers are another day, not the answer written another way.
    assert not _variant_of("3 giờ 15 phút, ngày 24.5.2021", "3 giờ 15 phút, ngày 21.5.2021")
    assert _variant_of("ngày 03/5", "ngày 3/5")
    s = "Lúc 3 giờ 15 phút, ngày 21.5.2021, Đội CSGT Công an TP Tây Ninh lập chốt chặn trên đường ĐT 784."
    fact = _fact(s, "3 giờ 15 phút, ngày 21.5.2021")
    options = choose_distractors(fact, DistractorPool(), "t", set())
    assert len(options) == 3 and all(o.startswith("3 giờ 15 phút, ngày ") for o in options), options


def test_numbered_units_teams_by_line_of_work_and_cities_get_their_own_kind() -> None:
    from quizgen.distractors import _numbered_unit, _other_lines

    assert _numbered_unit("Đội 3 Cục CSGT") == [
        "Đội 4 Cục CSGT",
        "Đội 5 Cục CSGT",
        "Đội 2 Cục CSGT",
        "Đội 6 Cục CSGT",
    ]
    assert _numbered_unit("Tiểu đoàn 38")[:3] == ["Tiểu đoàn 39", "Tiểu đoàn 40", "Tiểu đoàn 37"]
    assert _numbered_unit("Đội 3 làm nhiệm vụ") == []  # a clause ran into the name
    assert _numbered_unit("Ban Chỉ đạo 138") == []
    gaz = load_gazetteer()
    lines = _other_lines("Đội Cảnh sát Hình sự", gaz, "s")
    assert "Đội Cảnh sát kinh tế" in lines and not any(o.casefold() == "đội cảnh sát hình sự" for o in lines)
    assert all(o.startswith("Đội ") for o in lines)
    s = "Sáng 12/9, Bộ Công an tổ chức tại TP. Huế hội nghị tổng kết Chương trình bình đẳng giới trong CAND."
    fact = _fact(s, "TP. Huế")
    options = choose_distractors(fact, DistractorPool(), "t", set())
    assert len(options) == 3 and all(o.startswith("TP. ") for o in options), options


def test_a_term_moves_whole_and_with_its_ordinal_and_two_spellings_are_one_name() -> None:
    from quizgen.distractors import _shift_event, _variant_of

    assert _shift_event("Đại hội phụ nữ lần thứ V nhiệm kỳ 2016-2021")[:2] == [
        "Đại hội phụ nữ lần thứ IV nhiệm kỳ 2011-2016",
        "Đại hội phụ nữ lần thứ VI nhiệm kỳ 2021-2026",
    ]
    assert (
        _shift_event("Đại hội Phụ nữ CATP nhiệm kỳ 2016-2021")[0] == "Đại hội Phụ nữ CATP nhiệm kỳ 2011-2016"
    )
    # One Lao minister in two transliterations is one option; two Vietnamese names a syllable apart are two.
    assert _variant_of("Thongbanh Sengaphone", "Thongban Seng Aphon")
    assert not _variant_of("Trần Văn Sinh", "Trần Văn Sơn")
    assert not _variant_of("Samuel Jones", "Samuel Juett")


def test_a_range_across_a_months_end_and_a_lao_province_spelled_apart_get_options() -> None:
    from quizgen.distractors import _shift_range

    assert _shift_range("ngày 31/10 đến 3/11")[:2] == ["ngày 27/10 đến 30/10", "ngày 7/11 đến 10/11"]
    assert "24/12/2023 đến 29/12/2023" in _shift_range("28/12/2023 đến 2/1/2024")
    s = "Công an tỉnh Nghệ An đã ký biên bản hợp tác với Công an tỉnh Bô Ly Khăm Xay trong năm 2015."
    fact = _fact(s, "Công an tỉnh Bô Ly Khăm Xay")
    options = choose_distractors(fact, DistractorPool(), "t", set())
    lao = load_gazetteer().places["lao_provinces"]
    assert len(options) == 3 and all(o.removeprefix("Công an tỉnh ") in lao for o in options), options
    assert not any("Bôlykhămxay" in o for o in options)


def test_a_number_that_ends_a_longer_one_is_another_value() -> None:
    from quizgen.distractors import _variant_of

    # "100 viên" is not a fragment of "1.100 viên": both are options.
    assert not _variant_of("100 viên", "1.100 viên")
    assert not _variant_of("1.600 viên", "600 viên")
    assert _variant_of("Cục Cảnh sát giao thông", "Cục Cảnh sát giao thông (C08)")
    options = wrong("count", "Tang vật thu giữ gồm 1,03 kg ma túy đá, 1.100 viên thuốc lắc và 3 điện thoại.")
    assert len(options) == 3 and "1.100 viên" not in options, options


def test_a_count_in_words_at_the_lists_end_still_gets_three_options() -> None:
    options = wrong("count", "Giám đốc công an cũng tặng giấy khen cho chín cán bộ, chiến sĩ khác.")
    assert len(options) == 3 and "chín" not in options, options


def test_a_numbered_unit_and_a_numbered_hospital_have_their_peers() -> None:
    unit = wrong(
        "unit", "Đội Công binh số 4 Việt Nam được Tư lệnh UNISFA đánh giá cao cả về năng lực chuyên môn."
    )
    assert unit[:3] == [
        "Đội Công binh số 5 Việt Nam",
        "Đội Công binh số 3 Việt Nam",
        "Đội Công binh số 6 Việt Nam",
    ]
    hospital = wrong(
        "unit",
        "Cục Gìn giữ hòa bình Việt Nam cùng Bệnh viện Quân y 175 tổ chức lễ dâng hương Chủ tịch Hồ Chí Minh.",
    )
    assert len(hospital) == 3 and all(re.fullmatch(r"Bệnh viện.* \d+[A-Z]?", h) for h in hospital), hospital


def test_a_term_of_office_keeps_its_length_in_the_options() -> None:
    from quizgen.distractors import _shift_years

    terms = _shift_years("2026-2031", term=True)
    assert terms[:2] == ["2021-2026", "2031-2036"]
    assert all(int(t[5:]) - int(t[:4]) == 5 for t in terms), terms
    # A programme's period may run longer or shorter: "giai đoạn 2021-2025" beside "2021-2030".
    assert any(int(t[5:]) - int(t[:4]) != 4 for t in _shift_years("2021-2025"))


def test_number_options_the_stem_rules_out_are_not_offered() -> None:
    from quizgen.distractors import _nice_steps, _within_stated_bounds

    assert not _within_stated_bounds("Thời hạn vay từ 5 ngày đến bao nhiêu ngày?", "4 ngày")
    assert _within_stated_bounds("Thời hạn vay từ 5 ngày đến bao nhiêu ngày?", "9 ngày")
    assert not _within_stated_bounds("Ông giữ chức Bí thư trong bao nhiêu nhiệm kỳ liên tiếp?", "1")
    # A step that drops the leading figure is another order of size: 389 beside 3.389, 1 beside 11.
    assert 389 not in _nice_steps(3389) and 5 not in _nice_steps(1005) and 1 not in _nice_steps(11)
    assert 2 in _nice_steps(12)


def test_a_department_written_by_its_code_is_asked_among_codes_and_not_beside_its_partner() -> None:
    s = (
        "Chiều 5/3, Phòng An ninh kinh tế Công an tỉnh Nam Định đã phối hợp với Phòng CSHS và một số đơn vị "
        "nghiệp vụ khác bắt giữ 4 đối tượng mua bán trái phép dữ liệu cá nhân."
    )
    facts = extract_article("t", (s,)).facts
    partner = next(f for f in facts if f.answer == "Phòng CSHS")
    options = choose_distractors(partner, DistractorPool(), "t", set())
    # The only code among spelled-out names stood out: the other departments by their codes.
    codes = set(load_gazetteer().police_codes)
    assert len(options) == 3 and all(o.split()[0] == "Phòng" and o.split()[1] in codes for o in options), (
        options
    )
    # "Phòng Cảnh sát hình sự" is the sentence's "Phòng CSHS": it took part, so it is right as well.
    lead = next(f for f in facts if f.answer.startswith("Phòng An ninh kinh tế"))
    options = choose_distractors(lead, DistractorPool(), "t", set())
    assert options and not any("hình sự" in o.casefold() for o in options), options


def test_a_provinces_investigation_agency_is_set_among_other_provinces_ones() -> None:
    s = (
        "Ngày 4-2, Cơ quan CSĐT Công an tỉnh Đồng Nai thông tin rằng đơn vị đang tạm giữ hình sự 9 người để "
        "điều tra hành vi cho vay lãi nặng."
    )
    fact = next(
        f for f in extract_article("t", (s,)).facts if f.answer == "Cơ quan CSĐT Công an tỉnh Đồng Nai"
    )
    options = choose_distractors(fact, DistractorPool(), "t", set())
    assert len(options) == 3, options
    assert all(re.fullmatch(r"Cơ quan CSĐT Công an tỉnh (?!Đồng Nai)\w.*", o) for o in options), options


def _place(answer: str, sentence: str = "x") -> Fact:
    return Fact(
        QType.WHERE, "place", answer, answer, Sentence(sentence, 0, 0), 0, 0, shape="place:admin"
    )  # fmt: skip


def test_a_commune_is_asked_among_its_own_districts_or_provinces_communes() -> None:
    lists = load_communes()
    # Before the 2025 reform: the district's other communes, the village and the rest kept.
    village = "bản Căng Tỵ, xã Chiềng Khừa, huyện Mộc Châu, tỉnh Sơn La"
    options = choose_distractors(_place(village), DistractorPool(), "x", set())
    assert len(options) == 3, options
    moc_chau = set(lists.legacy["Sơn La"]["Mộc Châu"]["xã"])
    for option in options:
        m = re.fullmatch(r"bản Căng Tỵ, xã (.+), huyện Mộc Châu, tỉnh Sơn La", option)
        assert m and m.group(1) in moc_chau and m.group(1) != "Chiềng Khừa", option
    # After it: a commune of a province, among that province's communes of today.
    options = choose_distractors(_place("xã Xuân Trường, tỉnh Cao Bằng"), DistractorPool(), "x", set())
    assert len(options) == 3, options
    for option in options:
        m = re.fullmatch(r"xã (.+), tỉnh Cao Bằng", option)
        assert m and m.group(1) in lists.current["Cao Bằng"]["xã"] and m.group(1) != "Xuân Trường"
    # A ward of a city district, as the answer writes it.
    options = choose_distractors(_place("phường Hòa Cường Nam, quận Hải Châu"), DistractorPool(), "x", set())
    assert len(options) == 3 and all(re.fullmatch(r"phường [^,]+, quận Hải Châu", o) for o in options)
    # A commune the sentence also names may be right as well: never an option.
    said = _place("xã Chiềng Sơn, huyện Mộc Châu", "Tại xã Chiềng Sơn và xã Lóng Sập, huyện Mộc Châu.")
    assert not any("Lóng Sập" in o for o in choose_distractors(said, DistractorPool(), "x", set()))


def test_a_communes_police_is_asked_among_the_police_of_its_neighbours() -> None:
    pool = DistractorPool()
    pool.add(NAMED_PLACE, "province:Tây Ninh", "x")
    fact = Fact(
        QType.ORG, "org", "Công an xã Mỹ Quý", "Công an xã Mỹ Quý", Sentence("x", 0, 0), 0, 0,
        shape="org:Công an xã",
    )  # fmt: skip
    options = choose_distractors(fact, pool, "x", set())
    communes = load_communes().current["Tây Ninh"]["xã"]
    assert len(options) == 3, options
    assert all(o.startswith("Công an xã ") and o.removeprefix("Công an xã ") in communes for o in options)
    assert "Công an xã Mỹ Quý" not in options


def test_a_commune_no_list_places_for_certain_gets_no_options() -> None:
    # "xã Tân Hòa" is a commune of many districts and provinces; nothing says which.
    assert choose_distractors(_place("xã Tân Hòa"), DistractorPool(), "x", set()) == []
    # Alone, but the article names its province: that province's communes.
    pool = DistractorPool()
    pool.add(NAMED_PLACE, "province:Tây Ninh", "x")
    options = choose_distractors(_place("xã Mỹ Quý"), pool, "x", set())
    assert len(options) == 3 and all(
        o.removeprefix("xã ") in load_communes().current["Tây Ninh"]["xã"] for o in options
    )


def test_a_womans_name_gets_womens_names_even_among_officials() -> None:
    woman = Fact(
        QType.WHO, "person", "Lê Thị Thu Hồng", "Lê Thị Thu Hồng", Sentence("x", 0, 0), 0, 0,
        shape="person:vn",
    )  # fmt: skip
    options = choose_distractors(woman, DistractorPool(), "x", set())
    assert len(options) == 3 and all(" Thị " in o for o in options), options


def test_an_option_carried_across_new_year_carries_its_year() -> None:
    from quizgen.distractors import _shift_date

    # "28/12/2026" beside "21/1/2026" was a year after the article (both fresh43 readers).
    jan = _shift_date("ngày 21/1/2026", "s")
    assert "ngày 28/12/2025" in jan and not any(o.endswith("/12/2026") for o in jan)
    s = "Trong tháng 1-2026, Bộ Công an đã tham mưu Thủ tướng Chính phủ kiện toàn Ban Chỉ đạo quốc gia về Dữ liệu."
    fact = _fact(s, "tháng 1-2026")
    options = choose_distractors(fact, DistractorPool(), "t", set())
    assert len(options) == 3 and "tháng 12-2025" in options and "tháng 12-2026" not in options, options
    s = "Trong tháng 12-2025, Bộ Công an đã tham mưu Thủ tướng Chính phủ kiện toàn Ban Chỉ đạo quốc gia về Dữ liệu."
    options = choose_distractors(_fact(s, "tháng 12-2025"), DistractorPool(), "t", set())
    assert len(options) == 3 and not any(o.startswith("tháng 1-") or o.endswith("2026") for o in options), (
        options
    )


def test_session34_a_department_is_offered_among_departments_only() -> None:
    # Another article's county bureau abroad is no option for a ministry's department, and a
    # department's code and its name are one department.
    pool = DistractorPool()
    pool.add("org:Cục", "Cục Công an huyện Hà Khẩu", "other")
    pool.add("org:Cục", "Cục An ninh mạng", "other")
    fact = Fact(QType.ORG, "org", "Cục A05", "Cục A05", Sentence("x", 0, 0), 0, 0, shape="org:Cục")
    options = choose_distractors(fact, pool, "x", set())
    assert len(options) == 3 and not any("huyện" in o or "An ninh mạng" in o for o in options), options
    # The county bureau itself has no peers among the ministry's departments.
    fact = Fact(
        QType.ORG, "org", "Cục Công an huyện Hà Khẩu", "Cục Công an huyện Hà Khẩu", Sentence("x", 0, 0), 0, 0,
        shape="org:Cục",
    )  # fmt: skip
    assert not any(o in load_gazetteer().orgs["Cục"] for o in choose_distractors(fact, pool, "x", set()))


def test_session34_small_readings_and_parts_of_a_count_of_cases() -> None:
    # A breath reading moves in its last figures, never by whole milligrams.
    fact = Fact(QType.HOW_MANY, "count", "0,045", "0,045", Sentence("x", 0, 0), 0, 0, shape="count")
    stem = "Ông T. vi phạm ở mức bao nhiêu mg/lít khí thở?"
    options = choose_distractors(fact, DistractorPool(), "x", set(), excluded_text=stem)
    assert len(options) == 3 and all(o.startswith("0,0") and len(o) == 5 for o in options), options
    # "41 trường hợp ..., gồm bao nhiêu xe máy": the vehicles are among the cases.
    fact = Fact(QType.HOW_MANY, "count", "36", "36", Sentence("x", 0, 0), 0, 0, shape="count")
    stem = "Có 41 trường hợp vi phạm bị lực lượng CSGT phát hiện, gồm bao nhiêu xe máy?"
    options = choose_distractors(fact, DistractorPool(), "x", set(), excluded_text=stem)
    assert len(options) == 3 and all(18 <= int(o) < 41 for o in options), options


def test_session35_options_of_the_answer_s_kind() -> None:
    from quizgen.distractors import _same_origin

    # "Kim Won Kyong" starts with a Vietnamese surname but is no Vietnamese name.
    gaz = load_gazetteer()
    assert not _same_origin("Kim Won Kyong", "vn", gaz)
    assert _same_origin("Kim Văn Hùng", "vn", gaz)
    pool = DistractorPool()
    for name in ("Kim Won Kyong", "Trần Văn Sơn", "Bùi Văn Nam", "Lê Quốc Hùng"):
        pool.add("person:vn", name, "other")
    fact = Fact(
        QType.WHO, "person", "Phạm Minh Hải", "Phạm Minh Hải", Sentence("x", 0, 0), 0, 0, shape="person:vn"
    )
    assert "Kim Won Kyong" not in choose_distractors(fact, pool, "x", set())
    # A high school among high schools first, a police academy among police academies.
    pool = DistractorPool()
    for name in (
        "Trường Đại học CSND",
        "Trường THPT Chu Văn An",
        "Trường Đại học PCCC",
        "Trường THPT Lê Quý Đôn",
    ):
        pool.add("org:Trường", name, "other")
    fact = Fact(
        QType.ORG, "org", "Trường THPT Hùng Vương", "Trường THPT Hùng Vương", Sentence("x", 0, 0), 0, 0,
        shape="org:Trường",
    )  # fmt: skip
    options = choose_distractors(fact, pool, "x", set())
    assert options[:2] and all("THPT" in o for o in options[:2]), options


def test_session36_a_local_police_among_others_of_its_level_in_its_own_form() -> None:
    pool = DistractorPool()

    def options(answer: str, shape: str) -> list[str]:
        fact = Fact(QType.ORG, "org", answer, answer, Sentence("x", 0, 0), 0, 0, shape=shape)
        return choose_distractors(fact, pool, "x", set())

    city = options("Công an TP.HCM", "org:Công an TP")
    assert len(city) >= 3 and all(re.fullmatch(r"Công an TP\.\S.*", o) for o in city), city
    assert not any("Hồ Chí Minh" in o or "HCM" in o for o in city), city
    town = options("Công an TP.Tây Ninh", "org:Công an TP")
    assert len(town) >= 3 and all(o.startswith("Công an TP.") and o != "Công an TP.Tây Ninh" for o in town)
    bare = options("Công an Nghệ An", "org:Công an")
    assert len(bare) >= 3 and all(re.fullmatch(r"Công an [A-ZĐ].*", o) for o in bare), bare
    assert not any(o.startswith(("Công an tỉnh", "Công an thành phố", "Công an Nghệ An")) for o in bare), bare


def test_session36_a_land_neighbour_among_land_neighbours_for_smuggled_fireworks() -> None:
    stem = "Nhóm đối tượng khai nhận đây là pháo nổ được đưa trái phép từ nước nào vào Việt Nam?"
    fact = Fact(
        QType.WHERE, "destination", "Trung Quốc", "Trung Quốc", Sentence(stem, 0, 0), 0, 0,
        shape="place:countries",
    )  # fmt: skip
    options = choose_distractors(fact, DistractorPool(), "x", set(), excluded_text=stem)
    assert len(options) >= 3, options
    assert set(options[:3]) <= {"Lào", "Campuchia", "Thái Lan", "Myanmar"}, options


def test_session36_a_neighbour_s_province_among_that_neighbour_s_provinces() -> None:
    def options(answer: str, kind: str, shape: str) -> list[str]:
        qtype = QType.ORG if kind == "org" else QType.WHO
        fact = Fact(qtype, kind, answer, answer, Sentence("x", 0, 0), 0, 0, shape=shape)
        return choose_distractors(fact, DistractorPool(), "x", set())

    gaz = load_gazetteer()
    cambodian = {f"Công an tỉnh {p}" for p in gaz.places["cambodian_provinces"]}
    lao = {f"Công an tỉnh {p}" for p in gaz.places["lao_provinces"]}
    kra_che = options("Công an tỉnh Kra Chê", "org", "org:Công an tỉnh")
    assert len(kra_che) >= 3 and set(kra_che) <= cambodian, kra_che
    # "Luông Pha Bang" is "Luông Pha Băng" written without its mark: a Lao province.
    luang = options("Công an tỉnh Luông Pha Bang", "org", "org:Công an tỉnh")
    assert len(luang) >= 3 and set(luang) <= lao, luang
    post = options("Giám đốc Ty Công an tỉnh Kra Chê", "title_of", "title")
    assert post[:3] and all(o.removeprefix("Giám đốc Ty ") in cambodian for o in post[:3]), post


# Session 37: a province among its neighbours. Readers struck "Bắc Kạn, Bắc Ninh" offered beside
# "Công an tỉnh Hậu Giang" (fresh55), and a border province's police beside three far from any
# border, as options no trainee would weigh; the other articles' provinces had come first.
_MEKONG = {"An Giang", "Cà Mau", "Vĩnh Long", "Đồng Tháp", "Sóc Trăng", "Bạc Liêu", "Kiên Giang", "Trà Vinh"}
_NORTH_EAST = {"Lạng Sơn", "Thái Nguyên", "Tuyên Quang", "Bắc Ninh", "Hà Giang", "Bắc Kạn", "Phú Thọ"}


@pytest.mark.parametrize(
    ("answer", "near"),
    [
        ("Công an tỉnh Hậu Giang", _MEKONG),
        ("Công an tỉnh Cao Bằng", _NORTH_EAST),
        ("tỉnh Cao Bằng", _NORTH_EAST),
    ],
)
def test_a_province_is_asked_among_its_neighbours_not_other_articles_provinces(
    answer: str, near: set[str]
) -> None:
    text = f"Ngày 3/5, {answer} đã bắt 3 đối tượng trộm cắp tài sản."
    if answer.startswith("tỉnh"):
        fact = _place(answer, text)
    else:
        fact = next(f for f in extract_article("t", (text,)).facts if f.answer == answer)
    pool = DistractorPool()
    for place in ("Bắc Ninh", "Bắc Kạn", "Khánh Hòa", "Cà Mau"):  # the other articles' provinces
        pool.add(fact.shape, f"{answer.rsplit(' ', 2)[0]} {place}", "other")
    for seed in ("a", "b", "c"):
        wrong = choose_distractors(fact, pool, seed, set())
        assert len(wrong) == 3, wrong
        places = {re.sub(r"^(?:Công an )?tỉnh ", "", w) for w in wrong}
        assert places <= near, (seed, wrong)


def test_nearness_reads_a_city_by_any_of_its_names() -> None:
    gaz = load_gazetteer()
    listed = gaz.places["provinces"]
    assert gaz.by_nearness("TP.HCM", listed)[:2] == gaz.by_nearness("Thành phố Hồ Chí Minh", listed)[:2]
    assert set(gaz.by_nearness("TPHCM", listed)[:3]) <= {"Đồng Nai", "Tây Ninh", "Đồng Tháp", "Vĩnh Long"}
    assert gaz.by_nearness("Atlantis", listed) == []  # not placed: the caller keeps its own order


def test_session37_lao_cai_is_a_vietnamese_province_and_ksnd_no_one_bodys_code() -> None:
    gaz = load_gazetteer()
    # fresh58: "Lào Cai" read as Laos left "Công an tỉnh Lào Cai" no option among Vietnam's provinces;
    # "KSND" read as one body's code made every other province's procuracy "the same body".
    assert sphere("Công an tỉnh Lào Cai", gaz) == "local"
    assert sphere("Công an tỉnh Sê Kông (Lào)", gaz).startswith("foreign")
    for text, answer in (
        (
            "May mắn, chị C được phát hiện rồi bàn giao cho Công an tỉnh Lào Cai, nhờ vậy chị được trở về.",
            "Công an tỉnh Lào Cai",
        ),
        (
            "Ngày 18/8, Viện KSND tỉnh Đắk Lắk đã phê chuẩn quyết định khởi tố bị can, bắt tạm giam Vàng Seo Gia.",
            "Viện KSND tỉnh Đắk Lắk",
        ),
    ):
        fact = next(f for f in extract_article("t", ("Tiêu đề", text)).facts if f.answer == answer)
        options = choose_distractors(fact, DistractorPool(), "t", set())
        assert len(options) == 3 and all(o.startswith(answer.rsplit(" tỉnh ", 1)[0]) for o in options), (
            options
        )


def test_session37_a_person_gets_one_name_from_other_articles_at_most() -> None:
    # fresh60: the same officials of the other articles were offered in every "who" question.
    text = "Chị Nguyễn Thị Ngọc Oanh cùng anh Hoàng Việt Anh bị mắc kẹt trong nhà."
    fact = next(f for f in extract_article("t", ("Tiêu đề", text)).facts if f.answer == "Hoàng Việt Anh")
    pool = DistractorPool()
    others = ("Trần Quốc Tỏ", "Lê Văn Tuyến", "Nguyễn Văn Long", "Lê Quốc Hùng", "Phạm Thế Tùng")
    for name in others:
        pool.add(fact.shape, name, "other")
    options = choose_distractors(fact, pool, "t", set())
    assert len(options) == 3 and len(set(options) & set(others)) <= 1, options
    # The invented names: the answer's make, none the article holds, the same for the same seed.
    from quizgen.distractors import _invented_names

    names = _invented_names("s", "Nguyễn Thị Lan", "Bà Trần Thị Mai phát biểu.")
    assert names == _invented_names("s", "Nguyễn Thị Lan", "Bà Trần Thị Mai phát biểu.")
    assert len(names) == 12 and all(n.split()[1] == "Thị" for n in names) and "Trần Thị Mai" not in names


def test_a_provincial_committee_is_not_offered_central_ones() -> None:
    s = "Ông Tống Quang Thìn, Phó Chủ tịch Thường trực UBND tỉnh kiêm Trưởng Ban Chỉ đạo PCCC và CNCH tỉnh, phát biểu."
    fact = next(f for f in extract_article("t", (s,)).facts if f.kind == "title_of")
    options = choose_distractors(fact, DistractorPool(), "t", set())
    assert not any(re.search(r"Trung ương|quốc gia|Tây Nguyên|Tây Bắc", o) for o in options), options


def test_a_conservation_body_is_asked_among_conservation_bodies() -> None:
    s = "Chi cục Kiểm lâm vùng IV đã phối hợp cùng Quỹ Quốc tế Bảo vệ Thiên nhiên (WWF) mở lớp tập huấn."
    fact = next(f for f in extract_article("t", (s,)).facts if f.answer == "WWF")
    options = choose_distractors(fact, DistractorPool(), "t", set())
    assert len(options) >= 3 and set(options[:3]) <= set(load_gazetteer().conservation_partners), options


def test_a_districts_options_never_print_the_lists_own_marks() -> None:
    # "Kỳ Anh (Huyện)" beside "Kỳ Anh (Thị xã)" in the list; "H.Cao Lãnh (Huyện)" was printed (fresh69).
    seen: set[str] = set()
    for seed in ("a", "b", "c", "d", "e", "f"):
        seen |= set(choose_distractors(_place("huyện Can Lộc, tỉnh Hà Tĩnh"), DistractorPool(), seed, set()))
    assert seen and not any("(" in o for o in seen), seen
