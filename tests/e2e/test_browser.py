"""Use the page in headless Chromium as a person would: onboard, get cards, 👎 / "Seen it", come
back later, watch the presenter panel, and never see injected markup run."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import PASSWORD

pytestmark = pytest.mark.e2e

WAIT_S = 90


def wait(driver: Any, condition: Any, message: str) -> Any:
    """Poll ``condition`` until truthy; elements re-drawn meanwhile (stale) just mean "try again"."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    waiter = WebDriverWait(driver, WAIT_S, poll_frequency=0.2, ignored_exceptions=[StaleElementReferenceException])
    return waiter.until(condition, message)


def css(driver: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def text_of(driver: Any, selector: str) -> str:
    found = css(driver, selector)
    return found[0].text if found else ""


def card_labels(driver: Any) -> list[str]:
    """The "Title (year)" of each card on screen, top to bottom."""
    return [card.get_attribute("data-label") for card in css(driver, ".cr-card") if card.is_displayed()]


def profile_field(driver: Any, field: str) -> str:
    return text_of(driver, f"#profile [data-field='{field}']")


def tap_chip(driver: Any, text: str, after: str | None = None) -> None:
    """Click the quick reply reading ``text`` once it shows (with ``after`` beside it, when given)."""

    def click(d: Any) -> bool:
        shown = {b.text.strip(): b for b in css(d, ".cr-chips button") if b.is_displayed()}
        if text not in shown or (after and after not in shown):
            return False
        shown[text].click()
        return True

    wait(driver, click, f"no {text!r} quick reply")


def send(driver: Any, text: str) -> None:
    from selenium.webdriver.common.keys import Keys

    box = wait(driver, lambda d: css(d, "#message textarea"), "no message box")[0]
    box.send_keys(text)
    box.send_keys(Keys.ENTER)


def sign_in(driver: Any, url: str, name: str, password: str = PASSWORD) -> None:
    """Sign out whoever was signed in, then sign in on Gradio's sign-in page (a new name signs up)."""
    from selenium.webdriver.common.by import By

    driver.get(f"{url}/logout")  # clears the session cookie and lands on the sign-in page
    secret = wait(driver, lambda d: css(d, "input[type='password']"), "no sign-in page")[0]
    css(driver, "input[type='text'], textarea")[0].send_keys(name)
    secret.send_keys(password)
    driver.find_element(By.XPATH, "//button[contains(., 'Login')]").click()
    wait(driver, lambda d: css(d, "#start"), "the page did not open after signing in")


def open_and_start(driver: Any, url: str, name: str) -> None:
    sign_in(driver, url, name)
    wait(driver, lambda d: css(d, "#start"), "page never loaded")[0].click()
    wait(driver, lambda d: css(d, "#chat .message"), "no greeting")


def test_onboard_feedback_presenter_and_return(chrome: Any, served: str, user_name: str) -> None:
    open_and_start(chrome, served, user_name)
    assert "Matrix" in text_of(chrome, ".cr-chips")
    tap_chip(chrome, "skip", after="The Matrix")  # onboarding questions can be skipped
    wait(chrome, lambda d: "skip" in text_of(d, "#chat"), "the chip's text was not sent")
    tap_chip(chrome, "skip", after="Sci-Fi")
    tap_chip(chrome, "No horror")
    wait(chrome, card_labels, "no recommendation cards after onboarding")
    assert not [b for b in css(chrome, ".cr-chips button") if b.is_displayed()], "chips stayed after onboarding"

    loved = card_labels(chrome)[0]
    like = css(chrome, "#like-1")[0]
    assert like.get_attribute("aria-label") == f"Like {loved}"
    like.click()
    wait(chrome, lambda d: loved in profile_field(d, "liked"), f"{loved!r} never showed as liked")
    wait(chrome, lambda d: card_labels(d) and loved not in card_labels(d), "the liked card was not replaced")

    first = card_labels(chrome)[0]
    dislike = css(chrome, "#dislike-1")[0]
    assert dislike.get_attribute("aria-label") == f"Dislike {first}"
    assert css(chrome, "#seen-1")[0].get_attribute("aria-label") == f"Seen it: {first}"
    dislike.click()
    wait(chrome, lambda d: card_labels(d) and first not in card_labels(d), "the disliked card was not replaced")
    wait(chrome, lambda d: first in profile_field(d, "disliked"), f"{first!r} never showed as disliked")
    assert "Horror" in profile_field(chrome, "constraints")

    shown = card_labels(chrome)
    second = shown[1]
    css(chrome, "#seen-2")[0].click()
    wait(chrome, lambda d: second not in card_labels(d), "the seen card stayed on screen")
    wait(chrome, lambda d: second in profile_field(d, "seen"), f"{second!r} never showed as seen")
    assert [label for label in shown if label != second] == card_labels(chrome), "other cards should stay"

    css(chrome, "#presenter-toggle input")[0].click()
    wait(chrome, lambda d: text_of(d, "#presenter-log"), "presenter mode shows nothing")
    steps = [step.text.split("\n")[0] for step in css(chrome, "#presenter-log .cr-step")]
    assert {"understand", "retrieve", "rank"} <= set(steps), steps
    assert all(" ms" in step.text for step in css(chrome, "#presenter-log .cr-step"))
    assert "final" in text_of(chrome, "#presenter-log")
    assert "Horror" in text_of(chrome, "#presenter-log"), "the genre filter is not shown"

    chrome.refresh()  # a new visit: the page forgets everything, the service does not
    wait(chrome, lambda d: css(d, "#start"), "page never loaded")[0].click()  # still signed in
    wait(chrome, lambda d: first in profile_field(d, "disliked"), "the profile was not found again")
    assert loved in profile_field(chrome, "liked")
    assert second in profile_field(chrome, "seen")
    wait(
        chrome,
        lambda d: [p for p in css(d, "#taste-plot img, #taste-plot canvas, #taste-plot svg") if p.is_displayed()],
        "no taste plot for a returning user",
    )
    assert card_labels(chrome), "a returning user should see their last picks"


def test_title_chip_counts_as_a_loved_movie(chrome: Any, served: str, user_name: str) -> None:
    open_and_start(chrome, served, user_name)
    tap_chip(chrome, "The Matrix")
    wait(chrome, card_labels, "no cards after answering with a title chip")
    wait(chrome, lambda d: "The Matrix (1999)" in profile_field(d, "liked"), "the chip's movie is not liked")
    assert "The Matrix (1999)" not in card_labels(chrome)


def test_phone_width_stacks_cards(chrome: Any, served: str, user_name: str) -> None:
    chrome.set_window_size(390, 844)
    try:
        open_and_start(chrome, served, user_name)
        send(chrome, "I loved The Matrix, no horror")
        wait(chrome, lambda d: len(card_labels(d)) >= 2, "no cards at phone width")
        width = chrome.execute_script("return document.documentElement.clientWidth")
        scroll = chrome.execute_script("return document.documentElement.scrollWidth")
        assert scroll <= width + 1, "the page scrolls sideways"
        slots = [s for s in css(chrome, ".cr-slot") if s.is_displayed()]
        one, two = slots[0].rect, slots[1].rect
        assert two["y"] >= one["y"] + one["height"] - 1 and abs(one["x"] - two["x"]) < 2, "cards do not stack"
        assert one["width"] > 0.8 * width
        chat = css(chrome, "#chat")[0].rect
        assert chat["width"] > 0.8 * width, "the chat should take the phone's width"
    finally:
        chrome.set_window_size(1400, 1000)


def test_markup_in_messages_is_shown_not_run(chrome: Any, served: str, user_name: str) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    open_and_start(chrome, served, user_name)
    attack = "I like <img src=x onerror=alert(1)> and <script>alert(2)</script> movies"
    send(chrome, attack)
    wait(chrome, lambda d: attack in text_of(d, "#chat"), "the message was not shown as typed")
    wait(
        chrome,
        lambda d: len(css(d, "#chat .message")) >= 3 and "…" not in css(d, "#chat .message")[-1].text,
        "no answer",
    )

    with pytest.raises(NoAlertPresentException):
        chrome.switch_to.alert.text  # noqa: B018 - raises when no alert is open
    assert not css(chrome, "#chat img[src='x'], #chat script")
    assert chrome.execute_script("return document.querySelectorAll('img[src=\"x\"]').length") == 0
    css(chrome, "#message textarea")[0].send_keys("still usable")
    assert css(chrome, "#message textarea")[0].get_attribute("value") == "still usable"


def test_a_wrong_password_keeps_the_page_closed(chrome: Any, served: str, user_name: str) -> None:
    from selenium.webdriver.common.by import By

    open_and_start(chrome, served, user_name)
    chrome.get(f"{served}/logout")
    secret = wait(chrome, lambda d: css(d, "input[type='password']"), "no sign-in page")[0]
    css(chrome, "input[type='text'], textarea")[0].send_keys(user_name)
    secret.send_keys("not the password")
    chrome.find_element(By.XPATH, "//button[contains(., 'Login')]").click()
    wait(chrome, lambda d: "incorrect" in d.find_element(By.TAG_NAME, "body").text.lower(), "no refusal shown")
    assert not css(chrome, "#start") and not css(chrome, "#chat")


def test_local_page_is_one_click(chrome: Any, served_local: tuple[str, Any]) -> None:
    url, _service = served_local
    chrome.get(url)
    start = wait(chrome, lambda d: css(d, "#start"), "page never loaded")[0]
    assert "Local profile me" in text_of(chrome, "#whoami") and not css(chrome, "input[type='password']")
    start.click()
    wait(chrome, lambda d: css(d, "#chat .message"), "no greeting")
