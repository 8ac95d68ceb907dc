"""Use the page in headless Chromium as a person would: name, chat, cards, 👎, and no injected markup."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.e2e

WAIT_S = 90


def wait(driver: Any, condition: Any, message: str) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT_S, poll_frequency=0.2).until(condition, message)


def css(driver: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def text_of(driver: Any, selector: str) -> str:
    found = css(driver, selector)
    return found[0].text if found else ""


def card_titles(driver: Any) -> list[str]:
    return [card.text.split("\n")[0] for card in css(driver, ".cr-card") if card.is_displayed()]


def send(driver: Any, text: str) -> None:
    from selenium.webdriver.common.keys import Keys

    box = wait(driver, lambda d: css(d, "#message textarea"), "no message box")[0]
    box.send_keys(text)
    box.send_keys(Keys.ENTER)


def open_and_start(driver: Any, url: str, name: str) -> None:
    driver.get(url)
    field = wait(driver, lambda d: css(d, "#user-name textarea, #user-name input"), "page never loaded")[0]
    field.send_keys(name)
    css(driver, "#start")[0].click()
    wait(driver, lambda d: css(d, "#chat .message, #chat [data-testid='bot']"), "no greeting")


def test_chat_cards_and_dislike(chrome: Any, served: str, user_name: str) -> None:
    open_and_start(chrome, served, user_name)
    send(chrome, "I loved The Matrix, no horror")
    wait(chrome, card_titles, "no recommendation cards appeared")
    before = card_titles(chrome)
    dislike = css(chrome, "#dislike-1")[0]
    assert dislike.get_attribute("aria-label") == "Dislike item 1"
    assert css(chrome, "#like-1")[0].get_attribute("aria-label") == "Like item 1"

    dislike.click()
    first = before[0].split(". ", 1)[1].rsplit(" (", 1)[0]
    wait(chrome, lambda d: first in text_of(d, "#profile"), f"{first!r} never showed in the profile")
    profile = text_of(chrome, "#profile")
    disliked_line = next(line for line in profile.splitlines() if line.startswith("Disliked"))
    assert first in disliked_line
    assert "Matrix" in next(line for line in profile.splitlines() if line.startswith("Liked"))
    wait(chrome, lambda d: card_titles(d) and card_titles(d) != before, "cards did not change after 👎")
    assert all(first not in title for title in card_titles(chrome))


def test_markup_in_messages_is_shown_not_run(chrome: Any, served: str, user_name: str) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    open_and_start(chrome, served, user_name)
    attack = "I like <img src=x onerror=alert(1)> and <script>alert(2)</script> movies"
    send(chrome, attack)
    wait(chrome, lambda d: attack in text_of(d, "#chat"), "the message was not shown as typed")
    wait(chrome, lambda d: len(css(d, "#chat .message, #chat [data-testid='bot']")) >= 3, "no answer")

    with pytest.raises(NoAlertPresentException):
        chrome.switch_to.alert.text  # noqa: B018 - raises when no alert is open
    assert not css(chrome, "#chat img[src='x'], #chat script")
    assert chrome.execute_script("return document.querySelectorAll('img[src=\"x\"]').length") == 0
    css(chrome, "#message textarea")[0].send_keys("still usable")
    assert css(chrome, "#message textarea")[0].get_attribute("value") == "still usable"
