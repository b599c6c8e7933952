"""Where the annexes are found: the agenda page, the action table and the past-date form."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from agenda.models import Action, Agenda, Pillar, Status, Theme

from .pdftext import dutch, read_pdf, squeeze

pytestmark = pytest.mark.django_db

SLUG = "zkij-2020-2022"
CONCEPT = "zkij-werkplan-2023"


def links(response) -> dict[str, str]:
    """Link text -> href of a page."""
    found = {}
    for href, text in re.findall(
        r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', response.content.decode()
    ):
        found[re.sub(r"<[^>]+>", "", text).strip()] = href.replace("&amp;", "&")
    return found


def test_anonymous_visitor_reaches_bijlage1_from_the_home_page(demo, client):
    home = client.get("/")
    agenda = Agenda.objects.get(slug=SLUG)
    assert agenda.get_absolute_url() in links(home).values()
    page = client.get(agenda.get_absolute_url())
    label, href = next((t, h) for t, h in links(page).items() if t.startswith("Bijlage 1 (PDF"))
    response = client.get(href)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "bijlage-1-zkij-2020-2022.pdf" in response["Content-Disposition"]
    pdf = read_pdf(response.content)
    total = len(pdf.pages)
    assert f"pagina 1 van {total}" in pdf.pages[0]
    assert label.startswith(f"Bijlage 1 (PDF, ± {total} pagina")  # the estimate is right
    assert f"stand per {dutch(timezone.localdate())}" in pdf.pages[0]
    for text in Action.objects.in_agenda(agenda).values_list("text", flat=True):
        assert pdf.contains(text)


def test_concept_agenda_annex_is_not_public(concept_demo, client):
    url = reverse("agenda:bijlage1_pdf", args=[CONCEPT])
    assert client.get(url).status_code == 404


def test_selection_pdf_holds_exactly_the_filtered_actions(demo, client):
    agenda = Agenda.objects.get(slug=SLUG)
    table = client.get(
        reverse("agenda:action_table", args=[SLUG]), {"status": "loopt", "pillar": "1"}
    )
    href = next(
        h for t, h in links(table).items() if t.startswith("Deze selectie als Bijlage 1 (PDF")
    )
    assert "status=loopt" in href and "pillar=1" in href
    response = client.get(href)
    assert response["Content-Type"] == "application/pdf"
    pdf = read_pdf(response.content)
    chosen = Action.objects.in_agenda(agenda).filter(status__slug="loopt", theme__pillar__order=1)
    others = Action.objects.in_agenda(agenda).exclude(pk__in=chosen)
    assert chosen.exists() and others.exists()
    for action in chosen:
        assert pdf.contains(action.text), action.text
    chosen_flat = "".join(squeeze(a.text) for a in chosen)
    for action in others:
        if squeeze(action.text) not in chosen_flat:
            assert not pdf.contains(action.text), action.text
    # The title says which filter made the selection.
    assert "Status: loopt" in pdf.text
    assert "selectie:" in pdf.reader.metadata.title
    assert "loopt" in pdf.reader.metadata.title


def test_selection_pdf_ignores_invalid_filter_values_like_the_table(demo, client):
    response = client.get(
        reverse("agenda:bijlage1_selection_pdf", args=[SLUG]), {"status": "<script>", "theme": "x"}
    )
    assert response.status_code == 200
    pdf = read_pdf(response.content)
    assert "alle acties" in pdf.text


@pytest.fixture
def changed_after_adoption(demo):
    """All history dated at adoption (20 October 2020); then one action's status changes today."""
    adopted = timezone.make_aware(datetime.datetime(2020, 10, 20, 12, 0))
    for model in (Agenda, Pillar, Theme, Action):
        model.history.update(history_date=adopted)
    action = Action.objects.in_agenda(Agenda.objects.get(slug=SLUG)).filter(status__slug="loopt")
    action = action.order_by("theme__number", "order").first()
    action.status = Status.objects.get(slug="nader-uit-te-werken")
    action.text = action.text + " (bijgewerkt)"
    action.save()
    return action


def test_staff_prints_the_agenda_as_it_stood_on_a_past_date(
    changed_after_adoption, coordinator, client
):
    action = changed_after_adoption
    client.force_login(coordinator)
    url = reverse("agenda:bijlage1_as_of", args=[SLUG])
    form = client.get(url)
    assert form.status_code == 200
    response = client.get(url, {"date": "2021-01-01"})
    assert response["Content-Type"] == "application/pdf"
    past = read_pdf(response.content)
    assert "stand per 1 januari 2021" in past.pages[0]
    assert "stand per 1 januari 2021" in past.pages[-1]
    old_text = action.text.removesuffix(" (bijgewerkt)")
    assert past.contains(old_text)
    assert not past.contains(action.text)
    # The old row reads "loopt" right after the old text; today it reads the new status.
    assert squeeze(old_text + "loopt") in past.flat
    now = read_pdf(client.get(reverse("agenda:bijlage1_pdf", args=[SLUG])).content)
    assert squeeze(action.text + "naderuittewerken") in now.flat


def test_past_date_link_is_shown_to_staff_only(demo, coordinator, viewer, client):
    url = reverse("agenda:agenda_detail", args=[SLUG])
    assert "Bijlage 1 van een eerdere datum" not in links(client.get(url))
    client.force_login(viewer)
    assert "Bijlage 1 van een eerdere datum" not in links(client.get(url))
    client.force_login(coordinator)
    assert "Bijlage 1 van een eerdere datum" in links(client.get(url))


def test_past_date_annex_is_for_staff_only(demo, viewer, client):
    url = reverse("agenda:bijlage1_as_of", args=[SLUG])
    response = client.get(url, {"date": "2021-01-01"})
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
    client.force_login(viewer)
    assert client.get(url, {"date": "2021-01-01"}).status_code == 403


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("31-02-2021", "Vul een geldige datum in"),
        ("gisteren", "Vul een geldige datum in"),
        ("", "Vul een datum in"),
        ("2999-01-01", "De datum kan niet in de toekomst liggen"),
        ("1999-01-01", "Op die datum stond de agenda nog niet in het portaal"),
    ],
)
def test_bad_dates_get_a_dutch_form_error(demo, coordinator, client, value, message):
    client.force_login(coordinator)
    response = client.get(reverse("agenda:bijlage1_as_of", args=[SLUG]), {"date": value})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert message in response.content.decode()
