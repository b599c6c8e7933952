"""The three forms that gave a server error: each is now a form error."""

import pytest
from django.urls import reverse

from tests.editing.conftest import client_for, fast_password_hashing, world  # noqa: F401
from tests.editing.test_editing import edit_data

HUGE_ID = "1" * 40


def test_an_action_edit_with_the_order_emptied_saves_without_a_server_error(world, client_for):  # noqa: F811
    client = client_for(world.users["coordinator"])
    action = world.uwv_action
    url = reverse("agenda:action_edit", args=[action.pk])
    response = client.post(url, edit_data(action, order="", text="Nieuwe tekst"))
    assert response.status_code in (200, 302)
    action.refresh_from_db()
    if response.status_code == 302:
        assert action.text == "Nieuwe tekst"
        assert action.order is not None
    else:
        assert response.context["form"].errors
        assert action.text == "Actie die alleen UWV trekt"


def test_an_action_edit_that_fails_in_the_service_shows_the_form_again(world, client_for):  # noqa: F811
    client = client_for(world.users["coordinator"])
    action = world.uwv_action
    url = reverse("agenda:action_edit", args=[action.pk])
    # Order 1 is taken by the PoW action in the same theme.
    response = client.post(url, edit_data(action, order=1, text="Nieuwe tekst"))
    assert response.status_code == 200
    assert response.context["form"].errors
    action.refresh_from_db()
    assert action.text == "Actie die alleen UWV trekt"
    assert action.order == 2


def test_an_agenda_edit_with_an_empty_slug_and_another_error_shows_the_form(world, client_for):  # noqa: F811
    client = client_for(world.users["coordinator"])
    agenda = world.agenda
    url = reverse("agenda:agenda_edit", args=[agenda.slug])
    response = client.post(
        url,
        {
            "title": agenda.title,
            "slug": "",
            "first_year": 2026,
            "last_year": 2024,  # before the first year
            "state": agenda.state,
            "top_level_label": "pijler",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    agenda.refresh_from_db()
    assert agenda.slug == "agenda-een"
    assert agenda.first_year == 2024


@pytest.mark.parametrize("field", ["leads", "scope", "status", "theme"])
def test_a_forty_digit_id_in_a_choice_field_is_a_form_error(world, client_for, field):  # noqa: F811
    client = client_for(world.users["coordinator"])
    action = world.uwv_action
    url = reverse("agenda:action_edit", args=[action.pk])
    value = [HUGE_ID] if field == "leads" else HUGE_ID
    response = client.post(url, edit_data(action, **{field: value, "text": "Gewijzigd"}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    action.refresh_from_db()
    assert action.text == "Actie die alleen UWV trekt"


@pytest.mark.parametrize("param", ["lead", "scope", "pillar", "theme", "status", "funding"])
def test_a_forty_digit_id_in_a_table_filter_is_a_form_error(world, client, param):  # noqa: F811
    url = reverse("agenda:action_table", args=[world.agenda.slug])
    response = client.get(url, {param: HUGE_ID})
    assert response.status_code == 200
