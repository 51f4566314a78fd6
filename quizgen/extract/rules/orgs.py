"""Organisations: acronyms and their expansion, bodies by head word, the acting body, units; which body."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizgen.extract.facts import Fact
from quizgen.extract.rules.base import _NAME_BREAK_RE, ACR, RuleBase
from quizgen.models import QType
from quizgen.normalize import fold_for_match
from quizgen.sentences import UPPER, Sentence

_BRAND_ROOM = re.compile(r"(?<!\w)(?P<head>Phòng)(?=\s[A-ZĐ])")


class OrgRules(RuleBase):
    def _acronyms(self, s: Sentence) -> Iterator[Fact]:
        text = s.text
        for m in re.finditer(rf"\((?P<acr>{ACR})\)", text):
            acr = m.group("acr")
            start = self.expand_acronym(text, m.start(), acr)
            if start is not None:
                if acr in self.gaz.common_acronyms:
                    continue  # "LHQ", "UBND": every officer knows them; reviewers reject these as trivial
                phrase = text[start : m.start()].strip().rstrip(",")
                score = 0.75
                yield Fact(
                    QType.ACRONYM,
                    "acronym",
                    phrase,
                    phrase,
                    s,
                    start,
                    m.start(),
                    template=f"Trong bài, {acr} là viết tắt của cụm từ nào?",
                    shape="acronym",
                    head=acr,
                    score=score,
                    cloze_ok=False,
                )
                continue
            # A brand acronym ("UN Women"): the full name starts at an organisation head word.
            # The name starts at the leftmost organisation head with no verb between it and the
            # acronym: "phối hợp cùng Quỹ Dân số Liên hợp quốc (UNFPA)" -> "Quỹ Dân số Liên hợp quốc".
            clause_start = max(text.rfind(";", 0, m.start()), 0)
            # "Phòng" is no head in running text ("phòng, chống"), but a capitalised one before a
            # bracketed acronym opens the name: "Phòng Cảnh sát Liên hợp quốc (UNPOL)".
            found = [*self.org_head_re.finditer(text, clause_start, m.start())]
            found += [*_BRAND_ROOM.finditer(text, clause_start, m.start())]
            heads = sorted(
                (h for h in found if not _NAME_BREAK_RE.search(text[h.start() : m.start()])),
                key=lambda h: h.start(),
            )
            if not heads:
                continue
            h = heads[0]
            line = self.gaz.police_codes.get(acr)
            if line and fold_for_match(text[: m.start()].rstrip()).endswith(fold_for_match(line)):
                # "Ban chuyên án của Phòng Cảnh sát điều tra tội phạm về ma túy (CSMT)": a police code
                # names the department whose line of work it spells, not the team of that department.
                at = len(text[: m.start()].rstrip()) - len(line)
                h = max((x for x in heads if x.start() < at), key=lambda x: x.start(), default=h)
            phrase = text[h.start() : m.start()].strip()
            if phrase == h.group("head"):
                continue  # "Liên hợp quốc (UNPOL)": the head alone is no body's full name
            if (re.search(r"[,;]", phrase) and not re.search(r"\svề\s", phrase)) or len(phrase.split()) > 16:
                continue
            if re.search(r"[()]", phrase):
                continue  # "Phái bộ Cộng hòa Trung Phi (MINUSCA) và Cộng hòa Nam Sudan (UNMISS)": two bodies

            if len(phrase.split()) < 2 or acr in self.gaz.common_acronyms:
                continue
            if re.fullmatch(r"P?[A-K]\d{2}", acr) and h.group("head") in ("Đội", "Tổ", "Trạm"):
                continue  # "PC07", "C06" name a department or a directorate, never a team under it
            known = self.gaz.un_bodies.get(acr)
            if known and fold_for_match(phrase).split()[:2] != fold_for_match(known).split()[:2]:
                # "Liên hợp quốc tại Phái bộ Nam Sudan (UNMISS)": the words before the bracket
                # are not the body's name (Phái bộ Liên hợp quốc tại Nam Sudan), so neither the
                # name nor the head word to ask it by can be taken from them.
                continue
            yield Fact(
                QType.ACRONYM,
                "brand",
                phrase,
                phrase,
                s,
                h.start(),
                m.end(),
                template=f"{acr} là tên viết tắt của {h.group('head').lower()} nào?",
                shape=f"org:{h.group('head')}",
                head=acr,
                score=0.7,
                cloze_ok=False,
            )
            head_l = h.group("head").lower()
            if re.search(r"(?:các|những|hai|ba)\s+$", text[: h.start()]):
                # "tại các Phái bộ Cộng hòa Trung Phi (MINUSCA) và Cộng hòa Nam Sudan (UNMISS)": the
                # head word is shared by a list; "các phái bộ nào" would ask for all of them.
                continue
            parent = r"(?:Công an|Bộ|Cục|Tổng cục|Sở|UBND|Ủy ban|Bộ Chỉ huy|Học viện|Quân khu)(?!\w)"
            if re.match(rf"\s+(?!{parent})[{UPPER}]", text[m.end() :]):
                # "Văn phòng liên lạc qua biên giới (BLO) Mộc Bài, Xa Mát": the name goes on after the
                # bracket, and "văn phòng nào Mộc Bài" would ask half of it (fresh66 dev drafts); the
                # body it belongs to may follow ("(CSMT) Công an tỉnh").
                continue
            if "." in acr or re.search(r"\w{3,}\d", acr):
                # "BVDC2.7", "VNFPU1": coined for this article, with no like to stand beside it
                # (unlike a unit's code: "C06", "PC04").
                continue
            yield Fact(
                QType.ORG,
                "org",
                acr,
                acr,
                s,
                h.start(),
                m.end(),
                qphrase=f"{head_l} nào",
                shape=f"org:acronym:{h.group('head')}",
                head=h.group("head"),
                score=0.8,
            )

    _ORG_CONTEXT_RE = re.compile(
        r"(?:phối hợp (?:cùng|với)|hỗ trợ (?:tài chính |kỹ thuật )?(?:của|từ)|tài trợ (?:của|từ)|"
        r"sự hỗ trợ (?:tài chính |kỹ thuật )?(?:của|từ)|thông qua|do|với sự tham gia của|ký kết với)\s+"
    )

    def _orgs(self, s: Sentence, main_org: str | None) -> Iterator[Fact]:
        text = s.text
        for cm in self._ORG_CONTEXT_RE.finditer(text):
            pos = cm.end()
            h = self.org_head_re.match(text, pos)
            if not h:
                continue
            end = self._org_end(text, h.end())
            parts = [text[pos:end]]
            while True:
                nm = re.match(r"\s+và\s+", text[end:])
                if not nm:
                    break
                h2 = self.org_head_re.match(text, end + nm.end())
                if not h2:
                    break
                end2 = self._org_end(text, h2.end())
                parts.append(text[end + nm.end() : end2])
                end = end2
            if re.match(r"[^,;()]*\(", text[end:]):
                continue  # an organisation with an acronym: the acronym rule asks about it
            span = text[pos:end]
            head = h.group("head")
            if len(span.split()) <= len(head.split()) or (
                main_org and fold_for_match(span) == fold_for_match(main_org)
            ):
                continue
            plural = len(parts) > 1
            if head == "Chính phủ":
                qp = "chính phủ những nước nào" if plural else "chính phủ nước nào"
            else:
                qp = f"những {head.lower()} nào" if plural else f"{head.lower()} nào"
            yield Fact(
                QType.ORG,
                "org",
                span,
                span,
                s,
                pos,
                end,
                qphrase=qp,
                shape=f"org:{head}" + (":pair" if plural else ""),
                head=head,
                score=0.8,
            )

    # The clause's verb after the acting body; a bracket that places it ("(Bộ đội Biên phòng tỉnh Tây
    # Ninh)") and the day may come between. A body that reports ("Bộ đội Biên phòng tỉnh Kiên Giang
    # thông tin, ...") acts too: gold writers asked which body reported (fresh58, fresh59).
    _SUBJECT_VERB_RE = re.compile(
        r"(?:\s*\([^()]{2,60}\))?(?:\s+ngày\s+\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)?"
        r"\s+(?:đã\s+|sẽ\s+|vừa\s+)?(?:tổ chức|phối hợp|ký|ban hành|triển khai|khai giảng|tiếp|chủ trì"
        r"|công bố|tổng kết|phát động|ra mắt|thông tin|cho biết|cho hay|thông báo|bắt giữ|bắt quả tang"
        r"|triệt phá|khởi tố)\b"
    )

    def _subject_org(self, s: Sentence, main_org: str | None) -> Iterator[Fact]:
        """The organisation doing the main clause's action: "Công an tỉnh Nghệ An tổ chức hội nghị"."""
        text = s.text
        # Up to two openers before the body ("Ngày 4.2, "), the fewest that reach one: the longest
        # reach took the body's own clause for an opener ("Ngày 4.2, Bộ đội ... thông tin, các ...").
        h = None
        for k in range(3):
            opener = re.match(rf"(?:[^,;]{{1,40}},\s*){{{k}}}", text)
            if opener is None:
                break
            pos = opener.end()
            h = self.org_head_re.match(text, pos)
            if h and self._leading_adverbial_prefix(text[:pos]):
                break
            h = None
        if h is None:
            return
        end = self._org_end(text, h.end())
        if not self._SUBJECT_VERB_RE.match(text, end):
            return
        # "Đồn biên phòng Tuyên Bình (Bộ đội Biên phòng tỉnh Tây Ninh)": the bracket places the body;
        # the body is the answer.
        end = pos + len(re.sub(r"\s*\([^()]*\)$", "", text[pos:end]))
        span = text[pos:end]
        head = h.group("head")
        if len(span.split()) <= len(head.split()):
            return
        if main_org and fold_for_match(span) == fold_for_match(main_org):
            return  # the article's own ministry: every reader knows it
        # "Bộ đội Biên phòng tỉnh nào", as "công an tỉnh nào": the level the name goes on with.
        level = re.match(r"\s+(tỉnh|thành phố)\s", text[h.end() : end + 1])
        asked = f"{head[:1].lower()}{head[1:]}" + (f" {level.group(1)}" if level else "")
        if head.startswith(
            ("Bộ đội", "Bộ Chỉ huy", "Đồn", "Ban Chỉ huy", "Cơ quan Cảnh sát", "Cơ quan An ninh")
        ):
            asked = asked.lower()  # "đồn biên phòng nào", "bộ đội biên phòng tỉnh nào": a kind, not a name
        yield Fact(
            QType.ORG, "org", span, span, s, pos, end, qphrase=f"{asked} nào",
            shape=f"org:{head}", head=head, score=0.75,
        )  # fmt: skip

    def _units(self, s: Sentence) -> Iterator[Fact]:
        text = s.text
        for m in self.unit_head_re.finditer(text):
            head = m.group("head")
            words = []
            end = m.start() + len(head)
            at = 0
            for wm in re.finditer(r"\s+([^\s,;:()\"]+)", text[end:]):
                if wm.start() != at:
                    break  # a comma or a bracket between: the name has ended ("Đak Pơ, nguyên nhân")
                at = wm.end()
                word = wm.group(1)
                if word in (
                    "nhằm",
                    "để",
                    "tại",
                    "trong",
                    "do",
                    "được",
                    "đã",
                    "sẽ",
                    "với",
                    "và",
                    "cho",
                    "của",
                    "tổ",
                    "phối",
                    "cùng",
                    "là",
                    "có",
                    "đến",
                    "tới",
                    "khi",
                    "đang",
                    "vào",
                ):
                    break  # a preposition, or the clause's verb ("tổ chức", "phối hợp"): the name ended
                words.append(word)
                end = m.start() + len(head) + wm.end()
                if len(words) >= 16:
                    break
            phrase = text[m.start() : end]
            has_number = re.search(r"số \d+$", phrase)
            if not words or (len(words) < 3 and not has_number):
                continue
            if not any(w[:1].isupper() for w in words) and not has_number and len(words) < 4:
                continue
            yield Fact(
                QType.WHAT,
                "unit",
                phrase,
                phrase,
                s,
                m.start(),
                end,
                qphrase=f"{head.lower()} nào",
                shape=f"unit:{head}" + (":numbered" if has_number else ""),
                head=head,
                score=0.75,
            )
