"""Editing actions, themes, pillars and agendas in the browser, and refusing lost updates."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from agenda import services
from agenda.models import Action, Agenda, Pillar, Theme


def edit_data(action, **changes):
    """The coordinator's edit form as it comes back from the browser."""
    data = {
        "theme": action.theme_id,
        "order": action.order,
        "short_title": action.short_title,
        "text": action.text,
        "target_group_text": action.target_group_text,
        "scope": action.scope_id or "",
        "status": action.status_id or "",
        "stage": action.stage,
        "leads": [o.pk for o in action.leads.all()],
        "lead_text": action.lead_text,
        "financing_text": action.financing_text,
        "internal_note": action.internal_note,
        "version": action.version,
    }
    data.update(changes)
    return data


def test_a_coordinator_edits_an_action(world, client_for):
    client = client_for(world.users["coordinator"])
    url = reverse("agenda:action_edit", args=[world.uwv_action.pk])
    response = client.post(
        url, edit_data(world.uwv_action, text="Scherper geformuleerd", leads=[world.pow.pk])
    )
    assert response.status_code == 302
    world.uwv_action.refresh_from_db()
    assert world.uwv_action.text == "Scherper geformuleerd"
    assert list(world.uwv_action.leads.all()) == [world.pow]
    assert world.uwv_action.version == 2


def test_the_second_of_two_coordinators_gets_a_conflict_instead_of_overwriting(world, client_for):
    action = world.pow_action
    url = reverse("agenda:action_edit", args=[action.pk])
    # Both open the form on version 1.
    first_form = edit_data(action, text="Tekst van Anna")
    second_form = edit_data(action, text="Tekst van Olaf", financing_text="Eigen middelen")
    client_for(world.users["coordinator"]).post(url, first_form)

    second = client_for(world.users["coordinator"])
    response = second.post(url, second_form)

    assert response.status_code == 409
    page = response.content.decode()
    assert "niet opgeslagen" in page.lower()
    assert "Tekst van Anna" in page  # what changed meanwhile
    assert "Anna Coördinator" in page  # and who changed it
    assert "Tekst van Olaf" in page  # the user's own input is kept in the form
    assert "Eigen middelen" in page
    action.refresh_from_db()
    assert action.text == "Tekst van Anna"
    assert action.financing_text == ""
    # The form now carries the version they have seen: saving again is a deliberate choice.
    assert response.context["form"]["version"].value() == "2"
    second_form["version"] = 2
    assert second.post(url, second_form).status_code == 302
    action.refresh_from_db()
    assert action.text == "Tekst van Olaf"


