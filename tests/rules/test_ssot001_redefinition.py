"""A class defined twice in one module (SSOT001, SSOT006): the earlier class is dead only when
nothing between the two statements uses it; ``class X(X)`` extends it and is not reported."""

from __future__ import annotations

_ERRORS = (
    "class ProviderError(Exception):\n    recoverable = True\n\n\n"
    "class AccessDeniedError(ProviderError):\n    code = 'denied'\n\n\n"
    "class ProviderError(Exception):\n    recoverable = False\n"
)


def _findings(make_repo, cli, files: dict[str, str], rule: str = "SSOT001") -> list[dict]:
    root = make_repo({"app/__init__.py": "", **files})
    result = cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", rule)
    return [v for v in result.json()["violations"] if v["rule"] == rule]


def test_a_redefinition_used_in_between_is_not_called_dead(make_repo, cli):
    """The first ProviderError is the base of AccessDeniedError: the module now has two
    different ProviderError classes, and the message says so instead of "dead"."""
    (found,) = _findings(make_repo, cli, {"app/errors.py": _ERRORS})
    assert (found["path"], found["line"]) == ("app/errors.py", 9)
    assert "dead" not in found["message"]
    assert "first at line 1, which AccessDeniedError (line 5) uses" in found["message"]
    assert "two different classes of one name" in found["message"]


def test_an_unused_redefinition_is_dead(make_repo, cli):
    source = "class ProviderError(Exception):\n    recoverable = True\n\n\nclass ProviderError(Exception):\n    x = 1\n"
    (found,) = _findings(make_repo, cli, {"app/errors.py": source})
    assert found["message"].endswith("this definition replaces the earlier one, which is dead: keep one")


def test_a_compatibility_subclass_of_the_same_name_is_not_reported(make_repo, cli):
    source = "class Denied(Exception):\n    status = 403\n\n\nclass Denied(Denied):\n    detail = 'no'\n"
    assert _findings(make_repo, cli, {"app/errors.py": source}) == []


def test_an_enum_redefinition_used_in_between_is_not_called_dead(make_repo, cli):
    source = (
        "import enum\n\n\nclass Color(enum.Enum):\n    RED = 1\n\n\n"
        "class Paint:\n    default = Color.RED\n\n\n"
        "class Color(enum.Enum):\n    BLUE = 2\n"
    )
    (found,) = _findings(make_repo, cli, {"app/colors.py": source}, "SSOT006")
    assert "dead" not in found["message"] and "Paint (line 8) uses" in found["message"]
