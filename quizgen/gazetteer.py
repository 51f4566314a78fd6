"""The curated gazetteer shipped with quizgen (quizgen/data/gazetteer.yaml), loaded once."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources

import yaml

from quizgen.normalize import fold_for_match, normalize_text, word_re


@dataclass(frozen=True)
class Gazetteer:
    ranks: dict[str, tuple[str, ...]]
    titles: tuple[str, ...]
    honorifics: tuple[str, ...]
    surnames: frozenset[str]
    people: dict[str, tuple[str, ...]]
    org_heads: tuple[str, ...]
    orgs: dict[str, tuple[str, ...]]
    un_bodies: dict[str, str]
    countries: tuple[str, ...]
    places: dict[str, tuple[str, ...]]
    alias_groups: tuple[frozenset[str], ...]
    common_acronyms: frozenset[str]
    programmes: dict[str, tuple[str, ...]]
    topics: tuple[str, ...]
    roles: tuple[str, ...] = ()
    venues: tuple[str, ...] = ()
    famous: frozenset[str] = frozenset()  # folded names every officer knows (famous_leaders)
    historical: frozenset[str] = frozenset()  # folded names of the founders the text only recalls
    local_units: dict[str, tuple[str, ...]] = field(default_factory=dict)  # options for local police
    charges: dict[str, tuple[str, ...]] = field(default_factory=dict)  # Penal Code offences by family
    law_partners: dict[str, str] = field(default_factory=dict)  # foreign police bodies by acronym
    conservation_partners: dict[str, str] = field(default_factory=dict)  # wildlife bodies by acronym
    police_codes: dict[str, str] = field(default_factory=dict)  # "CSMT" -> its department's line of work
    awards: dict[str, tuple[str, ...]] = field(default_factory=dict)  # orders, medals, titles by kind
    # Province -> level ("huyện", "quận", "thị xã", "thành phố") -> district names (data/districts.yaml).
    districts: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    # Province or city (today's and former) -> rough (latitude, longitude) of its middle.
    centres: dict[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def all_ranks(self) -> tuple[str, ...]:
        return tuple(r for group in self.ranks.values() for r in group)

    def rank_group(self, rank: str) -> tuple[str, ...]:
        key = fold_for_match(rank)
        for group in self.ranks.values():
            if any(fold_for_match(r) == key for r in group):
                return group
        return ()

    def aliases_of(self, text: str) -> frozenset[str]:
        """Folded names that denote the same thing as ``text`` (itself included)."""
        key = fold_for_match(text)
        found = {key}
        for group in self.alias_groups:
            if key in group:
                found |= group
        return frozenset(found)

    def place_kind(self, place: str) -> str | None:
        key = fold_for_match(place)
        for kind, names in self.places.items():
            if any(fold_for_match(n) == key for n in names):
                return "provinces" if kind == "former_provinces" else kind  # options: today's provinces
        if any(fold_for_match(c) == key for c in self.countries):
            return "countries"
        for group in self.alias_groups:
            if key in group:
                for member in sorted(group):
                    alias_kind = next(
                        (k for k, ns in self.places.items() if any(fold_for_match(n) == member for n in ns)),
                        None,
                    )
                    if alias_kind:
                        return alias_kind
        return None

    @functools.cached_property
    def country_lookalikes(self) -> re.Pattern[str]:
        """Vietnam's places whose names hold a country's ("Lào Cai"), to be read past when a text is
        searched for a country."""
        local = [p for k in ("provinces", "cities", "former_provinces") for p in self.places.get(k, ())]
        like = [p for p in local if any(word_re(c).search(p) for c in self.countries if c != "Việt Nam")]
        return re.compile("|".join(rf"(?<!\w){re.escape(p)}(?!\w)" for p in like) or r"(?!x)x")

    def by_nearness(self, place: str, candidates: tuple[str, ...] | list[str]) -> list[str]:
        """``candidates`` nearest to ``place`` first (both by the names the centres list, with or
        without "Thành phố"); [] when either is not listed, so the caller keeps its own order."""
        centres = {bare_place(k): v for k, v in self.centres.items()}

        def centre(name: str) -> tuple[float, float] | None:
            for key in (bare_place(name), *(bare_place(a) for a in sorted(self.aliases_of(name)))):
                if key in centres:
                    return centres[key]
            return None

        here = centre(place)
        if here is None or not all(centre(c) for c in candidates):
            return []
        lat, lon = here

        def distance(name: str) -> float:
            c = centre(name)
            assert c is not None
            # A degree of longitude is about 0.97 of a degree of latitude at Vietnam's latitudes.
            return (c[0] - lat) ** 2 + ((c[1] - lon) * 0.97) ** 2

        return sorted(candidates, key=lambda c: (distance(c), c))

    def body_across(self, text: str, at: int, start: int = 0) -> int | None:
        """The end of a body the gazetteer lists that runs across ``at`` in ``text`` (from ``start``,
        case aside), or None: "Thứ trưởng Bộ Thông tin | và Truyền thông" goes on to "Truyền thông"."""
        folded = text.casefold()
        for names in self.orgs.values():
            for name in names:
                k = folded.find(name.casefold(), start, at + len(name))
                if 0 <= k < at < k + len(name):
                    return k + len(name)
        return None

    def provinces_of_district(self, name: str, level: str) -> tuple[str, ...]:
        """The provinces that have a district ``name`` of ``level`` ("Châu Thành" is in nine)."""
        key = fold_for_match(name)
        return tuple(
            province
            for province, levels in self.districts.items()
            if any(fold_for_match(n) == key for n in levels.get(level, ()))
        )


def bare_place(name: str) -> str:
    """ "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "tỉnh Nghệ An" -> the folded name alone."""
    return re.sub(r"^(?:thành phố|tp\.?|tỉnh)\s*", "", fold_for_match(name))


