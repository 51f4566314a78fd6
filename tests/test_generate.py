from __future__ import annotations

import re
from pathlib import Path

from quizgen.bank import CACHE_NAME, Bank
from quizgen.checks import check_question
from quizgen.distractors import DistractorPool
from quizgen.extract import Fact, extract_article
from quizgen.generate import build_question, generate
from quizgen.intake import read_article
from quizgen.models import QFormat, QType, Question, ReviewRecord, Status
from tests.conftest import Invoke


def _snapshot(bank_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(bank_dir.glob("*.yaml"))}


def test_same_articles_give_a_byte_identical_bank(seeds: Path, tmp_path: Path) -> None:
    generate([seeds], Bank(tmp_path / "one"))
    generate([seeds], Bank(tmp_path / "two"))
    assert _snapshot(tmp_path / "one") == _snapshot(tmp_path / "two")


def test_second_run_changes_nothing(seeds: Path, bank_dir: Path) -> None:
    generate([seeds], Bank(bank_dir))
    before = _snapshot(bank_dir)
    report = generate([seeds], Bank(bank_dir))
    assert report.added == 0 and all(a.unchanged for a in report.articles)
    assert _snapshot(bank_dir) == before


def test_every_draft_passes_the_checks(seeds: Path, bank_dir: Path) -> None:
    generate([seeds], Bank(bank_dir))
    for bank_file in Bank(bank_dir).load_all():
        article = read_article(seeds / f"{bank_file.article.id}.txt")
        for q in bank_file.questions:
            assert check_question(q, article.text, article.dropped) == [], q.id
            if q.format == QFormat.MCQ:
                assert q.options is not None and len(q.options) == 4


def test_max_per_article(seeds: Path, bank_dir: Path) -> None:
    generate([seeds], Bank(bank_dir), max_per_article=5)
    assert all(len(f.questions) == 5 for f in Bank(bank_dir).load_all())


def test_edited_article_keeps_decisions_adds_new_and_stales_gone(seeds: Path, bank_dir: Path) -> None:
    bank = Bank(bank_dir)
    generate([seeds], bank)
    article_id = "003_43f387c3d7b97b06"
    original = bank.load(article_id)
    record = ReviewRecord(reviewer="Tester", at="2026-11-22T00:00:00Z", decision="approved")
    gone = next(q for q in original.questions if q.evidence.startswith("Tại Hà Nội"))
    approved = gone.model_copy(update={"status": Status.APPROVED, "review": [record]})
    kept_draft = next(q for q in original.questions if not q.evidence.startswith("Tại Hà Nội"))
    questions = [approved if q.id == gone.id else q for q in original.questions]
    bank.save(original.model_copy(update={"questions": questions}))

    path = seeds / f"{article_id}.txt"
    text = path.read_text(encoding="utf-8")
    text = text.replace("Tại Hà Nội, Thượng tướng", "Tại Đà Nẵng, Thượng tướng")
    text += "\n\nNgày 5/9/2025, Bộ Công an cử 12 sĩ quan tham gia Phái bộ tại Nam Sudan."
    path.write_text(text, encoding="utf-8")
    report = generate([seeds], bank)
    after = {q.id: q for q in bank.load(article_id).questions}

    assert after[gone.id] == approved  # an approved question is never touched
    stale = [q for q in after.values() if q.status == Status.STALE]
    assert stale and all(q.evidence.startswith("Tại Hà Nội") for q in stale)
    assert after[kept_draft.id] == kept_draft
    assert any("5/9/2025" in q.answer for q in after.values())
    assert next(a.added for a in report.articles if a.article_id == article_id) > 0


def test_question_ids_are_stable_and_unique(seeds: Path, bank_dir: Path) -> None:
    generate([seeds], Bank(bank_dir))
    ids = [q.id for f in Bank(bank_dir).load_all() for q in f.questions]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("q-") and len(i) == 8 for i in ids)


def test_bad_file_in_a_large_folder_stops_before_writing(seeds: Path, tmp_path: Path) -> None:
    """Articles are read in worker processes for large folders; errors still arrive whole."""
    import pytest

    from quizgen.errors import ArticleError

    folder = tmp_path / "many"
    folder.mkdir()
    text = (seeds / "003_43f387c3d7b97b06.txt").read_text(encoding="utf-8")
    for i in range(20):
        (folder / f"a{i:02d}.txt").write_text(text, encoding="utf-8")
    (folder / "zz.txt").write_text("", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"zz\.txt"):
        generate([folder], Bank(tmp_path / "bank"))
    assert not (tmp_path / "bank").exists()


