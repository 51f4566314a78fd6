"""Stage 4, distractors: wrong options of the same type and shape as the answer.

Sources, in order: other articles in this run and in the bank (real look-alikes),
then the curated gazetteer, then rules (dates and numbers shifted plausibly).
A candidate is never an alias of the answer ("LHQ" for "Liên hợp quốc") nor
another answer of the same kind from the same article, which might be true.
Choice among candidates is deterministic: it depends only on the fact.
"""

from __future__ import annotations

import calendar
import datetime
import difflib
import functools
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from quizgen.extract.awards import award_options
from quizgen.extract.events import ORDINAL, ROMAN_ORDINALS, WORD_ORDINALS
from quizgen.extract.facts import Fact
from quizgen.extract.places import inside_a_place, is_place
from quizgen.extract.quality import TERM_BEFORE, number_of
from quizgen.extract.rules import NUM_WORDS
from quizgen.gazetteer import Gazetteer, bare_place, load_communes, load_gazetteer
from quizgen.models import QType
from quizgen.normalize import core_name, fold_for_match, loose_key, word_re
from quizgen.sentences import UPPER

WANTED = 3
TITLE_FAMILIES = (
    ("Bộ trưởng", "Thứ trưởng"),
    ("Tổng Thư ký", "Phó Tổng Thư ký", "Trợ lý Tổng Thư ký"),
    ("Cục trưởng", "Phó Cục trưởng"),
    ("Tổng cục trưởng", "Phó Tổng cục trưởng"),
    ("Giám đốc", "Phó Giám đốc"),
    ("Tổng Giám đốc", "Phó Tổng Giám đốc"),
    ("Chủ tịch", "Phó Chủ tịch"),
    ("Thủ tướng", "Phó Thủ tướng"),
    ("Vụ trưởng", "Phó Vụ trưởng"),
    ("Trưởng đoàn", "Phó Trưởng đoàn"),
    ("Viện trưởng", "Phó Viện trưởng"),
    ("Hiệu trưởng", "Phó Hiệu trưởng"),
    ("Tư lệnh", "Phó Tư lệnh"),
    ("Trưởng Đại diện", "Phó Trưởng Đại diện"),
)
_NUM_WORD_LIST = ["hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]


_STATE_SEATS = ("phủ", "trụ sở", "hội trường", "nhà quốc hội")


def _rank(seed: str, candidates: Iterable[str]) -> list[str]:
    return sorted(candidates, key=lambda c: hashlib.sha1(f"{seed}\x1f{c}".encode()).hexdigest())


# "hơn 20 cán bộ": "hơn 15" would be true as well, so only larger counts are wrong; "dưới 16" the reverse.
_AT_LEAST = re.compile(r"(?i)^(?:hơn|trên|ít nhất|tối thiểu|từ \S+ trở lên)(?!\w)")
_AT_MOST = re.compile(r"(?i)^(?:dưới|chưa đến|không quá|tối đa)(?!\w)")


def _spread(seed: str, answer: str, candidates: list[str], key: Callable[[str], Any]) -> list[str]:
    """``candidates`` (nearest first) reordered so that the first three put the answer at a rank
    chosen by ``seed``: readers found the answer was the second smallest of four numbers in 25 of 32
    questions and the middle date in most, a pattern a trainee can learn instead of the facts."""
    own = key(answer)
    if own is None:
        return candidates
    keyed = [(c, key(c)) for c in candidates]
    below = [c for c, k in keyed if k is not None and k < own]
    above = [c for c, k in keyed if k is not None and k > own]
    if _AT_LEAST.match(answer):
        below = []
    elif _AT_MOST.match(answer):
        above = []
    wanted_below = int(hashlib.sha1(seed.encode()).hexdigest(), 16) % (WANTED + 1)
    take_below = min(wanted_below, len(below))
    take_below = max(take_below, WANTED - len(above))  # too few above: more from below
    first = below[:take_below] + above[: WANTED - take_below]
    rest = [c for c in candidates if c not in first and (c in below or c in above or key(c) == own)]
    return first + rest


def _date_key(text: str) -> tuple[int, int, int] | None:
    m = re.search(r"(\d{1,2})(?:\s+tháng\s+|[/.\-])(\d{1,2})(?:(?:\s+năm\s+|[/.\-])(\d{4}))?", text)
    if not m:
        return None
    return (int(m.group(3) or 0), int(m.group(2)), int(m.group(1)))


def _years_key(text: str) -> int | None:
    years = re.findall(r"\d{4}", text)
    return int(years[0]) if years else None


def _first_day_key(text: str) -> int | None:
    m = re.search(r"\d{1,2}", text)
    return int(m.group(0)) if m else None


class DistractorPool:
    """Answers seen across the corpus and the bank, grouped by shape."""

    def __init__(self) -> None:
        self.by_shape: dict[str, dict[str, str]] = defaultdict(dict)  # shape -> folded -> text
        self.private: set[str] = set()  # folded names of the people an article presents as private persons

    def add(self, shape: str, answer: str, article_id: str, private: bool = False) -> None:
        if shape.startswith("person") and re.search(r"\s[A-ZĐ]\.?$", answer):
            return  # "Diệp Thế H": a suspect's name cut to an initial is no option for anyone
        self.by_shape[shape].setdefault(fold_for_match(answer), answer)
        self.by_shape[f"{shape}@{article_id}"].setdefault(fold_for_match(answer), answer)
        if private:
            self.private.add(fold_for_match(answer))

    def others(self, shape: str, article_id: str) -> list[str]:
        own = self.by_shape.get(f"{shape}@{article_id}", {})
        return [v for k, v in sorted(self.by_shape.get(shape, {}).items()) if k not in own]

    def own(self, shape: str, article_id: str) -> list[str]:
        return [v for _, v in sorted(self.by_shape.get(f"{shape}@{article_id}", {}).items())]

    def is_private(self, name: str) -> bool:
        return fold_for_match(name) in self.private


def _shift_date(answer: str, seed: str) -> list[str]:
    m = re.search(r"(\d{1,2})(\s+tháng\s+|[/.\-])(\d{1,2})(?:(\s+năm\s+|[/.\-])(\d{4}))?", answer)
    if not m:
        return []
    day, sep, month, ysep, year = m.group(1), m.group(2), int(m.group(3)), m.group(4), m.group(5)
    d = int(day)
    out = []
    for dd, dm, dy in (
        (3, 0, 0),
        (-5, 0, 0),
        (0, 1, 0),
        (7, -1, 0),
        (0, 0, -1),
        (10, 0, 0),  # not a year on: the option could fall after the article was written
        (-2, 2, 0),
    ):
        nd = (d + dd - 1) % 28 + 1
        # A month carried back past January takes the year before with it ("28/12/2026" beside
        # "21/1/2026" was struck as after the article); one carried past December would fall a year
        # on, so it is not offered.
        carry, nm0 = divmod(month + dm - 1, 12)
        nm = nm0 + 1
        if year and carry > 0:
            continue
        # "ngày 03 tháng 01": the answer alone with leading zeros is a cue, so the options share them.
        month_s = m.group(3)
        # A two-digit part is padded when the other part shows the writer pads ("14/02").
        dw = 2 if day.startswith("0") or (len(day) == 2 and month_s.startswith("0")) else 1
        mw = 2 if month_s.startswith("0") or (len(month_s) == 2 and day.startswith("0")) else 1
        piece = f"{nd:0{dw}d}{sep}{nm:0{mw}d}"
        if year:
            piece += f"{ysep}{int(year) + dy + carry}"
        elif dy:
            continue
        out.append(answer[: m.start()] + piece + answer[m.end() :])
    return out


def _shift_years(answer: str, term: bool = False) -> list[str]:
    """Nearby years; a term of office ("nhiệm kỳ 2026-2031") keeps its length, the terms before and
    after it first (readers struck "2027-2031" beside a five-year term as "a 4-year term")."""
    years = [int(y) for y in re.findall(r"\d{4}", answer)]
    if not years:
        return []
    out = []
    deltas: list[tuple[int, ...]]
    if len(years) == 2 and term:
        span = years[1] - years[0]
        deltas = [(-span, -span), (span, span), (-1, -1), (1, 1), (2, 2)]
    elif len(years) == 2:
        deltas = [(-1, -1), (1, 1), (-3, -5), (1, 0), (0, 5), (-4, 0), (2, 2)]
    else:
        deltas = [(-1,), (1,), (-2,), (2,), (-3,)]
    for delta in deltas:
        pieces = re.split(r"(\d{4})", answer)
        shifted = iter(delta)
        out.append("".join(str(int(p) + next(shifted)) if re.fullmatch(r"\d{4}", p) else p for p in pieces))
    return out


def _nice_steps(n: float) -> list[float]:
    if n < 10:
        return [n + 1, n - 1, n + 2, n + 3, n - 2, n - 3]
    magnitude = 10 ** (len(str(int(n))) - 1)
    step = max(1, magnitude // 2) if n / magnitude < 3 else magnitude
    steps = [n + step, n - step, n + 2 * step, n - 2 * step, n + 3 * step, n - 3 * step]
    # "1" beside 11 arrested, "389" members beside 3.389, "5 tổ" beside 1.005: a step that drops the
    # number's leading figure reads as another order of size, which readers struck as impossible.
    return [v for v in steps if v >= (n / 4 if n >= 100 else 2)]


def _shift_number(answer: str, total: float | None = None) -> list[str]:
    """Nearby numbers written as ``answer`` writes its own; below ``total`` when the stem states the
    whole the answer is a part of."""
    m = re.search(r"\d{1,3}(?:[.]\d{3})+|\d+(?:,\d+)?", answer)
    if m:
        raw = m.group(0)
        value = float(raw.replace(".", "").replace(",", "."))
        out = []
        percent = answer.rstrip().endswith("%")
        decimals = len(raw.split(",")[1]) if "," in raw else 0
        if decimals:
            # "0,067 mg/lít" steps in its last figures (0,077, 0,057), not by ones (1,067 and 2,067
            # are readings no breath gives: both fresh48 readers).
            scale = 10**decimals
            steps = [v / scale for v in _nice_steps(round(value * scale))]
        else:
            steps = _nice_steps(value)
        steps += [value - 10 * k for k in (1, 2, 3, 4)] if percent else []
        if total is not None:
            # "33 of 37": a step that drops below half the answer reads as a guess, not a neighbour.
            steps = [v for v in steps if 0 < v < total and v >= value / 2]
            if len(steps) < WANTED and value.is_integer():
                # "13 of 17", "12.000 of 15.000": the round steps overshoot; the neighbours that fit
                # under the total, in its own unit, do.
                unit = 10 ** max(0, len(str(int(total))) - 2)
                near = sorted(range(unit, int(total), unit), key=lambda v: (abs(v - value), v))
                steps += [float(v) for v in near if v != value and float(v) not in steps]
        for v in steps:
            if v <= 0 or (percent and (v > 100 or (v >= 100 and answer.startswith("hơn")))):
                continue
            text = (
                f"{int(v):,}".replace(",", ".")
                if "." in raw or v >= 10000
                else (f"{v:.{decimals}f}".replace(".", ",") if decimals else str(int(v)))
            )
            if raw.startswith("0") and raw.isdigit():
                text = text.zfill(len(raw))  # "02 kg": the answer alone with a leading zero is a cue
            out.append(answer[: m.start()] + text + answer[m.end() :])
        return out
    for word in sorted(NUM_WORDS, key=len, reverse=True):
        if word_re(word).search(answer) and word in _NUM_WORD_LIST:
            i = _NUM_WORD_LIST.index(word)
            # "chín" at the list's end still gets three: the steps go down as far as they must.
            around = (i + 1, i - 1, i + 2, i + 3, i - 2, i - 3)
            picks = [_NUM_WORD_LIST[j] for j in around if 0 <= j < len(_NUM_WORD_LIST)]
            return [word_re(word).sub(p, answer, count=1) for p in picks]
    return []


def _acronyms_like(answer: str, head: str, gaz: Gazetteer) -> list[str]:
    """Acronyms of the same kind: a department code for a code ("C06" -> "C07"), a mission's for a
    mission, an international body's for an agency."""
    code = re.fullmatch(r"([A-Z]+)(\d{2,3})", answer)
    if code:
        n, width = int(code.group(2)), len(code.group(2))
        return [f"{code.group(1)}{k:0{width}d}" for k in (n + 1, n - 1, n + 2, n + 3, n - 2) if k > 0]
    if answer in gaz.police_codes:
        return [c for c in gaz.police_codes if c != answer]  # "CSMT" among the other departments' codes
    if answer in gaz.conservation_partners:
        return [c for c in gaz.conservation_partners if c != answer]  # "WWF" among TRAFFIC, WCS, IUCN
    listed = [m.group(1) for name in gaz.orgs.get(head, ()) if (m := re.search(r"\(([^)]+)\)$", name))]
    if head == "Phái bộ":
        return listed
    missions = {m.group(1) for name in gaz.orgs.get("Phái bộ", ()) if (m := re.search(r"\(([^)]+)\)$", name))}
    agencies = [a for a in gaz.un_bodies if a not in missions]
    if answer in gaz.un_bodies:
        return listed + agencies
    # A partner that is no UN agency (a foreign police, a US bureau): other police bodies first.
    return listed + [a for a in gaz.law_partners if a != answer] + agencies


_CENTRAL = re.compile(r"(?i)(?<!\w)(?:Trung ương|quốc gia|Chính phủ|Tây Nguyên|Tây Bắc|Tây Nam Bộ)(?!\w)")


def _titles(answer: str, gaz: Gazetteer, seed: str) -> list[str]:
    out = []
    for family in TITLE_FAMILIES:
        for head in sorted(family, key=len, reverse=True):
            if answer.startswith(head + " ") or answer == head:
                rest = answer[len(head) :]
                out += [other + rest for other in family if other != head]
                break
    # The same post in another organisation of the same kind: "Phó Cục trưởng Cục X" -> "... Cục Y".
    for head in sorted(gaz.orgs, key=len, reverse=True):
        m = re.match(rf"(.*\s)({re.escape(head)} [{UPPER}][^,()]*?)(\s\([^)]*\))?$", answer)
        if m:
            own = sphere(m.group(2), gaz)  # the army's department among the army's, not the first six
            names = list(gaz.orgs[head])
            if _BARE_MISSION.fullmatch(m.group(2)):
                names = [f"Phái bộ {a.group(1)}" for n in names if (a := re.search(r"\(([A-Z]+)\)$", n))]
            # "Trưởng Ban Chỉ đạo PCCC và CNCH tỉnh": a province's committee, which a central one
            # ("Ban Chỉ đạo 389 quốc gia") stands beside as an option no one weighs (fresh66).
            local = re.search(r"(?<!\w)(?:tỉnh|thành phố|huyện|quận|xã|phường)(?!\w)", m.group(2))
            out += [
                m.group(1) + org
                for org in names
                if core_name(org) != core_name(m.group(2))
                and sphere(org, gaz) == own
                and not (local and _CENTRAL.search(org))
            ][:6]
            break
    m = re.match(r"(.*?\sCông an (tỉnh|thành phố|TP\.?) )(.+)$", answer)
    foreign = _foreign_provinces(m.group(3), gaz) if m else ()
    if m and foreign:
        # "Giám đốc Ty Công an tỉnh Kra Chê": the same post in the neighbour's other provinces, not
        # in Vietnam's (fresh55, both readers).
        out += [m.group(1) + p for p in _rank(seed, foreign)][:6]
    elif m:
        # The same post in another province (another city for a city's), in an order of the
        # answer's own: in alphabetical order every province's director was offered the same three.
        kinds = ("cities",) if m.group(2) != "tỉnh" else ("provinces", "former_provinces")
        places = {p for kind in kinds for p in gaz.places.get(kind, ())}
        places = {re.sub(r"^Thành phố ", "", p) for p in places} - {m.group(3)}
        out += [m.group(1) + p for p in _rank(seed, places)][:6]
    return out


def _country_pairs(answer: str, gaz: Gazetteer, seed: str) -> list[str]:
    used = {fold_for_match(c) for c in gaz.countries if c in answer}
    free = [c for c in _rank(seed, gaz.countries) if fold_for_match(c) not in used and c != "Việt Nam"]
    pairs = []
    for i in range(0, min(len(free) - 1, 8), 2):
        pairs.append(f"Chính phủ {free[i]} và Chính phủ {free[i + 1]}")
    return pairs


def _shift_range(answer: str) -> list[str]:
    """ "26 – 27/12" -> "23 – 24/12", ...: both days moved together, the form kept."""
    # "15-12-2025 đến 16-3-2026": a word or a long dash is the range's edge before a hyphen is.
    parts = re.split(r"(\s*(?:(?:đến|tới)(?:\s+hết)?|và|–)\s*)", answer, maxsplit=1)
    if len(parts) != 3:
        parts = re.split(r"(\s*-\s*)", answer, maxsplit=1)
    if len(parts) != 3:
        return []
    out = []
    # A day past its month's end ("27 – 29/2/2022") is an option no reader takes: the month and year
    # a part writes, or the range's last part's, bound it.
    last = re.search(r"\d{1,2}[/.\-](\d{1,2})(?:[/.\-](\d{4}))?", parts[2])
    for delta in (3, -4, 7, -9, 12):
        shifted = []
        for part in (parts[0], parts[2]):
            m = re.search(r"\d{1,2}", part)
            if not m:
                break
            day = int(m.group(0)) + delta
            own = re.match(r"[/.\-](\d{1,2})(?:[/.\-](\d{4}))?", part[m.end() :])
            month_year = own or last
            month = int(month_year.group(1)) if month_year else 0
            year = int(month_year.group(2)) if month_year and month_year.group(2) else 2023
            longest = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 31
            if not 1 <= day <= longest:
                break
            shifted.append(part[: m.start()] + str(day) + part[m.end() :])
        if len(shifted) == 2:
            out.append(shifted[0] + parts[1] + shifted[1])
    if len(out) < 3:
        out += _shift_dated_range(parts, last)
    return out


def _names_a_listed_province(text: str, gaz: Gazetteer, provinces: tuple[str, ...] | None = None) -> bool:
    """Whether ``text`` names one of ``provinces`` (Laos's when none are given), written with or
    without the spaces between its syllables ("Bô Ly Khăm Xay" is "Bôlykhămxay") or its marks
    ("Luông Pha Bang")."""
    listed = provinces if provinces is not None else gaz.places.get("lao_provinces", ())
    squeezed = _unmarked(_squeezed(text))
    return any(_unmarked(_squeezed(p)) in squeezed for p in listed)


_MARKED_LETTER = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300-\u0323]")


def _unmarked(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))


