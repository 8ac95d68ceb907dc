"""User A can never read, change or reset user B's profile through the service or the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chat_rec.reliability.guards import PATH_LIKE_NAMES, run_isolation


def test_users_are_isolated(attack_service: Any) -> None:
    figures = run_isolation(attack_service)
    assert figures["isolation_violations"] == 0, figures["isolation_problems"]
    assert figures["path_like_names_accepted"] == 0, figures["isolation_problems"]


@pytest.mark.parametrize("name", [n for n in PATH_LIKE_NAMES if n])
def test_path_like_names_are_refused_with_a_sentence(attack_service: Any, name: str) -> None:
    result = attack_service.start(name)
    assert result.stage == "error" and result.reply.endswith(".")
    events = list(attack_service.send(name, "hello"))
    assert [e.kind for e in events] == ["error"]


def test_a_name_is_a_key_not_a_path(attack_service: Any, tmp_path: Path) -> None:
    """Odd but valid names are stored as data: no file or folder is created for them."""
    home = attack_service.deps.settings.home
    before = sorted(p.name for p in home.iterdir())
    for name in ("etc", "passwd", "chat_rec.sqlite", "Robert DROP TABLE users"):
        assert attack_service.start(name).stage != "error"
    assert sorted(p.name for p in home.iterdir()) == before


def test_reset_and_feedback_of_one_user_leave_the_other_alone(attack_service: Any) -> None:
    svc = attack_service
    svc.start("iso-carol")
    svc.send_sync("iso-carol", "I loved Heat")
    carol = svc.profile("iso-carol")
    svc.start("iso-dave")
    svc.send_sync("iso-dave", "I loved Toy Story")
    shown = svc.last_items("iso-dave")
    svc.feedback("iso-dave", shown[0].item_id, True)
    svc.reset("iso-dave")
    after = svc.profile("iso-carol")
    assert (after.turns, after.liked) == (carol.turns, carol.liked)
    assert svc.profile("iso-dave").turns == 0 and svc.last_items("iso-dave") == ()


def test_cli_refuses_a_path_like_profile_name(index_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from chat_rec.cli import main

    monkeypatch.setenv("CHAT_REC_INDEX_DIR", str(index_dir))
    assert main(["profile", "reset", "../../etc"]) == 2
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]  # after the progress bars
    assert last.startswith("error: ") and last.endswith(".") and "Traceback" not in err
