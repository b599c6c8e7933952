"""The budget page pages through its rows; its totals stay those of the whole agenda."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from financing import selectors
from financing.models import Allocation
from financing.services import allocation_save
from tests.factories import make_action, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def five_budgeted(monkeypatch):
    """Five actions with 1,000 to 5,000 budgeted in 2024, one without money; two rows a page."""
    monkeypatch.setattr(selectors, "BUDGET_ROWS_PER_PAGE", 2)
    w = world()
    actions = [w.action] + [make_action(w.theme, order, f"Actie {order}") for order in range(2, 6)]
    for index, action in enumerate(actions, start=1):
        allocation_save(
            allocation=Allocation(
                stream=w.stream, action=action, year=2024, budgeted=Decimal(index * 1000)
            )
        )
    make_action(w.theme, 6, "Zonder geld")
    return w


def row_numbers(html: str) -> list[str]:
    return re.findall(r'<td data-label="[^"]*">(1\.\d)</td>', html)


def test_each_page_shows_its_rows_and_the_whole_agendas_total(client, five_budgeted):
    url = reverse("financing:budget_table", args=[five_budgeted.agenda.slug])
    first = client.get(url).content.decode()
    third = client.get(url, {"page": 3}).content.decode()
    assert row_numbers(first) == ["1.1", "1.2"]
    assert row_numbers(third) == ["1.5"]
    for html in (first, third):
        assert "15.000" in html  # 1,000 + 2,000 + ... + 5,000, on every page
        assert "pagina" in html
        assert "Acties zonder toewijzing: 1." in html
    assert 'href="?page=2"' in first


@pytest.mark.parametrize("page", ["abc", "0", "999", "-1"])
def test_a_page_number_that_does_not_exist_shows_a_page_that_does(client, five_budgeted, page):
    url = reverse("financing:budget_table", args=[five_budgeted.agenda.slug])
    response = client.get(url, {"page": page})
    assert response.status_code == 200
    assert row_numbers(response.content.decode()) in (["1.1", "1.2"], ["1.5"])


def test_the_annex_table_still_has_every_row(five_budgeted):
    table = selectors.budget_table(five_budgeted.agenda)
    assert [row.number for row in table.rows] == ["1.1", "1.2", "1.3", "1.4", "1.5"]
    assert table.total == Decimal("15000")
    assert table.unbudgeted_count == 1
