"""Starting the next agenda from the old one: a new structure, chosen actions carried over."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from agenda.models import Action, Agenda, Pillar, Theme
from agenda.succession import PillarPlan, agenda_carry_over, agenda_start_successor
from evaluation.models import Evaluation, Indicator
from tests.factories import coordinator, partner


def model_to_dict(obj) -> dict:
    """Every stored field, timestamps included."""
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def snapshot(agenda: Agenda) -> dict:
    """Every field, m2m and history count of an agenda and everything under it."""
    actions = Action.objects.in_agenda(agenda).order_by("pk")
    evaluations = Evaluation.objects.in_agenda(agenda).order_by("pk")
    return {
        "agenda": model_to_dict(Agenda.objects.get(pk=agenda.pk)),
        "agenda_history": agenda.history.count(),
        "pillars": [model_to_dict(p) for p in Pillar.objects.filter(agenda=agenda)],
        "themes": [model_to_dict(t) for t in Theme.objects.filter(agenda=agenda)],
        "actions": [
            {
                **model_to_dict(a),
                "leads": sorted(o.pk for o in a.leads.all()),
                "history": a.history.count(),
            }
            for a in actions
        ],  # fmt: skip
        "evaluations": [
            {
                **model_to_dict(e),
                "parties": sorted(o.pk for o in e.parties.all()),
                "history": e.history.count(),
            }
            for e in evaluations
        ],  # fmt: skip
        "indicators": [model_to_dict(i) for i in Indicator.objects.filter(action__in=actions)],
        "action_history_rows": Action.history.filter(theme__agenda=agenda).count(),
    }


def boss_of(region):
    """The region's coordinator, made on first use."""
    return get_user_model().objects.filter(username="coordinator").first() or coordinator(region)


@pytest.fixture
def old(demo):
    return Agenda.objects.get(slug="zkij-2020-2022")


def start(old, **kwargs):
    values = {
        "user": boss_of(old.region),
        "source": old,
        "title": "Regionale arbeidsmarktagenda 2023-2026",
        "first_year": 2023,
        "last_year": 2026,
        "top_level_label": "actielijn",
        "pillars": [
            PillarPlan("Sluitende dienstverlening", ["Naar werk", "Jongeren"]),
            PillarPlan("Werkgevers en werkgelegenheid"),
            PillarPlan("Innovatie-agenda", ["Pilots"]),
        ],
    }
    values.update(kwargs)
    return agenda_start_successor(**values)


def test_carrying_over_leaves_the_old_agenda_untouched(old):
    before = snapshot(old)
    new = start(old)
    chosen = list(Action.objects.in_agenda(old).filter(evaluation__outcome="loopt_door"))
    pilots = Theme.objects.get(agenda=new, name="Pilots")
    carried = agenda_carry_over(
        user=boss_of(old.region), agenda=new, choices=[(a, pilots) for a in chosen]
    )
    assert len(carried) == len(chosen) > 0
    assert snapshot(old) == before


def test_the_new_agenda_is_a_concept_with_its_own_structure(old):
    new = start(old)
    assert new.state == Agenda.State.CONCEPT
    assert new.predecessor == old
    assert new.top_level_label == "actielijn"
    assert [p.name for p in new.pillars.all()] == [
        "Sluitende dienstverlening",
        "Werkgevers en werkgelegenheid",
        "Innovatie-agenda",
    ]
    assert [(t.number, t.name) for t in Theme.objects.filter(agenda=new)] == [
        (1, "Naar werk"),
        (2, "Jongeren"),
        (3, "Werkgevers en werkgelegenheid"),
        (4, "Pilots"),
    ]


def test_a_carried_action_reaches_its_history_through_its_predecessor(old):
    boss = boss_of(old.region)
    new = start(old, user=boss)
    rmt = Action.objects.get(theme__agenda=old, short_title="Regionaal Mobiliteitsteam")
    theme = Theme.objects.get(agenda=new, name="Naar werk")
    [carried] = agenda_carry_over(user=boss, agenda=new, choices=[(rmt, theme)])
    assert carried.predecessor == rmt
    assert carried.text == rmt.text and carried.short_title == rmt.short_title
    assert set(carried.leads.all()) == set(rmt.leads.all())
    assert carried.predecessor.history.count() == rmt.history.count() > 0
    assert carried.predecessor.evaluation.title == "Regionaal Mobiliteitsteam"
    # Carrying the same action again does not make a second copy.
    assert agenda_carry_over(user=boss, agenda=new, choices=[(rmt, theme)]) == []


