"""The independent extraction sets stay well-formed (validate_fresh.py on each)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "extraction"
SCRIPT = DATA / "validate_fresh.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False)


@pytest.mark.parametrize("name", ["fresh.jsonl", "fresh2.jsonl", "fresh3.jsonl", "fresh4.jsonl", "fresh5.jsonl",
                                  "fresh6.jsonl", "fresh7.jsonl", "fresh8.jsonl", "fresh9.jsonl",
                                  "fresh10.jsonl", "fresh11.jsonl", "fresh12.jsonl", "fresh13.jsonl",
                                  "fresh14.jsonl", "fresh15.jsonl", "fresh16.jsonl", "fresh17.jsonl",
                                  "fresh18.jsonl", "fresh19.jsonl", "fresh20.jsonl", "fresh21.jsonl",
                                  "fresh22.jsonl", "fresh23.jsonl", "fresh24.jsonl",
                                  "fresh25.jsonl", "fresh26.jsonl", "fresh27.jsonl", "fresh28.jsonl",
                                  "fresh29.jsonl", "fresh30.jsonl"])
def test_set_validates(name: str) -> None:
    result = run(str(DATA / name))
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
