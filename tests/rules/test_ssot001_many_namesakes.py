"""SSOT001 compares same-named classes pair by pair, and a Django project's migrations are
hundreds of ``Migration(migrations.Migration)`` classes: bluebottle's 1,788 are 1.6 million
pairs, which took the rule 80 seconds when each pair went through every test before the
one that settles them (variants of one namesake base, each found through its module). The
deciding test now comes first and its per-class part is worked out once per class."""

from __future__ import annotations

from ssotlint.rules import apart

_MIGRATION = (
    "from django.db import migrations, models\n\n\n"
    "class Migration(migrations.Migration):\n"
    "    dependencies = [('shop', '{previous}')]\n"
    "    operations = [migrations.AddField('order', 'f{n}', models.IntegerField())]\n"
)


def test_many_migrations_are_no_copies_and_each_pair_is_not_read_in_full(make_repo, cli, monkeypatch):
    files = {"shop/__init__.py": "", "shop/migrations/__init__.py": ""}
    for n in range(1, 121):
        files[f"shop/migrations/{n:04d}_step.py"] = _MIGRATION.replace("{previous}", f"{n - 1:04d}_step").replace("{n}", str(n))
    root = make_repo(files)
    calls = []
    real = apart.Apart.__call__

    def counted(self, *args, **kwargs):
        calls.append(args)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(apart.Apart, "__call__", counted)
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT001")
    assert result.json()["violations"] == []
    # 120 migrations are 7,140 pairs; none needs the layout's judgement.
    assert len(calls) < 120, len(calls)
