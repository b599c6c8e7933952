"""Evaluating a line of the agenda as a whole (under no pillar): no pillar has to be picked, and
the evaluation page and annex list it under the agenda's own words for such lines."""

import pytest
from django.urls import reverse

from agenda.models import Action, Pillar
from evaluation.models import Evaluation
from evaluation.pdf import render_evaluation_pdf
from tests.annexes.pdftext import read_pdf, squeeze
from tests.factories import AgendaFactory, EvaluationFactory, ThemeFactory, coordinator

pytestmark = pytest.mark.django_db

COORDINATION = "Coördinatie en regie van het actieplan"


@pytest.fixture
def agenda():
    agenda = AgendaFactory(title="Actieplan West", top_level_label="actielijn")
    pillar = Pillar.objects.create(agenda=agenda, order=1, name="Werk vinden")
    theme = ThemeFactory(pillar=pillar, agenda=agenda)
    EvaluationFactory(action__theme=theme, number=1, title="Leerwerkbanen ingezet")
    return agenda


def post_evaluation(client, action, *, logged_in=False, **fields):
    if not logged_in:
        client.force_login(coordinator(action.agenda.region))
    url = reverse("evaluation:evaluation_edit", args=[action.pk])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "parties"}
    data.update(outcome="afgerond", achieved_result="Regiegroep kwam 6 keer bijeen", **fields)
    return client.post(url, data)


def test_a_line_under_no_pillar_is_evaluated_without_picking_a_pillar(client, agenda):
    line = Action.objects.create(agenda=agenda, order=1, text=COORDINATION)
    response = post_evaluation(client, line, title="Regie", number=2)
    assert response.status_code == 302
    evaluation = Evaluation.objects.get(action=line)
    assert evaluation.pillar is None
    assert evaluation.history.get().history_user.username == "coordinator"


def test_an_evaluation_left_without_pillar_follows_its_actions_pillar(client, agenda):
    action = Action.objects.create(
        pillar=agenda.pillars.get(), order=1, text="Werkgeversservicepunt"
    )
    response = post_evaluation(client, action, title="WSP", number=3, pillar="")
    assert response.status_code == 302
    assert Evaluation.objects.get(action=action).pillar == agenda.pillars.get()


def test_the_page_and_annex_have_a_section_for_lines_under_no_pillar(client, agenda):
    line = Action.objects.create(agenda=agenda, order=1, text=COORDINATION)
    EvaluationFactory(action=line, pillar=None, number=2, title="Regie <op> de agenda")
    words = str(agenda.outside_top_levels)
    assert words == "De agenda als geheel (niet onder een actielijn)"
    html = client.get(reverse("evaluation:overview", args=[agenda.slug])).content.decode()
    assert f"2. {words}" in html
    assert "Regie &lt;op&gt; de agenda" in html
    text = squeeze(" ".join(read_pdf(render_evaluation_pdf(agenda=agenda)).pages))
    assert squeeze("1. Werk vinden") in text
    assert squeeze(f"2. {words}") in text
    assert text.index(squeeze("Leerwerkbanen ingezet")) < text.index(squeeze(words))
    assert text.index(squeeze(words)) < text.index(squeeze("Regie <op> de agenda"))


def test_two_lines_under_no_pillar_cannot_share_an_evaluation_number(client, agenda):
    first = Action.objects.create(agenda=agenda, order=1, text=COORDINATION)
    second = Action.objects.create(agenda=agenda, order=2, text="Communicatie over het plan")
    assert post_evaluation(client, first, title="Regie", number=2).status_code == 302
    response = post_evaluation(client, second, logged_in=True, title="Communicatie", number=2)
    assert response.status_code == 200
    assert "heeft al dit nummer" in response.content.decode()
    assert not Evaluation.objects.filter(action=second).exists()
