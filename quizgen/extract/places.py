"""The place family's lookups: is a name a place or a country of the gazetteer (folded, indexed
once per process: the people family and the distractor stage ask for every proper noun)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from quizgen.extract.analysis import SentenceAnalysis, Token
from quizgen.extract.facts import Fact
from quizgen.gazetteer import load_gazetteer
from quizgen.models import QType
from quizgen.normalize import fold_for_match, word_re
from quizgen.sentences import Sentence


@functools.cache
def _index() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    gaz = load_gazetteer()
    places = {fold_for_match(p) for names in gaz.places.values() for p in names}
    for group in gaz.alias_groups:
        if group & places:
            places |= group
    countries = frozenset(fold_for_match(c) for c in gaz.countries)
    return frozenset(places), countries, tuple(sorted(places | countries))


# "Cộng hòa Mozambique", "Vương quốc Campuchia": the word after these is a country's name, which
# ends a title ("Bộ trưởng Bộ Nội vụ Cộng hòa Mozambique") before its holder's name.
# The words a country's name follows ("Cộng hòa Mozambique").
STATE_WORDS = r"(?:Cộng hòa|Vương quốc|Liên bang|Nhà nước)"
BEFORE_A_COUNTRY = re.compile(rf"{STATE_WORDS}\s+$")


def is_place(name: str) -> bool:
    """A place or country of the gazetteer, under any of its listed names."""
    places, countries, _ = _index()
    key = fold_for_match(name)
    return key in places or key in countries


def mentions_country(name: str) -> bool:
    _, countries, _ = _index()
    folded = fold_for_match(name)
    return any(c in folded for c in countries)


def inside_a_place(name: str) -> bool:
    """ "Hồ Chí Minh" inside "Thành phố Hồ Chí Minh": part of a place's name."""
    key = fold_for_match(name)
    return any(key in p for p in _index()[2])


# Words that begin a venue's name ("Trụ sở Chính phủ", "Nhà máy TNG Sông Công"); other places after
# "tại" are the gazetteer's, found by the rules.
_VENUE_WORDS = (
    "trụ sở", "hội trường", "khu công nghiệp", "nhà máy", "sân bay", "cửa khẩu", "nhà khách", "quảng trường",
    "bến xe", "phủ", "trung tâm thương mại", "siêu thị", "chung cư", "tòa nhà", "khu đô thị", "trường",
    "thủ đô", "cảng hàng không", "nhà văn hóa", "khách sạn", "sân vận động", "công viên", "nhà thi đấu",
    "phố đi bộ", "cư xá", "học viện", "bệnh viện",
    "đầu cầu", "bến phà", "bến tàu", "nút giao", "ngã ba", "ngã tư",  # "ở đầu cầu Bến Thủy" (fresh57)
)  # fmt: skip
# Lower-case words that go between a venue word and its name: "sân bay quốc tế Nội Bài", "Bến xe
# miền Đông", "Trường tiểu học Hàm Tử"; "Khu công nghiệp" is two words to the segmenter.
_VENUE_MIDDLE = {
    "quốc tế", "miền", "công nghiệp", "thương mại", "đô thị", "tiểu học", "mầm non", "trung học",
    "cơ sở", "phổ thông", "hàng không", "văn hóa", "vận động", "thi đấu", "đi bộ",
    "cầu", "phà", "tàu", "giao",  # "đầu | cầu", "bến | phà": the segmenter splits these venue words
}  # fmt: skip
# What ends a venue's name in lower case ("Học viện An ninh | nhân dân" goes on).
_VENUE_TAIL = {"nhân dân"}
_GENERIC_SEATS = {"ubnd", "ubnd tỉnh", "lhq", "liên hợp quốc", "công an", "bộ", "chính quyền"}
_VENUE_NOT = ("việt nam", "hội nghị", "buổi", "lễ", "hội thảo", "đây", "đó")


@functools.cache
def _titles() -> frozenset[str]:
    gaz = load_gazetteer()
    words = {fold_for_match(t) for t in (*gaz.titles, *gaz.all_ranks)}
    return frozenset(words | {w.split()[0] for w in words if w.startswith(("phó ", "tổng "))} | {"ông", "bà"})


