"""The HTML report in a real browser: headless Chromium (Debian's ``chromium`` package).

Skipped when chromium is not installed, except in CI (env ``CI`` set), where it fails:
.ci/run installs it.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from tests.report.test_report import sample  # noqa: F401 - the fixture

ACCENT = (0x09, 0x69, 0xDA)  # the overall card's border (--accent in the page's CSS)


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (CI must run the browser test; .ci/run installs it)")
        pytest.skip("chromium is not installed")
    return found


def _run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    binary = _chromium()
    command = [
        binary, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'chromium-profile'}", "--enable-logging=stderr", "--v=0", *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=tmp_path)


def png_pixels(data: bytes, rows: int) -> set[tuple[int, ...]]:
    """The distinct pixel values of a PNG's first ``rows`` rows (8-bit RGB or RGBA), decoded
    with the standard library: inflate the IDAT stream, undo each row's filter."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    previous = bytearray(stride)
    pixels: set[tuple[int, ...]] = set()
    for y in range(min(rows, height)):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = previous[i]
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                corner = previous[i - bpp] if i >= bpp else 0
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        pixels.update(tuple(line[i : i + 3]) for i in range(0, stride, bpp))
        previous = line
    return pixels


def test_png_decoder_sees_a_blank_page_as_blank(tmp_path):
    """The screenshot check below would catch an empty page."""
    page = tmp_path / "blank.html"
    page.write_text("<!DOCTYPE html><html><body></body></html>")
    shot = tmp_path / "blank.png"
    _run_chromium(tmp_path, f"--screenshot={shot}", "--window-size=400,300", page.as_uri())
    assert png_pixels(shot.read_bytes(), 300) == {(255, 255, 255)}


def test_report_renders_in_chromium(cli, sample, tmp_path):  # noqa: F811
    out = tmp_path / "report.html"
    assert cli("report", str(sample), "--output", str(out)).code == 0
    score = cli("score", str(sample), "--format", "json").json()

    # The DOM after the script ran, opened filtered to one rule through the URL.
    result = _run_chromium(tmp_path, "--dump-dom", out.as_uri() + "#filter=ssot002")
    dom = result.stdout
    html_tag = re.search(r"<html[^>]*>", dom).group(0)
    assert html_tag == '<html lang="en" data-js="ok">', html_tag  # the script ran to its end, no error
    for marker in ("Uncaught", "Refused to"):  # JS errors; a resource the policy blocked
        assert marker not in result.stderr, [line for line in result.stderr.splitlines() if marker in line]
    for kind in ("overall", "production", "tests"):
        figure = f'{score[kind]["score"]:.1f}'
        assert f'id="score-{kind}" data-score="{figure}"><div class="label">' in dom
        assert f'<div class="big">{figure}%</div>' in dom
    assert '<p class="filter">' in dom  # shown once the script runs
    shown = re.findall(r'<li data-filter="(ssot\d+)[^"]*">', dom)
    hidden = re.findall(r'<li data-filter="(ssot\d+)[^"]*" hidden="">', dom)
    assert shown == ["ssot002"] and len(hidden) == score["overall"]["violations"] - 1

    # What a person sees: not a blank page; the headline card drawn in the accent colour.
    shot = tmp_path / "report.png"
    result = _run_chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,900", out.as_uri())
    assert shot.exists(), result.stderr[-2000:]
    pixels = png_pixels(shot.read_bytes(), 260)
    assert len(pixels) > 20, len(pixels)
    assert any(all(abs(a - b) <= 24 for a, b in zip(p, ACCENT)) for p in pixels)
