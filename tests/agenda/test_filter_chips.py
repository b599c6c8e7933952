"""The action table on a phone: filters behind a disclosure, active filters as removable chips."""

import re

from django.urls import reverse

URL = reverse("agenda:action_table", args=["zkij-2020-2022"])


def chips(html: str) -> list[tuple[str, str]]:
    """(href, text) of every chip."""
    return [
        (href.replace("&amp;", "&"), re.sub(r"<[^>]+>", "", text))
        for href, text in re.findall(r'<a class="portal-chip" href="([^"]*)">(.*?)</a>', html)
    ]


def test_the_disclosure_counts_the_active_filters_and_each_chip_removes_one(client, demo):
    html = client.get(URL, {"status": "loopt", "pillar": "1", "page": "2"}).content.decode()
    assert "<summary>Filters (2 actief)</summary>" in html
    found = chips(html)
    assert len(found) == 2
    by_label = {text.split(":")[0]: href for href, text in found}
    assert sorted(by_label) == ["Pijler", "Status"]
    status_href, pillar_href = by_label["Status"], by_label["Pijler"]
    assert "status=" not in status_href and "pillar=1" in status_href
    assert "pillar=" not in pillar_href and "status=loopt" in pillar_href
    assert "page=" not in status_href + pillar_href  # back to the first page


def test_without_filters_there_are_no_chips_and_the_disclosure_is_closed(client, demo):
    html = client.get(URL).content.decode()
    assert "<summary>Filters (0 actief)</summary>" in html
    assert '<details class="portal-filters-disclosure">' in html
    assert chips(html) == []


def test_an_invalid_filter_opens_the_disclosure_and_makes_no_chip(client, demo):
    html = client.get(URL, {"status": "bestaat-niet"}).content.decode()
    assert '<details class="portal-filters-disclosure" open>' in html
    assert chips(html) == []


def test_the_result_count_is_announced(client, demo):
    html = client.get(URL, {"status": "loopt"}).content.decode()
    assert re.search(r'role="status">\d+ acties gevonden', html)