def venue_span(tokens: tuple[Token, ...], i: int) -> int:
    """Index after the venue that starts at token ``i`` (``i`` when none does): a venue word and the
    capitalised name it introduces ("Trụ sở Chính phủ", "Khu Công nghiệp Sông Công I", "Nhà máy TNG
    Sông Công"), up to a person's title, with a country after a comma."""
    lead = fold_for_match(tokens[i].text) if i < len(tokens) else ""
    j = i + 1
    while j < len(tokens) and fold_for_match(tokens[j].text) in _VENUE_MIDDLE:
        lead = f"{lead} {fold_for_match(tokens[j].text)}"
        j += 1
    lead = lead.removesuffix(" quốc tế").removesuffix(" miền")
    named = j < len(tokens) and (
        tokens[j].text[:1].isupper() or (lead == "quảng trường" and tokens[j].text[:1].isdigit())
    )  # "Quảng trường 26.3"
    if not named or not any(lead == w or lead.startswith(w + " ") for w in _VENUE_WORDS):
        return i  # only a venue word starts a venue: "tại Phái bộ ...", "tại Bộ phận ..." are bodies
    if lead == "phủ":
        if fold_for_match(tokens[j].text) != "chủ tịch":
            return i  # "Phủ Chủ tịch" is a venue; "phủ" is otherwise a verb ("phủ xanh")
        return j + 1
    titles = _titles()
    while j < len(tokens) and (tokens[j].text[:1].isupper() or tokens[j].text[:1].isdigit()):
        if tokens[j].pos == "CH" or (j > i and fold_for_match(tokens[j].text) in titles):
            break  # "tại Trụ sở Chính phủ | Thứ trưởng ...": a person's title begins
        j += 1
        if j < len(tokens) and fold_for_match(tokens[j].text) in _VENUE_TAIL:
            j += 1
    # "Bắc Kinh, Trung Quốc", "thủ đô Phnom Pênh, Vương quốc Campuchia": the country after a city.
    state = j + 2 < len(tokens) and re.fullmatch(STATE_WORDS, tokens[j + 1].text) is not None
    k = j + 2 if state else j + 1
    if (
        k < len(tokens)
        and tokens[j].text == ","
        and is_place(tokens[k].text)
        and mentions_country(tokens[k].text)
    ):
        j = k + 1
    return j


def venue_span_has_country(tokens: tuple[Token, ...], start: int, end_i: int) -> bool:
    """Whether the venue from ``start`` to ``end_i`` ends with ", <country>" (``venue_span``'s tail)."""
    return any(t.text == "," for t in tokens[start:end_i]) and mentions_country(tokens[end_i - 1].text)


def venue_word(venue: str) -> str:
    """The kind of venue, for options of the same kind: "sân bay" of "sân bay quốc tế Nội Bài"."""
    folded = fold_for_match(venue)
    return next((w for w in sorted(_VENUE_WORDS, key=len, reverse=True) if folded.startswith(w + " ")), "")


