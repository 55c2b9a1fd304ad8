"""Card draw: unseen cards first, then the deck's order, then the draw limit."""

from __future__ import annotations

import random

from tui.core.deck import draw_cards
from tui.core.model import Card, CardOrder, Cards

CARDS = tuple(Card(text=f"Question {number}?", level=level) for number, level in enumerate([3, 1, 2, 1, 3], start=1))


def deck(**changes: object) -> Cards:
    return Cards(**({"id": "deck", "title": "Deck", "cards": CARDS, "order": CardOrder.IN_ORDER} | changes))


def texts(cards: tuple[Card, ...]) -> list[str]:
    return [card.text for card in cards]


def test_in_order_draws_the_whole_deck_as_written() -> None:
    assert texts(draw_cards(deck(), set(), random.Random(1))) == [card.text for card in CARDS]


def test_cards_not_yet_seen_come_first_then_in_deck_order() -> None:
    seen = {CARDS[0].key, CARDS[1].key}
    assert texts(draw_cards(deck(draw=3), seen, random.Random(1))) == ["Question 3?", "Question 4?", "Question 5?"]
    # Once fewer unseen cards are left than drawn, seen ones fill up, still asked in order.
    seen = {card.key for card in CARDS[:4]}
    assert texts(draw_cards(deck(draw=3), seen, random.Random(1))) == ["Question 1?", "Question 2?", "Question 5?"]


def test_by_level_goes_gentle_first_keeping_the_written_order_within_a_level() -> None:
    drawn = draw_cards(deck(order=CardOrder.BY_LEVEL), set(), random.Random(1))
    assert texts(drawn) == ["Question 2?", "Question 4?", "Question 3?", "Question 1?", "Question 5?"]


def test_shuffle_follows_the_injected_generator_and_prefers_unseen_cards() -> None:
    shuffled = deck(order=CardOrder.SHUFFLE)
    orders = {tuple(texts(draw_cards(shuffled, set(), random.Random(seed)))) for seed in range(10)}
    assert len(orders) > 1
    assert all(sorted(order) == sorted(card.text for card in CARDS) for order in orders)
    assert draw_cards(shuffled, set(), random.Random(3)) == draw_cards(shuffled, set(), random.Random(3))
    seen = {card.key for card in CARDS[:3]}
    assert set(texts(draw_cards(deck(order=CardOrder.SHUFFLE, draw=2), seen, random.Random(5)))) == {
        "Question 4?",
        "Question 5?",
    }


def test_drawing_more_than_the_deck_holds_draws_it_all() -> None:
    assert len(draw_cards(deck(draw=50), set(), random.Random(1))) == len(CARDS)
