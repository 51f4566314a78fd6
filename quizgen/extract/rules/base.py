"""What every fact family of the rules shares: the gazetteer's compiled patterns, names and
organisation edges, and where a sentence's main clause starts."""

from __future__ import annotations

import re

from quizgen.gazetteer import Gazetteer, load_gazetteer
from quizgen.normalize import fold_for_match
from quizgen.sentences import LOWER, UPPER

CAPW = rf"[{UPPER}][{LOWER}]*"
# A level abbreviated, as Thanh Niên and others write addresses: "P.Trần Quang Diệu, TP.Quy Nhơn",
# "H.Chơn Thành", "TX. Hương Thủy" (readers' gold asked these places; the rules read only "phường").
_SHORT_LEVEL = r"(?:TP|P|H|Q|TX|TT|X)\.\s?(?=[A-ZĐ])"
# A place's word: capitalised, not upper case ("P.Đằng Hải | GIANG LINH": the byline after it).
# Nor the event written after the place ("tại huyện Kỳ Sơn | Hội nghị trao đổi ...", fresh66).
_PLACE_WORD = rf"(?!(?:Hội|Lễ|Lớp|Khóa|Tọa|Diễn|Cuộc|Chương)\s[{LOWER}])[{UPPER}][{LOWER}]*(?![{UPPER}])"
# "Jean-Pierre", "Chul-sung": a romanised Korean given name keeps its second part in lower case.
NAMEW = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+|-[{LOWER}]+(?!\w))*"
ACR = rf"[{UPPER}][{UPPER}0-9&.]*[{UPPER}0-9](?:\s[{UPPER}][a-z]+)?"
NUM_WORDS = {
    "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
    "mười hai": 12, "hai mươi": 20, "ba mươi": 30, "một trăm": 100, "hàng trăm": 100,
    "hàng nghìn": 1000, "hàng chục": 10,
}  # fmt: skip
_NUM_WORD_RE = "|".join(sorted((re.escape(w) for w in NUM_WORDS), key=len, reverse=True))
TIME_UNITS = ("ngày", "tuần", "tháng", "năm", "giờ", "phút")
# Words that end a noun phrase: prepositions, auxiliaries, conjunctions.
STOP_WORDS = {
    "của", "từ", "đến", "tại", "trong", "và", "với", "nhằm", "để", "đã", "được", "do", "cho",
    "là", "về", "thuộc", "ở", "sẽ", "đang", "bị", "thì", "mà", "nên", "vì", "khi", "theo",
    "trên", "dưới", "qua", "sau", "trước", "cùng", "có", "không", "các", "những", "này", "đó",
}  # fmt: skip
PROGRAMME_HEADS = (
    "Chương trình", "Kế hoạch", "Đề án", "Dự án", "Chiến lược", "Quyết định", "Nghị quyết",
    "Nghị định", "Chỉ thị", "Thông tư", "Luật", "Sáng kiến", "Hiệp định", "Bản ghi nhớ",
    "Công ước", "Kết luận", "Công điện",
)  # fmt: skip
# A sentence that continues a list of requests from the sentence before it.
CONTINUATION_RE = re.compile(
    r"^(?:Hỗ trợ|Tạo điều kiện|Ủng hộ|Tiếp tục|Giúp đỡ|Phối hợp|Đẩy mạnh|Tăng cường)\s"
)
# Organisations whose name carries a place ("Đại sứ quán Việt Nam tại Pháp").
_LOCATED_HEADS = {"Phái bộ", "Đại sứ quán", "Tổng Lãnh sự quán", "Văn phòng", "Cơ quan", "Phái đoàn"}
# Lower-case words inside a unit's name: "Công an tỉnh Nghệ An", "Công an thành phố Hà Nội".
_ADMIN_UNITS = {"tỉnh", "thành", "phố", "huyện", "quận", "xã", "thị", "trấn", "phường"}
# Words that never stand inside an organisation's name: where one appears, a clause has begun.
_NAME_BREAK_RE = re.compile(
    r"(?<!\w)(?:đã|đang|sẽ|được|phối hợp|cùng|với|tổ chức|tiếp|gặp|thăm|ký|là|nhằm|từ|thông qua)(?!\w)"
)
# Words that never stand inside a title: where one appears, a clause has begun.
_CLAUSE_WORD_RE = re.compile(r"(?<!\w)(?:đã|đang|sẽ|được|tiếp|gặp|cùng|với|và|cho|làm việc|hội đàm)(?!\w)")
UNIT_HEADS = ("Đơn vị", "Trung tâm", "Bệnh viện", "Đội", "Tổ công tác")
FOREIGN_STOP = {"Women", "Nations", "United", "Union", "Office", "Programme", "Fund", "Council",
                "Development", "Security", "Peace", "Police", "Agency", "Mission"}  # fmt: skip


