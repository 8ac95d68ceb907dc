"""The package as a user installs it: build the wheel, install it (not editable) into a fresh virtual
environment, and run a scripted dialogue from a folder outside the checkout.

The fresh environment reuses the test environment's installed dependencies through a ``.pth`` line
(no download, seconds instead of minutes); chat_rec itself comes only from the wheel, which the test
checks. Takes about 110 s on a 2-core box (most of it loading the catalog, index and gradio).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from chat_rec.config import REPO_ROOT

pytestmark = pytest.mark.wheel

SOURCES = ("pyproject.toml", "README.md", "chat_rec", "ui", "prompts", "data/ml-latest-small")


def run(*cmd: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 600) -> str:
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{cmd} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the sources (the checkout gets no build/ folder)."""
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        origin = REPO_ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, src / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(origin, src / name)
    out = tmp_path_factory.mktemp("dist")
    log = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", out, ".", cwd=src)
    assert "deprecat" not in log.lower(), log
    return next(out.glob("chat_rec-*.whl"))


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed (no pip inside; the test's pip installs into it)."""
    root = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", "--without-pip", root, cwd=root)
    python = root / "bin" / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=root).strip())
    (site / "reuse_test_env.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    log = run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", wheel, cwd=root)
    assert "deprecat" not in log.lower(), log
    return root


def clean_env(home: Path, index_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHAT_REC_") and k != "PYTHONPATH"}
    env.update(CHAT_REC_HOME=str(home), CHAT_REC_INDEX_DIR=str(index_dir), HF_HUB_OFFLINE="1")
    return env


def test_the_installed_package_finds_its_files(venv: Path, tmp_path: Path, index_dir: Path) -> None:
    probe = ("import chat_rec, ui.app as app; from chat_rec.config import PROMPTS_DIR, BUNDLED_CATALOG;"
             "print(chat_rec.__file__); print(PROMPTS_DIR); print(BUNDLED_CATALOG); print(app.THEME_CSS);"
             "assert (PROMPTS_DIR / 'replies.yaml').is_file() and (BUNDLED_CATALOG / 'movies.csv').is_file();"
             "assert app.THEME_CSS.is_file()")
    out = run(venv / "bin" / "python", "-c", probe, cwd=tmp_path, env=clean_env(tmp_path / "home", index_dir))
    for line in out.splitlines()[:4]:
        assert line.startswith(str(venv)), f"{line} is not inside the fresh venv"


def test_a_scripted_dialogue_runs_from_outside_the_checkout(venv: Path, tmp_path: Path, index_dir: Path) -> None:
    dialogue = tmp_path / "dialogue.yaml"
    shutil.copy(REPO_ROOT / "tests" / "dialogues" / "01_cold_start_refine.yaml", dialogue)
    out = run(venv / "bin" / "chat-rec", "dialogue", "run", "--llm", "scripted", dialogue, cwd=tmp_path,
              env=clean_env(tmp_path / "home", index_dir))
    assert "1 passed, 0 failed" in out, out
