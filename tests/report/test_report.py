"""``ssotlint report``: a self-contained, well-formed, escaped HTML page that says what `score` says."""

from __future__ import annotations

import re
import shutil
from html import escape, unescape
from pathlib import Path

import pytest

from ssotlint.report.html import SCRIPT, link_for
from tests.conftest import REPO_ROOT, git, write_files
from tests.report.htmlcheck import check_html

SAMPLE = REPO_ROOT / "examples" / "sample_repo"
HOSTILE_NAME = "evil<script>alert(1)</script>&.py"
HOSTILE_ROOT = "x<script>alert(5)<&'y"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The bundled sample repository, with a short history: a clean start, then everything."""
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns(".ssotlint_cache"))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "pyproject.toml", "app/__init__.py", "app/config.py", "app/websocket/__init__.py", "app/websocket/unified_manager.py")
    git(root, "commit", "-q", "-m", "start")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "everything")
    return root


def _report(cli, root: Path, tmp_path: Path, *extra: str) -> str:
    out = tmp_path / "report.html"
    result = cli("report", str(root), "--output", str(out), *extra)
    assert result.code == 0, result.err
    assert result.out.startswith(f"Wrote {out}: overall ")
    return out.read_text(encoding="utf-8")


def test_headline_equals_score_json(cli, sample, tmp_path):
    page = _report(cli, sample, tmp_path)
    score = cli("score", str(sample), "--format", "json").json()
    for kind in ("overall", "production", "tests"):
        card = re.search(rf'<div class="card {kind}" id="score-{kind}" data-score="([0-9.]+)">(.*?)</div></div>', page)
        assert card is not None, kind
        assert float(card.group(1)) == score[kind]["score"]
        assert f'<div class="big">{score[kind]["score"]:.1f}%</div>' in card.group(2)
        assert f'{score[kind]["clean_files"]} of {score[kind]["files"]} files clean' in card.group(2)
        assert f'{score[kind]["violations"]} violation' in card.group(2)
    assert f'<h2>Violations ({score["overall"]["violations"]})</h2>' in page
    for code, count in score["by_rule"].items():
        assert re.search(rf'id="rule-{code}"[^>]*><summary><strong>{code}</strong> [a-z-]+ <span class="count">{count} in ', page)


def test_page_is_well_formed_and_self_contained(cli, sample, tmp_path):
    page = _report(cli, sample, tmp_path)
    checker = check_html(page)
    assert checker.scripts == [SCRIPT]
    # Nothing is fetched: no src/href to another resource, and the policy forbids it anyway.
    for tag, attrs in checker.elements:
        assert "src" not in attrs, tag
        if tag == "link":
            raise AssertionError("external stylesheet")
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href  # no --link: only in-page anchors
    policy = next(a["content"] for t, a in checker.elements if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert policy.startswith("default-src 'none';") and "script-src 'sha256-" in policy
    # Readable without JavaScript: the content is in the page, only the filter box waits for the script.
    assert '<p class="filter" hidden>' in page
    assert "SyntaxError: invalid syntax (unresolved merge-conflict marker at line 3)" in page


def test_trend_cycles_tables_and_facts(cli, sample, tmp_path):
    page = _report(cli, sample, tmp_path)
    head = git(sample, "rev-parse", "HEAD").strip()
    # Trend: two commits, the start and the current state, as score --history has them.
    history = cli("score", "--history", str(sample), "--format", "json").json()["commits"]
    first, last = (c["overall"]["score"] for c in history)
    assert first != last
    trend = re.search(r'<svg class="trend".*?</svg>', page, re.S).group(0)
    assert trend.count('<circle class="hit"') == 2
    assert f"{first:.1f}% — start" in trend and f"{last:.1f}% — everything" in trend
    assert f"{first:.1f}% at {history[0]['sha'][:10]} → {last:.1f}% at {head[:10]} ({last - first:+.1f})" in page
    # The cycle, drawn: both modules, both imports, the suggested one highlighted.
    figure = re.search(r'<figure class="cycle">.*?</figure>', page, re.S).group(0)
    assert figure.count('<circle class="node"') == 2
    assert figure.count('<g class="edge breaker">') == 1 and figure.count('<g class="edge">') == 1
    # The suggestion is the import a function can take: registry.py needs `Supervisor` at
    # module level, supervisor.py reads `AGENTS` only in a method.
    assert "app/agents/supervisor.py:3" in re.search(r'<g class="edge breaker">.*?</g>', figure, re.S).group(0)
    assert "app.agents.registry → app.agents.supervisor → app.agents.registry" in figure
    # Packages, worst first.
    packages = re.findall(r'<tr><td data-sort="([^"]+)">', re.search(r'id="package-table".*?</table>', page, re.S).group(0))
    assert packages == ["tests", "app", "test_framework"]
    # Facts.
    assert f"<tr><th>Commit</th><td>{head}</td></tr>" in page
    assert "<tr><th>Files not parsable (SSOT000)</th><td>1</td></tr>" in page
    assert "<code>test-base-classes</code>" in page


def test_hostile_names_are_escaped(cli, make_repo, tmp_path):
    root = make_repo(
        {
            "app/__init__.py": "",
            f"app/{HOSTILE_NAME}": "import app.nowhere  # </li></ul><script>alert(2)</script>\n",
            # A source root whose name is markup: messages and the cycle graph carry its paths.
            f"{HOSTILE_ROOT}/lib/__init__.py": "",
            f"{HOSTILE_ROOT}/lib/a.py": "from lib import b\n\nLIMIT = b.VALUE\n",
            f"{HOSTILE_ROOT}/lib/b.py": "from lib import a\n\nVALUE = 1\n",
        },
        config=f'src = ["{HOSTILE_ROOT}"]\n',
        git_init=True,
    )
    (root / "app/c.py").write_text("X = 1\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", '<img src=x onerror="alert(3)"> & <script>alert(4)</script>')
    head = git(root, "rev-parse", "HEAD").strip()
    page = _report(cli, root, tmp_path, "--link", "https://git.example/{sha}/{path}#L{line}")
    checker = check_html(page)
    assert checker.scripts == [SCRIPT]  # the page's own script, no other
    assert page.count("<script") == 1 and "<img" not in page
    assert "evil&lt;script&gt;alert(1)&lt;/script&gt;&amp;.py" in page
    messages = cli("check", str(root), "--format", "json").json()["violations"]
    hostile = [v["message"] for v in messages if "<script>" in v["message"]]
    assert hostile  # the cycle's message names the files
    for message in hostile:
        assert f" {escape(message)}" in page
    figure = re.search(r'<figure class="cycle">.*?</figure>', page, re.S).group(0)
    assert "x&lt;script&gt;alert(5)&lt;&amp;&#x27;y/lib/a.py:1" in figure
    assert "&lt;img src=x onerror=&quot;alert(3)&quot;&gt; &amp; &lt;script&gt;alert(4)&lt;/script&gt;" in page
    links = [a["href"] for t, a in checker.elements if t == "a" and a.get("href", "").startswith("https:")]
    assert f"https://git.example/{head}/app/evil%3Cscript%3Ealert%281%29%3C/script%3E%26.py#L1" in links  # a folder, then a file
    assert all(re.fullmatch(r"https://git\.example/[0-9a-f]{40}/[A-Za-z0-9%/._-]+#L\d+", link) for link in links)


def test_link_for_quotes_each_path_component():
    assert link_for("u/{sha}/{path}#L{line}", "abc", "a b/c?d#e.py", 7) == "u/abc/a%20b/c%3Fd%23e.py#L7"
    assert link_for("{path}", "s", "../x/..%2f.py", 1) == "../x/..%252f.py"


def test_thousands_of_violations_stay_collapsed(cli, make_repo, tmp_path):
    files = {"app/__init__.py": ""}
    files.update({f"app/m{i}.py": f"import app.gone{i}\nimport app.also_gone\n" for i in range(1500)})
    root = make_repo(files)
    page = _report(cli, root, tmp_path, "--history", "0")
    check_html(page)
    assert "<h2>Violations (3000)</h2>" in page
    assert '<details class="rule" id="rule-SSOT003"><summary>' in page  # closed: 3000 violations
    assert page.count('<details class="file"><summary>') == 1500  # closed too
    assert page.count("<li data-filter=") == 3000
    assert len(page) < 3_000_000


def test_outside_git_and_without_history(cli, make_repo, tmp_path):
    root = make_repo({"a.py": "import nowhere_first_party\n"})
    page = _report(cli, root, tmp_path)
    check_html(page)
    assert "Not a git repository: no history." in page
    assert "<tr><th>Commit</th><td>none</td></tr>" in page


def test_gaps_in_the_trend(cli, make_repo, tmp_path):
    root = make_repo({"app/__init__.py": "", "app/a.py": "X = 1\n"}, git_init=True)
    shutil.rmtree(root / "app")
    (root / "README").write_text("no python\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "no python here")
    write_files(root, {"app/__init__.py": "", "app/a.py": "X = 2\n"})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "back")
    page = _report(cli, root, tmp_path)
    trend = re.search(r'<svg class="trend".*?</svg>', page, re.S).group(0)
    assert trend.count('<rect class="gap"') == 1 and "not analysed: no Python files" in trend
    assert trend.count('<circle class="hit"') == 2
    assert "1 commit could not be analysed" in page
    page = _report(cli, root, tmp_path, "--history", "1")
    assert re.search(r'<svg class="trend".*?</svg>', page, re.S).group(0).count('<circle class="hit"') == 1


def test_output_is_written_atomically_and_errors_exit_2(cli, sample, tmp_path, capsys):
    out = tmp_path / "report.html"
    out.write_text("old report")
    assert cli("report", str(sample), "-o", str(out)).code == 0
    assert unescape(out.read_text()).startswith("<!DOCTYPE html>")
    result = cli("report", str(sample), "-o", str(tmp_path))
    assert result.code == 2 and "is a folder" in result.err
    result = cli("report", str(sample), "-o", str(tmp_path / "missing" / "r.html"))
    assert result.code == 2 and "does not exist" in result.err
    result = cli("report", str(sample), "--history", "-1")
    assert result.code == 2 and "--history must be 0 or more" in result.err
    result = cli("report", str(sample), "-o", "-")
    assert result.code == 0 and result.out.startswith("<!DOCTYPE html>") and result.out.endswith("</html>\n")


def test_links_name_paths_from_the_top_of_the_repository(cli, make_repo, tmp_path):
    top = make_repo({"services/api/pyproject.toml": "[tool.ssotlint]\n", "services/api/app/a.py": "import app.gone\n"}, git_init=True)
    head = git(top, "rev-parse", "HEAD").strip()
    page = _report(cli, top / "services/api", tmp_path, "--link", "https://h/{sha}/{path}#L{line}")
    assert f'href="https://h/{head}/services/api/app/a.py#L1"' in page
    assert f"<tr><th>Commit</th><td>{head}</td></tr>" in page
    (top / "services/api/app/a.py").write_text("import app.gone\nX = 1\n")
    page = _report(cli, top / "services/api", tmp_path)
    assert f"<tr><th>Commit</th><td>{head} (with uncommitted changes)</td></tr>" in page
