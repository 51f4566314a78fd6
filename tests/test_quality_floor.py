"""The generator's quality on the two sample articles, against the trainer's gold facts.

These floors may only go up. Lowering one is a deliberate change that its commit
message must explain (trafilatura keeps its extraction floors the same way).
"""

from __future__ import annotations

from pathlib import Path

from quizgen.bank import Bank
from quizgen.evaluation import answers_match, counts_match, evaluate
from quizgen.generate import generate
from tests.conftest import GOLD, ROOT

# Every gold fact of the two samples is found (22 of 22), as issue 9 requires.
RECALL_FLOOR = 1.0
PASS_RATE_FLOOR = 1.0
MAX_DRAFTS_PER_FACT = 2.0


def test_seed_articles_meet_the_floor(seeds: Path, bank_dir: Path) -> None:
    generate([seeds], Bank(bank_dir))
    report = evaluate(GOLD, Bank(bank_dir))
    missed = [f"{m.type.value}: {m.answer}" for m in report.missed]
    assert report.recall >= RECALL_FLOOR, missed
    assert report.pass_rate >= PASS_RATE_FLOOR, report.problems
    assert report.drafts_per_fact <= MAX_DRAFTS_PER_FACT


def test_answer_matching_allows_variants() -> None:
    assert answers_match("ngày 21 tháng 1 năm 2024", "21 tháng 1 năm 2024")
    assert answers_match("hai ngày", "hai")
    assert answers_match("2024–2030", "2024-2030")
    assert answers_match("hòa bình", "hoà bình")
    assert not answers_match("40", "50")
    assert answers_match("từ 22-24/9", "ngày 22-24/9")  # the preposition frames the same dates
    assert answers_match("hai ngày 8 và 9-3", "ngày 8 và 9-3")
    assert not answers_match("từ ngày 15-5", "ngày 16-5")
    # One person with or without an honorific, or with the post the gold wrote before the name.
    assert answers_match("ông Trần Tư Nguyên", "Trần Tư Nguyên")
    assert answers_match("đồng chí Vương Dụ Văn", "Vương Dụ Văn")
    assert answers_match("Thứ trưởng Bộ công an Lê Quý Vương", "Lê Quý Vương")
    assert not answers_match("Bộ trưởng Bộ Công an", "Bộ Công an")  # a post is no body
    assert not answers_match("Thứ trưởng Lê Quý Vương", "Lê Quý")
    # A person with the post set beside the name is the person a draft names.
    assert answers_match(
        "Thượng tá Nguyễn Hồng Phong, Giám đốc Công an tỉnh Hà Tĩnh", "Thượng tá Nguyễn Hồng Phong"
    )
    assert answers_match("Ông Võ Trọng Hải, Chủ tịch UBND tỉnh Hà Tĩnh", "Võ Trọng Hải")
    assert answers_match("thượng tá Nguyễn Quốc Toản - Giám đốc Công an tỉnh Bắc Giang", "Nguyễn Quốc Toản")
    assert not answers_match("Hà Nội, Việt Nam", "Hà Nội")  # two places, not a person and a post
    # "khu vực" before a place names the same place (session 37: the gold wrote it one way or the other).
    assert answers_match("bản Chiềng Xôm, xã Chiềng Cang", "khu vực bản Chiềng Xôm, xã Chiềng Cang")
    assert not answers_match("khu vực biên giới", "biên giới phía Bắc")
    assert not answers_match("Nam Sudan, Cộng hòa Trung Phi", "Nam Sudan")
    assert not answers_match(
        "Đội quản lý thị trường số 2, Cục quản lý thị trường Hải Phòng", "Đội quản lý thị trường số 2"
    )
    # A department with or without the police it belongs to.
    assert answers_match("Phòng Cảnh sát Hình sự, công an tỉnh Hà Tĩnh", "Phòng Cảnh sát Hình sự")
    assert answers_match(
        "Phòng CSĐT Tội phạm về ma túy (Công an tỉnh Sơn La)", "Phòng CSĐT Tội phạm về ma túy"
    )
    assert not answers_match("Công an tỉnh Sơn La", "Phòng CSĐT Tội phạm về ma túy")
    assert not answers_match("Phòng Cảnh sát hình sự Công an tỉnh Nghệ An", "Phòng Cảnh sát kinh tế")
    # A numbered document with or without its date or issuer.
    assert answers_match("Quyết định số 1137/QĐ-TTg ngày 13/6/2025", "Quyết định số 1137/QĐ-TTg")
    assert answers_match("Công điện số 281/CĐ-TTg", "Công điện số 281/CĐ-TTg của Thủ tướng Chính phủ")
    assert not answers_match("Quyết định số 1137/QĐ-TTg", "Quyết định số 1138/QĐ-TTg")
    # "at least" and "about" stay in the stem that asks the number ("giảm ít nhất bao nhiêu phần trăm").
    assert answers_match("ít nhất 5%", "5%")
    assert counts_match("khoảng 450 bị hại", "450", "450 bị hại")
    # The counted phrase as far as either goes, the counted noun at least.
    assert counts_match("gần 2.000 hội viên phụ nữ", "gần 2.000", "gần 2.000 hội viên")
    assert counts_match("2 xe chữa cháy", "2", "2 xe chữa cháy tới hiện trường")
    assert not counts_match("2 xe chữa cháy", "2", "2")
    assert not counts_match("2 xe chữa cháy", "2", "2 đối tượng")
    assert not counts_match("gần 2.000 hội viên", "gần 3.000", "gần 3.000 hội viên")
    assert not answers_match("ít nhất 5%", "15%")


