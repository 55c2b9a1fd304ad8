"""Tandem's own themes: warm and calm, offered beside Textual's built-in ones."""

from __future__ import annotations

from textual.theme import Theme

EVENING = Theme(
    name="tandem-evening",
    primary="#e0a15f",
    secondary="#9d8bd6",
    accent="#e07a5f",
    foreground="#ece4da",
    background="#1f1b24",
    surface="#2a2430",
    panel="#352d3b",
    success="#7fb685",
    warning="#e9c46a",
    error="#d1495b",
    dark=True,
)

DAYLIGHT = Theme(
    name="tandem-daylight",
    primary="#b5652b",
    secondary="#6b5ca5",
    accent="#c4563f",
    foreground="#2d2a26",
    background="#f6f1ea",
    surface="#ede6dc",
    panel="#e3d9cc",
    success="#3f7d4a",
    warning="#a8741a",
    error="#b23a48",
    dark=False,
)

TANDEM_THEMES = {theme.name: theme for theme in (EVENING, DAYLIGHT)}

