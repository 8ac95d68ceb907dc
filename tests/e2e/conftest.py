"""Shared e2e fixtures: one ChatService (scripted LLM) served with accounts, one served locally.

The index of the bundled catalog is the session's shared one (tests/conftest.py `index_dir`);
set CHAT_REC_TEST_INDEX_DIR to reuse an index built earlier.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1400,1000",
)


PASSWORD = "correct horse battery"
"""Every e2e account's password (sign-up is open: the first sign-in with a new name creates it)."""


@pytest.fixture(scope="session")
def e2e_service(make_service: Any) -> Any:
    """The real ChatService over the bundled catalog (the session's shared index), scripted LLM.

    bcrypt at its lowest cost (4 rounds), so dozens of sign-ins stay fast; the code path is the same.
    """
    return make_service("scripted", name="e2e-home", password_rounds=4)


@pytest.fixture(scope="session")
def served(e2e_service: Any) -> Iterator[str]:
    """The page for ``e2e_service`` with accounts (everyone signs in), on a free local port; its URL."""
    from ui.app import launch

    demo = launch(e2e_service, host="127.0.0.1", port=None, prevent_thread_lock=True, quiet=True, accounts=True)
    try:
        yield demo.local_url.rstrip("/")
    finally:
        demo.close()


@pytest.fixture(scope="session")
def served_local(make_service: Any) -> Iterator[tuple[str, Any]]:
    """A second service served the default way (one local profile, no password); (URL, service)."""
    from ui.app import launch

    service = make_service("scripted", name="e2e-local")
    demo = launch(service, host="127.0.0.1", port=None, prevent_thread_lock=True, quiet=True)
    try:
        yield demo.local_url.rstrip("/"), service
    finally:
        demo.close()


@pytest.fixture
def user_name() -> str:
    """A fresh user name per test, so tests never share a profile."""
    return f"tester-{uuid.uuid4().hex[:8]}"


def signed_in_client(url: str, name: str, password: str = PASSWORD) -> Any:
    """A gradio_client Client signed in as ``name`` (creating the account on first use)."""
    from gradio_client import Client

    return Client(url, auth=(name, password), verbose=False)


def chromium_paths() -> tuple[str, str] | None:
    """(chromium, chromedriver) from PATH, or None when either is missing."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="module")
def chrome(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Debian Chromium through Selenium; skips when it is not installed."""
    paths = chromium_paths()
    if paths is None:
        pytest.skip("chromium and chromedriver are not installed: run scripts/install-browser.sh")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.binary_location = paths[0]
    driver = webdriver.Chrome(options=options, service=Service(paths[1]))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
