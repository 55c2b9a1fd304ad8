"""Settings: the saved theme is in force from the first frame (an unknown one falls back with a word,
not a crash), and what is changed shows at once."""

from __future__ import annotations

from dataclasses import replace

from textual.color import Color
from textual.widgets import Input, Select

from tui.core.settings import DEFAULT_THEME
from tui.screens.home import HomeScreen


def _screen_background(app) -> Color:
    return app.screen.styles.background


async def test_the_saved_theme_is_in_force_from_the_start(make_app) -> None:
    app = make_app(theme="tandem-daylight")
    assert app.theme == "tandem-daylight"  # before the CSS is read, not switched to afterwards
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "tandem-daylight"
        assert app.has_class("-light-mode") and not app.has_class("-dark-mode")
        assert _screen_background(app) == Color.parse(app.current_theme.background)


async def test_an_unknown_theme_falls_back_to_the_default_and_says_so(make_app) -> None:
    app = make_app(theme="from-a-newer-version")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
        assert any("Unknown theme 'from-a-newer-version'" in str(note.message) for note in app._notifications)
        await pilot.press("o")  # settings open on the theme in force
        assert app.screen.query_one("#theme", Select).value == DEFAULT_THEME


async def test_a_theme_chosen_in_the_command_palette_is_kept(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.theme = "tandem-daylight"  # what the palette's theme picker does
        await pilot.pause()
        app.writes.drain()
        assert app.settings.theme == store.load_settings().theme == "tandem-daylight"


async def test_changing_the_theme_in_settings_restyles_the_app(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.update_settings(replace(app.settings, theme="tandem-daylight"))
        await pilot.pause()
        assert app.theme == "tandem-daylight"
        assert _screen_background(app) == Color.parse(app.current_theme.background)
        app.writes.drain()
        assert store.load_settings().theme == "tandem-daylight"


async def test_new_names_show_on_home_when_settings_close(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        app.screen.query_one("#name-left", Input).value = "Robin [b]🌿"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.sub_title.startswith("Robin [b]🌿 & ")
        app.writes.drain()
        assert store.load_settings().partners.left.name == "Robin [b]🌿"
