"""The demo data is the real 2020-2022 agenda, taken verbatim from Bijlage 1 of seed 000."""

import pytest
from django.core.management import call_command

from agenda.models import Action, Agenda, Pillar, Theme
from common.demo import load_all
from governance.models import Municipality, Organisation, Region

pytestmark = pytest.mark.django_db

AGENDA_SLUG = "zkij-2020-2022"


def agenda_2020():
    return Agenda.objects.get(slug=AGENDA_SLUG)


def test_region_has_seven_municipalities_in_two_subregions(demo):
    region = Region.objects.get(name="Zuid-Kennemerland en IJmond")
    names = set(region.municipalities.values_list("name", flat=True))
    assert names == {
        "Haarlem",
        "Zandvoort",
        "Heemstede",
        "Bloemendaal",
        "Velsen",
        "Beverwijk",
        "Heemskerk",
    }
    assert set(region.subregions.values_list("name", flat=True)) == {"IJmond", "Zuid-Kennemerland"}
    ijmond = set(
        Municipality.objects.filter(subregion__name="IJmond").values_list("name", flat=True)
    )
    assert ijmond == {"Velsen", "Beverwijk", "Heemskerk"}
    assert Municipality.objects.get(is_centre=True).name == "Haarlem"


def test_agenda_has_four_pillars_and_eight_numbered_themes(demo):
    agenda = agenda_2020()
    assert agenda.state == Agenda.State.CLOSED
    assert [p.name for p in agenda.pillars.order_by("order")] == [
        "Uitkering naar werk",
        "Onderwijs naar werk",
        "Werk naar werk",
        "Werkgelegenheid",
    ]
    themes = list(agenda.themes.order_by("number"))
    assert [t.number for t in themes] == list(range(1, 9))
    assert themes[0].name == "Daling werkloosheid"
    assert themes[0].pillar.name == "Uitkering naar werk"
    assert themes[3].pillar.name == "Onderwijs naar werk"
    assert themes[7].pillar.name == "Werkgelegenheid"


def test_all_41_visible_rows_and_5_rebuilt_rows_are_loaded(demo):
    actions = Action.objects.in_agenda(agenda_2020()).filter(added_later=False)
    rebuilt = actions.filter(source_note__startswith="Herbouwd")
    assert actions.count() == 46
    assert rebuilt.count() == 5
    per_theme = {
        t.number: t.actions.filter(added_later=False)
        .exclude(source_note__startswith="Herbouwd")
        .count()
        for t in agenda_2020().themes.all()
    }
    assert per_theme == {1: 6, 2: 8, 3: 2, 4: 8, 5: 3, 6: 8, 7: 5, 8: 1}


def test_every_visible_row_is_verbatim_from_bijlage_1(demo, seed_text):
    bijlage_1 = seed_text("000").split("BIJLAGE 1: REGIONALE DOE-AGENDA ARBEIDSMARKT")[-1]
    bijlage_1 = bijlage_1.split("BIJLAGE 2")[0]
    rows = (
        Action.objects.in_agenda(agenda_2020())
        .filter(added_later=False)
        .exclude(source_note__startswith="Herbouwd")
    )
    for action in rows:
        assert action.text in bijlage_1, action.text
        for field in (action.lead_text, action.financing_text):
            assert field == "" or field in bijlage_1, field


