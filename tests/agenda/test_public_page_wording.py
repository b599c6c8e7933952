"""What users noticed on the public pages: wording, titles, captions and labels."""

import html
import re

import pytest
from django.urls import reverse

from agenda.models import Action, Agenda

pytestmark = pytest.mark.django_db

CONCEPT = "zkij-werkplan-2023"
ADOPTED = "zkij-2020-2022"


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user("lezer", password="a long passphrase 1")


def test_an_action_of_a_concept_agenda_is_not_called_part_of_the_adopted_agenda(
    client, concept_demo, member
):
    client.force_login(member)
    concept = Agenda.objects.get(slug=CONCEPT)
    action = Action.objects.in_agenda(concept).filter(added_later=False).first()
    page = client.get(action.get_absolute_url()).content.decode()
    assert "vastgestelde agenda" not in page
    assert "onderdeel van de (concept)agenda" in page

    adopted = Action.objects.in_agenda(Agenda.objects.get(slug=ADOPTED)).filter(added_later=False)
    page = client.get(adopted.first().get_absolute_url()).content.decode()
    assert "onderdeel van de vastgestelde agenda" in page


def test_a_long_action_text_is_cut_at_a_word_with_an_ellipsis(client, demo):
    action = Action.objects.in_agenda(Agenda.objects.get(slug=ADOPTED)).get(pk=22)
    action.short_title = ""
    action.text = "Een lange tekst " * 10 + "voor optimaal gebruik van het aanbod"
    action.save()
    label = str(action)
    assert len(label) <= 80
    assert label.endswith("…")
    assert action.text.startswith(label[:-1])
    assert action.text[len(label) - 1] == " "  # the cut falls between two words
    page = client.get(action.get_absolute_url()).content.decode()
    assert f"<title>{label}" in page
    assert "gebr<" not in page and "gebr\n" not in page


def test_an_unknown_sort_is_ignored_and_the_caption_stays_whole(client, demo):
    url = reverse("agenda:action_table", args=[ADOPTED])
    response = client.get(url, {"sort": "xyz"})
    assert response.status_code == 200
    caption = re.search(r"<caption[^>]*>(.*?)</caption>", response.content.decode(), re.S)[1]
    assert re.fullmatch(r"Acties, gesorteerd op \S.* \(oplopend\)", caption.strip())
    assert response.context["sort"] == ""


@pytest.mark.parametrize(
    "word, each, new",
    [("spoor", "elk spoor", "Nieuw spoor"), ("actielijn", "elke actielijn", "Nieuwe actielijn")],
)
def test_the_agendas_own_word_for_its_top_level_is_used_with_its_gender(
    client, demo, django_user_model, word, each, new
):
    agenda = Agenda.objects.get(slug=ADOPTED)
    agenda.top_level_label = word
    agenda.save()
    page = client.get(agenda.get_absolute_url()).content.decode()
    assert f"Thema's per {word}" in page
    assert f"voor {each}" in page
    assert "per pijler" not in page

    table = client.get(reverse("agenda:action_table", args=[ADOPTED]))
    page = html.unescape(table.content.decode())
    assert f"Thema's per {word}" in page
    assert table.context["filter"].form.fields["pillar"].label == word.capitalize()

    coordinator = django_user_model.objects.create_superuser("co", password="a long phrase 1")
    client.force_login(coordinator)
    page = client.get(reverse("agenda:agenda_structure", args=[ADOPTED])).content.decode()
    assert new in page
