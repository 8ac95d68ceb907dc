"""The independent extraction sets stay well-formed (validate_fresh.py on each)."""

from __future__ import annotations

import difflib
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "extraction"
SCRIPT = DATA / "validate_fresh.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False)


SETS = sorted((p.name for p in DATA.glob("fresh*.jsonl") if not p.name.endswith(".tags.jsonl")),
              key=lambda name: int(name.removeprefix("fresh").removesuffix(".jsonl") or 1))
"""Every independent set in the folder, in the order they were written (a new one is checked as it lands)."""


def test_every_set_is_found() -> None:
    assert SETS[:3] == ["fresh.jsonl", "fresh2.jsonl", "fresh3.jsonl"] and len(SETS) >= 35


@pytest.mark.parametrize("name", SETS)
def test_set_validates(name: str) -> None:
    result = run(str(DATA / name), "--earlier-only")  # each pair of sets compared once over the whole run
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().endswith("OK")


def test_validator_rejects_a_wrong_title(tmp_path: Path) -> None:
    lines = (DATA / "fresh2.jsonl").read_text(encoding="utf-8").splitlines()
    case = next(json.loads(x) for x in lines if json.loads(x)["previous_reply"]["recommended"])
    case["previous_reply"]["recommended"][0]["title"] = "Not A Catalog Title (1999)"
    (tmp_path / "fresh2.jsonl").write_text(json.dumps(case) + "\n", encoding="utf-8")
    tag = {"id": case["id"], "category": "edge", "tags": [], "note": ""}
    (tmp_path / "fresh2.tags.jsonl").write_text(json.dumps(tag) + "\n", encoding="utf-8")
    result = run(str(tmp_path / "fresh2.jsonl"), "--dev", str(tmp_path / "absent.jsonl"))
    assert result.returncode == 1
    assert "Not A Catalog Title" in result.stdout


def _copy_set(src: str, dst: Path, edit: dict[int, str] | None = None) -> None:
    """Write ``src``'s cases (and tags) under ``dst``'s name and id prefix, some utterances replaced."""
    stem = dst.name.removesuffix(".jsonl")
    cases = [json.loads(x) for x in (DATA / src).read_text(encoding="utf-8").splitlines()]
    tag_file = DATA / src.replace(".jsonl", ".tags.jsonl")
    tags = [json.loads(x) for x in tag_file.read_text(encoding="utf-8").splitlines()]
    for n, (case, tag) in enumerate(zip(cases, tags, strict=True)):
        case["id"] = tag["id"] = f"ext-{stem}-{n + 1:03d}"
        case["utterance"] = (edit or {}).get(n, case["utterance"])
    dst.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    dst.with_suffix(".tags.jsonl").write_text("".join(json.dumps(t) + "\n" for t in tags), encoding="utf-8")


def test_a_near_duplicate_of_an_earlier_set_is_found_once(tmp_path: Path) -> None:
    words = "My grandmother wants a gentle comedy from the fifties with no shouting at all"
    _copy_set("fresh2.jsonl", tmp_path / "fresh7.jsonl", {4: words})
    _copy_set("fresh3.jsonl", tmp_path / "fresh12.jsonl", {9: words.replace("gentle", "gentler")})
    absent = ["--dev", str(tmp_path / "absent.jsonl")]
    later = run(str(tmp_path / "fresh12.jsonl"), "--earlier-only", *absent)
    assert later.returncode == 1
    assert "ext-fresh12-010: equal to or a near-duplicate of ext-fresh7-005" in later.stdout
    earlier = run(str(tmp_path / "fresh7.jsonl"), "--earlier-only", *absent)  # fresh12 comes after it
    assert earlier.returncode == 0, earlier.stdout
    assert "fresh12" not in earlier.stdout
    both_ways = run(str(tmp_path / "fresh7.jsonl"), *absent)  # without the flag: every other set
    assert "ext-fresh7-005: equal to or a near-duplicate of ext-fresh12-010" in both_ways.stdout


def test_the_fast_bounds_keep_difflibs_answer() -> None:
    spec = importlib.util.spec_from_file_location("validate_fresh", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    def slow(a: str, b: str) -> bool:  # difflib's own three steps, as the validator had them
        sm = difflib.SequenceMatcher(None, a, b)
        return a == b or sm.real_quick_ratio() > .8 and sm.quick_ratio() > .8 and sm.ratio() > .8

    texts = [module.norm(json.loads(x)["utterance"]) for name in ("fresh2.jsonl", "fresh9.jsonl")
             for x in (DATA / name).read_text(encoding="utf-8").splitlines()][:300]
    variants = [t[:-3] + "xyz" for t in texts[:60]] + [t.replace("e", "a") for t in texts[:60]] + ["", "a"]
    pairs = [(a, b) for a in texts[:60] for b in texts[60:120] + variants]
    agree = [module.near(a, b) == slow(a, b) for a, b in pairs]
    assert all(agree)
    assert sum(module.near(a, b) for a, b in pairs) >= 60  # the variants are near; the check is not vacuous