# 0.85 until issue 9's first rebuild, 0.65 after it (at most two drafts a sentence, no long
# blanks); 40 of 53 now that three drafts a sentence and names' whole tails are back.
UNSEEN_RECALL_FLOOR = 0.75


def test_second_article_set_meets_the_floor(bank_dir: Path) -> None:
    """Two more articles (invented, other styles: a training course, a plan with a decision).

    They were written after the rules, to estimate recall on articles the rules were not fitted
    to: 80.8% at first; the misses (quarters, capitalised counted nouns, "Kế hoạch ... của ..."
    names, a place inside a mission's name, the per-article cap) were fixed as general forms.
    """
    unseen = ROOT / "tests" / "data" / "unseen"
    generate([unseen], Bank(bank_dir))
    report = evaluate(unseen / "gold.yaml", Bank(bank_dir))
    assert report.recall >= UNSEEN_RECALL_FLOOR, [f"{m.type.value}: {m.answer}" for m in report.missed]
    assert report.pass_rate >= PASS_RATE_FLOOR, report.problems
    assert report.drafts_per_fact <= MAX_DRAFTS_PER_FACT


# 72 of 162. It was 73 (0.45) until session 16 dropped "Về kiểm tra nồng độ cồn, cục nào ...?" -> "Cục
# CSGT": a department asked where the stem names its line of work, which a judge had rejected as
# given away. (0.40 at 66, 0.28 before titled people, venues and name tails.)
REAL_TUNE_RECALL_FLOOR = 0.444
REAL_TUNE_MAX_DRAFTS_PER_FACT = 1.0


def test_real_tune_articles_meet_the_floor(bank_dir: Path) -> None:
    """21 real articles from 16 outlets, rewritten in our own words (tests/data/real/tune, with
    their sources and gold facts written without looking at the generator). Tuned on: the
    held-out part is measured elsewhere. 49 of 162 gold facts at the time of writing."""
    real = ROOT / "tests" / "data" / "real" / "tune"
    generate([real], Bank(bank_dir))
    report = evaluate(ROOT / "tests" / "data" / "real" / "gold-tune.yaml", Bank(bank_dir))
    assert report.recall >= REAL_TUNE_RECALL_FLOOR, report.by_type
    assert report.pass_rate >= PASS_RATE_FLOOR, report.problems
    assert report.drafts_per_fact <= REAL_TUNE_MAX_DRAFTS_PER_FACT
