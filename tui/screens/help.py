"""Help: the keys, and what each kind of exercise asks of each partner."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from tui.screens.base import TandemModal
from tui.widgets.footer import CalmFooter

HELP = """\
# How Tandem works

You sit side by side. **Whoever sits on the left uses `f`** (and `d` for "not quite");
**whoever sits on the right uses `j`** (and `k`). Nothing moves on alone: where a step
needs you both, each presses their own key and a tick appears on their side.

| key | what it does |
| --- | --- |
| `f` / `j` | left / right partner: ready, "I'll go first", or "yes, that landed" |
| `d` / `k` | left / right partner: "not quite" — the listener tries again (or take back a tick) |
| `n` | next, when the step allows it |
| `s` | skip this card or question — no reason needed |
| `*` | star a card, to find it again in history |
| `+` | one more minute |
| `space` | time-out: pause, with the option to save and stop for now |
| `escape` | back; during a session, stop (after asking) |
| `?` | this help |
| `ctrl+p` | command palette: start any exercise by name, settings |

On the home screen: `enter` starts the exercise picked, `/` searches, `g` groups the
list by type or by theme, `t` starts tonight's suggestion, `r` resumes an unfinished
session and `x` sets it aside as stopped, `o` opens settings and `h` your history.

When time is up a soft chime sounds (you can turn it off in settings) and the clock
counts the extra time. Nobody is cut off mid-sentence.

## The exercises

- **Talking and listening** — one of you has the floor and speaks about your own
  feelings, in small pieces. The other listens and then says back what they heard,
  without answering or fixing. The speaker says whether it landed (`f`/`j`) or not
  quite (`d`/`k`), and the listener tries again. Then you swap.
- **Appreciation** — take turns saying what you appreciate. The one receiving just
  takes it in. You may type them in to keep them in your history.
- **Question cards** — the reader reads the card out and answers first, then the
  other answers. Readers alternate. Some cards are private: each types an answer
  while the other looks away, and both appear together.
- **Being present** — a quiet few minutes: breathing together with the pacer, or
  simply looking at each other.
- **Check-ins** — each of you rates privately (the other looks away); both numbers
  appear together, with a question to talk about.
- **Sessions** — several of these in a row, ending with a short check-in, a takeaway
  and, if you like, one thing each of you will do before next time.
"""


class HelpScreen(TandemModal):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close", id="close-help")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help"):
            yield Markdown(HELP)
        yield CalmFooter()

    def action_dismiss(self) -> None:
        self.dismiss(None)
