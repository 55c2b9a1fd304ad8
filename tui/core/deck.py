"""Which cards a session draws, and in what order."""

from __future__ import annotations

import random
from collections.abc import Collection

from tui.core.model import Card, CardOrder, Cards


def draw_cards(exercise: Cards, seen: Collection[str], rng: random.Random) -> tuple[Card, ...]:
    """The cards to ask this session.

    Cards never seen (by `Card.key`) are chosen before cards already seen, so a
    deck is worked through across sessions; the chosen cards are then asked in
    the deck's `order` (shuffled with the injected generator, as written, or by
    level, gentle first).
    """
    ordered = list(exercise.cards)
    if exercise.order is CardOrder.SHUFFLE:
        rng.shuffle(ordered)
    elif exercise.order is CardOrder.BY_LEVEL:
        ordered.sort(key=lambda card: card.level)
    count = len(ordered) if exercise.draw is None else min(exercise.draw, len(ordered))
    by_novelty = sorted(range(len(ordered)), key=lambda index: ordered[index].key in seen)
    chosen = sorted(by_novelty[:count])
    return tuple(ordered[index] for index in chosen)
