"""A strict well-formedness check of generated HTML, on Python's own ``html.parser``.

Every non-void element must be closed, in order (no implied end tags, no stray end tags);
void elements must not be closed; attributes may not repeat; ids are unique. This is
stricter than HTML5 requires, which is what a generated page should satisfy.
"""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# SVG elements written self-closed (<circle .../>) are complete on their own.
RAW_TEXT = {"script", "style"}


class StrictChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, tuple[int, int]]] = []
        self.errors: list[str] = []
        self.ids: set[str] = set()
        self.scripts: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.doctype = False
        self._in_script = False

    def handle_decl(self, decl: str) -> None:
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def _attributes(self, tag: str, attrs: list[tuple[str, str | None]]) -> dict[str, str | None]:
        names = [name for name, _ in attrs]
        if len(names) != len(set(names)):
            self.errors.append(f"repeated attribute in <{tag}> at {self.getpos()}")
        values = dict(attrs)
        if "id" in values:
            if values["id"] in self.ids:
                self.errors.append(f"duplicate id {values['id']!r} at {self.getpos()}")
            self.ids.add(values["id"] or "")
        self.elements.append((tag, values))
        return values

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attributes(tag, attrs)
        if tag in VOID:
            return
        self.stack.append((tag, self.getpos()))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attributes(tag, attrs)
        if tag in RAW_TEXT or (tag not in VOID and tag in {"div", "span", "p", "a", "li", "td"}):
            self.errors.append(f"<{tag}/> is not a valid self-closing element at {self.getpos()}")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.errors.append(f"</{tag}> closes a void element at {self.getpos()}")
            return
        if not self.stack:
            self.errors.append(f"stray </{tag}> at {self.getpos()}")
            return
        open_tag, where = self.stack.pop()
        if open_tag != tag:
            self.errors.append(f"</{tag}> at {self.getpos()} closes <{open_tag}> opened at {where}")
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and self.scripts:
            self.scripts[-1] += data

    def finish(self) -> list[str]:
        self.close()
        if not self.doctype:
            self.errors.append("no <!DOCTYPE html>")
        self.errors.extend(f"<{tag}> opened at {where} is never closed" for tag, where in self.stack)
        return self.errors


def check_html(text: str) -> StrictChecker:
    checker = StrictChecker()
    checker.feed(text)
    errors = checker.finish()
    assert errors == [], errors[:10]
    return checker
