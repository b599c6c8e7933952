"""The public pages: agendas, an agenda as Bijlage 1, an action and an organisation."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse

from agenda.models import Action, Agenda, Status
from governance.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    """The demo data, loaded once for this module and rolled back after it."""
    from common.demo import load_all

    with django_db_blocker.unblock(), transaction.atomic():
        load_all()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_once, db):
    """Each test runs in a savepoint on top of the module's demo data."""


ADOPTED = "zkij-2020-2022"
CONCEPT = "zkij-werkplan-2023"


class Outline(HTMLParser):
    """Collects what a page says about its structure: headings, captions, th scopes, labels."""

    def __init__(self):
        super().__init__()
        self.h1 = 0
        self.tables = 0
        self.captions = 0
        self.header_cells_without_scope = 0
        self.landmarks = set()
        self.skip_link = False
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1":
            self.h1 += 1
        elif tag == "table":
            self.tables += 1
        elif tag == "caption":
            self.captions += 1
        elif tag == "th" and "scope" not in attrs:
            self.header_cells_without_scope += 1
        elif tag in ("main", "header", "footer", "nav"):
            self.landmarks.add(tag)
        elif tag == "a":
            self.links.append(attrs.get("href"))
            if attrs.get("href") == "#main":
                self.skip_link = True


def outline(response) -> Outline:
    parser = Outline()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user("partner", password="a long passphrase 1")


def test_home_lists_adopted_agendas_with_region_period_and_state(client, demo):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    agenda = Agenda.objects.get(slug=ADOPTED)
    assert agenda.title in html
    assert "Zuid-Kennemerland en IJmond" in html
    assert "2020-2022" in html
    assert "Vastgesteld op 20 oktober 2020" in html
    assert reverse("agenda:action_table", args=[ADOPTED]) in html


def test_concept_agendas_are_for_logged_in_users_only(client, concept_demo, member):
    concept = Agenda.objects.get(slug=CONCEPT)
    assert concept.title not in client.get("/").content.decode()
    assert client.get(concept.get_absolute_url()).status_code == 404
    assert client.get(reverse("agenda:action_table", args=[CONCEPT])).status_code == 404
    action = Action.objects.in_agenda(concept).first()
    assert client.get(action.get_absolute_url()).status_code == 404

    client.force_login(member)
    assert concept.title in client.get("/").content.decode()
    assert client.get(concept.get_absolute_url()).status_code == 200
    assert client.get(reverse("agenda:action_table", args=[CONCEPT])).status_code == 200
    assert client.get(action.get_absolute_url()).status_code == 200


def test_a_visitor_reaches_the_action_table_from_the_home_page(client, demo):
    home = outline(client.get("/"))
    agenda_url = reverse("agenda:agenda_detail", args=[ADOPTED])
    assert agenda_url in home.links
    agenda_page = outline(client.get(agenda_url))
    table_url = reverse("agenda:action_table", args=[ADOPTED])
    assert table_url in agenda_page.links
    assert client.get(table_url).status_code == 200


def test_agenda_page_reads_like_bijlage_1(client, demo):
    agenda = Agenda.objects.get(slug=ADOPTED)
    html = client.get(agenda.get_absolute_url()).content.decode()
    for heading in ("Thema's per pijler", "Voor wie", "(Sub)regionaal", "Trekker(s)"):
        assert heading in html
    # Pillar bands, in order, each spanning the whole table.
    bands = re.findall(r'colspan="8"[^>]*id="pillar-(\d+)">([^<]+)<', html)
    assert [name.split(": ", 1)[1] for _n, name in bands] == [
        "Uitkering naar werk",
        "Onderwijs naar werk",
        "Werk naar werk",
        "Werkgelegenheid",
    ]
    # A theme's number, name and target group span all of its actions.
    theme = agenda.themes.get(number=1)
    count = theme.actions.count()
    assert f'rowspan="{count}">1</td>' in html
    assert f'rowspan="{count}"><span class="portal-annex__theme-name">{theme.name}' in html
    # Every action is there, linked to its page.
    for action in Action.objects.in_agenda(agenda):
        assert action.get_absolute_url() in html


def test_agenda_page_counts_actions_per_status_for_each_pillar(client, demo):
    agenda = Agenda.objects.get(slug=ADOPTED)
    response = client.get(agenda.get_absolute_url())
    rows = {row["pillar"].name: dict(row["cells"]) for row in response.context["status_rows"]}
    running = Status.objects.get(slug="loopt")
    for pillar in agenda.pillars.all():
        expected = Action.objects.filter(theme__pillar=pillar, status=running).count()
        assert rows[pillar.name]["loopt"] == expected
    total = response.context["status_totals"]["total"]
    assert total == Action.objects.in_agenda(agenda).count()
    assert "Aantal acties per status voor elke pijler" in response.content.decode()


def test_leads_link_to_their_organisation_pages(client, demo):
    agenda = Agenda.objects.get(slug=ADOPTED)
    html = client.get(agenda.get_absolute_url()).content.decode()
    led = Organisation.objects.filter(led_actions__theme__agenda=agenda).distinct()
    assert led.exists()
    for organisation in led:
        assert f'href="{organisation.get_absolute_url()}"' in html