def test_generate_leaves_a_warm_parse_cache(seeds: Path, bank_dir: Path) -> None:
    import json

    generate([seeds], Bank(bank_dir))
    cache = json.loads((bank_dir / CACHE_NAME).read_text(encoding="utf-8"))
    assert sorted(cache["files"]) == ["000_0925c9defd9cf852", "003_43f387c3d7b97b06"]


def test_a_republished_story_is_not_asked_twice(seeds: Path, bank_dir: Path) -> None:
    """Same story under another name (another outlet): its drafts duplicate the first one's."""
    text = (seeds / "003_43f387c3d7b97b06.txt").read_text(encoding="utf-8")
    (seeds / "zz_republished.txt").write_text("(Báo Khác) - " + text, encoding="utf-8")
    generate([seeds], Bank(bank_dir))
    assert Bank(bank_dir).load("zz_republished").questions == []
    assert len(Bank(bank_dir).load("003_43f387c3d7b97b06").questions) > 5


def test_the_same_fact_in_two_different_stories_is_kept(seeds: Path, bank_dir: Path) -> None:
    generate([seeds], Bank(bank_dir))
    periods = [
        loc.article_id for loc in Bank(bank_dir).iter_questions() if loc.question.answer == "2024-2030"
    ]
    assert sorted(set(periods)) == ["000_0925c9defd9cf852", "003_43f387c3d7b97b06"]


def test_new_rules_process_unchanged_files_again_and_keep_decisions(seeds: Path, bank_dir: Path) -> None:
    from quizgen.generate import GENERATOR

    bank = Bank(bank_dir)
    generate([seeds], bank)
    article_id = "003_43f387c3d7b97b06"
    old = bank.load(article_id)
    first = old.questions[0]
    record = ReviewRecord(reviewer="T", at="2026-11-22T00:00:00Z", decision="rejected", reason="quá dễ")
    rejected = first.model_copy(update={"status": Status.REJECTED, "review": [record]})
    older = old.model_copy(
        update={
            "article": old.article.model_copy(update={"generator": "quizgen-rules/1"}),
            "questions": [rejected, *old.questions[1:]],
        }
    )
    bank.save(older)
    report = generate([seeds], bank)
    assert not next(a for a in report.articles if a.article_id == article_id).unchanged
    now = bank.load(article_id)
    assert now.article.generator == GENERATOR
    assert now.questions[0] == rejected