def test_the_quick_status_change_is_refused_after_someone_else_saved(world, client_for):
    action = world.pow_action
    opened_on = action.version
    services.action_update(
        action=action,
        user=world.users["partner_pow"],
        expected_version=opened_on,
        data={"text": "Bijgewerkt door PoW"},
    )
    client = client_for(world.users["coordinator"])
    response = client.post(
        reverse("agenda:action_status", args=[action.pk]),
        {"status": world.vertraagd.pk, "version": opened_on},
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Piet Partner" in page
    assert page.count('id="conflict-heading"') == 1
    assert "Deze wijzigingen zijn opgeslagen nadat u de pagina opende:" in page
    assert "iemand anders heeft deze actie opgeslagen" in page
    # The form carries the version saved now: sending it again changes the status.
    assert response.context["form"]["version"].value() == str(opened_on + 1)
    action.refresh_from_db()
    assert action.status == world.loopt


def test_the_service_refuses_an_outdated_version(world):
    services.action_status_update(
        action=world.pow_action,
        user=world.users["coordinator"],
        expected_version=1,
        status=world.vertraagd,
    )
    with pytest.raises(services.EditConflict) as conflict:
        services.action_update(
            action=world.pow_action,
            user=world.users["partner_pow"],
            expected_version=1,
            data={"text": "Te laat"},
        )
    [change] = conflict.value.changes
    assert change.user_name == "Anna Coördinator"
    assert [(c.label, c.before, c.after) for c in change.changes] == [
        ("Status", "loopt", "vertraagd")
    ]
    assert Action.objects.get(pk=world.pow_action.pk).text == "Actie die PoW trekt"


def test_saving_without_changes_makes_no_new_version(world):
    records = world.pow_action.history.count()
    action = services.action_update(
        action=world.pow_action,
        user=world.users["coordinator"],
        expected_version=1,
        data={"text": world.pow_action.text},
    )
    assert action.version == 1
    assert world.pow_action.history.count() == records


def test_a_partner_edits_texts_and_status_of_an_action_their_organisation_leads(world, client_for):
    client = client_for(world.users["partner_pow"])
    url = reverse("agenda:action_edit", args=[world.pow_action.pk])
    form = client.get(url).context["form"]
    assert "leads" not in form.fields
    assert "theme" not in form.fields
    response = client.post(
        url,
        {
            "text": "Door PoW bijgewerkt",
            "status": world.vertraagd.pk,
            "stage": "nader_uit_te_werken",
            "version": 1,
            # A hand-made post cannot change the leads.
            "leads": [world.uwv.pk],
        },
    )
    assert response.status_code == 302
    world.pow_action.refresh_from_db()
    assert world.pow_action.text == "Door PoW bijgewerkt"
    assert world.pow_action.status == world.vertraagd
    assert list(world.pow_action.leads.all()) == [world.pow]


def test_the_service_refuses_a_partner_changing_the_leads(world):
    with pytest.raises(PermissionDenied):
        services.action_update(
            action=world.pow_action,
            user=world.users["partner_pow"],
            expected_version=1,
            data={"leads": [world.pow, world.uwv]},
        )
    assert list(world.pow_action.leads.all()) == [world.pow]


def test_the_service_refuses_a_partner_deleting_an_action(world):
    with pytest.raises(PermissionDenied):
        services.action_delete(action=world.pow_action, user=world.users["partner_pow"])
    assert Action.objects.filter(pk=world.pow_action.pk).exists()


def test_validation_messages_are_in_dutch(world, client_for):
    client = client_for(world.users["coordinator"])
    response = client.post(
        reverse("agenda:action_edit", args=[world.pow_action.pk]),
        edit_data(world.pow_action, text=""),
    )
    assert response.status_code == 200
    assert "Dit veld is vereist." in response.content.decode()
    world.pow_action.refresh_from_db()
    assert world.pow_action.text == "Actie die PoW trekt"


def test_an_order_taken_in_the_theme_is_refused_with_a_message(world, client_for):
    client = client_for(world.users["coordinator"])
    response = client.post(
        reverse("agenda:action_edit", args=[world.uwv_action.pk]),
        edit_data(world.uwv_action, order=world.pow_action.order),
    )
    assert response.status_code == 200
    assert "Dit thema heeft al een actie op deze plaats." in response.content.decode()


def test_a_forged_version_gives_a_message_not_an_error(world, client_for):
    client = client_for(world.users["coordinator"])
    response = client.post(
        reverse("agenda:action_status", args=[world.pow_action.pk]),
        {"status": world.vertraagd.pk, "version": "abc"},
    )
    assert response.status_code == 200
    assert "opnieuw" in response.content.decode()


def test_a_new_action_goes_after_the_last_one_of_its_theme(world, client_for):
    client = client_for(world.users["coordinator"])
    url = reverse("agenda:action_create", args=[world.agenda.slug])
    assert client.get(url + f"?theme={world.theme.pk}").context["form"]["theme"].value() == (
        world.theme.pk
    )
    assert client.get(url + "?theme=zzz").status_code == 200
    response = client.post(
        url,
        {
            "theme": world.theme.pk,
            "text": "Een nieuwe actie",
            "status": world.loopt.pk,
            "leads": [world.pow.pk, world.uwv.pk],
        },
    )
    action = Action.objects.get(text="Een nieuwe actie")
    assert response["Location"] == action.get_absolute_url()
    assert action.order == 3
    assert set(action.leads.all()) == {world.pow, world.uwv}
    [record] = action.history.all()
    assert record.history_type == "+"
    assert record.history_user == world.users["coordinator"]


def test_a_coordinator_cannot_add_an_action_to_a_theme_of_another_agenda(world, client_for):
    other_theme = world.other_region_action.theme
    client = client_for(world.users["coordinator"])
    response = client.post(
        reverse("agenda:action_create", args=[world.agenda.slug]),
        {"theme": other_theme.pk, "text": "Verkeerd thema"},
    )
    assert response.status_code == 200
    assert not Action.objects.filter(text="Verkeerd thema").exists()


def test_deletion_asks_for_confirmation_first(world, client_for):
    client = client_for(world.users["coordinator"])
    url = reverse("agenda:action_delete", args=[world.pow_action.pk])
    page = client.get(url)
    assert "Ja, verwijderen" in page.content.decode()
    assert Action.objects.filter(pk=world.pow_action.pk).exists()
    response = client.post(url)
    assert response["Location"] == world.agenda.get_absolute_url()
    assert not Action.objects.filter(pk=world.pow_action.pk).exists()


def test_a_theme_with_actions_cannot_be_deleted(world, client_for):
    client = client_for(world.users["coordinator"])
    url = reverse("agenda:theme_delete", args=[world.theme.pk])
    page = client.get(url).content.decode()
    assert "Actie die PoW trekt" in page
    assert "Ja, verwijderen" not in page
    response = client.post(url)
    assert response.status_code == 200
    assert Theme.objects.filter(pk=world.theme.pk).exists()


def test_an_empty_theme_is_deleted_after_confirmation(world, client_for):
    client = client_for(world.users["coordinator"])
    client.post(reverse("agenda:theme_delete", args=[world.empty_theme.pk]))
    assert not Theme.objects.filter(pk=world.empty_theme.pk).exists()


def test_a_coordinator_adds_and_edits_pillars_and_themes(world, client_for):
    client = client_for(world.users["coordinator"])
    client.post(
        reverse("agenda:pillar_create", args=[world.agenda.slug]), {"name": "Werkgelegenheid"}
    )
    pillar = Pillar.objects.get(name="Werkgelegenheid")
    assert pillar.order == 2
    client.post(
        reverse("agenda:theme_create", args=[world.agenda.slug]),
        {"pillar": pillar.pk, "name": "Banen erbij"},
    )
    theme = Theme.objects.get(name="Banen erbij")
    assert (theme.agenda, theme.number) == (world.agenda, 3)
    client.post(
        reverse("agenda:theme_edit", args=[theme.pk]),
        {"pillar": pillar.pk, "number": 3, "name": "Meer banen"},
    )
    theme.refresh_from_db()
    assert theme.name == "Meer banen"
    assert theme.history.first().history_user == world.users["coordinator"]


def test_a_theme_number_taken_in_the_agenda_is_refused(world, client_for):
    client = client_for(world.users["coordinator"])
    response = client.post(
        reverse("agenda:theme_create", args=[world.agenda.slug]),
        {"pillar": world.pillar.pk, "number": 1, "name": "Dubbel"},
    )
    assert response.status_code == 200
    assert not Theme.objects.filter(name="Dubbel").exists()


def test_a_coordinator_creates_an_agenda_for_their_own_region(world, client_for):
    client = client_for(world.users["coordinator"])
    response = client.post(
        reverse("agenda:agenda_create"),
        {
            "title": "Doe-agenda 2027-2030",
            "first_year": 2027,
            "last_year": 2030,
            "state": "concept",
            "top_level_label": "actielijn",
        },
    )
    agenda = Agenda.objects.get(title="Doe-agenda 2027-2030")
    assert response["Location"] == agenda.get_absolute_url()
    assert agenda.region == world.region
    assert agenda.slug == "doe-agenda-2027-2030"


def test_an_agenda_with_years_in_the_wrong_order_is_refused(world, client_for):
    client = client_for(world.users["coordinator"])
    response = client.post(
        reverse("agenda:agenda_create"),
        {
            "title": "Omgekeerd",
            "first_year": 2030,
            "last_year": 2027,
            "state": "concept",
            "top_level_label": "pijler",
        },
    )
    assert response.status_code == 200
    assert not Agenda.objects.filter(title="Omgekeerd").exists()


def test_a_coordinator_edits_the_agenda(world, client_for):
    client = client_for(world.users["coordinator"])
    response = client.post(
        reverse("agenda:agenda_edit", args=[world.agenda.slug]),
        {
            "title": "Agenda Een (herzien)",
            "slug": world.agenda.slug,
            "first_year": 2024,
            "last_year": 2027,
            "state": "vastgesteld",
            "top_level_label": "pijler",
        },
    )
    assert response.status_code == 302
    world.agenda.refresh_from_db()
    assert (world.agenda.title, world.agenda.last_year) == ("Agenda Een (herzien)", 2027)


def test_the_service_refuses_a_coordinator_of_another_region(world):
    with pytest.raises(PermissionDenied):
        services.theme_create(
            user=world.users["coordinator_other_region"], pillar=world.pillar, name="Niet van mij"
        )
    with pytest.raises(PermissionDenied):
        services.agenda_create(
            user=world.users["coordinator_other_region"],
            region=world.region,
            title="Niet van mij",
            first_year=2027,
            last_year=2028,
        )


def test_a_pillar_whose_themes_hold_actions_cannot_be_deleted(world):
    with pytest.raises(ValidationError):
        services.pillar_delete(pillar=world.pillar, user=world.users["coordinator"])
    assert Pillar.objects.filter(pk=world.pillar.pk).exists()


def test_saving_again_after_a_conflict_keeps_what_only_the_other_person_changed(world, client_for):
    action = world.pow_action
    url = reverse("agenda:action_edit", args=[action.pk])
    opened = edit_data(action)
    client_for(world.users["partner_pow"]).post(
        url, {**opened, "short_title": "Nieuwe korte titel"}
    )
    second = client_for(world.users["coordinator"])
    response = second.post(url, {**opened, "text": "Tekst van Anna"})
    assert response.status_code == 409
    form = response.context["form"]
    # The field this user never touched now holds the saved value, theirs is kept.
    assert form["short_title"].value() == "Nieuwe korte titel"
    assert form["text"].value() == "Tekst van Anna"
    page = response.content.decode()
    assert "Nieuwe korte titel ·" in page  # the subtitle names the action as saved now
    assert page.count('id="conflict-heading"') == 1
    # Saving again (as the browser would send the re-shown form) keeps both changes.
    again = {**opened, "text": "Tekst van Anna", "short_title": "Nieuwe korte titel"}
    again["version"] = form["version"].value()
    assert second.post(url, again).status_code == 302
    action.refresh_from_db()
    assert action.short_title == "Nieuwe korte titel"
    assert action.text == "Tekst van Anna"


def test_a_field_both_people_changed_carries_a_notice_naming_the_saved_value(world, client_for):
    action = world.pow_action
    url = reverse("agenda:action_edit", args=[action.pk])
    opened = edit_data(action)
    client_for(world.users["partner_pow"]).post(url, {**opened, "short_title": "Titel van Piet"})
    response = client_for(world.users["coordinator"]).post(
        url, {**opened, "short_title": "Titel van Anna"}
    )
    form = response.context["form"]
    assert form["short_title"].value() == "Titel van Anna"
    [notice] = form.errors["short_title"]
    assert "Piet Partner" in notice and "Titel van Piet" in notice


def test_a_text_sent_back_with_browser_line_breaks_counts_as_untouched(world, client_for):
    action = world.pow_action
    action.text = "Regel een\nRegel twee"
    action.save()
    url = reverse("agenda:action_edit", args=[action.pk])
    opened = edit_data(action)
    client_for(world.users["partner_pow"]).post(url, {**opened, "text": "Tekst van Piet"})
    response = client_for(world.users["coordinator"]).post(
        url, {**opened, "text": "Regel een\r\nRegel twee", "order": 1}
    )
    form = response.context["form"]
    assert form["text"].value() == "Tekst van Piet"
    assert "text" not in form.errors
