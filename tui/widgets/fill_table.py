"""A DataTable whose one column takes the width the others leave, so long text ends in an ellipsis
instead of pushing the table off the side of the screen."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey


class FillTable(DataTable[Any]):
    def __init__(self, *, fill: str, min_fill: int = 12, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.fill = ColumnKey(fill)
        self.min_fill = min_fill

    def on_resize(self) -> None:
        self.fit()

    def fit(self) -> None:
        """Give the fill column whatever width the other columns leave (call after adding columns)."""
        column = self.columns.get(self.fill)
        if column is None:
            return
        others = sum(other.get_render_width(self) for key, other in self.columns.items() if key != self.fill)
        width = max(self.min_fill, self.scrollable_content_region.width - others - 2 * self.cell_padding)
        if width == column.width:
            return
        column.width = width
        # DataTable has no "fill" column (textual#5455): these are the two flags add_column sets
        # so that the table re-measures itself and drops the cells it rendered at the old width.
        self._require_update_dimensions = True
        self._update_count += 1
        self.refresh()
