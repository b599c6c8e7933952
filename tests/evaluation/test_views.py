"""The evaluation pages: public for adopted agendas, editable by the region's coordinators."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from agenda.models import Agenda
from evaluation.models import Evaluation, Indicator
from tests.factories import (
    ActionFactory,
    AgendaFactory,
    EvaluationFactory,
    IndicatorFactory,
    coordinator,
    partner,
)


@pytest.fixture
def agenda(demo):
    return Agenda.objects.get(slug="zkij-2020-2022")


def test_anonymous_visitor_finds_all_42_activities_from_the_home_page(client, agenda):
    home = client.get("/")
    assert agenda.get_absolute_url() in home.content.decode()
    agenda_page = client.get(agenda.get_absolute_url()).content.decode()
    overview_url = reverse("evaluation:overview", args=[agenda.slug])
    assert overview_url in agenda_page
    assert reverse("evaluation:annex_pdf", args=[agenda.slug]) in agenda_page
    response = client.get(overview_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="portal-evaluation"') == 42
    assert "669 jongeren zijn benaderd" in html
    assert "81 deelnemers zijn gestart" in html
    groups = response.context["groups"]
    assert [g["pillar"].name for g in groups] == [
        "Werk naar werk",
        "Uitkering naar werk",
        "Onderwijs naar werk",
        "Werkgelegenheid",
    ]
    assert [len(g["evaluations"]) for g in groups] == [6, 16, 16, 4]
    assert response.context["setbacks"] == 10


def test_links_in_extra_information_are_links(client, agenda):
    html = client.get(reverse("evaluation:overview", args=[agenda.slug])).content.decode()
    assert 'href="https://netwerkenwerkt.nl/netwerken-werkt-zuid-ken-merland-en-ijmond"' in html


def test_the_action_page_shows_its_evaluation_and_indicators(client, agenda):
    evaluation = Evaluation.objects.get(action__theme__agenda=agenda, title="Talent naar de zorg")
    html = client.get(evaluation.action.get_absolute_url()).content.decode()
    assert "81 deelnemers zijn gestart" in html
    assert "€ 193.000" in html
    Indicator.objects.create(
        action=evaluation.action, name="Re-integratietrajecten", unit="trajecten",
        target=60, actual=81, measured_on="2022-10-01",
    )  # fmt: skip
    html = client.get(evaluation.action.get_absolute_url()).content.decode()
    assert "Re-integratietrajecten" in html
    assert "135%" in html


def test_concept_agenda_evaluation_is_not_public(client, db):
    evaluation = EvaluationFactory(action__theme__pillar__agenda__state=Agenda.State.CONCEPT)
    url = reverse("evaluation:overview", args=[evaluation.action.agenda.slug])
    assert client.get(url).status_code == 404


def test_the_annex_holds_all_activities(client, agenda):
    response = client.get(reverse("evaluation:annex_pdf", args=[agenda.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    for title in ["Regionaal Mobiliteitsteam", "Bizzerd", "SPRONG", "Baancreatie"]:
        assert title in flat
    assert "669 jongeren zijn benaderd" in flat
    assert "81 deelnemers zijn gestart" in flat
    # One block per activity, each with its outcome, grouped per pillar in the evaluation's order.
    assert flat.count("Uitkomst:") == 42
    headings = ["1. Werk naar werk", "2. Uitkering naar werk", "3. Onderwijs naar werk"]
    positions = [flat.index(h) for h in [*headings, "4. Werkgelegenheid"]]
    assert positions == sorted(positions)


@pytest.mark.parametrize("name", ["evaluation:evaluation_edit", "evaluation:indicator_create"])
def test_anonymous_is_sent_to_login_and_others_are_refused(client, db, name):
    action = ActionFactory()
    url = reverse(name, args=[action.pk])
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(partner(action.agenda.region))
    assert client.get(url).status_code == 403
    client.force_login(coordinator(AgendaFactory().region, username="other"))
    assert client.get(url).status_code == 403
    client.force_login(coordinator(action.agenda.region))
    assert client.get(url).status_code == 200


def test_coordinator_edits_an_evaluation(client, db):
    evaluation = EvaluationFactory()
    action = evaluation.action
    client.force_login(coordinator(action.agenda.region))
    url = reverse("evaluation:evaluation_edit", args=[action.pk])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "parties"}
    data.update(
        pillar=evaluation.pillar.pk,
        achieved_result="Er zijn 12 mensen geplaatst.",
        outcome="loopt_door",
        evaluated_on="2022-11-01",
    )
    response = client.post(url, data)
    assert response.status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.achieved_result == "Er zijn 12 mensen geplaatst."
    assert evaluation.outcome == "loopt_door"
    assert evaluation.history.count() == 2
    assert evaluation.history.first().history_user.username == "coordinator"


def test_bad_input_changes_nothing(client, db):
    evaluation = EvaluationFactory()
    client.force_login(coordinator(evaluation.action.agenda.region))
    url = reverse("evaluation:evaluation_edit", args=[evaluation.action.pk])
    response = client.post(url, {"outcome": "prachtig", "evaluated_on": "gisteren"})
    assert response.status_code == 200
    assert "outcome" in response.context["form"].errors
    evaluation.refresh_from_db()
    assert evaluation.outcome == "afgerond" and evaluation.history.count() == 1


def test_target_without_unit_is_refused_in_the_browser_form(client, db):
    action = ActionFactory()
    client.force_login(coordinator(action.agenda.region))
    url = reverse("evaluation:indicator_create", args=[action.pk])
    response = client.post(url, {"name": "Plaatsingen", "unit": "", "target": "50"})
    assert response.status_code == 200
    assert response.context["form"].errors["unit"]
    assert not Indicator.objects.exists()
    response = client.post(url, {"name": "Plaatsingen", "unit": "plaatsingen", "target": "50"})
    assert response.status_code == 302
    assert Indicator.objects.get().unit == "plaatsingen"


def test_indicator_is_deleted_only_after_confirmation(client, db):
    indicator = IndicatorFactory()
    client.force_login(coordinator(indicator.action.agenda.region))
    url = reverse("evaluation:indicator_delete", args=[indicator.pk])
    assert client.get(url).status_code == 200
    assert Indicator.objects.count() == 1
    client.post(url)
    assert Indicator.objects.count() == 0


def test_the_action_table_filters_on_evaluation_outcome(client, agenda):
    url = reverse("agenda:action_table", args=[agenda.slug])
    response = client.get(url, {"outcome": "niet_gestart"})
    assert response.status_code == 200
    titles = {a.short_title for a in response.context["filter"].qs}
    assert titles == {"Blik op de Toekomst", "Bizzerd", "Profielen", "Inclusieve technologie"}
    response = client.get(url, {"outcome": "geweldig"})
    assert response.status_code == 200
    assert "outcome" in response.context["filter"].form.errors


def test_the_overview_needs_few_queries(client, agenda, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        response = client.get(reverse("evaluation:overview", args=[agenda.slug]))
    assert response.status_code == 200
