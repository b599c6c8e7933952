"""Coordinators edit funding in the browser; everyone else is turned away."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from financing.models import Allocation, Distribution, FundingStream, YearAmount
from financing.services import allocation_save, year_amount_set
from tests.factories import world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(db):
    return world()


def login(client, user):
    client.force_login(user)
    return client


def edit_urls(w):
    ya, _ = year_amount_set(stream=w.stream, year=2024, amount=Decimal("1000"))
    alloc = allocation_save(
        allocation=Allocation(stream=w.stream, action=w.action, year=2024, budgeted=Decimal("10"))
    )
    return [
        reverse("financing:stream_create", args=[w.agenda.slug]),
        reverse("financing:stream_update", args=[w.stream.pk]),
        reverse("financing:stream_delete", args=[w.stream.pk]),
        reverse("financing:year_amount_create", args=[w.stream.pk]),
        reverse("financing:year_amount_update", args=[ya.pk]),
        reverse("financing:year_amount_delete", args=[ya.pk]),
        reverse("financing:distribute_year_amount", args=[ya.pk]),
        reverse("financing:allocation_create", args=[w.action.pk]),
        reverse("financing:allocation_update", args=[alloc.pk]),
        reverse("financing:allocation_delete", args=[alloc.pk]),
        reverse("financing:distribute_allocation", args=[alloc.pk]),
        reverse("financing:inhabitants_edit", args=[w.region.slug]),
    ]


def test_anonymous_visitors_are_sent_to_the_login_page(client, w):
    for url in edit_urls(w):
        response = client.get(url)
        assert response.status_code == 302, url
        assert reverse("login") in response["Location"]


@pytest.mark.parametrize("who", ["viewer", "other_coordinator"])
def test_others_than_the_regions_coordinators_get_forbidden_and_change_nothing(client, w, who):
    login(client, w.users[who])
    for url in edit_urls(w):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"name": "Gekaapt", "year": "2024"}).status_code == 403, url
    assert FundingStream.objects.filter(name="Gekaapt").count() == 0
    assert FundingStream.objects.filter(pk=w.stream.pk).exists()


def test_the_regions_coordinator_opens_every_form(client, w):
    login(client, w.users["coordinator"])
    for url in edit_urls(w):
        assert client.get(url).status_code == 200, url


def test_a_coordinator_adds_a_stream_and_dutch_amounts_per_year(client, w):
    login(client, w.users["coordinator"])
    response = client.post(
        reverse("financing:stream_create", args=[w.agenda.slug]),
        {
            "name": "Provinciale bijdrage",
            "level": "regionaal",
            "financier_text": "Provincie",
            "stated_total": "2.000.000,50",
            "order": "1",
            "agendas": [w.agenda.pk],
        },
    )
    stream = FundingStream.objects.get(name="Provinciale bijdrage")
    assert response.status_code == 302
    assert stream.stated_total == Decimal("2000000.50")
    assert list(stream.agendas.all()) == [w.agenda]
    url = reverse("financing:year_amount_create", args=[stream.pk])
    client.post(url, {"year": "2024", "kind": "bedrag", "amount": "1.000.000"})
    client.post(url, {"year": "2025", "kind": "besteed", "amount": ""})
    assert YearAmount.objects.get(stream=stream, year=2024).amount == Decimal("1000000")
    assert YearAmount.objects.get(stream=stream, year=2025).kind == "besteed"
    page = client.get(reverse("financing:funding_overview", args=[w.agenda.slug]))
    assert "€ 1.000.000" in page.content.decode()
    # The change is attributed to the coordinator.
    record = YearAmount.history.filter(year=2024).first()
    assert record.history_user == w.users["coordinator"]


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"year": "2024", "kind": "bedrag", "amount": "-500"}, "amount", "negatief"),
        ({"year": "2024", "kind": "bedrag", "amount": "1,000.50"}, "amount", "Nederlandse notatie"),
        ({"year": "20244", "kind": "bedrag", "amount": "5"}, "year", "geen mogelijk jaar"),
        ({"year": "1066", "kind": "bedrag", "amount": "5"}, "year", "geen mogelijk jaar"),
        ({"year": "twintig", "kind": "bedrag", "amount": "5"}, "year", "Vul een jaar in"),
        ({"year": "2024", "kind": "bedrag", "amount": ""}, "amount", "Vul het bedrag in"),
        ({"year": "2024", "kind": "onbekend", "amount": "5"}, "amount", "geen cijfer"),
    ],
)
def test_bad_year_amounts_give_dutch_errors_and_save_nothing(client, w, data, field, message):
    login(client, w.users["coordinator"])
    response = client.post(
        reverse("financing:year_amount_create", args=[w.stream.pk]),
        data,
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in response.content.decode()
    assert not YearAmount.objects.exists()


def test_an_allocation_with_an_unknown_stream_or_a_year_outside_the_agenda_is_refused(client, w):
    login(client, w.users["coordinator"])
    url = reverse("financing:allocation_create", args=[w.action.pk])
    response = client.post(url, {"stream": "999999", "year": "2024", "budgeted": "5"})
    assert "Onbekende financieringsbron" in response.content.decode()
    foreign = FundingStream.objects.create(
        region=w.other, slug="elders", name="Elders", level="lokaal"
    )
    response = client.post(url, {"stream": str(foreign.pk), "year": "2024", "budgeted": "5"})
    assert "Onbekende financieringsbron" in response.content.decode()
    response = client.post(url, {"stream": str(w.stream.pk), "year": "2031", "budgeted": "5"})
    assert "buiten de looptijd" in response.content.decode()
    assert not Allocation.objects.exists()


def test_over_allocation_is_warned_about(client, w):
    year_amount_set(stream=w.stream, year=2024, amount=Decimal("100000"))
    login(client, w.users["coordinator"])
    response = client.post(
        reverse("financing:allocation_create", args=[w.action.pk]),
        {"stream": str(w.stream.pk), "year": "2024", "budgeted": "150.000,00"},
        follow=True,
    )
    assert "overschreden" in response.content.decode()
    page = client.get(reverse("financing:allocation_overview", args=[w.agenda.slug]))
    html = page.content.decode()
    assert 'role="alert"' in html
    assert "€ 150.000 toegewezen terwijl € 100.000 beschikbaar is (€ 50.000 te veel)" in html


def test_a_split_over_municipalities_without_inhabitants_is_refused_with_the_reason(client, w):
    ya, _ = year_amount_set(stream=w.stream, year=2024, amount=Decimal("1000"))
    login(client, w.users["coordinator"])
    municipalities = [m.pk for m in w.region.municipalities.all()]
    response = client.post(
        reverse("financing:distribute_year_amount", args=[ya.pk]),
        {"municipalities": municipalities},
    )
    assert response.status_code == 200
    assert "geen inwonertal bekend voor Regio Noord gemeente 3" in response.content.decode()
    assert not Distribution.objects.exists()


def test_a_coordinator_enters_inhabitants_and_splits_a_budget_to_the_cent(client, w):
    login(client, w.users["coordinator"])
    m1, m2, m3 = w.region.municipalities.order_by("name")
    response = client.post(
        reverse("financing:inhabitants_edit", args=[w.region.slug]),
        {
            f"inhabitants_{m1.pk}": "10000",
            f"inhabitants_{m2.pk}": "20000",
            f"inhabitants_{m3.pk}": "30000",
            f"source_{m3.pk}": "CBS 2024",
        },
    )
    assert response.status_code == 302
    m3.refresh_from_db()
    assert (m3.inhabitants, m3.inhabitants_source) == (30000, "CBS 2024")
    allocation = allocation_save(
        allocation=Allocation(
            stream=w.stream, action=w.action, year=2025, budgeted=Decimal("100000.00")
        )
    )
    response = client.post(
        reverse("financing:distribute_allocation", args=[allocation.pk]),
        {"municipalities": [m1.pk, m2.pk, m3.pk]},
        follow=True,
    )
    parts = {p.municipality_id: p.amount for p in Distribution.objects.get().parts.all()}
    assert parts == {
        m1.pk: Decimal("16666.67"),
        m2.pk: Decimal("33333.33"),
        m3.pk: Decimal("50000.00"),
    }
    assert "€ 16.666,67" in response.content.decode()


def test_deleting_asks_for_confirmation_first(client, w):
    login(client, w.users["coordinator"])
    url = reverse("financing:stream_delete", args=[w.stream.pk])
    page = client.get(url)
    assert "Ja, verwijderen" in page.content.decode()
    assert FundingStream.objects.filter(pk=w.stream.pk).exists()
    client.post(url)
    assert not FundingStream.objects.filter(pk=w.stream.pk).exists()


def test_a_stream_with_allocations_is_not_deleted(client, w):
    allocation_save(
        allocation=Allocation(stream=w.stream, action=w.action, year=2024, budgeted=Decimal("1"))
    )
    login(client, w.users["coordinator"])
    client.post(reverse("financing:stream_delete", args=[w.stream.pk]))
    assert FundingStream.objects.filter(pk=w.stream.pk).exists()


def test_financing_forms_use_the_portals_form_styling(client, w):
    from tests.factories import make_action

    make_action(
        w.theme,
        2,
        "Een lange omschrijving van een actie die zo veel woorden bevat dat het label "
        "in de lijst ergens netjes moet worden afgebroken zonder woorden te knippen",
    )
    login(client, w.users["coordinator"])
    ya, _ = year_amount_set(stream=w.stream, year=2024, amount=Decimal("1000"))
    for url in [
        reverse("financing:stream_create", args=[w.agenda.slug]),
        reverse("financing:year_amount_update", args=[ya.pk]),
        reverse("financing:allocation_create", args=[w.action.pk]),
        reverse("financing:inhabitants_edit", args=[w.region.slug]),
    ]:
        html = client.get(url).content.decode()
        for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", html):
            if 'type="hidden"' in tag or 'type="submit"' in tag:
                continue
            assert "utrecht-" in tag, (url, tag)
    html = client.get(reverse("financing:stream_create", args=[w.agenda.slug])).content.decode()
    assert "Thema 1 · actie 1: Baancoaches voor jongeren" in html
    assert "plan-noord 1.1" not in html
    assert "netjes moet worden…" in html or "netjes moet…" in html or "…</label>" in html
    assert "knippen" not in html


def test_form_labels_start_with_a_capital_and_a_negative_amount_gets_one_message(client, w):
    login(client, w.users["coordinator"])
    url = reverse("financing:year_amount_create", args=[w.stream.pk])
    html = client.get(url).content.decode()
    labels = re.findall(r'<label class="utrecht-form-label"[^>]*>\s*([^<\s][^<]*)', html)
    assert "Jaar" in [label.strip() for label in labels]
    assert "Bedrag" in [label.strip() for label in labels]
    assert not [label for label in labels if label.strip()[:1].islower()], labels
    alloc = client.get(reverse("financing:allocation_create", args=[w.action.pk])).content
    assert ">Financieringsbron<" in alloc.decode()
    stream_form = client.get(reverse("financing:stream_update", args=[w.stream.pk])).content
    assert ">Genoemd totaal" in stream_form.decode()

    response = client.post(url, {"year": "2024", "kind": "bedrag", "amount": "-5"})
    page = response.content.decode()
    assert "Een bedrag kan niet negatief zijn." in page
    assert "Vul het bedrag in, of kies een andere soort." not in page
    assert not YearAmount.objects.filter(stream=w.stream).exists()
    empty = client.post(url, {"year": "2024", "kind": "bedrag", "amount": ""}).content.decode()
    assert "Vul het bedrag in, of kies een andere soort." in empty


def test_a_stated_total_does_not_read_as_a_negative_amount(client, w):
    w.stream.stated_total = Decimal("1000000.50")
    w.stream.stated_total_note = "totaal € 1 miljoen"
    w.stream.save()
    html = client.get(w.stream.get_absolute_url()).content.decode()
    assert "(€\xa01.000.000,50)" not in html and "(€ 1.000.000,50)" not in html
    assert re.search(r"totaal €(\s|&nbsp;|\xa0)1\.000\.000,50", html)