def test_the_successor_and_its_carried_actions_are_recorded_under_the_coordinator(old):
    boss = boss_of(old.region)
    new = start(old, user=boss)
    assert new.history.latest().history_user == boss
    assert {p.history.latest().history_user for p in new.pillars.all()} == {boss}
    rmt = Action.objects.get(theme__agenda=old, short_title="Regionaal Mobiliteitsteam")
    theme = Theme.objects.get(agenda=new, name="Naar werk")
    [carried] = agenda_carry_over(user=boss, agenda=new, choices=[(rmt, theme)])
    assert carried.history.earliest().history_user == boss


def test_only_a_coordinator_of_the_region_starts_a_successor_or_carries_over(old):
    outsider = partner(old.region)
    before = Agenda.objects.count()
    with pytest.raises(PermissionDenied):
        start(old, user=outsider)
    assert Agenda.objects.count() == before
    new = start(old)
    rmt = Action.objects.get(theme__agenda=old, short_title="Regionaal Mobiliteitsteam")
    theme = Theme.objects.get(agenda=new, name="Naar werk")
    with pytest.raises(PermissionDenied):
        agenda_carry_over(user=outsider, agenda=new, choices=[(rmt, theme)])
    assert not Action.objects.filter(predecessor=rmt).exists()


def test_coordinator_starts_the_2023_agenda_in_the_browser(client, old):
    client.force_login(boss_of(old.region))
    before = snapshot(old)
    url = reverse("evaluation:successor_start", args=[old.slug])
    form = client.get(url)
    assert form.status_code == 200
    assert "Innovatie-agenda" in form.content.decode()
    response = client.post(
        url,
        {
            "title": "Arbeidsmarktagenda 2023+",
            "first_year": "2023",
            "last_year": "2026",
            "top_level_label": "actielijn",
            "structure": "Van uitkering naar werk: Werkzoekenden\nInnovatie-agenda\n",
        },
    )
    new = Agenda.objects.get(title="Arbeidsmarktagenda 2023+")
    assert response.status_code == 302
    assert response["Location"] == reverse("evaluation:successor_carry_over", args=[new.slug])
    page = client.get(response["Location"])
    assert page.status_code == 200
    talent = Action.objects.get(theme__agenda=old, short_title="Talent naar de zorg")
    bizzerd = Action.objects.get(theme__agenda=old, short_title="Bizzerd")
    innovation = Theme.objects.get(agenda=new, name="Innovatie-agenda")
    workseekers = Theme.objects.get(agenda=new, name="Werkzoekenden")
    response = client.post(
        page.request["PATH_INFO"],
        {f"action_{talent.pk}": str(workseekers.pk), f"action_{bizzerd.pk}": str(innovation.pk)},
    )
    assert response.status_code == 302
    assert {(a.predecessor, a.theme) for a in Action.objects.in_agenda(new)} == {
        (talent, workseekers),
        (bizzerd, innovation),
    }
    assert new.state == Agenda.State.CONCEPT
    assert snapshot(old) == before
    new_actions = Action.objects.in_agenda(new)
    assert all(a.history.first().history_user.username == "coordinator" for a in new_actions)


def test_bad_structure_or_years_change_nothing(client, old):
    client.force_login(boss_of(old.region))
    url = reverse("evaluation:successor_start", args=[old.slug])
    count = Agenda.objects.count()
    for data in [
        {"title": "X", "first_year": "2026", "last_year": "2023", "top_level_label": "a",
         "structure": "Lijn"},
        {"title": "X", "first_year": "2019", "last_year": "2023", "top_level_label": "a",
         "structure": "Lijn"},
        {"title": "X", "first_year": "2023", "last_year": "2026", "top_level_label": "a",
         "structure": "Lijn\nlijn"},
        {"title": "X", "first_year": "drie", "last_year": "2026", "top_level_label": "a",
         "structure": "  \n"},
    ]:  # fmt: skip
        response = client.post(url, data)
        assert response.status_code == 200
        assert response.context["form"].errors
    assert Agenda.objects.count() == count


def test_an_unknown_theme_in_the_carry_over_form_is_refused(client, old):
    new = start(old)
    client.force_login(boss_of(old.region))
    talent = Action.objects.get(theme__agenda=old, short_title="Talent naar de zorg")
    other = Theme.objects.filter(agenda=old).first()
    url = reverse("evaluation:successor_carry_over", args=[new.slug])
    response = client.post(url, {f"action_{talent.pk}": str(other.pk)})
    assert response.status_code == 200
    assert not Action.objects.in_agenda(new).exists()


def test_only_coordinators_start_a_successor(client, old):
    url = reverse("evaluation:successor_start", args=[old.slug])
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(partner(old.region))
    assert client.get(url).status_code == 403
    assert client.post(url, {"title": "X"}).status_code == 403
