"""The bar charts: their figures are the table's, and colour is never the only cue."""

import re

import pytest
from django.urls import reverse

from common.charts import MIN_NUMBER_WIDTH, PALETTE, PATTERNS, stacked_bar_chart
from common.templatetags.pdf_links import estimated_pages, pdf_size


def chart_figures(html: str, chart_id: str) -> dict[tuple[str, str], int]:
    """(row, series) -> value of every segment drawn in the chart."""
    svg = html[html.index(f'<figure class="portal-chart__figure" id="{chart_id}">') :]
    svg = svg[: svg.index("</figure>")]
    return {
        (row, series): int(value)
        for row, series, value in re.findall(
            r'data-row="(\d+)" data-series="(\d+)" data-value="(\d+)"', svg
        )
    }


def table_figures(html: str, chart_id: str) -> dict[tuple[str, str], int]:
    """(row, series) -> value of every non-zero cell of the table printed with the chart."""
    table = html[html.index(f'data-chart="{chart_id}"') :]
    table = table[: table.index("</table>")]
    cells = re.findall(r'data-row="(\d+)" data-series="(\d+)">(\d+)<', table)
    return {(row, series): int(value) for row, series, value in cells if int(value)}


def test_segments_share_one_scale_and_keep_their_order():
    chart = stacked_bar_chart([("a", [2, 0, 1]), ("b", [6, 3, 0])], ["x", "y", "z"])
    first, second = chart.bars
    assert [s.value for s in first.segments] == [2, 1]
    assert [s.series for s in first.segments] == [0, 2]
    assert second.total == 9
    assert first.segments[0].width * 3 == pytest.approx(second.segments[0].width, abs=0.2)
    assert second.segments[1].x == pytest.approx(second.segments[0].width, abs=0.1)


def test_every_series_has_its_own_pattern_and_a_contrasting_colour():
    chart = stacked_bar_chart([("a", list(range(1, 9)))], [str(i) for i in range(8)])
    assert len({s.pattern for s in chart.series}) == len(PATTERNS)

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for colour in PALETTE:  # white numbers on the fill, the fill against the white page
        assert (1.05) / (luminance(colour) + 0.05) >= 4.5, colour


def test_a_narrow_segment_keeps_its_number_out_of_the_bar():
    chart = stacked_bar_chart([("a", [100, 1])], ["x", "y"])
    wide, narrow = chart.bars[0].segments
    assert wide.shows_number and not narrow.shows_number
    assert narrow.width < MIN_NUMBER_WIDTH


def test_an_agenda_without_actions_draws_no_bars():
    assert stacked_bar_chart([("a", [0, 0])], ["x", "y"]).is_empty


def test_the_status_chart_shows_the_figures_of_the_status_table(client, demo):
    html = client.get(reverse("agenda:agenda_detail", args=["zkij-2020-2022"])).content.decode()
    drawn = chart_figures(html, "status-chart")
    assert drawn and drawn == table_figures(html, "status-chart")
    assert sum(drawn.values()) == 56  # every action of the agenda


def test_the_outcome_chart_shows_the_figures_of_the_outcome_table(client, demo):
    url = reverse("evaluation:overview", args=["zkij-2020-2022"])
    html = client.get(url).content.decode()
    drawn = chart_figures(html, "outcome-chart")
    assert drawn and drawn == table_figures(html, "outcome-chart")
    assert sum(drawn.values()) == 42  # every evaluated activity


def test_pdf_labels_estimate_pages_from_rows():
    assert estimated_pages(0, "bijlage1") == 1
    assert estimated_pages(56, "bijlage1") == 5
    assert estimated_pages(42, "evaluation") == 12
    assert pdf_size(1, "bijlage1") == "PDF, 1 pagina"
    assert pdf_size(56, "bijlage1") == "PDF, ± 5 pagina's"
