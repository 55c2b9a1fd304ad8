"""What the couple chose once and keeps: who sits where, the chime, the theme."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.core.partners import Partners

SETTINGS_SCHEMA = 1
# Tandem's own warm evening theme (tui/themes.py).
DEFAULT_THEME = "tandem-evening"


@dataclass(frozen=True)
class Settings:
    # None until the first run has asked for names.
    partners: Partners | None = None
    chime: bool = True
    theme: str = DEFAULT_THEME

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SETTINGS_SCHEMA,
            "partners": None if self.partners is None else self.partners.to_dict(),
            "chime": self.chime,
            "theme": self.theme,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Missing keys take their defaults; a wrong type raises ValueError."""
        if not isinstance(data, dict):
            raise ValueError("settings should be a mapping")
        if data.get("schema", SETTINGS_SCHEMA) != SETTINGS_SCHEMA:
            raise ValueError(f"settings schema {data.get('schema')!r}; this version reads {SETTINGS_SCHEMA}")
        chime = data.get("chime", True)
        theme = data.get("theme", DEFAULT_THEME)
        if not isinstance(chime, bool):
            raise ValueError(f"`chime` should be true or false, not {chime!r}")
        if not isinstance(theme, str) or not theme:
            raise ValueError(f"`theme` should be a theme name, not {theme!r}")
        return cls(partners=_partners(data.get("partners")), chime=chime, theme=theme)


def _partners(data: Any) -> Partners | None:
    if data is None:
        return None
    try:
        partners = Partners.from_dict(data)
    except (KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"`partners` should name a left and a right partner ({error!r})") from error
    if not all(isinstance(value, str) for partner in (partners.left, partners.right) for value in (partner.name, partner.colour)):
        raise ValueError("partner names and colours should be text")
    return partners