def _foreign_provinces(text: str, gaz: Gazetteer) -> tuple[str, ...]:
    """The other provinces of the neighbour whose province ``text`` names ("Công an tỉnh Kra Chê":
    Cambodia's), spelled as the named one is (Vietnamised or Latin); () for none."""
    for kind in ("lao_provinces", "cambodian_provinces"):
        listed = gaz.places.get(kind, ())
        named = [p for p in listed if _names_a_listed_province(text, gaz, (p,))]
        if named:
            # Cambodia's are listed twice, Vietnamised and Latin: the options take the answer's form.
            latin = kind == "cambodian_provinces" and not _MARKED_LETTER.search(named[0])
            marked = kind == "cambodian_provinces" and not latin
            return tuple(
                p
                for p in listed
                if not _names_a_listed_province(text, gaz, (p,))
                and not (latin and _MARKED_LETTER.search(p))
                and not (marked and not _MARKED_LETTER.search(p))
            )
    return ()


def _shift_dated_range(parts: list[str], last: re.Match[str] | None) -> list[str]:
    """ "31/10 đến 3/11" -> "27/10 đến 30/10": a range whose parts each write day and month moves
    by the calendar, across a month's end, in the parts' own form."""
    dated = [
        re.search(r"(\d{1,2})([/.\-])(\d{1,2})(?:([/.\-])(\d{4}))?", part) for part in (parts[0], parts[2])
    ]
    if not all(dated):
        return []
    fallback = int(last.group(2)) if last and last.group(2) else 2023
    try:
        days = [
            datetime.date(int(m.group(5) or fallback), int(m.group(3)), int(m.group(1))) for m in dated if m
        ]
    except ValueError:
        return []
    if days[1] < days[0]:
        days[0] = days[0].replace(year=days[0].year - 1)  # "28/12 đến 2/1": across the new year
    out = []
    for delta in (-4, 7, -9, 12):
        written = []
        for part, m, d in zip((parts[0], parts[2]), dated, days, strict=True):
            assert m is not None
            moved = d + datetime.timedelta(days=delta)
            day = f"{moved.day:02d}" if m.group(1).startswith("0") else str(moved.day)
            month = f"{moved.month:02d}" if m.group(3).startswith("0") else str(moved.month)
            year = f"{m.group(4)}{moved.year}" if m.group(5) else ""
            written.append(part[: m.start()] + f"{day}{m.group(2)}{month}{year}" + part[m.end() :])
        out.append(written[0] + parts[1] + written[1])
    return out


_HISTORICAL = {"hồ chí minh", "mao trạch đông", "võ nguyên giáp", "tôn đức thắng", "lê duẩn"}


def _place_or_history(name: str, gaz: Gazetteer) -> bool:
    key = fold_for_match(name)
    return key in _HISTORICAL or key in gaz.famous or is_place(name) or inside_a_place(name)


def _same_origin(name: str, kind: str, gaz: Gazetteer) -> bool:
    """A Vietnamese name for a Vietnamese answer (a family name first), a foreign one otherwise.
    A Chinese official's name ("Quách Thanh Côn") starts with a surname too: the gazetteer's lists
    of foreign officials tell it apart."""
    words = _without_rank(name, gaz).split()
    vietnamese = bool(words) and words[0] in gaz.surnames and not foreign_official(name, gaz)
    # "Kim Won Kyong" starts with a Vietnamese surname, but no Vietnamese syllable has f, j, w or z
    # (both fresh48 readers: the absurd option among Vietnamese officials).
    vietnamese = vietnamese and not re.search(r"[fjwzFJWZ]", " ".join(words))
    return vietnamese if kind == "vn" else not vietnamese


def foreign_official(name: str, gaz: Gazetteer) -> bool:
    key = loose_key(_without_rank(name, gaz))
    listed = (n for country, names in gaz.people.items() if country in gaz.countries for n in names)
    return any(loose_key(n) == key for n in listed)