def venue_facts(sentence: Sentence, analysis: SentenceAnalysis, known: set[str]) -> Iterator[Fact]:
    """ "Where" facts for venues after "tại"/"ở" that the gazetteer-based rules did not find."""
    text = analysis.text
    tokens = analysis.tokens
    for i, tok in enumerate(tokens[:-1]):
        if fold_for_match(tok.text) not in ("tại", "ở") or tok.pos not in ("E", "V", "N"):
            continue
        ordinal = (
            i > 1 and re.fullmatch(r"[IVXL]+", tokens[i - 1].text) and tokens[i - 2].text in ("thứ", "khóa")
        )
        if i > 0 and tokens[i - 1].text[:1].isupper() and tokens[i - 1].pos != "CH" and not ordinal:
            continue  # "Phái bộ ... tại Nam Sudan", "Đại sứ quán Pháp tại Việt Nam": inside a name
        end_i = venue_span(tokens, i + 1)
        if end_i <= i + 1:
            continue
        # "(Hà Nội)" after "Cảng hàng không quốc tế Nội Bài" stays out: on the answer alone it marks it.
        end = tokens[end_i - 1].end
        # "thủ đô Phnom Pênh, Vương quốc Campuchia": the country goes out of the stem with the
        # place, and out of the answer, which is asked among other capitals in their own form.
        venue = re.sub(rf",\s*(?:{STATE_WORDS}\s+)?[^,]+$", "", text[tokens[i + 1].start : end])
        if not venue_span_has_country(tokens, i + 1, end_i):
            venue = text[tokens[i + 1].start : end]
        folded = fold_for_match(venue)
        if fold_for_match(text[tokens[i + 2].start : tokens[end_i - 1].end]) in _GENERIC_SEATS:
            continue  # "trụ sở UBND tỉnh", "trụ sở Liên hợp quốc": a kind of building, not a venue's name
        if folded in known or folded.startswith(_VENUE_NOT) or len(venue) < 3:
            continue
        if any(folded in k or k in folded for k in known):
            continue
        known.add(folded)
        # "đã tiếp tại Trụ sở Chính phủ Thứ trưởng X": the place is asked at the end of the clause
        # ("đã tiếp Thứ trưởng X ở đâu?"), never in the middle ("đã tiếp ở đâu Thứ trưởng X").
        leading = True
        yield Fact(
            QType.WHERE,
            "place",
            venue,
            venue,
            sentence,
            tok.start,
            end,
            qphrase="ở đâu",
            move_to_end=leading,
            shape=f"place:venue:{venue_word(venue)}",
            score=0.55,
        )


def home_province(text: str) -> str | None:
    """The province that an article's bare "Công an tỉnh", "toàn tỉnh" stand for: the Vietnamese
    province it names most, when it names it at least twice and at least twice as often as any
    other ("Công an tỉnh Quảng Nam" beside its partner "Công an tỉnh Sê Kông", a Lao province)."""
    gaz = load_gazetteer()
    counts = sorted(
        (
            (len(word_re(name).findall(text)), name)
            for name in (*gaz.places.get("provinces", ()), *gaz.places.get("former_provinces", ()))
        ),
        reverse=True,
    )
    if not counts or counts[0][0] < 2 or (len(counts) > 1 and counts[1][0] * 2 > counts[0][0]):
        return None
    return counts[0][1]


# A province's body or the whole province with no name after it ("Công an tỉnh đã tổ chức",
# "Hiện toàn tỉnh có 404 cán bộ nữ"): the name belongs after "tỉnh". A lower-case "công an tỉnh"
# is the kind, not the article's force ("gần 10 giám đốc công an tỉnh": naming it made a false fact).
_BARE_PROVINCE = re.compile(
    r"(?<!\w)((?:Công an|[Tt]oàn|địa bàn|UBND|Ủy ban nhân dân|Hội đồng [Nn]hân dân|HĐND|của) tỉnh)"
    r"(?!\w|\s+[A-ZĐ0-9]|\s+(?:nào|ủy|lộ|đoàn|bạn|nhà)(?!\w))"
)


_EVERY_PROVINCE = re.compile(
    r"(?i)(?<!\w)(?:toàn quốc|cả nước|các địa phương|các tỉnh|mỗi tỉnh|từng tỉnh)(?!\w)"
)


def name_province(stem: str, province: str | None, answer: str) -> str:
    """``stem`` with the article's province named after its first bare "Công an tỉnh", "toàn tỉnh"
    ("Công an tỉnh đã tổ chức ..." -> "Công an tỉnh Thanh Hóa đã tổ chức ..."). Not when the stem
    already names it, nor when the answer holds it (the stem would give it away)."""
    if not province or word_re(province).search(stem) or word_re(province).search(answer):
        return stem
    if _EVERY_PROVINCE.search(stem):
        return stem  # "các địa phương ... trình UBND tỉnh": each province's, not the article's
    return _BARE_PROVINCE.sub(lambda m: f"{m.group(1)} {province}", stem, count=1)
