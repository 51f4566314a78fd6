from __future__ import annotations

from quizgen.gazetteer import load_gazetteer


def test_no_entry_was_split_at_a_comma() -> None:
    """An unquoted "Bộ Văn hóa, Thể thao và Du lịch" in a [...] list becomes two broken names."""
    gaz = load_gazetteer()
    for head, names in gaz.orgs.items():
        for name in names:
            # A fragment ("Thể thao và Du lịch", "chống tội phạm ...") starts with neither its group's head nor an organisation head.
            assert any(name.startswith(h + " ") for h in (head, *gaz.org_heads)), (head, name)
    for group in gaz.programmes.values():
        for name in group:
            assert name[:1].isupper(), name
