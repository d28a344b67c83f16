"""SSOT003 classes seen on round 11's libraries (pydicom, pyomo, scons, jax): what the
user reads in the JSON output."""

from __future__ import annotations


def _check(make_repo, cli, files: dict[str, str]):
    root = make_repo(files)
    return cli("check", str(root), "--format", "json", "--no-cache", "--jobs", "1", "--select", "SSOT003")


def _findings(result) -> list[dict]:
    return sorted((v for v in result.json()["violations"] if v["rule"] == "SSOT003"), key=lambda v: (v["path"], v["line"]))


def test_did_you_mean_never_offers_the_reverse_operation(make_repo, cli):
    """``from app.rle import rle_encode_frame`` where the module has only a private
    ``_rle_decode_frame`` (pydicom's benchmark of a removed encoder): the decoder does the
    reverse, so it is not offered; a misspelt name still gets its near name."""
    result = _check(make_repo, cli, {
        "app/__init__.py": "",
        "app/rle.py": "def _rle_decode_frame(data):\n    return data\n\n\ndef get_user():\n    pass\n\n\n"
        "def read_config():\n    pass\n",
        "bench/run.py": "from app.rle import rle_encode_frame\nfrom app.rle import set_user\n"
        "from app.rle import write_config\nfrom app.rle import read_confg\n",
    })
    encode, set_, write, near = _findings(result)
    for finding in (encode, set_, write):
        assert finding["message"].endswith("it is not defined anywhere in the project"), finding["message"]
    assert near["message"].endswith("did you mean 'read_config'?"), near["message"]
