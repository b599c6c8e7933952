"""Every model of the portal is managed in the Django admin, in Dutch."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

from agenda.models import Action, Theme

pytestmark = pytest.mark.django_db

PORTAL_APPS = {"agenda", "financing", "governance", "evaluation", "bodies"}


def portal_models():
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in PORTAL_APPS and not model.__name__.startswith("Historical")
    ]


@pytest.fixture
def admin_client_nl(client):
    user = get_user_model().objects.create_superuser("beheer", "beheer@example.nl", "x-Secret-42")
    client.force_login(user)
    return client


def test_every_portal_model_is_registered_in_the_admin():
    missing = [m.__name__ for m in portal_models() if m not in admin.site._registry]
    assert missing == []


def test_every_admin_list_opens_with_the_demo_data(demo, admin_client_nl):
    for model in portal_models():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        response = admin_client_nl.get(url, HTTP_ACCEPT_LANGUAGE="nl")
        assert response.status_code == 200, url


def test_a_theme_in_the_admin_shows_its_actions_inline(demo, admin_client_nl):
    theme = Theme.objects.get(agenda__slug="zkij-2020-2022", number=2)
    response = admin_client_nl.get(
        reverse("admin:agenda_theme_change", args=[theme.pk]), HTTP_ACCEPT_LANGUAGE="nl"
    )
    content = response.content.decode()
    for action in theme.actions.all():
        assert action.text in content
    assert "Trekker(s) zoals geschreven" in content or "trekker(s) zoals geschreven" in content


def test_the_action_list_in_the_admin_can_be_searched(demo, admin_client_nl):
    response = admin_client_nl.get(
        reverse("admin:agenda_action_changelist"), {"q": "Beta Tech"}, HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert response.status_code == 200
    found = response.context["cl"].result_list
    assert [a.text for a in found] == [
        Action.objects.get(text__contains="Beta Tech Experience").text
    ]