def _tuple(values: list[str]) -> tuple[str, ...]:
    return tuple(normalize_text(str(v)) for v in values)


@functools.cache
def load_gazetteer() -> Gazetteer:
    raw = yaml.safe_load(
        resources.files("quizgen").joinpath("data/gazetteer.yaml").read_text(encoding="utf-8")
    )
    return Gazetteer(
        ranks={k: _tuple(v) for k, v in raw["ranks"].items()},
        titles=tuple(sorted(_tuple(raw["titles"]), key=len, reverse=True)),
        honorifics=_tuple(raw["honorifics"]),
        surnames=frozenset(_tuple(raw["surnames"])),
        people={k: _tuple(v) for k, v in raw["people"].items()},
        org_heads=tuple(sorted(_tuple(raw["org_heads"]), key=len, reverse=True)),
        orgs={normalize_text(k): _tuple(v) for k, v in raw["orgs"].items()},
        un_bodies={normalize_text(k): normalize_text(v) for k, v in raw["un_bodies"].items()},
        countries=_tuple(raw["countries"]),
        places={k: _tuple(v) for k, v in raw["places"].items()},
        alias_groups=tuple(frozenset(fold_for_match(a) for a in g) for g in raw["aliases"]),
        common_acronyms=frozenset(_tuple(raw["common_acronyms"])),
        programmes={normalize_text(k): _tuple(v) for k, v in raw["programmes"].items()},
        topics=_tuple(raw["topics"]),
        roles=_tuple(raw.get("roles", [])),
        venues=_tuple(raw.get("venues", [])),
        famous=frozenset(fold_for_match(n) for n in _tuple(raw.get("famous_leaders", []))),
        historical=frozenset(fold_for_match(n) for n in _tuple(raw.get("historical_figures", []))),
        local_units={k: _tuple(v) for k, v in raw.get("local_units", {}).items()},
        charges={k: _tuple(v) for k, v in raw.get("charges", {}).items()},
        law_partners={normalize_text(k): normalize_text(v) for k, v in raw.get("law_partners", {}).items()},
        conservation_partners={
            normalize_text(k): normalize_text(v) for k, v in raw.get("conservation_partners", {}).items()
        },
        police_codes={normalize_text(k): normalize_text(v) for k, v in raw.get("police_codes", {}).items()},
        awards={k: _tuple(v) for k, v in raw.get("awards", {}).items()},
        centres={
            normalize_text(k): (float(v[0]), float(v[1])) for k, v in raw.get("province_centres", {}).items()
        },
        districts={
            normalize_text(province): {level: _tuple(names) for level, names in levels.items()}
            for province, levels in yaml.safe_load(
                resources.files("quizgen").joinpath("data/districts.yaml").read_text(encoding="utf-8")
            ).items()
        },
    )


@dataclass(frozen=True)
class Communes:
    """Communes, wards and townships by level ("xã", "phường", "thị trấn", "đặc khu").

    ``legacy``: province -> district -> level -> names, as they stood before 1 July 2025;
    ``current``: province -> level -> names, after the reform abolished the district level."""

    legacy: dict[str, dict[str, dict[str, tuple[str, ...]]]]
    current: dict[str, dict[str, tuple[str, ...]]]


@functools.cache
def load_communes() -> Communes:
    """data/communes.json (scripts/make_communes.py), read only when a commune is asked."""
    raw = json.loads(resources.files("quizgen").joinpath("data/communes.json").read_text(encoding="utf-8"))
    return Communes(
        legacy={
            normalize_text(p): {
                normalize_text(d): {lv: _tuple(ns) for lv, ns in levels.items()} for d, levels in ds.items()
            }
            for p, ds in raw["legacy"].items()
        },
        current={p: {lv: _tuple(ns) for lv, ns in levels.items()} for p, levels in raw["current"].items()},
    )
