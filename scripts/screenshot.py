"""Serve the page with the scripted LLM, hold a short conversation in headless Chromium, save a PNG.

    .venv/bin/python scripts/screenshot.py [--out docs/screenshot.png] [--home DIR]

Needs Debian's chromium and chromedriver (scripts/install-browser.sh). The first run builds the
catalog index under --home (about a minute); pass the same --home again to reuse it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)
CONVERSATION = ("I loved The Matrix and Inception, no horror please",)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--home", type=Path, default=None, help="CHAT_REC_HOME to use (default: a temp dir)")
    parser.add_argument("--user", default="alex")
    parser.add_argument("--size", default="1400,1050", help="window width,height")
    args = parser.parse_args()

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    sys.path.insert(0, str(ROOT))
    browser, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not (browser and driver_path):
        print("chromium and chromedriver are needed: run scripts/install-browser.sh", file=sys.stderr)
        return 2

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    from chat_rec.config import get_settings
    from chat_rec.service import ChatService
    from ui.app import launch

    home = args.home or Path(tempfile.mkdtemp(prefix="chat-rec-shot-"))
    service = ChatService.create(settings=get_settings(llm="scripted", home=home), progress=True)
    if _known(service, args.user):
        service.reset(args.user)
    demo = launch(service, port=None, prevent_thread_lock=True, quiet=True)

    options = webdriver.ChromeOptions()
    for flag in (*FLAGS, f"--window-size={args.size}", f"--user-data-dir={tempfile.mkdtemp()}"):
        options.add_argument(flag)
    options.binary_location = browser
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    wait = WebDriverWait(driver, 90, poll_frequency=0.2)
    try:
        driver.get(demo.local_url)
        name = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#user-name textarea, #user-name input"))
        name[0].send_keys(args.user)
        driver.find_element(By.ID, "start").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#chat .message"))
        for text in CONVERSATION:
            box = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#message textarea"))[0]
            box.send_keys(text, Keys.ENTER)
            wait.until(lambda d: _cards(d))
        driver.execute_script("document.activeElement?.blur(); window.scrollTo(0, 0);")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(args.out))
        print(f"saved {args.out}")
    finally:
        driver.quit()
        demo.close()
    return 0


def _cards(driver: object) -> list[object]:
    """Return the recommendation cards on screen."""
    from selenium.webdriver.common.by import By

    cards = driver.find_elements(By.CSS_SELECTOR, ".cr-card")  # type: ignore[attr-defined]
    return [card for card in cards if card.is_displayed()]


def _known(service: object, user: str) -> bool:
    """Whether ``user`` already has a profile in this home (reset it for a clean first turn)."""
    from chat_rec.errors import ChatRecError

    try:
        service.profile(user)  # type: ignore[attr-defined]
    except ChatRecError:
        return False
    return True


if __name__ == "__main__":
    raise SystemExit(main())
