"""SSOT006 duplicate-enum: the same enum defined in two production modules."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from ssotlint.discover.modules import importable
from ssotlint.extract.summary import CTX_TYPE_CHECKING, ClassRecord
from ssotlint.model.project import Project, SourceFile
from ssotlint.rules.base import Example, Rule, Violation


def check(project: Project) -> Iterator[Violation]:
    by_name: dict[str, list[tuple[SourceFile, ClassRecord]]] = defaultdict(list)
    for f, c in project.top_level_classes(project.production_files()):
        if not c.context & CTX_TYPE_CHECKING and project.is_enum(f.module, c):  # type: ignore[arg-type]
            by_name[c.name].append((f, c))
    preferred = {m: i for i, m in enumerate(project.config.canonical_enum_modules)}
    for name, definitions in by_name.items():
        if len({f.module for f, _ in definitions}) < 2:
            continue
        canonical = min(
            definitions,
            key=lambda d: (
                preferred.get(d[0].module, len(preferred)),
                not importable(d[0].module),  # type: ignore[arg-type]
                d[0].path,
                d[1].line,
            ),
        )
        for f, c in definitions:
            if f.module == canonical[0].module:
                continue
            yield Violation(
                "SSOT006",
                f.path,
                c.line,
                c.col,
                f"enum {name} is also defined in {canonical[0].module} ({canonical[0].path}), "
                f"and members of different enums never compare equal; import {name} from "
                f"{canonical[0].module} (the canonical definition)",
                # The definition, not the canonical it is compared with (that is in the message).
                key=f"enum:{name}",
                details={
                    "enum": name,
                    "module": f.module,
                    "canonical": f"{canonical[0].module}.{name}",
                    "canonical_path": canonical[0].path,
                },
            )


RULE = Rule(
    code="SSOT006",
    name="duplicate-enum",
    summary="The same enum defined in more than one production module",
    check=check,
    valid=(
        Example(
            {
                "app/__init__.py": "",
                "app/enums.py": "from enum import Enum\n\nclass ExecutionStatus(Enum):\n    DONE = 'done'\n",
                "app/use.py": "from app.enums import ExecutionStatus\nStatus = ExecutionStatus\n",
                "tests/test_enums.py": "from enum import Enum\n\nclass ExecutionStatus(Enum):\n    DONE = 'done'\n",
            }
        ),
    ),
    invalid=(
        Example(
            {
                "app/__init__.py": "",
                "app/base.py": "import enum\n\nclass StrEnumBase(str, enum.Enum):\n    pass\n",
                "app/schemas/__init__.py": "",
                "app/schemas/core_enums.py": "from enum import IntEnum\n\nclass ExecutionStatus(IntEnum):\n    DONE = 1\n",
                "app/agents/status.py": "from app.base import StrEnumBase\n\n\nclass ExecutionStatus(StrEnumBase):\n    DONE = 'done'\n",
            },
            expect=(("app/agents/status.py", 4),),
            config='canonical-enum-modules = ["app.schemas.core_enums"]\n',
        ),
    ),
)