def test_min_score_keeps_only_the_likelier_drafts(seeds: Path, tmp_path: Path, invoke: Invoke) -> None:
    everything = Bank(tmp_path / "all")
    generate([seeds], everything)
    scores = sorted(q.score for f in everything.load_all() for q in f.questions)
    bar = scores[len(scores) // 2]  # the median: about half the drafts stay
    result = invoke("generate", seeds, "--bank", tmp_path / "some", "--min-score", str(bar))
    assert result.exit_code == 0, result.output
    kept = [q.score for f in Bank(tmp_path / "some").load_all() for q in f.questions]
    assert kept and all(s >= bar for s in kept)
    assert len(kept) == sum(s >= bar for s in scores)
    assert "điểm dự đoán dưới --min-score" in result.output
    # Another bar is another drafting: the same articles are drafted again, not skipped.
    again = invoke("generate", seeds, "--bank", tmp_path / "some", "--min-score", "0")
    assert again.exit_code == 0 and "không đổi" not in again.output


def test_min_score_out_of_range_is_a_usage_error(seeds: Path, tmp_path: Path, invoke: Invoke) -> None:
    for bad in ("1.5", "-0.1", "1"):
        result = invoke("generate", seeds, "--bank", tmp_path / "b", "--min-score", bad)
        assert result.exit_code == 2, (bad, result.output)
        assert "--min-score" in result.output
    assert not (tmp_path / "b").exists()


def test_a_vietnamese_ministry_is_asked_without_its_country_among_its_peers(tmp_path: Path) -> None:
    # fresh3's k-bbc-01, its sentence without the "cơ cấu tổ chức của Bộ Công an" that now stays in the
    # longer stem and prints the answer.
    article = tmp_path / "k-bbc-01.txt"
    article.write_text(
        "Họp báo của Bộ Công an\n\nChiều 7/8, Bộ Công an Việt Nam đã tổ chức họp báo về triển khai Nghị định của "
        "Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và sơ kết công tác công an 6 tháng đầu năm 2018.\n",
        encoding="utf-8",
    )
    generate([article], Bank(tmp_path / "bank"))
    questions = [q for f in Bank(tmp_path / "bank").load_all() for q in f.questions]
    asked = [q for q in questions if q.question.startswith("Chiều 7/8, bộ nào")]
    assert asked and asked[0].answer == "Bộ Công an"
    assert asked[0].options and not any(o.endswith("Việt Nam") for o in asked[0].options)


def _drafts(tmp_path: Path, split: str, article: str) -> list[Question]:
    real = Path(__file__).parent / "data" / "real" / split / f"{article}.txt"
    generate([real], Bank(tmp_path / "bank"))
    return [q for f in Bank(tmp_path / "bank").load_all() for q in f.questions]


def test_a_missions_short_name_is_among_short_names(tmp_path: Path) -> None:
    asked = [q for q in _drafts(tmp_path, "fresh14", "z-sggp-01") if q.answer == "Phái bộ UNISFA"]
    assert asked and asked[0].options
    assert all(re.fullmatch(r"Phái bộ [A-Z]{4,}", o) for o in asked[0].options)


def test_a_departments_code_is_not_the_one_option_with_a_code() -> None:
    # The fact is made by hand: on the article itself the acronym's own question ("PC04 là tên
    # viết tắt của phòng nào?") now takes this department's name.
    real = Path(__file__).parent / "data" / "real" / "fresh17" / "c-danviet-01.txt"
    article = read_article(real)
    found = extract_article(article.id, article.paragraphs)
    sentence = next(f.sentence for f in found.facts if "20 triệu" in f.sentence.text)
    name = "Phòng Cảnh sát điều tra tội phạm về ma túy (PC04) – Công an tỉnh"
    start = sentence.text.index(name)
    fact = Fact(
        QType.ORG, "org", name, name, sentence, start, start + len(name),
        qphrase="phòng nào", shape="org:Phòng", head="Phòng", score=0.8,
    )  # fmt: skip
    asked = build_question(fact, article, found.main_ministry, DistractorPool(), {name})
    assert asked is not None and asked.options and "20 triệu" in asked.question
    assert not any("(" in o for o in asked.options)
    assert asked.answer == "Phòng Cảnh sát điều tra tội phạm về ma túy – Công an tỉnh"


def test_a_stem_longer_than_any_cut_could_make_it_ranks_after_shorter_ones() -> None:
    from quizgen.extract.stems import HARD_MAX_STEM_WORDS
    from quizgen.generate import _rank_key
    from quizgen.models import QType

    def draft(stem: str, score: float) -> Question:
        return Question(
            id="q-1a2b3c", type=QType.HOW_MANY, format=QFormat.MCQ, question=stem, answer="31",
            options=["31", "21", "41", "51"], fact="31 công dân", evidence="x", status=Status.DRAFT, score=score,
        )  # fmt: skip

    long = draft(" ".join(["từ"] * HARD_MAX_STEM_WORDS) + " bao nhiêu công dân?", 0.9)
    short = draft("Công an TPHCM tiếp nhận bao nhiêu công dân?", 0.2)
    assert _rank_key(short) < _rank_key(long)  # whatever the ranker thinks of the long one
    better = draft("Công an TPHCM tiếp nhận bao nhiêu công dân từ Campuchia?", 0.5)
    assert _rank_key(better) < _rank_key(short)


def test_a_list_of_counts_gives_its_first_three_and_one_unit_is_asked_once(tmp_path: Path) -> None:
    from quizgen.generate import draft_questions
    from quizgen.intake import Article

    paragraphs = (
        "Bắt quả tang hai đối tượng giao dịch tiền giả",
        "Ngày 30/8, Công an tỉnh Bình Dương bắt quả tang hai đối tượng đang giao dịch tiền giả tại TP Thủ Dầu Một.",
        "Tang vật bị công an thu giữ gồm 154 tờ giấy bạc mệnh giá 500.000 đồng, 2 xe máy, 5 điện thoại di động, "
        "gần 21 triệu đồng cùng một số tờ giống tiền nước ngoài.",
        "May mắn là đúng lúc đó Tổ công tác Đội Cảnh sát đường thủy số 2 đang làm nhiệm vụ, kịp thời phát hiện "
        "và đưa anh lên bờ an toàn.",
    )
    article = Article(id="a", path=Path("a.txt"), title=paragraphs[0], paragraphs=paragraphs)
    found = extract_article("a", paragraphs)
    pool = DistractorPool()
    drafts = draft_questions(article, found, pool, 20)
    seized = [q for q in drafts if q.type == QType.HOW_MANY and q.evidence.startswith("Tang vật")]
    assert len(seized) <= 3 and any(q.answer == "154" for q in seized), [q.answer for q in seized]
    rescued = [
        q for q in drafts if q.evidence.startswith("May mắn") and "Đội Cảnh sát đường thủy số 2" in q.answer
    ]
    assert len(rescued) <= 1, [q.question for q in rescued]


def test_one_person_is_asked_once_per_article(tmp_path: Path) -> None:
    drafts = _drafts(tmp_path, "fresh37", "am-cand-01")
    asked = [q.answer for q in drafts if q.type == QType.WHO and "Lê Quang Bốn" in q.answer]
    assert len(asked) == 1, [q.question for q in drafts if "Lê Quang Bốn" in q.answer]


def test_a_prizes_options_are_the_teams_the_article_names(tmp_path: Path) -> None:
    drafts = _drafts(tmp_path, "fresh37", "am-nghean24h-01")
    text = (Path(__file__).parent / "data" / "real" / "fresh37" / "am-nghean24h-01.txt").read_text()
    prizes = [q for q in drafts if "giải Nhất" in q.question and q.answer.startswith("Công an tỉnh")]
    assert prizes
    for q in prizes:
        assert q.options and all(o.removeprefix("Công an tỉnh ") in text for o in q.options), q.options


def test_a_delegations_name_stops_before_what_it_did(tmp_path: Path) -> None:
    drafts = _drafts(tmp_path, "fresh37", "am-phaply-01")
    assert not [q.question for q in drafts if "Việt Nam sang thăm đã dự" in q.question]
    assert any("Đoàn đại biểu cấp cao Bộ Công an Việt Nam đã dự" in q.question for q in drafts)


def test_a_name_without_three_options_of_its_kind_is_asked_open(tmp_path: Path) -> None:
    # No other article offers a park, so the place is asked open rather than not at all.
    park = [q for q in _drafts(tmp_path / "a", "fresh40", "ap-dantri-01") if q.answer == "Công viên Sông Hậu"]
    assert park and park[0].format == QFormat.SHORT_ANSWER and park[0].options is None
    assert "ở đâu?" in park[0].question
    # A police team is not: its name was cut short or the stem mixed it up with the gathering it
    # broke up ("Đội nào vừa tụ tập chạy xe thành đoàn?").
    article = read_article(Path(__file__).parent / "data" / "real" / "fresh45" / "au-zingnews-01.txt")
    found = extract_article(article.id, article.paragraphs)
    team = next(f for f in found.facts if f.kind == "unit" and f.answer.startswith("Đội CSGT An Sương"))
    assert build_question(team, article, found.main_ministry, DistractorPool(), {team.answer}) is None


def test_the_police_of_a_city_are_told_apart_from_a_provinces() -> None:
    from quizgen.generate import _names_a_city

    assert (
        _names_a_city("Công an Đà Nẵng") and _names_a_city("Công an TP.HCM") and _names_a_city("Công an Huế")
    )
    assert not _names_a_city("Công an Quảng Nam") and not _names_a_city("Công an tỉnh Kon Tum")


def test_a_banknote_is_asked_among_the_other_notes_of_the_dong() -> None:
    from quizgen.distractors import other_banknotes

    assert other_banknotes("5.000") == ["2.000", "10.000", "1.000"]
    assert other_banknotes("500.000 đồng") == ["200.000 đồng", "100.000 đồng", "50.000 đồng"]
    assert other_banknotes("4.000") == []  # no such note: the counts' own options stay
