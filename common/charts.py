"""Geometry of the portal's server-rendered bar charts (templates/includes/stacked_bar_chart.html).

A chart is a list of rows (a pillar, say), each a horizontal bar split into segments (its counts
per status or outcome). The view computes the figures; this module only places them, so the
template draws exactly the numbers of the table printed beside the chart. Colour is never the
only cue: every series has its own fill pattern, every segment wide enough carries its number,
and the legend follows the segments' order.
"""

from dataclasses import dataclass, field

# Fills that keep at least 3:1 against white (WCAG 1.4.11) and carry white text at 4.5:1 or more:
# the theme's teal and the NL Design System-style dark tones of the portal.
PALETTE = (
    "#0b5e6b",  # teal (theme primary)
    "#8a5a00",  # amber
    "#34495e",  # slate
    "#6b3fa0",  # purple
    "#a4161a",  # red
    "#1e6b2f",  # green
    "#595959",  # grey
    "#07444e",  # dark teal
)
# One mark per series, drawn in white over its fill (see the template's <pattern>s).
PATTERNS = ("solid", "diagonal", "dots", "horizontal", "cross", "vertical", "backdiagonal", "grid")

WIDTH = 400  # the drawing's own units; the SVG scales to its box
LABEL_HEIGHT = 20
BAR_HEIGHT = 28
ROW_GAP = 14
TOTAL_SPACE = 44  # room after the longest bar for its total
MIN_NUMBER_WIDTH = 22  # a segment narrower than this shows its number in its tooltip only
MAX_LABEL_CHARS = 48


@dataclass
class Segment:
    series: int
    name: str
    value: int
    x: float
    width: float
    colour: str
    pattern: str

    @property
    def text_x(self) -> float:
        return round(self.x + self.width / 2, 1)

    @property
    def shows_number(self) -> bool:
        return self.width >= MIN_NUMBER_WIDTH


@dataclass
class Bar:
    label: str
    total: int
    label_y: float
    y: float
    text_y: float
    total_x: float
    segments: list[Segment] = field(default_factory=list)


@dataclass
class Series:
    index: int
    name: str
    colour: str
    pattern: str


@dataclass
class StackedBarChart:
    width: int
    height: int
    bar_height: int
    series: list[Series]
    bars: list[Bar]

    @property
    def is_empty(self) -> bool:
        return not any(bar.total for bar in self.bars)


def short_label(label: str) -> str:
    """A row label that fits on one line of the drawing; the table beside it has it whole."""
    label = str(label)
    if len(label) <= MAX_LABEL_CHARS:
        return label
    cut = label[: MAX_LABEL_CHARS - 1].rsplit(" ", 1)[0]
    return cut + "…"


def stacked_bar_chart(
    rows: list[tuple[str, list[int]]], series: list[str], tones: list[int] | None = None
) -> StackedBarChart:
    """A stacked bar per row: `rows` are (label, one count per series), all on one scale.

    `tones` picks a palette entry per series (default: in order), so that, for instance,
    "stopped" can be red on every chart that shows it.
    """
    tones = tones or list(range(len(series)))
    legend = [
        Series(
            index=i,
            name=str(name),
            colour=PALETTE[tones[i] % len(PALETTE)],
            pattern=PATTERNS[i % len(PATTERNS)],
        )
        for i, name in enumerate(series)
    ]
    largest = max((sum(counts) for _label, counts in rows), default=0)
    scale = (WIDTH - TOTAL_SPACE) / largest if largest else 0
    bars = []
    y = 0.0
    for label, counts in rows:
        label_y = y + LABEL_HEIGHT - 6
        bar_y = y + LABEL_HEIGHT
        x = 0.0
        segments = []
        for entry, count in zip(legend, counts, strict=True):
            if not count:
                continue
            width = round(count * scale, 1)
            segments.append(
                Segment(
                    series=entry.index,
                    name=entry.name,
                    value=count,
                    x=round(x, 1),
                    width=width,
                    colour=entry.colour,
                    pattern=entry.pattern,
                )
            )
            x += width
        bars.append(
            Bar(
                label=short_label(label),
                total=sum(counts),
                label_y=label_y,
                y=bar_y,
                text_y=bar_y + BAR_HEIGHT / 2 + 5,
                total_x=round(x + 6, 1),
                segments=segments,
            )
        )
        y = bar_y + BAR_HEIGHT + ROW_GAP
    return StackedBarChart(
        width=WIDTH,
        height=max(int(y - ROW_GAP + 2), 1),
        bar_height=BAR_HEIGHT,
        series=legend,
        bars=bars,
    )
