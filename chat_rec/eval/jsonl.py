"""Benchmark case files: one JSON object per line, checked for the keys a benchmark needs."""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

from chat_rec.errors import DataFileError


def read_cases(path: Path | str, required: Collection[str], kind: str,
               limit: int | None = None) -> list[dict[str, Any]]:
    """The cases of ``path`` (the first ``limit``), or DataFileError naming the bad line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(f"Cannot read the {kind} file {path} ({error}); check the path.") from error
    cases: list[dict[str, Any]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
        except json.JSONDecodeError as error:
            raise DataFileError(f"Line {number} of {path} is not valid JSON ({error.msg}); "
                                "fix or remove it.") from error
        if not isinstance(case, dict) or not set(required) <= case.keys():
            keys = ", ".join(repr(k) for k in required)
            raise DataFileError(f"Line {number} of {path} lacks one of {keys}; "
                                "see the benchmark README for the schema.")
        cases.append(case)
        if limit is not None and len(cases) >= limit:
            break
    return cases