@pytest.mark.parametrize(
    ("theme_number", "text", "scope", "status", "lead_text", "financing_text"),
    [
        (
            1,
            "Blended trainingen (combinatie van live en online events) met ondersteuning van "
            "eLaunch platform",
            "IJmond",
            "loopt",
            "Ijmond Werkt!",
            "Budget IJmond Werkt",
        ),
        (
            2,
            "Onderzoeken uitbreiding mogelijkheden tot detachering",
            "Lokale keuze, regionaal mogelijk",
            "nader uit te werken",
            "lokaal nader te bepalen",
            "lokaal nader te bepalen",
        ),
        (
            4,
            "Aanpassingen van het Leerwerkloket en het Leerplein/Werkplein voor optimaal gebruik "
            "van de instrumenten van House of Skills",
            "Regionaal",
            "loopt",
            "PoW",
            "PoW",
        ),
        (
            6,
            "Pilot aanpak zelfstandigen TOZO met aandacht voor rouwverwerking, nieuwe kansen en "
            "omscholing",
            "IJmond",
            "loopt",
            "IJmond- gemeenten",
            "Tozo-middelen",
        ),
        (
            8,
            "Bestuurlijke keuzes voor lokale banenmotoren voor de arbeidsmarktregio "
            "Zuid-Kennemerland en IJmond",
            "Regionale keuze met lokale uitwerking",
            "nader uit te werken",
            "REO",
            "nader te bepalen",
        ),
    ],
)
def test_sample_rows_match_the_seed_under_their_theme(
    demo, theme_number, text, scope, status, lead_text, financing_text
):
    action = Action.objects.get(theme__agenda__slug=AGENDA_SLUG, text=text)
    assert action.theme.number == theme_number
    assert action.scope.name == scope
    # The agenda is closed: Bijlage 1's status is the one it was adopted with, its first record.
    as_adopted = action.history.order_by("history_date", "history_id").first()
    assert as_adopted.status.name == status
    assert action.lead_text == lead_text
    assert action.financing_text == financing_text
    assert "Bijlage 1" in action.source_note


def test_theme_4_rows_follow_theme_3_rows_after_the_page_break(demo):
    theme3 = Theme.objects.get(agenda__slug=AGENDA_SLUG, number=3)
    theme4 = Theme.objects.get(agenda__slug=AGENDA_SLUG, number=4)
    assert [a.text for a in theme3.actions.order_by("order")][:2] == [
        "Vertaling landelijke extra middelen naar aanpak garantiebanen en beschut werk",
        "Doelgroep blijvend in beeld (ook bij werkgever)",
    ]
    visible4 = theme4.actions.exclude(source_note__startswith="Herbouwd").order_by("order")
    assert visible4.first().text.startswith("Aanpassingen van het Leerwerkloket")


def test_rebuilt_rows_come_from_section_3_4_and_say_so(demo, seed_text):
    seed = seed_text("000")
    rebuilt = Action.objects.filter(
        theme__agenda__slug=AGENDA_SLUG, source_note__startswith="Herbouwd"
    )
    assert {a.theme.number for a in rebuilt} == {3, 4}
    for action in rebuilt:
        assert action.text in seed
        assert "3.4" in action.source_note
    assert rebuilt.filter(
        text__startswith="Ondersteuning van werkgevers door middel van de HARRIE"
    ).exists()
    assert rebuilt.filter(text__startswith="Focusplan onderwijs").get().theme.number == 4


def test_leads_are_linked_and_the_text_is_kept(demo):
    action = Action.objects.get(
        theme__agenda__slug=AGENDA_SLUG,
        text__startswith="Talent naar de zorg",
    )
    assert action.lead_text == "PoW"
    assert [o.abbreviation for o in action.leads.all()] == ["PoW"]
    pow_org = Organisation.objects.get(abbreviation="PoW")
    assert pow_org.led_actions.filter(theme__agenda__slug=AGENDA_SLUG).count() == 6


def test_haarlem_addendum_is_a_local_agenda_of_haarlem(demo):
    addendum = Agenda.objects.get(municipality__name="Haarlem")
    assert addendum.region is None
    assert addendum.owner_region.name == "Zuid-Kennemerland en IJmond"
    assert addendum.state == Agenda.State.ADOPTED


def test_werkplan_2023_is_structured_in_four_sporen(demo):
    werkplan = Agenda.objects.get(top_level_label="spoor")
    assert werkplan.first_year == 2023
    assert Pillar.objects.filter(agenda=werkplan).count() == 4
    spoor1 = werkplan.pillars.get(order=1)
    actions = Action.objects.filter(theme__pillar=spoor1).order_by("order")
    assert actions.count() == 7
    first = actions.first()
    assert first.text.startswith("Regionale bekendheid ZKIJ Werkt Door")
    assert first.lead_text == "ZKIJ Werkt Door"


def test_loading_twice_changes_nothing(demo):
    history_before = Action.history.count()
    assert load_all() == 0
    assert Action.history.count() == history_before


def test_command_with_if_empty_leaves_existing_data_alone(demo, capsys):
    call_command("load_demo_data", "--if-empty")
    assert "already holds agendas" in capsys.readouterr().out
