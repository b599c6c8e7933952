"""Accounts made with `manage.py add_user`: roles, profiles, and passwords only from the
environment."""

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from governance.models import Organisation, Region

PASSWORD = "Een-lang-wachtwoord-2026"


@pytest.fixture
def region(db):
    return Region.objects.create(name="Zuid-Kennemerland en IJmond", slug="zkij")


@pytest.fixture
def organisations(db):
    return (
        Organisation.objects.create(name="Perspectief op Werk", abbreviation="PoW"),
        Organisation.objects.create(name="UWV"),
    )


def add_user(*args, **kwargs):
    return call_command("add_user", *args, **kwargs)


def test_a_coordinator_gets_the_role_and_the_only_region(region, monkeypatch):
    monkeypatch.setenv("NEW_PASSWORD", PASSWORD)
    add_user("anna", role="coordinator", password_env="NEW_PASSWORD", name="Anna de Vries")
    anna = User.objects.get(username="anna")
    assert list(anna.groups.values_list("name", flat=True)) == ["coordinator"]
    assert anna.profile.region == region
    assert anna.get_full_name() == "Anna de Vries"
    request = RequestFactory().post("/accounts/login/")
    assert authenticate(request, username="anna", password=PASSWORD) == anna


def test_a_partner_editor_gets_their_organisation_by_abbreviation_or_name(
    region, organisations, monkeypatch
):
    monkeypatch.setenv("NEW_PASSWORD", PASSWORD)
    add_user("piet", role="partner", organisation="pow", password_env="NEW_PASSWORD")
    add_user("ursula", role="partner", organisation="UWV", password_env="NEW_PASSWORD")
    assert User.objects.get(username="piet").profile.organisation == organisations[0]
    assert User.objects.get(username="ursula").profile.organisation == organisations[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"role": "boss"}, "unknown role"),
        ({"role": "partner"}, "--organisation"),
        ({"role": "partner", "organisation": "XYZ"}, "XYZ"),
        ({"role": "coordinator", "region": "elders"}, "elders"),
    ],
)
def test_mistakes_give_a_clear_error_and_create_nothing(
    region, organisations, monkeypatch, args, message
):
    monkeypatch.setenv("NEW_PASSWORD", PASSWORD)
    with pytest.raises(CommandError, match=message):
        add_user("bob", password_env="NEW_PASSWORD", **args)
    assert not User.objects.filter(username="bob").exists()


def test_the_password_must_be_in_the_named_environment_variable(region, monkeypatch):
    monkeypatch.delenv("MISSING_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="MISSING_PASSWORD"):
        add_user("bob", role="viewer", password_env="MISSING_PASSWORD")
    assert not User.objects.exists()


def test_the_password_cannot_be_given_on_the_command_line(region, monkeypatch):
    monkeypatch.setenv("NEW_PASSWORD", PASSWORD)
    with pytest.raises(TypeError, match="password"):
        add_user("bob", role="viewer", password_env="NEW_PASSWORD", password=PASSWORD)
    with pytest.raises(CommandError):
        add_user("bob", "--role=viewer", f"--password={PASSWORD}")
    assert not User.objects.exists()


def test_a_weak_password_is_refused(region, monkeypatch):
    monkeypatch.setenv("NEW_PASSWORD", "12345678")
    with pytest.raises(CommandError):
        add_user("bob", role="viewer", password_env="NEW_PASSWORD")
    assert not User.objects.exists()


def test_an_existing_account_is_not_overwritten(region, monkeypatch):
    monkeypatch.setenv("NEW_PASSWORD", PASSWORD)
    add_user("anna", role="viewer", password_env="NEW_PASSWORD")
    monkeypatch.setenv("NEW_PASSWORD", "Een-ander-wachtwoord-2026")
    with pytest.raises(CommandError, match="anna"):
        add_user("anna", role="coordinator", password_env="NEW_PASSWORD")
    assert User.objects.get(username="anna").check_password(PASSWORD)


def test_a_coordinator_must_name_the_region_when_there_are_several(region, monkeypatch):
    Region.objects.create(name="Tweede regio", slug="tweede")
    monkeypatch.setenv("NEW_PASSWORD", PASSWORD)
    with pytest.raises(CommandError, match="--region"):
        add_user("anna", role="coordinator", password_env="NEW_PASSWORD")
    add_user("anna", role="coordinator", region="tweede", password_env="NEW_PASSWORD")
    assert User.objects.get(username="anna").profile.region.slug == "tweede"


def test_the_roles_exist_as_groups_with_their_permissions(db):
    from django.contrib.auth.models import Group

    from accounts.access import ROLE_PERMISSIONS

    for role, codenames in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=role)
        assert set(group.permissions.values_list("codename", flat=True)) == set(codenames)
    partner = set(ROLE_PERMISSIONS["partner"])
    assert "change_action" in partner and "delete_action" not in partner
    assert not any(c.startswith(("add_", "delete_")) for c in ROLE_PERMISSIONS["viewer"])


def test_a_removed_role_group_is_made_again_with_its_permissions(region, monkeypatch):
    from django.contrib.auth.models import Group

    Group.objects.filter(name="partner").delete()
    Organisation.objects.create(name="Perspectief op Werk", abbreviation="PoW")
    monkeypatch.setenv("NEW_PASSWORD", PASSWORD)
    add_user("piet", role="partner", organisation="PoW", password_env="NEW_PASSWORD")
    piet = User.objects.get(username="piet")
    assert piet.has_perm("agenda.change_action")
    assert not piet.has_perm("agenda.delete_action")


def test_a_role_region_and_organisation_are_given_to_an_existing_account(world):
    from accounts.access import COORDINATOR, has_role, user_organisation, user_region
    from governance.user_services import user_assign_role

    user = world.users["viewer"]
    user_assign_role(user=user, role=COORDINATOR, region=world.region, organisation=world.uwv)
    user.refresh_from_db()
    assert has_role(user, COORDINATOR) and not has_role(user, "viewer")
    assert user_region(user) == world.region
    assert user_organisation(user) == world.uwv
    with pytest.raises(ValidationError):
        user_assign_role(user=user, role=COORDINATOR)