_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Phan", "Đinh")
_MIDDLES = ("Văn", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Xuân", "Công", "Mạnh", "Trọng")
_GIVEN = (
    "Hùng", "Dũng", "Tuấn", "Hải", "Long", "Nam", "Sơn", "Thắng", "Bình", "Cường", "Thành", "Trung",
    "Hòa", "Phong", "Quang", "Khánh", "Tùng", "Hiếu", "Lâm", "Kiên",
)  # fmt: skip
_GIVEN_FEMALE = ("Hương", "Lan", "Mai", "Hà", "Thu", "Hằng", "Nga", "Thủy", "Huyền", "Trang", "Yến", "Loan")


def _invented_names(seed: str, answer: str, text: str, count: int = 12) -> list[str]:
    """Vietnamese names of the answer's make (a woman's with "Thị"), drawn by the seed: a pool no
    quiz runs through, where the gazetteer's fifteen officials came back in every question. None
    is a name the article or the famous list holds."""
    gaz = load_gazetteer()
    female = _female(answer)
    middles = ("Thị",) if female else _MIDDLES
    given = _GIVEN_FEMALE if female else _GIVEN
    said = fold_for_match(text)
    out: list[str] = []
    for i in range(count * 4):
        h = int(hashlib.sha1(f"{seed}\x1fname{i}".encode()).hexdigest(), 16)
        surname, middle = _SURNAMES[h % len(_SURNAMES)], middles[(h // 97) % len(middles)]
        name = f"{surname} {middle} {given[(h // 9973) % len(given)]}"
        key = fold_for_match(name)
        if key in said or key in gaz.famous or name in out:
            continue
        out.append(name)
        if len(out) == count:
            break
    return out


def _rank_prefix(answer: str, gaz: Gazetteer) -> str:
    for rank in sorted(gaz.all_ranks, key=len, reverse=True):
        if fold_for_match(answer).startswith(fold_for_match(rank) + " "):
            return answer[: len(rank)]
    return ""


def _without_rank(name: str, gaz: Gazetteer) -> str:
    rank = _rank_prefix(name, gaz)
    return name[len(rank) :].strip() if rank else name


def without_rank(name: str) -> str:
    """ "Đại úy Lê Thanh Nhàn" -> "Lê Thanh Nhàn"; a name without a rank as it is."""
    return _without_rank(name, load_gazetteer())


_NUMBERED_HOSPITAL = re.compile(r"Bệnh viện (?:Quân y |Trung ương Quân đội )?\d{2,3}[A-Z]?")


def candidates_for(
    fact: Fact, pool: DistractorPool, article_id: str, gaz: Gazetteer, stem: str = ""
) -> list[str]:
    shape = fact.shape
    seed = f"{article_id}|{fact.kind}|{fact.answer}"
    corpus = pool.others(shape, article_id)
    # The people of the article itself come first: the other officials at the same talks or course
    # are the options a trainer would set (the same few names from other articles in every quiz
    # were found absurd). Those in the fact's own sentence may have done the same thing.
    sentence = fold_for_match(fact.sentence.text)
    present = (
        [
            n
            for n in pool.own(shape, article_id)
            if fold_for_match(_without_rank(n, gaz)) not in sentence
            and fold_for_match(_without_rank(n, gaz)) != fold_for_match(_without_rank(fact.answer, gaz))
        ]
        if shape.startswith("person:")
        else []
    )
    if shape.startswith("person:") and shape.split(":")[1] in gaz.people and pool.is_private(fact.answer):
        # A Russian woman extradited is no minister: "Viktor Zolotov, Sergei Shoigu" beside her gave
        # her away. Other private persons of her country, or too few options and an open question.
        return [n for n in present + _rank(seed, corpus) if pool.is_private(n)]
    if shape.startswith("person:") and shape.split(":")[1] in gaz.people:
        # A person of a named country: that country's officials, from the corpus and the gazetteer.
        same = present + _rank(seed, corpus) + _rank(seed, gaz.people[shape.split(":")[1]])
        return [n for n in same if fold_for_match(_without_rank(n, gaz)) not in gaz.famous]
    if shape.startswith("person:"):
        # A victim's father among ministers, or a deputy prime minister among suspects, stands out:
        # private persons are options for private persons only, and the reverse.
        private = pool.is_private(fact.answer)
        present = [n for n in present if pool.is_private(n) == private]
        corpus = [n for n in corpus if pool.is_private(n) == private]
    if shape.startswith("person:"):
        kind = shape.split(":")[1]
        # Other articles' people in an order of this fact's own (not the same first three names in
        # every article), then the gazetteer's.
        # No invented foreigners: "Kenji Tanaka, Ahmed Hassan, Jean-Marie Laurent" beside an
        # Australian police chief gave him away (judges rejected 4 of the 5 such drafts and
        # accepted none); a foreigner of a country the gazetteer does not list gets the corpus's
        # real people, or too few options and no multiple-choice question.
        people = gaz.people.get("vietnamese", ()) if kind == "vn" else ()
        if pool.is_private(fact.answer):
            # The gazetteer's officials stand out beside a suspect; its ordinary names do not.
            people = gaz.people.get("ordinary", ())
        elif kind == "vn" and _female(fact.answer):
            # The officials listed are men, and a woman's name needs women's names beside it
            # (see choose_distractors): the ordinary women's names come after them.
            people = (*people, *(n for n in gaz.people.get("ordinary", ()) if _female(n)))
        words = fact.answer.split()
        if kind == "vn" and len(words) >= 2 and words[0] in _HIGHLAND_SURNAMES:
            # "Sùng Thị Chú" among "Vũ Thị Thu Hà, Trịnh Thị Mai": the only H'Mông name is the one
            # (both fresh48 readers). Highland names beside it, or the same given name under
            # other highland surnames.
            near = [n for n in present + _rank(seed, corpus) if n.split()[0] in _HIGHLAND_SURNAMES]
            rest = " ".join(words[1:])
            return near + [f"{x} {rest}" for x in _rank(seed, _HIGHLAND_SURNAMES) if x != words[0]]
        others = _rank(seed, corpus)
        invented = _invented_names(seed, fact.answer, fact.sentence.text) if kind == "vn" else []
        # One name from the other articles at most: the same few officials from the other articles
        # of a quiz were offered in every "who" question (fresh60: "Trần Quốc Tỏ" seven times).
        names = _rank(seed, present) + others[:1] + invented + others[1:] + _rank(seed, people)
        # A name that is also a place ("Hồ Chí Minh" of "Thành phố Hồ Chí Minh") or a historical
        # figure is no distractor for an official in the news.
        names = [n for n in names if not _place_or_history(_without_rank(n, gaz), gaz)]
        if kind in ("vn", "foreign"):
            # Not "Lê Văn Tuyến, Nguyễn Văn Sơn" beside a Cuban minister (fresh64, both readers: the
            # only foreign name), nor the reverse.
            names = [n for n in names if _same_origin(n, kind, gaz)]
        rank = _rank_prefix(fact.answer, gaz)
        if rank:
            # "Đại tá Vũ Văn Tấn": officers who carried a rank in their own article keep it (no
            # rank pasted onto a name that never had one), then invented names with this rank.
            group = {fold_for_match(r) for r in gaz.rank_group(rank)}
            ranked = [
                n
                for n in names
                if fold_for_match(_rank_prefix(n, gaz)) in group and _same_origin(n, kind, gaz)
            ]
            # A rank pasted onto a name that another article gives another rank would be false
            # ("Đại tá Trần Quốc Tỏ" beside "Thượng tướng Trần Quốc Tỏ").
            known = {fold_for_match(_without_rank(n, gaz)) for n in corpus if _rank_prefix(n, gaz)}
            general = "generals" in gaz.ranks and fold_for_match(rank) in {
                fold_for_match(r) for r in gaz.ranks["generals"]
            }
            hosts = people if general or kind != "vn" else (*gaz.people.get("ordinary", ()), *invented)
            pasted = [f"{rank} {n}" for n in _rank(seed, hosts) if fold_for_match(n) not in known]
            # The only "Thiếu tướng" among three "Thượng tướng" is the one to pick (both readers):
            # the first officer who carries the answer's own rank goes first, so another option
            # shares it; failing one, the first name given that rank.
            own = fold_for_match(rank)
            options = ranked + pasted
            peer = next((n for n in options if fold_for_match(_rank_prefix(n, gaz)) == own), None)
            return [peer, *(n for n in options if n != peer)] if peer else options
        return [n for n in names if not _rank_prefix(n, gaz) and _same_origin(n, kind, gaz)]
    if shape == "rank":
        # The ranks a step or two either side, across the star line ("Đại tá" among "Thiếu tướng",
        # "Thượng tá", "Trung tá", "Trung tướng"), three of them by the seed: the group alone gave
        # seven rank questions of one article the same four options (fresh57, reader 87).
        ladder = [r for g in ("generals", "field_officers", "junior_officers") for r in gaz.ranks.get(g, ())]
        at = next((i for i, r in enumerate(ladder) if fold_for_match(r) == fold_for_match(fact.answer)), None)
        if at is None:
            return [r for r in _rank(seed, gaz.rank_group(fact.answer))]
        near = [ladder[j] for j in range(at - 2, at + 3) if j != at and 0 <= j < len(ladder)]
        # Only the minister is a "Đại tướng": beside a director's rank it is an option no one weighs.
        further = [ladder[j] for j in (at - 3, at + 3) if 0 < j < len(ladder)]
        lower = fact.answer[:1].islower()
        # Each officer's own draw: the seed alone is the same for every "Đại tá" of an article.
        own = f"{seed}|{fact.sentence.text}|{fact.start}"
        return [r[:1].lower() + r[1:] if lower else r for r in _rank(own, near) + further]
    if shape.startswith("charge:"):
        # The same family's other offences, written in the case the text writes the answer.
        family = gaz.charges.get(shape.split(":", 1)[1], ())
        lower = fact.answer[:1].islower()
        # "Mua bán người" beside "Mua bán người dưới 16 tuổi", "Tàng trữ trái phép vũ khí quân dụng"
        # beside "Tàng trữ, sử dụng trái phép vũ khí quân dụng": one holds the other's words, both
        # may be right, and two such options read as one offence written twice.
        chosen: list[str] = []
        for name in _rank(seed, list(family)):
            if not any(_one_offence(name, other) for other in (fact.answer, *chosen)):
                chosen.append(name)
        return [n[:1].lower() + n[1:] if lower else n for n in chosen]
    if shape.startswith("award:"):
        nearest, others = award_options(fact.answer, shape.split(":", 1)[1], gaz)
        return nearest + _rank(seed, others)
    if shape == "title":
        # The same post's family in the same body, or the same post in a sibling body: another
        # article's posts ("Bộ trưởng Bộ Công an" for a provincial deputy chairman) were absurd
        # or also correct in round 1.
        return _titles(fact.answer, gaz, seed)
    if shape == "date_range:num":
        return _spread(seed, fact.answer, _shift_range(fact.answer), _first_day_key)
    if shape == "date_range":
        days = [int(d) for d in re.findall(r"ngày\s+(\d{1,2})", fact.answer)]
        out = []
        for delta in (2, -3, 5, 7):
            if all(1 <= d + delta <= 28 for d in days):
                pieces = re.split(r"(?<=ngày )(\d{1,2})", fact.answer)
                out.append("".join(str(int(p) + delta) if i % 2 else p for i, p in enumerate(pieces)))
        m = re.search(r"tháng\s+(\d{1,2})(?!.*tháng)", fact.answer)
        if m:
            month = int(m.group(1))
            out.append(fact.answer[: m.start(1)] + str(month % 12 + 1) + fact.answer[m.end(1) :])
        return out
    if shape.startswith("date"):
        return _spread(seed, fact.answer, _shift_date(fact.answer, seed), _date_key)
    if shape == "quarter":
        m = re.match(r"quý (IV|I{1,3}|[1-4])(?![IVX])(.*)$", fact.answer)
        if not m:
            return []
        romans = ["I", "II", "III", "IV"]
        names = romans if m.group(1) in romans else ["1", "2", "3", "4"]
        return [f"quý {q}{m.group(2)}" for q in names if q != m.group(1)]
    if shape in ("period", "year", "month"):
        if shape == "month":
            m = re.match(r"tháng (\d{1,2})(.*)$", fact.answer)
            if not m:
                return []
            k = int(m.group(1))
            dated = re.fullmatch(r"(\s*[/.\-]\s*|\s+năm\s+)(\d{4})", m.group(2))
            out = []
            for d in (1, 2, -1, 3, -2, -3):
                carry, month = divmod(k + d - 1, 12)
                if dated and carry > 0:
                    continue  # a year on: after the article
                # "tháng 12-2026" beside "tháng 1-2026" is the December before: the year goes back.
                tail = f"{dated.group(1)}{int(dated.group(2)) + carry}" if dated else m.group(2)
                out.append(f"tháng {month + 1}{tail}")
            return out
        term = shape == "period" and TERM_BEFORE.search(fact.sentence.text[: fact.start]) is not None
        return _spread(seed, fact.answer, _shift_years(fact.answer, term), _years_key)
    if shape.startswith("count"):
        return _spread(seed, fact.answer, _shift_number(fact.answer, _total_stated(stem)), number_of)
    if shape.startswith("programme:"):
        head = shape.split(":", 1)[1]
        numbered = _NUMBERED_DOCUMENT.fullmatch(fact.answer)
        if numbered:
            # "Nghị quyết 57-NQ/TW": documents of the same kind and form, by another number.
            return _shift_document(numbered, seed) + [c for c in corpus if _NUMBERED_DOCUMENT.fullmatch(c)]
        if ORDINAL.search(fact.answer):
            # "Chương trình Đại hội khỏe ... lần thứ IX": the same programme another time; a
            # national programme beside it gives the answer away.
            return _shift_event(fact.answer)
        listed = list(gaz.programmes.get(head, ()))
        with_period = bool(re.search(r"\d{4}", fact.answer))
        # A described document among numbered ones stands out: options of the same form only.
        corpus = [c for c in corpus if not _NUMBERED_DOCUMENT.fullmatch(c)]
        listed = [c for c in listed if not _NUMBERED_DOCUMENT.fullmatch(c) and not re.search(r"\bsố\s+\d", c)]
        ranked = corpus + _rank(seed, listed)
        return sorted(ranked, key=lambda c: bool(re.search(r"\d{4}", c)) != with_period)
    if shape.startswith("org:acronym"):  # before the generic org: rule below
        if fact.answer in gaz.police_codes:  # "CSMT": the codes of the same line of work first
            by_line = {gaz.police_codes[c]: c for c in _acronyms_like(fact.answer, "", gaz)}
            return [by_line[x] for x in _by_function(gaz.police_codes[fact.answer], list(by_line))]
        return corpus + _rank(seed, _acronyms_like(fact.answer, shape.split(":")[2], gaz))
    if shape.startswith("org:Chính phủ:pair"):
        return _country_pairs(fact.answer, gaz, seed)
    district = _other_districts(fact, gaz, seed)
    if district is not None:
        return district
    named = [p.split(":", 1)[1] for p in pool.own(NAMED_PLACE, article_id)]
    communes = _other_communes(fact, gaz, seed, named)
    if communes is not None:
        return communes
    police = re.fullmatch(r"(Công an )((?:xã|phường|thị trấn) .+)", fact.answer)
    if shape in ("org:Công an xã", "org:Công an phường", "org:Công an thị trấn") and police:
        # "Công an xã Điền Xá" among the police of the same district's other communes: another
        # article's commune police is as far off as a commune of another province.
        place = replace(fact, answer=police.group(2), shape="place:admin")
        communes = _other_communes(place, gaz, seed, named)
        if communes:
            return [police.group(1) + c for c in communes]
    local = re.fullmatch(r"(Công an )(quận|thành phố|TP\.?)( ?)(.+?)( \(.*\))?", fact.answer)
    if shape in ("org:Công an quận", "org:Công an TP", "org:Công an thành phố") and local:
        # "Công an TP Vinh" among other provinces' cities, "Công an TP.HCM" among the other
        # centrally-run cities, written as the answer is ("TP.Tây Ninh", "TP Vinh"); a bracket that
        # says where ("(TPHCM)") goes on every option.
        lead, level, gap, name = local.group(1), local.group(2), local.group(3), local.group(4)
        where = local.group(5) or ""
        if level == "quận":
            return corpus
        city_names = gaz.aliases_of(name) | gaz.aliases_of(f"{level}{gap}{name}")
        for cities in (gaz.local_units.get("provincial_cities", ()), gaz.places.get("cities", ())):
            spelled = {c: gaz.aliases_of(c) | gaz.aliases_of(_without_city_word(c)) for c in cities}
            if any(aliases & city_names for aliases in spelled.values()):
                return [
                    f"{lead}{level}{gap}{_without_city_word(c)}{where}"
                    for c in _rank(seed, cities)
                    if not spelled[c] & city_names
                ]
    if shape in ("org:Công an tỉnh", "org:Công an thành phố", "org:Công an"):
        # Another province's police: "Công an tỉnh Nghệ An" -> "Công an tỉnh Thanh Hóa"; a Lao
        # province's police among Lao provinces' ("Công an tỉnh Sê Kông" -> "Công an tỉnh Attapư").
        head = shape.split(":")[1]
        # "Công an Nghệ An": a province's or a city's police by its bare name, among both.
        kinds = {"Công an": ("provinces", "cities"), "Công an tỉnh": ("provinces",)}.get(head, ("cities",))
        places = tuple(p for kind in kinds for p in gaz.places.get(kind, ()))
        foreign = _foreign_provinces(fact.answer, gaz)
        if foreign:
            others = _rank(seed, foreign)
            if " và " in fact.answer:
                # "Công an tỉnh Xiêng Khoảng và Bô Ly Khăm Xay": two provinces' police, offered in pairs.
                return [f"{head} {a} và {b}" for a, b in zip(others[0::2], others[1::2], strict=False)]
            return [f"{head} {p}" for p in others]
        # The provinces the article itself names come first: a contest's prize among the teams that
        # competed, not among provinces that were not there (both readers struck those).
        levels = {"Công an": ("city:", "province:"), "Công an tỉnh": ("province:",)}.get(head, ("city:",))
        named = [p.split(":", 1)[1] for p in pool.own(NAMED_PLACE, article_id) if p.startswith(levels)]
        named = [p for p in named if not word_re(fold_for_match(p)).search(fold_for_match(fact.answer))]
        own = re.sub(r"^Công an\s+(?:tỉnh|thành phố|TP\.?)?\s*|\s*\(.*$", "", fact.answer)
        near = _near_first(seed, own, places, gaz)
        if near:
            # Then its neighbours, written as "Công an thành phố Hồ Chí Minh" is: not the other
            # articles' provinces, from the far end of the country.
            return [f"{head} {p}" for p in _rank(seed, named)] + [
                f"{head} {_without_city_word(p)}" for p in near
            ]
        # "Thành phố Hồ Chí Minh" is listed whole; its police is "Công an thành phố Hồ Chí Minh".
        bare = [_without_city_word(p) for p in places]
        return (
            [f"{head} {p}" for p in _rank(seed, named)] + corpus + [f"{head} {p}" for p in _rank(seed, bare)]
        )
    if shape.startswith("org:") and _BARE_MISSION.fullmatch(fact.answer):
        # "Phái bộ UNISFA": the other missions by their acronyms, the answer's own form.
        listed = [m.group(1) for n in gaz.orgs.get("Phái bộ", ()) if (m := re.search(r"\(([A-Z]+)\)$", n))]
        return corpus + [f"Phái bộ {a}" for a in _rank(seed, listed)]
    if shape.startswith("org:"):
        head = shape.split(":")[1]
        # "Cục Công an huyện Phú Ninh" (a county's bureau across the border) among the ministry's
        # departments, or the reverse: the one body tied to a place stands out (both fresh48 readers).
        placed = _PLACED_BODY.search(fact.answer) is not None
        if head in _NATIONAL_HEADS:
            corpus = [c for c in corpus if (_PLACED_BODY.search(c) is not None) == placed]
        abroad = _FOREIGN_MINISTRY.match(fact.answer) if head == "Bộ" else None
        if abroad and any(
            fold_for_match(abroad.group("country")).endswith(fold_for_match(c)) for c in gaz.countries
        ):
            # "Bộ Nội vụ Cộng hòa Cuba" among "Bộ Ngoại giao, Bộ Tài chính": the one foreign ministry
            # (fresh64, both readers). That country's other ministries, in the answer's form.
            own = fold_for_match(abroad.group("ministry"))
            others = [m for m in _MINISTRY_KINDS if fold_for_match(m) != own]
            return [f"{m} {abroad.group('country')}" for m in _rank(seed, others)]
        siblings = _siblings(fact.answer, head, gaz, seed, stem)
        if siblings:
            return siblings + corpus
        if _CODE_NAME.search(re.sub(r"\([^()]*\)", "", fact.answer)):
            return [c for c in corpus if _CODE_NAME.search(c)]
        names = list(gaz.orgs.get(head, ()))
        if not names:
            # "Đồn biên phòng Tuyên Bình": the listed "Đồn Biên phòng ..." written the answer's way.
            listed = [n for k, v in gaz.orgs.items() if k.casefold() == head.casefold() for n in v]
            names = [head + n[len(head) :] for n in listed]
        if head.casefold() == "đồn biên phòng":
            # "Đồn Biên phòng Tuyên Bình" among three "Đồn Biên phòng Cửa khẩu quốc tế ...": its form
            # alone marks it.
            gate = "cửa khẩu" in fact.answer.casefold()
            names = [n for n in names if ("cửa khẩu" in n.casefold()) == gate]
        if fact.kind == "brand":
            names = [re.sub(r"\s*\([^)]*\)$", "", n) for n in names]
            if head not in ("Cục", "Bộ", "Tổng cục", "Vụ", "Học viện", "Trường"):  # Vietnamese bodies
                names += [
                    v
                    for v in gaz.un_bodies.values()
                    if v.split()[0] == head or head in ("Cơ quan", "Tổ chức", "Quỹ")
                ]
        if head in _NATIONAL_HEADS:
            names = [n for n in names if (_PLACED_BODY.search(n) is not None) == placed]
        return corpus + _by_function(fact.answer, _rank(seed, names))
    if shape.startswith("place:venue:"):
        head = shape.split(":")[2]
        # "Phủ Chủ tịch" is one of a kind: its likes are the other seats of state where leaders receive.
        heads = _STATE_SEATS if head == "phủ" else (head,)
        # An academy or a college is a venue by what it is, a body by name: the bodies' lists serve.
        bodies = [o for names in gaz.orgs.values() for o in names]
        listed = [*gaz.venues, *bodies] if head in ("học viện", "trường", "bệnh viện") else list(gaz.venues)
        like = corpus + _rank(
            seed, [v for v in listed if fold_for_match(v).startswith(tuple(h + " " for h in heads))]
        )
        if head == "trường" and re.match(r"(?i)trường (?:mầm non|tiểu học|trung học|thcs|thpt)", fact.answer):
            # A primary school among police colleges gives itself away: schools of its own level only.
            level = fold_for_match(" ".join(fact.answer.split()[:2]))
            like = [v for v in like if fold_for_match(v).startswith(level)]
        # "thủ đô Vientiane" among "Thủ đô Bangkok": the options follow the answer's own case.
        first = fact.answer[:1]
        return [(first + v[1:]) if v[:1].casefold() == first.casefold() else v for v in like]
    if shape.startswith("place:admin"):
        # "tỉnh Gia Lai" among provinces, "phường Tân Thuận" among wards: one level, one country.
        level = fact.answer.split()[0].casefold()
        own = sphere(fact.answer, gaz)
        same = [c for c in corpus if c.split()[0].casefold() == level and sphere(c, gaz) == own]
        if level == "tỉnh" and own == "local":
            provinces = gaz.places.get("provinces", ())
            near = _near_first(seed, fact.answer, provinces, gaz)
            if near:
                return [f"{fact.answer.split()[0]} {p}" for p in near]  # neighbours, not the corpus's
            same += [f"tỉnh {p}" for p in _rank(seed, provinces)]
        if level in ("tp.", "tp", "thành phố") and own == "local":
            # "TP. Huế" among the other cities, written the answer's way ("TP. Đà Nẵng").
            lead = fact.answer.split()[0]
            big = [_without_city_word(p) for p in gaz.places.get("cities", ())]
            provincial = _rank(seed, gaz.local_units.get("provincial_cities", ()))
            same += [f"{lead} {c}" for c in [*_rank(seed, big), *provincial]]
        return same
    if shape == "place:countries":
        # "sang Campuchia" among Vietnam's neighbours, "sang Nam Sudan" among peacekeeping countries:
        # a country from the other side of the world is no option.
        region = next((r for r in _REGIONS if fold_for_match(fact.answer) in r), None)
        if (
            region
            and fold_for_match(fact.answer) in _MAINLAND
            and re.search(
                r"(?i)biên giới|vượt biên|ma túy|heroin|buôn lậu|pháo|nhập lậu|trái phép|mua bán người|"
                r"lừa bán|xuất cảnh|nhập cảnh|vận chuyển",
                stem,
            )
        ):  # fireworks from China, women sold across the border: the land neighbours (fresh51-54)
            # "vượt biên giới sang nước nào?": across a land border, not to Singapore or Indonesia
            # (both fresh45 readers); nor is Singapore a drug route from Laos (both fresh47 readers).
            region = _MAINLAND
        if region:
            near = [c for c in gaz.countries if fold_for_match(c) in region]
            return _rank(seed, near) + [c for c in corpus if fold_for_match(c) in region]
        return corpus + _rank(seed, gaz.countries)
    if shape.startswith("place:"):
        kind = shape.split(":")[1]
        return corpus + _rank(seed, gaz.places.get(kind, ()) if kind != "countries" else gaz.countries)
    if shape.startswith("unit:"):
        out = []
        # "Đội Công binh số 4 Việt Nam": the country after the number stays with it.
        m = re.search(r"số (\d+)(?=\s+Việt Nam$|$)", fact.answer)
        if m:
            n = int(m.group(1))
            ks = (n + 1, n - 1, n + 2, n + 3) if n > 1 else (n + 1, n + 2, n + 3)
            out += [fact.answer[: m.start(1)] + str(k) + fact.answer[m.end(1) :] for k in ks]
        in_a_row = _numbered_unit(fact.answer)
        if in_a_row:
            return in_a_row + corpus
        head = shape.split(":")[1]
        lines = _other_lines(fact.answer, gaz, seed)
        if lines:
            return lines + corpus  # a team by its line of work: the other lines, not other bodies
        peers: tuple[str, ...] = gaz.orgs.get(head, ())
        if head == "Bệnh viện" and not _NUMBERED_HOSPITAL.fullmatch(fact.answer):
            # Only a hospital named by its number has the army's and the police's others as its
            # peers; "Bệnh viện Abyei", or a phrase the rules took for a name, has none.
            peers = ()
        return corpus + out + _rank(seed, peers)
    if shape.startswith("event:"):
        return _shift_event(fact.answer)
    if shape == "topic":
        return corpus + _rank(seed, gaz.topics)
    if shape == "phrase:role" and fact.answer.startswith("cơ quan "):
        return corpus + _rank(seed, gaz.roles)
    # Free phrases (a role, a form): another article's phrase is no plausible option here,
    # so these become cloze or short-answer questions instead.
    return []


# Vietnam's neighbours and theirs on the mainland: the countries a land border leads to.
_MAINLAND = frozenset(fold_for_match(c) for c in ("Trung Quốc", "Lào", "Campuchia", "Thái Lan", "Myanmar"))

# Countries an option may be drawn from for each other: neighbours, peacekeeping hosts, partners.
_REGIONS = tuple(
    frozenset(fold_for_match(c) for c in group)
    for group in (
        (
            "Trung Quốc",
            "Lào",
            "Campuchia",
            "Thái Lan",
            "Myanmar",
            "Malaysia",
            "Singapore",
            "Indonesia",
            "Philippines",
        ),
        ("Nam Sudan", "Cộng hòa Trung Phi", "Mali", "Kenya", "Uganda", "Sudan", "Ethiopia", "Somalia"),
        # Where ivory and rhino horn are flown from, and the Gulf states that flights come through.
        ("Angola", "Nigeria", "Mozambique", "Nam Phi", "Tanzania", "Kenya", "Uganda"),
        ("Qatar", "Ả Rập Xê Út", "Thổ Nhĩ Kỳ", "Các Tiểu vương quốc Ả Rập Thống nhất"),
        (
            "Hoa Kỳ",
            "Vương quốc Anh",
            "Canada",
            "Australia",
            "Pháp",
            "Đức",
            "Hà Lan",
            "Nga",
            "Nhật Bản",
            "Hàn Quốc",
        ),
    )
)
# Surnames of the northern highlands (H'Mông, Dao, Thái), none of them a common Kinh surname.
_HIGHLAND_SURNAMES = (
    "Sùng", "Giàng", "Vàng", "Thào", "Mùa", "Hờ", "Lầu", "Tẩn", "Chảo", "Lò", "Cầm", "Quàng", "Vừ",
    "Hạng", "Sình", "Lù", "Phàn", "Chẻo",
)  # fmt: skip
# Heads of a ministry's own units in Vietnam; one named after a county is another country's.
_NATIONAL_HEADS = frozenset({"Cục", "Tổng cục", "Vụ"})
# A body named after the place it serves: "Cục Công an huyện Phú Ninh", "Phòng CSGT Công an tỉnh X".
_PLACED_BODY = re.compile(rf"(?<!\w)(?:tỉnh|huyện|quận|thị xã|thành phố|TP\.?|xã|phường)\s+[{UPPER}]")
_CODE_NAME = re.compile(r"\bP[A-Z]\s?\d{2}\b")  # "Phòng PC 45": a department named by its code
# What a unit's name may carry after its own: its parent police or ministry, kept on every option.
_PARENT = re.compile(
    r"(?P<sep>\s*[,–-]?\s+|\s+\()(?P<parent>(?:Công an|CA)\s+(?:tỉnh|thành phố|TP\.?)(?:\s+[^\s,()]+)*|"
    r"Bộ Công an|Bộ Quốc phòng)\)?$"
)


def _siblings(answer: str, head: str, gaz: Gazetteer, seed: str, stem: str = "") -> list[str]:
    """Other units of the same kind in the same setting: "Phòng Cảnh sát hình sự Công an tỉnh Đắk Lắk"
    -> the same province's other departments (or, when the stem names that department of another
    province, the same department of other provinces); "Ban An toàn Giao thông TP HCM" -> another
    city's; "Bộ Tư lệnh Vùng Cảnh sát biển 2" -> regions 1, 3 and 4."""
    number = re.search(r"(?:\bsố|\bVùng\b.*|[Kk]hu vực)\s+(\d{1,2})$", answer)  # not "Ban Chỉ đạo 138"
    if number:
        n = int(number.group(1))
        return [answer[: number.start(1)] + str(k) for k in (n + 1, n + 2, n - 1, n + 3) if k > 0]
    numbered = _numbered_unit(answer)
    if numbered:
        return numbered
    if re.search(r"\([^()]*\)$", answer) and not _PARENT.search(answer):
        return []  # "Phòng Cảnh sát hình sự (PC02)": the code would need its own table
    parent = _PARENT.search(answer)
    own = answer[: parent.start()] if parent else answer
    if _CODE_NAME.search(re.sub(r"\([^()]*\)", "", own)):
        return []  # "Phòng PC 45": a department by its code is offered among coded ones only
    if parent:
        suffix = answer[parent.start() :]
        if stem and fold_for_match(own) in fold_for_match(stem):
            return _elsewhere(own, suffix, gaz, seed, stem)
        if re.match(r"Cơ quan (?:CSĐT|ANĐT|Cảnh sát điều tra|An ninh điều tra)\b", own):
            # Every provincial police has one: the same body of other provinces (the table's
            # "Cơ quan" are UN and aid agencies, no peers for a police's investigators).
            return _elsewhere(own, suffix, gaz, seed, stem)
        listed = [n for n in gaz.orgs.get(head, ()) if not _same_name(own, n)]
        return [n + suffix for n in _by_function(own, _rank(seed, listed))]
    if any(_same_name(own, n) for n in gaz.orgs.get(head, ())):
        others = _by_function(own, [n for n in _rank(seed, gaz.orgs[head]) if not _same_name(own, n)])
        return _in_codes(own, others, gaz)
    return _other_city(own, gaz, seed) or _other_lines(own, gaz, seed)


def _in_codes(own: str, names: list[str], gaz: Gazetteer) -> list[str]:
    """ "Phòng CSHS" is set among "Phòng CSKT", "Phòng ANĐT": the only code among spelled-out names
    stood out (a reader), so a unit written by its police code gets the others' codes."""
    words = own.split()
    if len(words) != 2 or words[1] not in gaz.police_codes:
        return names
    by_line = {fold_for_match(line): code for code, line in gaz.police_codes.items()}
    coded = (by_line.get(fold_for_match(n[len(words[0]) :].strip())) for n in names)
    return [f"{words[0]} {c}" for c in coded if c and c != words[1]]


# Units named by a number after their kind ("Tiểu đoàn 38", "Đội 3 Cục CSGT"); not "Ban Chỉ đạo
# 138" nor "Bệnh viện Quân y 175", whose numbers are names, not places in a row.
_NUMBERED_UNIT = re.compile(
    r"^(?:Tiểu đoàn|Trung đoàn|Lữ đoàn|Sư đoàn|Quân đoàn|Đại đội|Đội|Tổ)\s+(\d{1,3})(?!\S)"
)


# A district, or its police, as news writes them: "Công an huyện Thạnh Hóa (Long An)", "huyện Thạch
# An, tỉnh Cao Bằng", "Công an TX.Hương Thủy", "H.Tân Hiệp".
_DISTRICT = re.compile(
    r"(?P<lead>Công an\s+)?(?P<level>quận|huyện|thị xã|Quận|Huyện|Thị xã|Q\.|H\.|TX\.)\s?"
    rf"(?P<name>[{UPPER}0-9][^\s,()]*(?:\s[{UPPER}][^\s,()]*){{0,3}})"
    r"(?P<where>\s*\((?P<bracket>[^()]+)\)|,\s*(?:tỉnh|thành phố|TP\.?)\s*(?P<tail>.+))?"
)
_LEVELS = {"quận": "quận", "huyện": "huyện", "thị xã": "thị xã", "q.": "quận", "h.": "huyện", "tx.": "thị xã"}
_WRITTEN = {
    False: {"quận": "quận", "huyện": "huyện", "thị xã": "thị xã"},
    True: {"quận": "Q.", "huyện": "H.", "thị xã": "TX."},
}


def _district_province(name: str, level: str, named: str, text: str, gaz: Gazetteer) -> str | None:
    """The province of district ``name``: the one the answer names, else the only one that has such
    a district, else the one of those the sentence names."""
    provinces = gaz.provinces_of_district(name, level)
    if named:
        # "(TPHCM)", "(Long An)", ", tỉnh Sơn La": the province's name or an alias of it.
        keys = gaz.aliases_of(named.strip()) | gaz.aliases_of(
            re.sub(r"^(?:tỉnh|TP\.?)\s*", "", named.strip())
        )
        return next(
            (p for p in provinces if {fold_for_match(p), *gaz.aliases_of(f"Thành phố {p}")} & keys), None
        )
    if len(provinces) == 1:
        return provinces[0]
    said = [p for p in provinces if word_re(fold_for_match(p)).search(fold_for_match(text))]
    return said[0] if len(said) == 1 else None


def _other_districts(fact: Fact, gaz: Gazetteer, seed: str) -> list[str] | None:
    """The same province's other districts for a district or its police, written as the answer is
    ("Công an huyện Thạnh Hóa (Long An)" -> "Công an huyện Tân Thạnh (Long An)"); None when the
    answer is no district the gazetteer knows."""
    if not (fact.shape.startswith("org:Công an") or fact.shape.startswith("place:admin")):
        return None
    m = _DISTRICT.fullmatch(fact.answer)
    if not m or bool(m.group("lead")) != fact.shape.startswith("org:"):
        return None
    written = m.group("level")
    level = _LEVELS[written.casefold()]
    named = m.group("bracket") or m.group("tail") or ""
    province = _district_province(m.group("name"), level, named, fact.sentence.text, gaz)
    if province is None:
        return None
    levels = gaz.districts[province]
    own = fold_for_match(m.group("name"))
    # The answer's own level first; then the province's other rural levels, so that a town
    # ("thị xã") among the province's one or two towns still gets options.
    order = [level, *(x for x in ("huyện", "thị xã") if x != level)] if level != "quận" else ["quận"]
    short = written.endswith(".")
    capital = written[:1].isupper()
    gap = fact.answer[m.end("level") : m.start("name")]  # "TX.Hương Thủy" or "TX. Hương Thủy"
    out: list[str] = []
    for lv in order:
        word = _WRITTEN[short][lv]
        word = word[:1].upper() + word[1:] if capital else word
        for listed in _rank(seed, levels.get(lv, ())):
            # "Kỳ Anh (Huyện)" beside "Kỳ Anh (Thị xã)": the list's own mark, never printed (fresh69).
            name = re.sub(r"\s*\((?:Huyện|Thị xã|Thành phố|Quận)\)$", "", listed)
            if fold_for_match(name) != own:
                out.append(f"{m.group('lead') or ''}{word}{gap}{name}{m.group('where') or ''}")
    return out


# A commune, ward or township as news writes it, and the level it is of.
_COMMUNE = re.compile(
    r"(?P<level>xã|phường|thị trấn|Xã|Phường|Thị trấn|P\.|X\.|TT\.)\s?"
    rf"(?P<name>[{UPPER}0-9][^\s,()]*(?:\s[{UPPER}][^\s,()]*){{0,3}})"
)
_COMMUNE_LEVELS = {
    "xã": "xã",
    "x.": "xã",
    "phường": "phường",
    "p.": "phường",
    "thị trấn": "thị trấn",
    "tt.": "thị trấn",
}
# What an address may hold below a commune ("bản Căng Tỵ", "ấp 2", "tổ 3"): kept on every option.
_BELOW_COMMUNE = re.compile(r"(?i)(?:bản|ấp|thôn|xóm|tổ|khu phố|khu|số nhà|căn nhà|đường|làng|buôn|khóm)\s")
_ABOVE_COMMUNE = re.compile(r"(?i)^(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|q\.|h\.|tx\.)\s*")
_ADDRESS_SEP = re.compile(r",\s*|\s+[-–]\s+")


def _province_named(text: str, provinces: Iterable[str], gaz: Gazetteer) -> list[str]:
    """Of ``provinces`` (the lists' short names: "Hồ Chí Minh", "Cao Bằng"), those ``text`` is, by
    name or by an alias ("TPHCM", "TP. Hồ Chí Minh")."""
    bare = _ABOVE_COMMUNE.sub("", text.strip())
    keys = gaz.aliases_of(text.strip()) | gaz.aliases_of(bare) | gaz.aliases_of(f"Thành phố {bare}")
    return [
        p
        for p in provinces
        if {fold_for_match(p), *gaz.aliases_of(f"Thành phố {p}"), *gaz.aliases_of(f"tỉnh {p}")} & keys
    ]


def _other_communes(fact: Fact, gaz: Gazetteer, seed: str, named: Iterable[str]) -> list[str] | None:
    """The same district's (or, after the 2025 reform, the same province's) other communes for an
    address ("bản Căng Tỵ, xã Chiềng Khừa, huyện Mộc Châu, tỉnh Sơn La" -> "..., xã Tân Yên, ..."),
    written as the answer is; None when the answer holds no commune the lists place for certain.
    ``named``: the provinces and cities the article names, which place a commune the answer names
    alone ("xã Mỹ Quý" in an article on Tây Ninh)."""
    if not fact.shape.startswith("place:admin"):
        return None
    answer = fact.answer
    starts = [0, *(m.end() for m in _ADDRESS_SEP.finditer(answer))]
    ends = [*(m.start() for m in _ADDRESS_SEP.finditer(answer)), len(answer)]
    pieces = list(zip(starts, ends, strict=True))
    found = next(
        (
            (k, m)
            for k, (a, b) in enumerate(pieces)
            if (m := _COMMUNE.fullmatch(answer, a, b))
            and all(_BELOW_COMMUNE.match(answer, x) for x, _ in pieces[:k])
        ),
        None,
    )
    if found is None:
        return None
    k, commune = found
    level = _COMMUNE_LEVELS[commune.group("level").casefold()]
    name = fold_for_match(commune.group("name"))
    lists = load_communes()
    above = [answer[a:b] for a, b in pieces[k + 1 :]]
    province = next((p for piece in above for p in _province_named(piece, lists.legacy, gaz)), None)
    district = next(
        (
            fold_for_match(_ABOVE_COMMUNE.sub("", piece))
            for piece in above
            if not _province_named(piece, lists.legacy, gaz)
            and not _province_named(piece, lists.current, gaz)
        ),
        None,
    )
    if len(above) > 2 or (above and province is None and district is None):
        return None  # more than a district and a province: not an address the rules can read

    def has(names: Iterable[str]) -> bool:
        return any(fold_for_match(n) == name for n in names)

    places: list[tuple[str, str | None]] = []  # (province, district or None for today's lists)
    for p, districts in lists.legacy.items():
        if province not in (None, p):
            continue
        for d, levels in districts.items():
            if (district is None or fold_for_match(d) == district) and has(levels.get(level, ())):
                places.append((p, d))
    if district is None:
        today = _province_named(province, lists.current, gaz) if province else list(lists.current)
        places += [(p, None) for p in today if has(lists.current[p].get(level, ()))]
    if len({p for p, _ in places}) > 1 and not above:
        # "xã Mỹ Quý" alone: the province the article names, if it names one of them.
        said = {p for p, _ in places if any(_province_named(n, [p], gaz) for n in named)}
        places = [x for x in places if x[0] in said]
    if not places:
        return None
    if any(d is None for _, d in places):
        places = [x for x in places if x[1] is None]  # today's commune: today's province is its list
    if len(places) != 1:
        return None  # "xã Tân Hòa" of several districts: no list is surely its own
    home, parent = places[0]
    siblings = lists.current[home][level] if parent is None else lists.legacy[home][parent][level]
    sentence = fold_for_match(fact.sentence.text)
    head, tail = answer[: commune.start("name")], answer[commune.end("name") :]
    return [
        f"{head}{n}{tail}"
        for n in _rank(seed, siblings)
        if fold_for_match(n) != name and not word_re(fold_for_match(n)).search(sentence)
    ]


def _numbered_unit(answer: str) -> list[str]:
    """The same kind of unit by the next numbers: "Đội 3 Cục CSGT" -> "Đội 4 Cục CSGT"."""
    m = _NUMBERED_UNIT.match(answer)
    if not m or answer[m.end() :].strip()[:1].islower():
        return []  # "Đội 3 làm nhiệm vụ": a clause ran into the name
    n = int(m.group(1))
    return [answer[: m.start(1)] + str(k) + answer[m.end(1) :] for k in (n + 1, n + 2, n - 1, n + 3) if k > 0]


def _other_lines(own: str, gaz: Gazetteer, seed: str) -> list[str]:
    """ "Đội Cảnh sát Hình sự" -> "Đội Cảnh sát kinh tế", "Đội An ninh điều tra": a team or a
    department named by its line of work, among the same level's other lines (the police codes'
    table), written in the answer's case."""
    m = re.fullmatch(r"(Đội|Phòng|Cục)\s+(.+)", own)
    if not m:
        return []
    lines = list(gaz.police_codes.values())
    mine = next((x for x in lines if fold_for_match(x) == fold_for_match(m.group(2))), None)
    if mine is None:
        return []
    titled = all(w[:1].isupper() for w in m.group(2).split())

    def written(line: str) -> str:
        return " ".join(w[:1].upper() + w[1:] for w in line.split()) if titled else line

    others = [f"{m.group(1)} {written(x)}" for x in _rank(seed, [x for x in lines if x != mine])]
    return _by_function(own, others)


# What a police department does, by the words of its name: options of the same line of work come
# first ("Phòng Hậu cần" is no plausible unit to detain a suspect; "Cục Đối ngoại" hosts a UN course).
_FUNCTIONS = (
    # Ministries of the state's security and its order abroad: "Bộ Quốc phòng" is not set beside
    # "Bộ Giáo dục và Đào tạo" (a judge: too easy, options from outside defence and security).
    re.compile(r"^Bộ (?:Công an|Quốc phòng|Ngoại giao|Nội vụ|Tư pháp)$"),
    re.compile(r"(?i)hình sự|ma túy|kinh tế|điều tra|an ninh|tham nhũng|công nghệ cao"),
    re.compile(r"(?i)giao thông|phòng cháy|cơ động|hành chính|cảnh vệ|biên phòng"),
    re.compile(r"(?i)đối ngoại|hợp tác quốc tế|gìn giữ hòa bình|xuất nhập cảnh"),
    re.compile(r"(?i)tham mưu|hậu cần|công tác đảng|tổ chức cán bộ|đào tạo|kỹ thuật|hồ sơ|truyền thông"),
)


def _by_function(own: str, names: list[str]) -> list[str]:
    codes = load_gazetteer().police_codes
    own = re.sub(r"\w+", lambda m: codes.get(m.group(0), m.group(0)), own)  # "Phòng CSMT": ma túy
    kind = next((i for i, f in enumerate(_FUNCTIONS) if f.search(own)), None)
    if kind is None:
        return names
    same = [n for n in names if next((i for i, f in enumerate(_FUNCTIONS) if f.search(n)), None) == kind]
    return same + [n for n in names if n not in same]


NAMED_PLACE = "named-place"  # the pool's shape for the provinces and cities an article names


def named_places(text: str, gaz: Gazetteer) -> list[str]:
    """ "province:Nghệ An", "city:Đà Nẵng": the provinces and cities ``text`` names, as pool entries."""
    found = []
    for level, kinds in (("province", ("provinces", "former_provinces")), ("city", ("cities",))):
        for place in (p for kind in kinds for p in gaz.places.get(kind, ())):
            name = _without_city_word(place)
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                found.append(f"{level}:{name}")
    return found


# How many of a province's nearest others the options are drawn from, in an order of the answer's
# own: the nearest three every time would print the same trio beside each of its questions.
_NEAR = 5


def _near_first(seed: str, place: str, candidates: tuple[str, ...], gaz: Gazetteer) -> list[str]:
    """``candidates`` other than ``place``, its nearest few first in a seeded order, then the rest
    nearest first; [] when the gazetteer cannot place them. A former province ("Hậu Giang", merged
    in 2025) is from an older article: the former provinces near it may be offered too."""
    if any(fold_for_match(place) == fold_for_match(p) for p in gaz.places.get("former_provinces", ())):
        candidates = (*candidates, *gaz.places.get("former_provinces", ()))
    own = {bare_place(a) for a in gaz.aliases_of(place)} | {bare_place(place)}
    ranked = [c for c in gaz.by_nearness(place, candidates) if bare_place(c) not in own]
    return _rank(seed, ranked[:_NEAR]) + ranked[_NEAR:]


def _without_city_word(place: str) -> str:
    """ "Thành phố Hồ Chí Minh" is listed whole; after "Công an thành phố" or "TP" it is "Hồ Chí Minh"."""
    return re.sub(r"^(?:[Tt]hành phố|TP\.?)\s+", "", place)


def _elsewhere(own: str, suffix: str, gaz: Gazetteer, seed: str, stem: str) -> list[str]:
    """ "Phòng Cảnh sát hình sự" + " Công an tỉnh Đắk Lắk" -> the same department of other provinces."""
    m = re.match(r"(?P<pre>.*(?:tỉnh|thành phố|TP\.?)\s+)(?P<place>.+?)(?P<close>\)?)$", suffix)
    if not m:
        return []
    places = gaz.places.get("provinces" if "tỉnh" in m.group("pre") else "cities", ())
    taken = fold_for_match(f"{m.group('place')} {stem}")
    ordered = _near_first(seed, m.group("place"), places, gaz) or _rank(seed, places)
    return [
        own + m.group("pre") + _without_city_word(p) + m.group("close")
        for p in ordered
        if fold_for_match(p) not in taken
    ]


def _other_city(own: str, gaz: Gazetteer, seed: str) -> list[str]:
    """ "Ban An toàn Giao thông TP HCM" -> the same body of another city ("... TP Đà Nẵng")."""
    words = own.split()
    k = next((k for k in range(min(4, len(words) - 1), 0, -1) if is_place_name(" ".join(words[-k:]), gaz)), 0)
    if not k:
        return []
    written = " ".join(words[-k:])
    lead = re.match(r"(?:[Tt]hành phố|TP\.?)\s*", written)
    before = " ".join(words[:-k]) + " " + (lead.group(0).strip() + " " if lead else "")
    place = written[lead.end() :] if lead else written
    cities = {fold_for_match(c) for c in gaz.places.get("cities", ())}
    mine = gaz.aliases_of(written) | gaz.aliases_of(place) | {fold_for_match(place)}
    kind = "cities" if mine & cities else "provinces"
    if kind == "provinces" and re.search(r"(?:thành phố|TP)\s$", before):
        return []  # "Công an TP Thủ Đức": a city that is no province
    bare = [_without_city_word(p) for p in gaz.places.get(kind, ())]

    def names(p: str) -> frozenset[str]:
        return gaz.aliases_of(p) | gaz.aliases_of(f"Thành phố {p}") | {fold_for_match(p)}

    guarded = _GUARDS_A_BORDER.search(own) is not None
    # Its neighbours first ("Viện KSND tỉnh Đắk Lắk" among the Central Highlands'), as for a police.
    ordered = [_without_city_word(p) for p in _near_first(seed, place, tuple(bare), gaz)] or _rank(seed, bare)
    return [
        before + p for p in ordered if not names(p) & mine and not (guarded and fold_for_match(p) in _INLAND)
    ]


# Border guards and the coast guard serve provinces on a border or the sea: "Bộ đội Biên phòng tỉnh
# Bắc Ninh" was struck as impossible. The provinces (since July 2025) with neither.
_GUARDS_A_BORDER = re.compile(r"(?i)biên phòng|BĐBP|cảnh sát biển")
_INLAND = frozenset(fold_for_match(p) for p in ("Bắc Ninh", "Phú Thọ", "Thái Nguyên", "Hà Nội"))


def is_place_name(name: str, gaz: Gazetteer) -> bool:
    key = fold_for_match(name)
    kinds = ("cities", "provinces", "former_provinces")
    places = {fold_for_match(p) for kind in kinds for p in gaz.places.get(kind, ())}
    # An alias counts only when it is a place's: "phụ nữ" has aliases too (the WPS programme's).
    return key in places or bool(gaz.aliases_of(name) & places)


_ABBREVIATIONS = {
    "pccc": "phòng cháy chữa cháy", "cnch": "cứu nạn cứu hộ", "csgt": "cảnh sát giao thông",
    "csđt": "cảnh sát điều tra", "cshs": "cảnh sát hình sự", "qlhc": "quản lý hành chính",
    "ttxh": "trật tự xã hội", "antt": "an ninh trật tự", "cand": "công an nhân dân",
    "gghb": "gìn giữ hòa bình", "lhq": "liên hợp quốc", "tp": "thành phố", "bca": "bộ công an",
    "ca": "công an",
}  # fmt: skip


@functools.cache
def _folded_police_codes() -> dict[str, str]:
    """ "csmt" -> "cảnh sát điều tra tội phạm về ma túy": built once, read for every option compared."""
    return {fold_for_match(k): fold_for_match(v) for k, v in load_gazetteer().police_codes.items()}


def _same_name(a: str, b: str) -> bool:
    """ "Phòng Cảnh sát PCCC và CNCH" and "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", or
    "Phòng CSMT" and "Phòng Cảnh sát điều tra tội phạm về ma túy": one department, written with and
    without its abbreviations."""
    return _spelled(a) == _spelled(b)


def _spelled(text: str) -> str:
    codes = _folded_police_codes()
    words = re.findall(r"\w+", fold_for_match(text))
    full = " ".join(codes.get(w) or _ABBREVIATIONS.get(w, w) for w in words)
    return " ".join(w for w in re.findall(r"\w+", full) if w not in ("và", "về"))


def _spelled_in(name: str, text: str) -> bool:
    """True when ``text`` names ``name``, in full or by its codes ("Phòng CSHS"), with or without the
    police it belongs to ("Phòng Cảnh sát hình sự Công an tỉnh Nam Định")."""
    said = _spelled(text)
    parent = _PARENT.search(name)
    # Without its police only when the text names that police: "Phòng CSHS" beside "Phòng An ninh
    # kinh tế Công an tỉnh Nam Định" is Nam Định's; "Cơ quan CSĐT Công an tỉnh Tây Ninh" is not the
    # sentence's "Cơ quan CSĐT Công an tỉnh Đồng Nai".
    bare = parent and _spelled(parent.group("parent")) in said
    for form in (name, name[: parent.start()] if parent and bare else ""):
        own = _spelled(form)
        if len(own.split()) >= 2 and re.search(rf"(?<!\w){re.escape(own)}(?!\w)", said):
            return True
    return False


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"\w+", text) if w[0].isupper()).upper()


_ONE_BODY = (
    ("ban chỉ đạo 138", "ban chỉ đạo phòng, chống tội phạm"),
    ("cục a05", "cục an ninh mạng"),  # the department's code and its name, cut short or whole
)


def _squeezed(text: str) -> str:
    """ "TP.Hồ Chí Minh" and "TP. Hồ Chí Minh", "Bô Ly Khăm Xay" and "Bôlykhămxay": one spelling."""
    return re.sub(r"[\s.\-]+", "", text)


def _whole_words_in(part: str, text: str) -> bool:
    """``part`` in ``text`` as whole words, and not the tail or head of a longer number: "100 viên"
    is no fragment of "1.100 viên", nor "600 viên" of "1.600 viên"."""
    return any(
        not re.search(r"\d[.,]$", text[: m.start()]) and not re.match(r"[.,]\d", text[m.end() :])
        for m in word_re(part).finditer(text)
    )


def one_body(a: str, b: str) -> bool:
    """Whether two answers name one body: "Cục A05" and "Cục An ninh mạng và phòng, chống tội phạm
    sử dụng công nghệ cao", or a name and its shortened form ("Cục An ninh mạng"). A unit inside
    another ("Phòng CSHS Công an tỉnh Nghệ An" and "Công an tỉnh Nghệ An") is another body."""
    if _same_name(a, b):
        return True
    x, y = fold_for_match(a), fold_for_match(b)
    if any(
        (x.startswith(p) and y.startswith(q)) or (x.startswith(q) and y.startswith(p)) for p, q in _ONE_BODY
    ):
        return True
    short, long_ = sorted((_spelled(a), _spelled(b)), key=len)
    return len(short.split()) >= 3 and f"{long_} ".startswith(f"{short} ")


def _one_offence(a: str, b: str) -> bool:
    """True when the words of one offence's name are all in the other's."""
    wa, wb = set(re.findall(r"\w+", fold_for_match(a))), set(re.findall(r"\w+", fold_for_match(b)))
    return wa <= wb or wb <= wa


def _variant_of(candidate: str, answer: str) -> bool:
    """True when ``candidate`` may denote what ``answer`` does: a fragment, a superset (whole
    words), its abbreviation or the reverse."""
    a, c = fold_for_match(answer), fold_for_match(candidate)
    if not a or not c:
        return False
    if re.search(r"\d", a) and re.sub(r"\d+", "#", a) == re.sub(r"\d+", "#", c):
        # "3 giờ 15 phút, ngày 24.5.2021" beside "..., ngày 21.5.2021": the same words around other
        # numbers are another value, unless the numbers are the same ("03/5" and "3/5").
        return [int(x) for x in re.findall(r"\d+", a)] == [int(x) for x in re.findall(r"\d+", c)]
    if _one_name_spelled_twice(answer, candidate):
        return True  # "Thongbanh Sengaphone" beside "Thongban Seng Aphon": one minister, two spellings
    if not re.search(r"\d", a) and loose_key(answer) == loose_key(candidate):
        return True  # "thủ đô Phnôm Pênh" beside "thủ đô Phnom Pênh": one city spelled two ways

    def _placeless(x: str) -> str:
        return re.sub(r"\s+tại\s+", " ", core_name(x))

    if _same_name(candidate, answer):
        return True  # "Phòng CSMT Công an tỉnh X" beside "Phòng Cảnh sát điều tra tội phạm về ma túy ..."
    placed = " tại " in f" {a} " or " tại " in f" {c} "
    if placed and len(a.split()) >= 3 and _placeless(answer) == _placeless(candidate):
        return True  # "Phái bộ Liên hợp quốc Nam Sudan" and "... tại Nam Sudan (UNMISS)": one mission
    if _whole_words_in(c, a) or _whole_words_in(a, c):
        return not re.fullmatch(r"[\d.,%\s]+", c)  # "3" inside "13" is no alias; numbers are shifted
    # Two names of one body that share no words: the Government's crime steering committee.
    for x, y in _ONE_BODY:
        if (a.startswith(x) and c.startswith(y)) or (a.startswith(y) and c.startswith(x)):
            return True
    # "Bộ Tư lệnh Cảnh sát cơ động – K02" and "Bộ Tư lệnh Cảnh sát cơ động, Bộ Công an": one body,
    # told apart only by what follows its name.
    core = re.compile(r"\s[–-]\s|,\s|\s\(")
    # "bản Căng Tỵ, xã Chiềng Khừa" and "bản Căng Tỵ, xã Tân Yên": one village name, two communes.
    address = _BELOW_COMMUNE.match(a) and _COMMUNE.search(answer)
    if len(a.split()) >= 3 and core.split(a)[0] == core.split(c)[0] and core.search(a + c) and not address:
        return True
    place = re.compile(r"\stại\s+(.+)$")
    pa, pc = place.search(a), place.search(c)
    if pa and pc and pa.group(1) == pc.group(1) and a.split()[0] == c.split()[0]:
        return True  # "Phái bộ Liên hợp quốc tại Nam Sudan" is a reading of UNMISS's full name too
    if _one_un_body(candidate, answer):
        return True
    short, long_ = sorted((candidate, answer), key=len)
    if short.isupper() and len(short) >= 2 and _initials(long_).startswith(short.replace(".", "")):
        return True
    # "Phái bộ UNMISS" and "Phái bộ Liên hợp quốc tại Nam Sudan (UNMISS)": one mission, two names.
    common = set(load_gazetteer().common_acronyms)  # "PCCC" is in many bodies' names
    codes = [set(re.findall(r"\b[A-Z]{4,}\b", x)) - common for x in (candidate, answer)]
    return bool(codes[0] & codes[1])


_CAN_CHI_YEARS = {  # the lunar year's name, for "Tết Nguyên đán Ất Tỵ 2025"
    2022: "Nhâm Dần", 2023: "Quý Mão", 2024: "Giáp Thìn", 2025: "Ất Tỵ", 2026: "Bính Ngọ", 2027: "Đinh Mùi",
    2028: "Mậu Thân", 2021: "Tân Sửu", 2020: "Canh Tý", 2019: "Kỷ Hợi",
}  # fmt: skip


def _shift_event(answer: str) -> list[str]:
    """The same event another time: its ordinal (XIX -> XVIII, XX, XVII; 80 -> 79, 81, 78) or its
    year (and the lunar year's name with it). A term ("nhiệm kỳ 2016-2021") moves whole, by its own
    length, with the ordinal when there is one (IV is 2011-2016 when V is 2016-2021)."""
    m = ORDINAL.search(answer)
    term = re.search(r"\b((?:19|20)\d{2})\s*([-–])\s*((?:19|20)\d{2})\b", answer)
    if term and int(term.group(3)) > int(term.group(1)):
        first, last = int(term.group(1)), int(term.group(3))
        length = last - first
        terms = []
        for k in (-1, 1, -2, 2):
            span = f"{first + k * length}{term.group(2)}{last + k * length}"
            terms.append((k, answer[: term.start()] + span + answer[term.end() :]))
        if not m:
            return [text for _, text in terms]
        moved = []
        for k, text in terms:
            at = ORDINAL.search(text)
            value = _ordinal_moved(m.group("n"), k)
            if at and value:
                moved.append(text[: at.start("n")] + value + text[at.end("n") :])
        return moved
    out = []
    if m:
        raw = m.group("n")
        steps = (-1, 1, -2, 2, 3) if raw in WORD_ORDINALS else (-1, 1, -2, 2)
        values = [v for k in steps if (v := _ordinal_moved(raw, k))]
        return [answer[: m.start("n")] + v + answer[m.end("n") :] for v in values]
    y = re.search(r"\b((?:19|20)\d{2})\b", answer)
    if y:
        year = int(y.group(1))
        for k in (year - 1, year + 1, year - 2, year + 2):
            shifted = answer[: y.start(1)] + str(k) + answer[y.end(1) :]
            old_name, new_name = _CAN_CHI_YEARS.get(year), _CAN_CHI_YEARS.get(k)
            if old_name and old_name in shifted:
                if not new_name:
                    continue
                shifted = shifted.replace(old_name, new_name)
            out.append(shifted)
    return out


def _one_name_spelled_twice(a: str, b: str) -> bool:
    """Two foreign names that differ only as two transliterations do: written without spaces and
    marks, nine tenths the same letters (Vietnamese names, told apart by one syllable, are not)."""
    words = re.compile(r"^(?:[A-ZĐ][^\s\d]*\s*){2,5}$")
    if not (words.match(a) and words.match(b)) or a == b:
        return False
    x, y = (re.sub(r"\W", "", loose_key(n)) for n in (a, b))
    if len(x) < 8 or len(y) < 8 or _looks_vietnamese(a) or _looks_vietnamese(b):
        return False
    return difflib.SequenceMatcher(None, x, y).ratio() >= 0.85


def _looks_vietnamese(name: str) -> bool:
    return any(ch in name for ch in "ăâđêôơưĂÂĐÊÔƠƯ") or bool(
        re.search(r"[àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", name)
    )


def _ordinal_moved(raw: str, k: int) -> str | None:
    """The ordinal ``k`` places on from ``raw`` ("V", 1 -> "VI"), in the same form, or None."""
    if raw in WORD_ORDINALS:
        at = WORD_ORDINALS.index(raw) + k
        return WORD_ORDINALS[at] if 0 <= at < len(WORD_ORDINALS) else None
    if raw.isdigit():
        return str(int(raw) + k) if int(raw) + k > 0 else None
    if raw in ROMAN_ORDINALS:
        at = ROMAN_ORDINALS.index(raw) + k
        return ROMAN_ORDINALS[at] if 0 <= at < len(ROMAN_ORDINALS) else None
    return None


_NUMBERED_DOCUMENT = re.compile(
    r"(?P<kind>Nghị quyết|Quyết định|Chỉ thị|Kế hoạch|Đề án|Thông tư|Nghị định|Công văn|Công điện)\s+"
    # "105/2025/NĐ – CP": the issuer's code may follow a spaced dash.
    r"(?P<so>số\s+)?(?P<n>\d{1,4})(?P<rest>(?:[/-][\wĐđ./-]+)?(?:\s[–-]\s[A-ZĐ]{2,5})?)"
    r"(?P<issuer>\s+của\s+[^,;()]{3,40})?"  # "Nghị quyết 48 của Chính phủ", "Chỉ thị 23 của Ban Bí thư"
)


def _shift_document(m: re.Match[str], seed: str) -> list[str]:
    """Other numbers in the same form: "Nghị quyết 57-NQ/TW" -> "Nghị quyết 52-NQ/TW", ..."""
    n = int(m.group("n"))
    width = len(m.group("n"))
    steps = _rank(seed, ["-5", "-3", "+2", "+4", "+7", "-8", "+11"])
    out = []
    for step in steps:
        k = n + int(step)
        if k > 0:
            number = str(k).zfill(width)
            doc = f"{m.group('kind')} {m.group('so') or ''}{number}{m.group('rest')}{m.group('issuer') or ''}"
            out.append(doc.replace("  ", " "))
    return out


_UN_GENERIC = frozenset(
    re.findall(r"\w+", "phái bộ lực lượng liên hợp quốc tại của ở khu vực cộng hòa gìn giữ hòa bình")
)


def _one_un_body(candidate: str, answer: str) -> bool:
    """ "Phái bộ Liên hợp quốc tại khu vực Abyei (UNISFA)" beside "Phái bộ An ninh lâm thời Liên hợp
    quốc": the acronym's gazetteer name shares two words of its own with the other name, so both
    may be right (a reader struck the pair)."""
    bodies = load_gazetteer().un_bodies
    for one, other in ((candidate, answer), (answer, candidate)):
        for acr in re.findall(r"\(([A-Z][A-Za-z ]+)\)", one):
            if acr in bodies and acr not in other:
                own = set(re.findall(r"\w+", fold_for_match(bodies[acr]))) - _UN_GENERIC
                said = set(re.findall(r"\w+", fold_for_match(re.sub(r"\([^)]*\)", "", other)))) - _UN_GENERIC
                if len(own & said) >= 2:
                    return True
    return False


def _former_province(name: str, gaz: Gazetteer) -> bool:
    return any(word_re(p).search(name) for p in gaz.places.get("former_provinces", ()))


def _female(name: str) -> bool:
    return re.search(r"(?<!\w)Thị(?!\w)", name) is not None


def _acronym_alias(a: str, b: str) -> bool:
    """ "Học viện CSND" and "Học viện Cảnh sát nhân dân": one body, one name in initials."""
    for short, long_ in ((a, b), (b, a)):
        words_s, words_l = short.split(), long_.split()
        for i, w in enumerate(words_s):
            if len(w) >= 2 and w.isupper() and w.isalpha() and words_s[:i] == words_l[:i]:
                rest = words_l[i:]
                initials = "".join(x[0] for x in rest).upper()
                if initials == w or (len(rest) > len(w) and initials[: len(w)] == w):
                    return True
    return False


def _shares_a_name(a: str, b: str, gaz: Gazetteer) -> bool:
    """Two people with a name word in common beyond a Vietnamese surname or middle name."""
    common = {fold_for_match(w) for w in gaz.surnames} | {"văn", "thị", "đức", "minh", "quốc"}
    ranks = {w for r in gaz.all_ranks for w in fold_for_match(r).split()}

    def names(x: str) -> set[str]:
        return {w for w in fold_for_match(x).split() if len(w) >= 4 and w not in common and w not in ranks}

    # "Lan Anh" and "Nguyễn Lan Anh": one woman, once without her surname.
    bare = [fold_for_match(_without_rank(x, gaz)).split() for x in (a, b)]
    short, long_ = sorted(bare, key=len)
    if len(short) >= 2 and long_[len(long_) - len(short) :] == short:
        return True
    # "Hun Sen" and "Hun Xen", "Quách Thành Côn" and "Quách Thanh Côn": one man spelled two ways in
    # one article; without tones, at most one letter apart.
    ka, kb = (loose_key(_without_rank(x, gaz)) for x in (a, b))
    if len(ka) == len(kb) and len(ka.split()) >= 2 and sum(p != q for p, q in zip(ka, kb, strict=True)) <= 1:
        return True
    # "Thongloun Sisoulith" and "Thonglun Sisulith": a foreign name romanised two ways differs in
    # its vowels; the consonants of each word are the same.
    sa, sb = (_skeleton(_without_rank(x, gaz)) for x in (a, b))
    if sa and sa == sb:
        return True
    return bool(names(a) & names(b))


def _skeleton(name: str) -> tuple[str, ...] | None:
    """A foreign (unaccented) name's consonants word by word, or None for a Vietnamese name, whose
    tones and vowels are what tell "Hùng" from "Hưng"."""
    words = name.split()
    if len(words) < 2 or not name.isascii():
        return None
    keys = tuple(re.sub(r"[aeiouy\W]", "", w.casefold()) for w in words)
    return keys if all(len(k) >= 3 for k in keys) else None


def _un_short(name: str) -> str:
    """ "Cục Hoạt động Gìn giữ hòa bình Liên hợp quốc" -> "cục hoạt động hòa bình", as outlets shorten it."""
    short = re.sub(r"\s+(?:của\s+)?liên hợp quốc$", "", fold_for_match(name))
    return short.replace("gìn giữ ", "")


# The army's bodies, by the words of their names (folded).
_DEFENCE = re.compile(
    r"(?<!\w)(?:quân đội|quân sự|quân y|quân huấn|quân khu|quân chủng|bộ đội|hải quân|phòng không|"
    r"công binh|dã chiến|tác chiến|dân quân|cứu hộ - cứu nạn|tổng tham mưu|biên phòng|bđbp|"
    r"(?:gìn giữ hòa bình|gghb) việt nam)(?!\w)"
)


def sphere(name: str, gaz: Gazetteer) -> str:
    """Where a body belongs, so that options come from the same world as the answer: the UN, a
    foreign country, a Vietnamese province, or the Vietnamese state ("national")."""
    folded = fold_for_match(name)
    words = set(re.findall(r"\w+", folded))
    if (
        "liên hợp quốc" in folded
        or "lhq" in words
        or any(word_re(fold_for_match(k)).search(folded) for k in gaz.un_bodies)
        or any(_un_short(folded) == _un_short(v) for v in gaz.un_bodies.values())
    ):
        return "un"  # "Cục Hoạt động Hòa bình": the UN's, named without "Liên hợp quốc"
    if _DEFENCE.search(folded) and not folded.startswith("bộ "):
        # "Cục GGHB Việt Nam" is the army's: police departments beside it were out of place to a
        # reader. A ministry is set among the ministries of security whatever its own.
        return "defence"
    # Names as written, capitalised: "pháp luật" is no "Pháp", "Việt Nam" no province "Nam ...".
    text = name.replace("Việt Nam", " ")
    # Vietnam's own provinces go before a country is looked for: "Lào Cai" is no "Lào" (fresh58:
    # "Công an tỉnh Lào Cai" found no option among Vietnam's provinces, so no question).
    abroad = gaz.country_lookalikes.sub(" ", text)
    if _names_a_listed_province(abroad, gaz):
        return "foreign:lào"  # "Công an tỉnh Hủa Phăn" is no option for a Vietnamese province's police
    for country in gaz.countries:
        if country != "Việt Nam" and word_re(country).search(abroad):
            return f"foreign:{fold_for_match(country)}"
    if any(word_re(site).search(text) for site in gaz.places.get("mission_sites", ())):
        # "Bộ Giáo dục khu vực Abyei": Vietnam's ministries beside it gave it away (fresh46).
        return "foreign:mission"
    for kind in ("provinces", "cities", "former_provinces"):
        for place in gaz.places.get(kind, ()):
            if word_re(place).search(text):
                return "local"
    # "Ban An toàn Giao thông TP HCM": a city under another of its names.
    folded_text = fold_for_match(text)
    for city in gaz.places.get("cities", ()):
        for alias in gaz.aliases_of(city):
            if len(alias) > 3 and word_re(alias).search(folded_text):
                return "local"
    return "national"


# Ministries a foreign government has under one name or another: options for "Bộ X <country>".
_FOREIGN_MINISTRIES = ("Nội vụ", "Ngoại giao", "Quốc phòng", "Tư pháp", "An ninh Quốc gia", "Công an")


def _same_country_ministries(answer: str, gaz: Gazetteer) -> list[str]:
    for country in gaz.countries:
        m = re.fullmatch(rf"Bộ (.+?) ((?:Cộng hòa |Liên bang |Vương quốc )?{re.escape(country)})", answer)
        if country != "Việt Nam" and m:
            return [f"Bộ {name} {m.group(2)}" for name in _FOREIGN_MINISTRIES if name != m.group(1)]
    return []


_NUM = r"(\d+(?:[.,]\d+)?)"
# Bounds the stem sets around "bao nhiêu": (pattern, the option must be above (True) or below it).
_STATED_BOUNDS = (
    # "từ 5 đến bao nhiêu %", "vay từ 5 ngày đến bao nhiêu ngày"
    (re.compile(rf"từ {_NUM}\S*(?:\s+[^\s\d,]+)?\s+(?:đến|tới|lên(?: mức)?)\s+bao nhiêu"), True),
    (re.compile(rf"từ {_NUM}\S*(?:\s+\S+)?\s+xuống(?: còn)?\s+bao nhiêu"), False),
    (re.compile(rf"từ bao nhiêu\s+(?:\S+\s+)?xuống(?: còn)?\s+{_NUM}"), True),  # "rút từ ... xuống còn 4 năm"
    (re.compile(rf"từ bao nhiêu\s+(?:\S+\s+)?lên(?: mức)?\s+{_NUM}"), False),
)


# A part asked of a total the stem states: "17 xe máy (trong đó có bao nhiêu xe ...)", "hơn 200 đại
# biểu tham dự, trong đó bao nhiêu nữ ...", "Trong 126 cán bộ ..., bao nhiêu cán bộ ...". Options of 18
# and 28 beside a total of 17 were struck as impossible by both readers.
_PART_OF_TOTAL = (
    re.compile(
        rf"{_NUM}\s+(?P<noun>\w+)[^?]{{0,80}}?(?:trong đó|trong số đó|bao gồm|gồm)(?:\s+có)?\s+"
        rf"(?:[^?]{{0,80}}?\s)?bao nhiêu\s+(?P<asked>\w+)"
    ),
    re.compile(
        rf"^(?:Trong|Trong số)\s+(?:hơn|gần|khoảng)?\s*{_NUM}\s+(?P<noun>\w+)[^?]*?bao nhiêu\s+(?P<asked>\w+)"
    ),
)
# The first words of counted people: a part of "đại biểu" counted in "nữ" is still a part.
_PERSON_NOUNS = frozenset(
    {"người", "cán", "chiến", "đại", "học", "đối", "nữ", "nam", "bị", "sinh", "nạn", "trẻ", "phụ"}
    | {"thành", "lượt", "công", "giáo", "nhân", "thí"}
)


# "37 trường hợp vi phạm ..., gồm bao nhiêu xe máy": a count of cases holds whatever it lists, so
# 43 of 37 is no option (both fresh48 readers).
_CASE_NOUNS = frozenset({"trường", "lượt", "phương"})  # "trường hợp", "lượt", "phương tiện"


def _total_stated(stem: str) -> float | None:
    for pattern in _PART_OF_TOTAL:
        m = pattern.search(stem)
        if not m:
            continue
        noun, asked = m.group("noun").casefold(), m.group("asked").casefold()
        # Cases hold what is listed right after "gồm", not a fine paid for some of them.
        listed = re.search(r"(?:gồm|trong đó|trong số đó)(?:\s+có)?\s+bao nhiêu", m.group(0)) is not None
        if (
            noun == asked
            or (noun in _PERSON_NOUNS and asked in _PERSON_NOUNS)
            or (noun in _CASE_NOUNS and listed)
        ):
            return number_of(m.group(1))
    return None


def _within_stated_bounds(stem: str, candidate: str) -> bool:
    """False for an option the stem itself rules out: "từ 5 đến bao nhiêu %" -> "5%", "rút từ bao
    nhiêu năm xuống còn 4 năm" -> "3 năm" (judges struck both as impossible), or a part as large as
    the stated total."""
    value = number_of(candidate)
    if value is None:
        return True
    total = _total_stated(stem)
    if total is not None and value >= total:
        return False
    if value < 2 and re.search(r"bao nhiêu(?:\s+\S+){1,2}\s+liên tiếp", stem):
        return False  # "trong bao nhiêu nhiệm kỳ liên tiếp": one term is no run
    for pattern, above in _STATED_BOUNDS:
        m = pattern.search(stem)
        if m:
            bound = float(m.group(1).replace(".", "").replace(",", "."))
            if (value <= bound) if above else (value >= bound):
                return False
    return True


def _placed_as_the_stem_says(candidate: str, answer: str, stem_fold: str, gaz: Gazetteer) -> bool:
    """The option names a country or mission site that the stem names and the answer does not."""
    places = (*(c for c in gaz.countries if c != "Việt Nam"), *gaz.places.get("mission_sites", ()))
    cand, own = fold_for_match(candidate), fold_for_match(answer)
    for place in places:
        key = fold_for_match(place)
        if len(key) > 3 and key in cand and key not in own and word_re(key).search(stem_fold):
            return True
    return False


_BARE_MISSION = re.compile(r"Phái bộ [A-Z]{3,}")


_POLICE_SCHOOL = re.compile(
    r"(?i)(?:cảnh sát|an ninh|csnd|annd|công an|phòng cháy|pccc|hậu cần|chính trị công an|quân)"
)
_SCHOOL = re.compile(r"(?i)^trường(?!\w)")
_BORDER_GATE = re.compile(r"(?i)(?<!\w)cửa khẩu(?!\w)")


def _kind_of_body(name: str) -> tuple[str, ...]:
    """What kind of body a name says it is, beyond its head word: options of another kind give the
    answer away. A high school among police academies (both fresh50 readers: "Trường Phổ thông chất
    lượng cao Hùng Vương" beside "Trường Đại học CSND"), a commune's border post among international
    border-gate posts ("Đồn Biên phòng Mù Cả" beside three "Cửa khẩu quốc tế" posts)."""
    kinds: list[str] = []
    if _SCHOOL.match(name):
        kinds.append("police school" if _POLICE_SCHOOL.search(name) else "school")
    if name.startswith(("Đồn Biên phòng", "đồn biên phòng")):
        kinds.append("gate post" if _BORDER_GATE.search(name) else "post")
    return tuple(kinds)


# A foreign ministry: "Bộ Nội vụ | Cộng hòa Cuba", "Bộ An ninh | Lào".
_MINISTRY_KINDS = ("Bộ Nội vụ", "Bộ Quốc phòng", "Bộ Ngoại giao", "Bộ Tư pháp", "Bộ An ninh", "Bộ Công an")
_FOREIGN_MINISTRY = re.compile(
    rf"(?P<ministry>{'|'.join(_MINISTRY_KINDS)}) "
    r"(?P<country>(?:(?:Cộng hòa|Vương quốc|Liên bang) )?[A-ZĐ].*)$"
)


def choose_distractors(
    fact: Fact,
    pool: DistractorPool,
    article_id: str,
    same_article_answers: set[str],
    excluded_text: str = "",
    gaz: Gazetteer | None = None,
) -> list[str]:
    """Up to three wrong options for ``fact``; fewer when no good ones exist."""
    gaz = gaz or load_gazetteer()
    # Another answer of the article is no option (it may be true as well), except a person of the
    # article named outside the fact's sentence (see candidates_for).
    present = pool.own(fact.shape, article_id) if fact.shape.startswith("person:") else []
    forbidden = set(gaz.aliases_of(fact.answer)) | {
        fold_for_match(a) for a in same_article_answers if a not in present
    }
    answer_core = core_name(fact.answer)
    stem_fold = fold_for_match(excluded_text)
    chosen: list[str] = []
    seen: set[str] = set()
    candidates = candidates_for(fact, pool, article_id, gaz, excluded_text)
    if fact.shape == "title" and sphere(fact.answer, gaz) != "national":
        # "Giám đốc Cơ quan Vệ binh quốc gia Liên bang Nga": posts of the same world only.
        candidates = [c for c in candidates if sphere(c, gaz) == sphere(fact.answer, gaz)]
    if fact.shape.startswith(("org:", "unit:")) and not fact.shape.startswith("org:acronym"):
        # "Phòng Tham mưu Công an tỉnh Hà Tĩnh" is no option for a UN post, nor "Bộ An ninh Quốc gia
        # Trung Quốc" for a Singapore delegation: options come from the answer's own world (for a
        # foreign body, its own country first, then other foreign bodies).
        own = sphere(fact.answer, gaz)
        candidates = [*_same_country_ministries(fact.answer, gaz), *candidates]
        same = [c for c in candidates if sphere(c, gaz) == own]
        if own.startswith("foreign:"):
            same += [c for c in candidates if sphere(c, gaz).startswith("foreign:") and c not in same]
        candidates = same
    if fact.shape.startswith(("org:", "unit:", "place:venue:")):
        kind = _kind_of_body(fact.answer)
        candidates = sorted(candidates, key=lambda c: _kind_of_body(c) != kind)  # same kind first
    for cand in candidates:
        key = fold_for_match(cand)
        if not key or key in seen or key in forbidden:
            continue
        if gaz.aliases_of(cand) & forbidden:
            continue
        if gaz.aliases_of(cand) & seen:
            continue  # "TPHCM" beside "Thành phố Hồ Chí Minh": two options, one place
        if fact.shape.startswith(("programme:", "org:", "unit:")) and core_name(cand) == answer_core:
            continue
        if stem_fold and len(key) > 3 and key in stem_fold:
            continue  # an option printed in the stem would give itself away
        if stem_fold and any(
            len(a) > 3 and _squeezed(a) in _squeezed(stem_fold) for a in {key, *gaz.aliases_of(cand)}
        ):
            continue  # "TP. Hồ Chí Minh" or "Thành phố Hồ Chí Minh" when the stem has "TP.Hồ Chí Minh"
        if fact.type == QType.HOW_MANY and not _within_stated_bounds(excluded_text, cand):
            continue
        if fact.type in (QType.ORG, QType.WHERE) and _placed_as_the_stem_says(
            cand, fact.answer, stem_fold, gaz
        ):
            continue  # "phái bộ nào tại Cộng hòa Trung Phi?": "... tại Cộng hòa Trung Phi" is right too
        if _acronym_alias(cand, fact.answer) or any(_acronym_alias(cand, c) for c in chosen):
            continue
        if fact.shape.startswith(("org:", "unit:")) and _spelled_in(cand, fact.sentence.text):
            continue  # "Phòng Cảnh sát hình sự" when the sentence has "phối hợp với Phòng CSHS": true too
        if _former_province(cand, gaz) and not _former_province(fact.answer, gaz):
            continue  # a province merged away in 2025 is no option beside a living one
        if fact.shape == "person:vn" and _female(cand) != _female(fact.answer):
            continue  # the only "Thị" among the options, or the only name without it, is the answer
        if fact.shape.startswith("person") and any(
            _shares_a_name(cand, x, gaz) for x in [fact.answer, *chosen]
        ):
            continue  # "Viktor Zolotov" beside "Zolotov Victor Vasilyevich": one man
        if fact.shape.startswith("person") and any(
            fold_for_match(_without_rank(cand, gaz)) == fold_for_match(_without_rank(x, gaz))
            for x in [fact.answer, *chosen]
        ):
            continue  # "Tô Lâm" beside "Đại tướng Tô Lâm"
        mission = fact.answer.startswith("Phái bộ ") and re.search(r"[A-Z]{3,}", fact.answer)
        if mission and cand.startswith("Phái bộ ") and not re.search(r"[A-Z]{3,}", cand):
            continue  # "Phái bộ Gìn giữ hòa bình Liên Hợp Quốc" beside "Phái bộ UNISFA": true as well
        if fact.answer.startswith("Phái bộ ") and bool(_BARE_MISSION.fullmatch(cand)) != bool(
            _BARE_MISSION.fullmatch(fact.answer)
        ):
            continue  # "Phái bộ UNISFA" among missions named in full: the one option of its form
        if _variant_of(cand, fact.answer) or any(_variant_of(cand, c) for c in chosen):
            continue  # "New York" beside "New York (Hoa Kỳ)"; "Cục CSGT" beside "Cục CSGT (Bộ Công an)"
        seen.add(key)
        chosen.append(cand)
        if len(chosen) == WANTED:
            break
    return chosen


def without_shared_country(
    answer: str, wrong: list[str], gaz: Gazetteer | None = None
) -> tuple[str, list[str]]:
    """ "Bộ Công an Việt Nam" among "Bộ Nội vụ", "Bộ Tài chính": among one country's ministries the
    country says nothing, and on the answer alone it marks it. The answer and options without it,
    or both unchanged."""
    gaz = gaz or load_gazetteer()
    if not (answer.startswith("Bộ ") and answer.endswith(" Việt Nam")):
        return answer, wrong
    foreign = [c for c in gaz.countries if c != "Việt Nam"]
    if any(c in w for w in wrong[:3] for c in foreign):
        return answer, wrong
    bare = [w.removesuffix(" Việt Nam") for w in wrong]
    short = answer.removesuffix(" Việt Nam")
    return (short, bare) if len({*bare[:3], short}) == 4 else (answer, wrong)


_BANKNOTES = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000)


def other_banknotes(answer: str) -> list[str]:
    """The three notes of the đồng nearest the answer's, written as it is ("5.000", "500.000 đồng")."""
    m = re.fullmatch(r"(\d{1,3}(?:\.\d{3})+)(\s*đồng)?", answer.strip())
    if m is None or int(m.group(1).replace(".", "")) not in _BANKNOTES:
        return []
    value = int(m.group(1).replace(".", ""))
    at = _BANKNOTES.index(value)
    near = sorted((n for n in _BANKNOTES if n != value), key=lambda n: abs(_BANKNOTES.index(n) - at))[:3]
    return [f"{n:,}".replace(",", ".") + (m.group(2) or "") for n in near]
