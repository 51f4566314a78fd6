"""Write quizgen/data/communes.json: every commune, ward and township, before and after 1 July 2025.

Run once by a developer, not by quizgen (which reads the JSON it writes):

    python -m venv /tmp/vnadm && /tmp/vnadm/bin/pip install vietnamadminunits==1.0.4
    /tmp/vnadm/bin/python scripts/make_communes.py

The source is `vietnamadminunits` (MIT; the General Statistics Office's lists). News names the
scene of a raid or a suspect's home by its commune ("tại xã Xuân Trường, tỉnh Cao Bằng"); its
options are the other communes of the same district (before the 2025 reform) or of the same
province (after it, when the district level was abolished). JSON, not YAML: ten thousand names
are read in milliseconds, and only when such a place is asked.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "quizgen" / "data" / "communes.json"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _ward(level: str, ward: str) -> str:
    # "Phường 15" is ward "15" of level "phường", as "Quận 1" is district "1" in districts.yaml.
    bare = ward.removeprefix(level.capitalize() + " ")
    return bare if bare.isdigit() else ward


def _sorted(names: set[str]) -> list[str]:
    return sorted(
        names, key=lambda n: (not n.isdigit(), int(n) if n.isdigit() else 0, unicodedata.normalize("NFD", n))
    )


def main() -> None:
    db = sqlite3.connect(str(resources.files("vietnamadminunits").joinpath("data/dataset.db")))
    legacy: dict[str, dict[str, dict[str, set[str]]]] = {}
    rows = db.execute("select provinceShort, districtShort, wardType, wardShort from admin_units_legacy")
    for province, district, level, ward in rows:
        if not ward:
            continue
        district = _nfc(district).removeprefix("Quận ")
        by_level = legacy.setdefault(_nfc(province), {}).setdefault(district, {})
        by_level.setdefault(_nfc(level).lower(), set()).add(_ward(_nfc(level).lower(), _nfc(ward)))
    current: dict[str, dict[str, set[str]]] = {}
    for province, level, ward in db.execute("select provinceShort, wardType, wardShort from admin_units"):
        lv = _nfc(level).lower()
        current.setdefault(_nfc(province), {}).setdefault(lv, set()).add(_ward(lv, _nfc(ward)))
    data = {
        "source": "vietnamadminunits 1.0.4 (MIT, GSO's lists); written by scripts/make_communes.py",
        "legacy": {
            p: {d: {lv: _sorted(ns) for lv, ns in sorted(levels.items())} for d, levels in sorted(ds.items())}
            for p, ds in sorted(legacy.items())
        },
        "current": {
            p: {lv: _sorted(ns) for lv, ns in sorted(levels.items())} for p, levels in sorted(current.items())
        },
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    counted = sum(len(ns) for ds in data["legacy"].values() for lv in ds.values() for ns in lv.values())
    today = sum(len(ns) for lv in data["current"].values() for ns in lv.values())
    print(f"{OUT}: {counted} communes before 2025, {today} after")


if __name__ == "__main__":
    main()
