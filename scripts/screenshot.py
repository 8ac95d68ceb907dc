"""Serve the page with the scripted LLM, hold a short conversation in headless Chromium, save PNGs.

    .venv/bin/python scripts/screenshot.py [--out docs/screenshot.png]
        [--phone-out docs/screenshot-phone.png] [--presenter-out PATH] [--home DIR]

The conversation: Start, two onboarding chips, one typed request, 👍 on one card, 👎 on another;
then a desktop shot (cards and the taste plot), a phone-width shot (390x844) of the stacked cards,
and, with --presenter-out, the presenter panel. Needs Debian's chromium and chromedriver
(scripts/install-browser.sh). The first run builds the catalog index under --home (about a
minute); pass the same --home again to reuse it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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
CHIPS = (1, 2)  # onboarding: "The Matrix", then "Sci-Fi"
REQUEST = "Something like Inception, no horror please"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--phone-out", type=Path, default=ROOT / "docs" / "screenshot-phone.png")
    parser.add_argument("--presenter-out", type=Path, default=None, help="also save the presenter panel here")
    parser.add_argument("--home", type=Path, default=None, help="CHAT_REC_HOME to use (default: a temp dir)")
    parser.add_argument("--user", default="alex")
    parser.add_argument("--size", default="1400,1200", help="desktop window width,height")
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
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    from chat_rec.config import get_settings
    from chat_rec.service import ChatService
    from ui.app import launch

    home = args.home or Path(tempfile.mkdtemp(prefix="chat-rec-shot-"))
    service = ChatService.create(settings=get_settings(llm="scripted", home=home, local_user=args.user), progress=True)
    if _known(service, args.user):
        service.reset(args.user)
    demo = launch(service, port=None, prevent_thread_lock=True, quiet=True)

    options = webdriver.ChromeOptions()
    for flag in (*FLAGS, f"--window-size={args.size}", f"--user-data-dir={tempfile.mkdtemp()}"):
        options.add_argument(flag)
    options.binary_location = browser
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    wait = WebDriverWait(driver, 120, poll_frequency=0.2)
    try:
        driver.get(demo.local_url)
        wait.until(lambda d: _css(d, "#start"))[0].click()  # the local one-click profile, named args.user
        for chip in CHIPS:
            button = wait.until(lambda d, n=chip: [b for b in _css(d, f"#chip-{n}") if b.is_displayed()])[0]
            count = len(_css(driver, "#chat .message"))
            button.click()
            wait.until(lambda d, c=count: len(_css(d, "#chat .message")) >= c + 2 and "…" not in _last(d))
        box = wait.until(lambda d: _css(d, "#message textarea"))[0]
        box.send_keys(REQUEST, Keys.ENTER)
        wait.until(_cards)
        for button in ("#like-2", "#dislike-1"):
            before = [card.text for card in _cards(driver)]
            _css(driver, button)[0].click()
            wait.until(lambda d, b=before: [card.text for card in _cards(d)] != b)
        wait.until(lambda d: _css(d, "#taste-plot img"))
        time.sleep(1.5)  # let the last profile refresh land
        _shoot(driver, args.out, top="body")

        driver.set_window_size(390, 844)
        time.sleep(1.0)
        _shoot(driver, args.phone_out, top="#slot-1")

        if args.presenter_out:
            driver.set_window_size(*(int(v) for v in args.size.split(",")))
            _css(driver, "#presenter-toggle input")[0].click()
            wait.until(lambda d: [p for p in _css(d, "#presenter-log .cr-turn") if p.is_displayed()])
            _shoot(driver, args.presenter_out, top="#presenter")
    finally:
        driver.quit()
        demo.close()
    return 0


def _css(driver: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def _last(driver: Any) -> str:
    """The text of the last chat message ("" when none)."""
    found = _css(driver, "#chat .message")
    return found[-1].text if found else ""


def _cards(driver: Any) -> list[Any]:
    """The recommendation cards on screen."""
    return [card for card in _css(driver, ".cr-card") if card.is_displayed()]


def _shoot(driver: Any, out: Path, top: str) -> None:
    """Scroll ``top`` to just below the window's top edge, then save the window as ``out``."""
    driver.execute_script(
        "document.activeElement?.blur();"
        "const el = document.querySelector(arguments[0]);"
        "if (arguments[0] === 'body' || !el) { window.scrollTo(0, 0); }"
        "else { window.scrollBy(0, el.getBoundingClientRect().top - 48); }",
        top,
    )
    time.sleep(0.4)
    out.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(out))
    print(f"saved {out}")


def _known(service: Any, user: str) -> bool:
    """Whether ``user`` already has a profile in this home (reset it for a clean first turn)."""
    from chat_rec.errors import ChatRecError

    try:
        service.profile(user)
    except ChatRecError:
        return False
    return True


if __name__ == "__main__":
    raise SystemExit(main())
