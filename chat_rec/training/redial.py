"""Reading ReDial-format material: movie-level sequences, the ReDial → MovieLens map, dialogues.

Also turns full ReDial dialogues into CRS cases in the benchmark's schema
(``../shared/benchmarks/crs/README.md``), so held-out *training* dialogues can serve as the
validation split the ranking weights are fitted on (never the dev or test cases).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from chat_rec.errors import DataFileError

SEQUENCES_FILE = "train_movie_sequences.jsonl"
ID_MAP_FILE = "movies_merged.csv"
DIALOGUES_FILE = "train_dialogues_500.jsonl"

_MENTION = re.compile(r"@(\d+)")


def sha256(path: Path) -> str:
    """The file's sha256 (manifests record every input this way)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    if not path.is_file():
        raise DataFileError(f"{path} does not exist; point --data at the folder holding the ReDial training files.")
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise DataFileError(f"{path}:{number} is not valid JSON ({exc.msg}).") from exc


def read_id_map(path: Path) -> dict[int, int]:
    """ReDial movieId → MovieLens id (rows without an ``ml_id`` are left out)."""
    if not path.is_file():
        raise DataFileError(f"{path} does not exist; it maps ReDial movie ids to MovieLens ids.")
    out: dict[int, int] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if (row.get("ml_id") or "").strip() and (row.get("id") or "").strip():
                out[int(row["id"])] = int(float(row["ml_id"]))
    return out


def conversation_ids(path: Path) -> set[str]:
    """Every ``conversationId`` in a ReDial-format JSONL file (dialogues or sequences)."""
    return {str(row["conversationId"]) for row in _jsonl(path) if "conversationId" in row}


def read_sequences(path: Path, id_map: Mapping[int, int], drop: Iterable[str] = ()
                   ) -> tuple[list[list[tuple[int, bool]]], list[str], int]:
    """(movie lists as (MovieLens id, liked), their conversation ids, conversations dropped)."""
    skip = set(drop)
    conversations: list[list[tuple[int, bool]]] = []
    ids: list[str] = []
    dropped = 0
    for row in _jsonl(path):
        cid = str(row.get("conversationId"))
        if cid in skip:
            dropped += 1
            continue
        movies = [(id_map[int(m)], bool(liked)) for m, liked in row.get("movies") or () if int(m) in id_map]
        if movies:
            conversations.append(movies)
            ids.append(cid)
    return conversations, ids, dropped


def sequence_genres(path: Path) -> dict[str, list[str]]:
    """The genres each conversation asks for, by ``conversationId`` (``genres_mentioned``, lowercase)."""
    return {str(row.get("conversationId")): [str(g).lower() for g in row.get("genres_mentioned") or ()]
            for row in _jsonl(path)}


def _name_of(names: Mapping[str, str], match: re.Match[str]) -> str:
    return names.get(match.group(1), match.group(0))


def _title_parts(label: str) -> tuple[str, int | None]:
    label = " ".join(label.split())
    found = re.search(r"\((\d{4})\)\s*$", label)
    if not found:
        return label, None
    return label[:found.start()].strip(), int(found.group(1))


def _suggested(dialogue: Mapping[str, Any], movie: str) -> bool:
    for key in ("respondentQuestions", "initiatorQuestions"):
        answers = dialogue.get(key)
        if isinstance(answers, dict) and isinstance(answers.get(movie), dict):
            return int(answers[movie].get("suggested", 1)) == 1
    return True


def dialogue_cases(dialogues: Iterable[Mapping[str, Any]], id_map: Mapping[int, int],
                   source: str = "redial/train-heldout") -> list[dict[str, Any]]:
    """CRS cases (benchmark schema) from ReDial dialogues: one per recommender run with suggested movies.

    Runs of one speaker are joined with a newline; ``@id`` becomes the dialogue's "Title (Year)".
    Targets are the run's ``@`` movies labelled suggested (respondent's answer, else the seeker's,
    else kept); ``repeated`` when mentioned earlier; ``movielens_id`` from the id map.
    """
    cases: list[dict[str, Any]] = []
    for dialogue in dialogues:
        names = {str(k): " ".join(str(v).split()) for k, v in (dialogue.get("movieMentions") or {}).items()}
        seeker = dialogue.get("initiatorWorkerId")
        runs: list[tuple[str, list[str], list[str]]] = []  # (role, texts, movie ids)
        for message in dialogue.get("messages") or ():
            role = "user" if message.get("senderWorkerId") == seeker else "assistant"
            text = str(message.get("text") or "")
            movies = _MENTION.findall(text)
            text = _MENTION.sub(functools.partial(_name_of, names), text)
            if runs and runs[-1][0] == role:
                runs[-1][1].append(text)
                runs[-1][2].extend(movies)
            else:
                runs.append((role, [text], list(movies)))
        cid = str(dialogue.get("conversationId"))
        seen: list[str] = []
        for number, (role, _, movies) in enumerate(runs):
            targets = [m for m in dict.fromkeys(movies) if _suggested(dialogue, m)] if role == "assistant" else []
            if targets:
                cases.append({
                    "id": f"{source}/{cid}/{number}", "source": source, "dialog_id": cid,
                    "turns": [{"role": r, "text": "\n".join(t)} for r, t, _ in runs[:number]],
                    "targets": [_movie(m, names, id_map) | {"repeated": m in seen} for m in targets],
                    "mentioned": [_movie(m, names, id_map) for m in seen],
                })
            seen.extend(m for m in dict.fromkeys(movies) if m not in seen)
    return cases


def _movie(movie: str, names: Mapping[str, str], id_map: Mapping[int, int]) -> dict[str, Any]:
    title, year = _title_parts(names.get(movie, ""))
    return {"title": title, "year": year, "movielens_id": id_map.get(int(movie))}


def read_dialogues(path: Path) -> list[dict[str, Any]]:
    """Full ReDial dialogues (the official JSONL format)."""
    return list(_jsonl(path))
