"""Write quizgen/data/districts.yaml: every province's districts as they stood before 1 July 2025.

Run once by a developer, not by quizgen (which reads the YAML it writes):

    python -m venv /tmp/vnadm && /tmp/vnadm/bin/pip install vietnamadminunits==1.0.4
    /tmp/vnadm/bin/python scripts/make_districts.py

The source is the legacy table of `vietnamadminunits` (MIT; the General Statistics Office's list of
administrative units). Articles before the 2025 reform, and many after it, name the police of a
district ("Công an huyện Thạch An"); its options are the other districts of the same province.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "quizgen" / "data" / "districts.yaml"
LEVELS = ("quận", "huyện", "thị xã", "thành phố")


def main() -> None:
    db = resources.files("vietnamadminunits").joinpath("data/dataset.db")
    rows = sqlite3.connect(str(db)).execute(
        "select distinct provinceShort, districtType, districtShort from admin_units_legacy"
    )
    table: dict[str, dict[str, set[str]]] = {}
    for province, level, district in rows:
        nfc = [unicodedata.normalize("NFC", x) for x in (province, level.lower(), district)]
        nfc[2] = nfc[2].removeprefix("Quận ")  # "Quận 1" is district "1" of level "quận"
        table.setdefault(nfc[0], {}).setdefault(nfc[1], set()).add(nfc[2])
    lines = [
        "# Districts of each province as they stood before 1 July 2025, when the district level was",
        "# abolished (news before it, and much after it, names a district's police or a place by them).",
        "# Written by scripts/make_districts.py from vietnamadminunits 1.0.4 (MIT, GSO's list); do not edit.",
    ]
    for province in sorted(table, key=lambda p: unicodedata.normalize("NFD", p)):
        lines.append(f"{province}:")
        for level in LEVELS:
            names = sorted(
                table[province].get(level, ()),
                key=lambda n: (
                    not n.isdigit(),
                    int(n) if n.isdigit() else 0,
                    unicodedata.normalize("NFD", n),
                ),
            )
            if names:
                lines.append(f"  {level}: [{', '.join(names)}]")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {sum(len(v) for p in table.values() for v in p.values())} districts")


if __name__ == "__main__":
    main()