def test_action_page_shows_every_field(client, demo):
    action = (
        Action.objects.in_agenda(Agenda.objects.get(slug=ADOPTED))
        .exclude(scope=None)
        .exclude(status=None)
        .filter(leads__isnull=False)
        .exclude(financing_text="")
        .exclude(stage="")
        .first()
    )
    html = client.get(action.get_absolute_url()).content.decode()
    assert action.text in html
    assert action.theme.name in html
    assert action.theme.pillar.name in html
    assert action.scope.name in html
    assert action.status.name in html
    assert str(action.get_stage_display()) in html
    assert action.financing_text in html
    for organisation in action.leads.all():
        assert f'href="{organisation.get_absolute_url()}"' in html


def test_internal_note_is_shown_to_logged_in_users_only(client, demo, member):
    action = Action.objects.in_agenda(Agenda.objects.get(slug=ADOPTED)).first()
    action.internal_note = "Alleen voor intern gebruik: budget nog niet rond"
    action.save()
    assert action.internal_note not in client.get(action.get_absolute_url()).content.decode()
    client.force_login(member)
    assert action.internal_note in client.get(action.get_absolute_url()).content.decode()


def test_organisation_page_answers_what_do_we_lead(client, demo, member):
    organisation = Organisation.objects.get(name="UWV")
    public = Action.objects.visible_to(None).filter(leads=organisation)
    concept_only = Action.objects.filter(
        leads=organisation, theme__agenda__state=Agenda.State.CONCEPT
    )
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "Wat trekt deze organisatie?" in html
    for action in public:
        assert action.get_absolute_url() in html
    for action in concept_only:
        assert action.get_absolute_url() not in html
    client.force_login(member)
    html = client.get(organisation.get_absolute_url()).content.decode()
    for action in concept_only:
        assert action.get_absolute_url() in html


def test_user_text_is_escaped(client, demo):
    action = Action.objects.in_agenda(Agenda.objects.get(slug=ADOPTED)).first()
    action.text = '<script>alert("x")</script> Actie'
    action.lead_text = "<b>UWV</b>"
    action.financing_text = "<img src=x onerror=alert(1)>"
    action.save()
    urls = [
        action.get_absolute_url(),
        action.theme.agenda.get_absolute_url(),
        reverse("agenda:action_table", args=[ADOPTED]),
    ]
    for url in urls:
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "<b>UWV</b>" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;alert" in html


def test_dutch_is_the_default_and_english_is_one_switch_away(client, demo):
    agenda_url = reverse("agenda:agenda_detail", args=[ADOPTED])
    html = client.get(agenda_url).content.decode()
    assert '<html lang="nl">' in html
    assert "vastgesteld op 20 oktober 2020" in html
    assert "Documentdatum: 14 oktober 2020" in html

    switch = re.search(r'<a class="portal-language__link" href="([^"]+)"', html)[1]
    response = client.get(switch.replace("&amp;", "&"))
    assert response.status_code == 302
    assert response["Location"] == agenda_url
    html = client.get(agenda_url).content.decode()
    assert '<html lang="en">' in html
    assert "Actions per status" in html

    client.get(reverse("choose_language"), {"lang": "nl", "next": agenda_url})
    assert '<html lang="nl">' in client.get(agenda_url).content.decode()


def test_language_switch_is_a_plain_link_without_a_form_token(client, demo):
    html = client.get("/").content.decode()
    switch = re.search(r'<nav class="portal-language"[^>]*>(.*?)</nav>', html, re.S)
    assert switch is not None
    assert 'href="/taal/?lang=en&amp;next=/"' in switch.group(1)
    assert "csrfmiddlewaretoken" not in html
    assert "<script" not in html


@pytest.mark.parametrize(
    "url_name",
    ["home", "agenda_detail", "action_table", "action_detail", "organisation_detail"],
)
def test_every_page_has_one_h1_landmarks_a_skip_link_and_captioned_tables(client, demo, url_name):
    agenda = Agenda.objects.get(slug=ADOPTED)
    action = Action.objects.in_agenda(agenda).filter(leads__isnull=False).first()
    args = {
        "home": [],
        "agenda_detail": [ADOPTED],
        "action_table": [ADOPTED],
        "action_detail": [action.pk],
        "organisation_detail": [action.leads.first().pk],
    }[url_name]
    page = outline(client.get(reverse(f"agenda:{url_name}", args=args)))
    assert page.h1 == 1
    assert {"main", "header", "footer", "nav"} <= page.landmarks
    assert page.skip_link
    assert page.tables == page.captions
    assert page.header_cells_without_scope == 0


def test_unknown_pages_are_not_found(client, demo):
    assert client.get("/agendas/bestaat-niet/").status_code == 404
    assert client.get("/acties/999999/").status_code == 404
    assert client.get("/organisaties/999999/").status_code == 404


def test_logged_in_users_see_concept_notes_on_the_agenda_page(client, demo, member):
    agenda = Agenda.objects.get(slug=ADOPTED)
    agenda.internal_note = "Bespreken in het regionaal overleg"
    agenda.save()
    assert agenda.internal_note not in client.get(agenda.get_absolute_url()).content.decode()
    client.force_login(member)
    assert agenda.internal_note in client.get(agenda.get_absolute_url()).content.decode()


def test_inactive_accounts_do_not_see_concepts(client, concept_demo):
    user = get_user_model().objects.create_user("oud", password="x", is_active=False)
    client.force_login(user)
    response = client.get(reverse("agenda:agenda_detail", args=[CONCEPT]))
    assert response.status_code == 404


def test_a_missing_page_says_so_in_dutch(client, demo):
    response = client.get("/agendas/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html
    assert 'href="/"' in html