def _ci(word: str) -> str:
    """A regex matching ``word`` with either case of its first letter."""
    first = word[0]
    return f"[{first.upper()}{first.lower()}]" + re.escape(word[1:])


def _alt(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(_ci(w) for w in sorted(words, key=len, reverse=True))


def _nfd(word: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFD", word)


def _date_shape(date: str) -> str:
    if "tháng" in date:
        return "date:words" + (":y" if "năm" in date else "")
    sep = re.search(r"[/.\-]", date)
    parts = re.split(r"[/.\-]", date)
    return f"date:{sep.group(0) if sep else '/'}:{len(parts)}"


def whole_ministry(about: str, rest: str) -> str:
    """``about`` with the rest of a ministry's name when a "và" cut it ("... Thứ trưởng Bộ Dân tộc"
    + " và Tôn giáo"); ``rest`` is the text after ``about``."""
    for name in load_gazetteer().orgs.get("Bộ", ()):
        head, _, tail = name.partition(" và ")
        if tail and about.endswith(head) and rest.startswith(f" và {tail}"):
            return f"{about} và {tail}"
    return about


class RuleBase:
    def __init__(self, gaz: Gazetteer | None = None):
        self.gaz = gaz or load_gazetteer()
        self.army = False  # set per article: whether its ministry is Bộ Quốc phòng
        g = self.gaz
        self.rank_re = re.compile(rf"(?<![{LOWER}{UPPER}])(?P<rank>{_alt(g.all_ranks)})\s+")
        self.title_re = re.compile(rf"(?<![{LOWER}{UPPER}])(?P<title>{_alt(g.titles)})(?![{LOWER}])")
        self.honorific_re = re.compile(rf"(?<![{LOWER}{UPPER}])(?P<hon>{_alt(g.honorifics)})\s+")
        self.prog_head_re = re.compile(rf"(?<![{LOWER}{UPPER}])(?P<head>{_alt(PROGRAMME_HEADS)})(?=\s)")
        self.unit_head_re = re.compile(rf"(?<![{LOWER}{UPPER}])(?P<head>{'|'.join(UNIT_HEADS)})\s")
        # "Hội thảo do Viện ... (UAI)": "Hội" before an event's word opens the event, no body's name.
        self.org_head_re = re.compile(
            rf"(?<![{LOWER}{UPPER}])(?P<head>{'|'.join(re.escape(h) for h in g.org_heads)})(?=\s)"
            r"(?!\s(?:thảo|nghị|thi|đàm|diễn|chợ|báo)(?!\w))"
        )
        place_names = [n for names in g.places.values() for n in names] + list(g.countries)
        place_names += ["TPHCM", "TP.HCM", "TP. Hồ Chí Minh", "TP Hồ Chí Minh", "Thủ đô Hà Nội"]
        foreign = [
            *g.countries,
            *g.places.get("foreign_cities", ()),
            *g.places.get("mission_sites", ()),
            *g.places.get("lao_provinces", ()),
        ]
        local = [n for kind in ("provinces", "cities", "former_provinces") for n in g.places.get(kind, ())]
        self._city_names = frozenset(fold_for_match(re.sub(r"^Thành phố ", "", n)) for n in local)
        self.destination_re = re.compile(
            r"(?<![\w])(?P<prep>sang|tới|đến|lên|từ)\s+(?P<place>"
            rf"(?:{'|'.join(re.escape(p) for p in sorted(foreign + local, key=len, reverse=True))})"
            rf"(?:\s\([^()]{{2,30}}\))?)(?![{LOWER}{UPPER}\w])"
        )
        # "xã Bình Minh, huyện Thanh Oai, Hà Nội": an address may end on its province's bare name.
        province = "|".join(
            re.escape(re.sub(r"^Thành phố ", "", n)) for n in sorted(local, key=len, reverse=True)
        )
        self.place_re = re.compile(
            r"(?P<prep>[Tt]ại|[Ởở])\s+(?P<place>"
            # "khu vực xã Khánh An, H.An Phú", "bến phà Quốc Chánh, Tổ 4, ấp Bãi Vòng, xã Hàm Ninh, ...",
            # "xóm Nà Thin, xã Đức Hồng, ...": a landmark and the hamlets before the commune (fresh57).
            r"(?:(?:khu vực|địa bàn)\s+)?"
            rf"(?:(?:bến phà|bến tàu|đầu cầu|chợ|cảng|nút giao|ngã ba|ngã tư)\s+{CAPW}(?:\s{CAPW})*,\s*)?"
            rf"(?:(?:(?:[Tt]ổ|thôn|bản|ấp|khóm|xóm|làng|buôn|plei|tổ dân phố|khu phố|khối|tiểu khu)"
            rf"\s+(?:{CAPW}|\d+)(?:\s{CAPW})*,\s*)*"
            rf"(?:(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố|TP\.?)\s+|{_SHORT_LEVEL})"
            rf"(?:{_PLACE_WORD}\s?)+"
            rf"(?:,\s*(?:(?:(?:huyện|quận|tỉnh|thành phố|TP\.?)\s+|{_SHORT_LEVEL})(?:{_PLACE_WORD}\s?)+"
            rf"|(?:{province})(?![{LOWER}{UPPER}])))*)"
            rf"|(?:{'|'.join(re.escape(p) for p in sorted(place_names, key=len, reverse=True))})"
            rf"(?:\s\((?:{'|'.join(re.escape(c) for c in g.countries)})\))?)(?![{LOWER}])"
        )

    # -- names -------------------------------------------------------------
    def city_at(self, text: str, pos: int) -> int:
        """Where a province's or city's name starting at ``pos`` ends ("Hồ Chí Minh"), else 0."""
        words = list(re.finditer(r"\S+", text[pos : pos + 40]))
        for k in (3, 2):
            if len(words) > k and fold_for_match(" ".join(w.group(0) for w in words[:k])) in self._city_names:
                return pos + words[k - 1].end()
        return 0

    def name_at(self, text: str, pos: int) -> tuple[int, str] | None:
        """A person's name starting at ``pos``: (end, kind) with kind 'vn' or 'foreign'."""
        if self.title_re.match(text, pos) or self.rank_re.match(text, pos):
            return None  # "Phó Tổng Thư ký": Phó is a surname too, but here it starts a title
        seq = []
        offset = pos
        for _ in range(4):
            m = re.match(rf"\s?({NAMEW}|[{UPPER}](?![{LOWER}{UPPER}]))", text[offset:])
            if not m:
                break
            word_start = offset + m.start(1)
            # "Ninh Thị Minh Hoa-Trưởng phòng ...", "Nguyễn Ngọc Sơn-Phó Giám đốc": a post glued on by
            # a hyphen ends the name there; "Jean-Pierre", "Al-Raisi" go on.
            glued = next(
                (h for h in re.finditer(r"-", m.group(1)) if self.title_re.match(text, word_start + h.end())),
                None,
            )
            if glued:
                seq.append((word_start, word_start + glued.start(), m.group(1)[: glued.start()]))
                break
            seq.append((word_start, offset + m.end(1), m.group(1)))
            offset += m.end()
        if not seq:
            return None
        if seq[0][2] in self.gaz.surnames and len(seq) >= 2:
            return seq[-1][1], "vn"
        if seq[0][2] in self.gaz.countries:
            return None  # "Bộ Nội vụ Campuchia | Samdech Sar Kheng": the country ends the title
        foreign = []
        for start, end, word in seq:
            # A Vietnamese letter or tone (breve, circumflex, horn, hook, dot below; in NFD, so that
            # "Quốc" is caught as well as "Cô"): "Hàn Quốc Lee Chul-sung" is a country and a name.
            if "đ" in word.casefold() or re.search("[\u0302\u0306\u031b\u0309\u0323]", _nfd(word)):
                break
            if word in FOREIGN_STOP or len(word) < 2:
                break
            foreign.append((start, end, word))
        if len(foreign) >= 2:
            return foreign[-1][1], "foreign"
        return None

    def _clause_start(self, text: str, pos: int) -> bool:
        """True when ``pos`` starts the sentence's main clause (after openers/adverbials)."""
        before = text[:pos]
        if not before.strip():
            return True
        return bool(re.fullmatch(r"(?:[^,;]{0,80},\s*){1,2}", before)) and not before.rstrip().endswith(
            ("của", "và")
        )

    @staticmethod
    def _leading_adverbial(text: str, start: int, end: int) -> bool:
        """A time or place set off by a comma before the main clause, possibly after another one
        ("Sáng 9-10, tại Hà Nội, Cục ..."): it moves to the end of the question."""
        before = text[:start]
        if before.strip() and not re.fullmatch(r"(?:[^,;]{1,40},\s*){1,2}", before):
            return False
        if any(len(part.split()) > 6 for part in before.split(",")):
            return False
        return text[end:].lstrip().startswith(",")

    def _inside_org_name(self, text: str, pos: int, end: int) -> bool:
        """True when the place at [pos, end) is part of a name: "Phái bộ Liên hợp quốc tại Nam Sudan
        (UNMISS)", "Đại sứ quán Việt Nam tại Pháp" (but not "Trụ sở Liên hợp quốc ở New York")."""
        clause_start = max(text.rfind(",", 0, pos), text.rfind(";", 0, pos), 0)
        named = bool(re.match(rf"\s*\({ACR}\)", text[end:]))
        for head in self.org_head_re.finditer(text, clause_start, pos):
            if head.group("head") not in _LOCATED_HEADS and not named:
                continue
            between = text[head.start() : pos]
            if not _NAME_BREAK_RE.search(between) and len(between.split()) <= 8:
                return True
        return False

    def expand_acronym(self, text: str, paren_start: int, acronym: str) -> int | None:
        """Where the phrase that ``acronym`` abbreviates starts, matching initials backwards."""
        letters = [ch.lower() for ch in acronym if ch.isalpha()]
        if len(letters) < 2:
            return None
        words = list(re.finditer(r"[^\W\d_]+", text[:paren_start]))
        li = len(letters) - 1
        start = None
        for wm in reversed(words):
            word = wm.group(0)
            if li < 0:
                break
            initial = _nfd(word)[0].lower()
            initial = "đ" if word[:1].lower() == "đ" else initial
            target = letters[li]
            if initial == target or (target == "đ" and initial == "d"):
                li -= 1
                start = wm.start()
                continue
            if word.lower() in ("và", "của", "về", "cho", "the", "of", "and", "for") and start is not None:
                continue
            if word.lower() == "số" and li == len(letters) - 1 and re.search(r"\d$", acronym):
                continue  # "Đội Công binh số 4 (ĐCB4)": the number is not an initial
            return None
        return start if li < 0 else None

    @staticmethod
    def _leading_adverbial_prefix(before: str) -> bool:
        return not before.strip() or all(len(part.split()) <= 6 for part in before.split(",") if part.strip())

    def _org_end(self, text: str, pos: int) -> int:
        for country in sorted(self.gaz.countries, key=len, reverse=True):
            if text.startswith(" " + country, pos) and not text[pos + len(country) + 1 :][:1].isalpha():
                return pos + len(country) + 1
        end = pos
        words = list(re.finditer(r"\s+([^\s,;:()\"]+)", text[pos:]))
        for i, wm in enumerate(words):
            word = wm.group(1)
            prev = words[i - 1].group(1) if i else ""
            nxt = words[i + 1].group(1) if i + 1 < len(words) else ""
            if (
                word[:1].isupper()
                or (word == "an" and prev == "Công")  # "Công an tỉnh Nghệ An"
                # "Giám đốc Học viện Cảnh sát Nhân dân": a two-syllable word with a capital first half.
                or (prev, word) in (("Học", "viện"), ("Bệnh", "viện"), ("Cảnh", "sát"), ("Tư", "lệnh"))
                # "Phó Tổng cục trưởng Tổng cục Hậu cần- Kỹ thuật": the body words of a post.
                or (prev, word) in (("Tổng", "cục"), ("Hậu", "cần-"), ("Hậu", "cần"), ("Chính", "trị"))
                or (prev, word, nxt) == ("sát", "cơ", "động")  # "Bộ Tư lệnh Cảnh sát cơ động"
                or (prev, word) in (("cơ", "động"), ("Đặc", "mệnh"), ("mệnh", "toàn"), ("toàn", "quyền"))
                or (word in ("nhân", "dân") and end > pos)
                # "Phó Trưởng Công an | phường Mỹ Long": a post ending in "Công an" goes on to its place.
                or (
                    word in _ADMIN_UNITS
                    and (end > pos or text[:pos].endswith(("Công an", "Biên phòng", "Quân sự")))
                    and (nxt[:1].isupper() or nxt in _ADMIN_UNITS)
                )
                or (word in ("và", "-") and end > pos and nxt[:1].isupper())
                # "Đồn Biên phòng Cửa khẩu cảng An Thới", "Cửa khẩu quốc tế Cha Lo" (fresh57-59).
                or (prev, word) == ("Cửa", "khẩu")
                or (prev == "khẩu" and word in ("cảng", "quốc") and (nxt[:1].isupper() or nxt == "tế"))
                or ((prev, word) == ("quốc", "tế") and nxt[:1].isupper())
            ):
                end = pos + wm.end()
                continue
            if word.rstrip(".") == "tỉnh" and text[: pos + wm.start()].endswith("Công an") and not nxt:
                # "Phó Giám đốc Công an tỉnh." at the sentence's end: the article's own province,
                # and the post is cut without it ("Phó Giám đốc Công an", both readers).
                end = pos + wm.start(1) + len("tỉnh")
            break
        pm = re.match(r"\s\((Bộ|Tổng cục|Cục) [^()]{2,40}\)", text[end:])
        if pm:
            end += pm.end()
        return end
