"""The place family's lookups: is a name a place or a country of the gazetteer (folded, indexed
once per process: the people family and the distractor stage ask for every proper noun)."""

from __future__ import annotations

import functools

from quizgen.gazetteer import load_gazetteer
from quizgen.normalize import fold_for_match


@functools.cache
def _index() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    gaz = load_gazetteer()
    places = {fold_for_match(p) for names in gaz.places.values() for p in names}
    for group in gaz.alias_groups:
        if group & places:
            places |= group
    countries = frozenset(fold_for_match(c) for c in gaz.countries)
    return frozenset(places), countries, tuple(sorted(places | countries))


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
    """"Hồ Chí Minh" inside "Thành phố Hồ Chí Minh": part of a place's name."""
    key = fold_for_match(name)
    return any(key in p for p in _index()[2])
