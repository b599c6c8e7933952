"""Who may open and use which page: every role, and anonymous visitors, against every page that
reads or writes, on actions of their own and of other organisations and regions."""

import pytest
from django.urls import reverse

from agenda.models import Action

ROLES = [
    "anonymous",
    "viewer",
    "partner_pow",
    "partner_uwv",
    "coordinator",
    "coordinator_other_region",
]
LOGIN = "login page"


def expect(anonymous, viewer, partner_pow, partner_uwv, coordinator, coordinator_other_region):
    return dict(
        zip(
            ROLES,
            [anonymous, viewer, partner_pow, partner_uwv, coordinator, coordinator_other_region],
            strict=True,
        )
    )


ALL_200 = expect(200, 200, 200, 200, 200, 200)
LOGGED_IN = expect(LOGIN, 200, 200, 200, 200, 200)
COORDINATOR_ONLY = expect(LOGIN, 403, 403, 403, 200, 403)
POW_EDITORS = expect(LOGIN, 403, 200, 403, 200, 403)
UWV_EDITORS = expect(LOGIN, 403, 403, 200, 200, 403)

# (url name, the object it is about, who gets what)
PAGES = [
    ("agenda:home", None, ALL_200),
    ("agenda:action_table", "agenda", ALL_200),
    ("agenda:organisation_detail", "pow", ALL_200),
    ("agenda:action_detail", "pow_action", ALL_200),
    ("agenda:action_detail", "concept_action", expect(404, 200, 200, 200, 200, 200)),
    ("agenda:agenda_detail", "agenda", ALL_200),
    ("agenda:action_edit", "pow_action", POW_EDITORS),
    ("agenda:action_edit", "uwv_action", UWV_EDITORS),
    ("agenda:action_edit", "other_region_action", expect(LOGIN, 403, 200, 403, 403, 200)),
    ("agenda:action_status", "pow_action", POW_EDITORS),
    ("agenda:action_status", "uwv_action", UWV_EDITORS),
    ("agenda:action_delete", "pow_action", COORDINATOR_ONLY),
    ("agenda:action_delete", "uwv_action", COORDINATOR_ONLY),
    ("agenda:action_history", "pow_action", LOGGED_IN),
    ("agenda:action_history", "uwv_action", LOGGED_IN),
    ("agenda:agenda_changes", "agenda", LOGGED_IN),
    ("agenda:agenda_history", "agenda", LOGGED_IN),
    ("agenda:action_create", "agenda", COORDINATOR_ONLY),
    ("agenda:agenda_edit", "agenda", COORDINATOR_ONLY),
    ("agenda:agenda_structure", "agenda", COORDINATOR_ONLY),
    ("agenda:theme_create", "agenda", COORDINATOR_ONLY),
    ("agenda:pillar_create", "agenda", COORDINATOR_ONLY),
    ("agenda:theme_edit", "theme", COORDINATOR_ONLY),
    ("agenda:theme_delete", "theme", COORDINATOR_ONLY),
    ("agenda:theme_history", "theme", LOGGED_IN),
    ("agenda:pillar_edit", "pillar", COORDINATOR_ONLY),
    ("agenda:pillar_delete", "pillar", COORDINATOR_ONLY),
    ("agenda:pillar_history", "pillar", LOGGED_IN),
    ("agenda:agenda_create", None, expect(LOGIN, 403, 403, 403, 200, 200)),
    ("password_change", None, LOGGED_IN),
]


SLUG_PAGES = {
    "agenda:action_table",
    "agenda:action_create",
    "agenda:theme_create",
    "agenda:pillar_create",
}


def url_of(world, name, target):
    if target is None:
        return reverse(name)
    obj = getattr(world, target)
    by_slug = name.startswith("agenda:agenda_") or name in SLUG_PAGES
    return reverse(name, args=[obj.slug if by_slug else obj.pk])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "target", "expected"), PAGES, ids=[f"{n}-{t}" for n, t, _e in PAGES]
)
def test_page_access(world, client_for, role, name, target, expected):
    client = client_for(world.users[role])
    url = url_of(world, name, target)
    response = client.get(url)
    expected = expected[role]
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == expected, f"{role} on {url}"


# Writes: the quick status change and deletion, posted by every role.
STATUS_WRITERS = {
    "pow_action": {"partner_pow", "coordinator"},
    "uwv_action": {"partner_uwv", "coordinator"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("target", ["pow_action", "uwv_action"])
def test_status_change_is_saved_only_for_those_who_may_edit(world, client_for, role, target):
    action = getattr(world, target)
    client = client_for(world.users[role])
    response = client.post(
        reverse("agenda:action_status", args=[action.pk]),
        {"status": world.vertraagd.pk, "version": action.version},
    )
    action.refresh_from_db()
    if role in STATUS_WRITERS[target]:
        assert response.status_code == 302
        assert action.status == world.vertraagd
    else:
        assert response.status_code in (302, 403)
        assert action.status == world.loopt
        if role == "anonymous":
            assert response["Location"].startswith(reverse("login"))
        else:
            assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_only_the_coordinator_of_the_region_deletes_an_action(world, client_for, role):
    client = client_for(world.users[role])
    client.post(reverse("agenda:action_delete", args=[world.pow_action.pk]))
    exists = Action.objects.filter(pk=world.pow_action.pk).exists()
    assert exists == (role != "coordinator")


@pytest.mark.parametrize("role", ROLES)
def test_only_the_coordinator_of_the_region_adds_an_action(world, client_for, role):
    client = client_for(world.users[role])
    before = Action.objects.count()
    client.post(
        reverse("agenda:action_create", args=[world.agenda.slug]),
        {"theme": world.theme.pk, "text": "Nieuwe actie", "status": world.loopt.pk},
    )
    assert Action.objects.count() == before + (1 if role == "coordinator" else 0)


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("anonymous", False),
        ("viewer", False),
        ("partner_pow", True),
        ("partner_uwv", False),
        ("coordinator", True),
        ("coordinator_other_region", False),
    ],
)
def test_the_edit_link_is_shown_only_to_those_who_may_edit(world, client_for, role, shown):
    client = client_for(world.users[role])
    page = client.get(world.pow_action.get_absolute_url()).content.decode()
    edit_url = reverse("agenda:action_edit", args=[world.pow_action.pk])
    assert (edit_url in page) == shown
    assert ("Bewerken" in page) == shown


def test_the_delete_link_is_shown_to_the_coordinator_but_not_to_a_partner(world, client_for):
    delete_url = reverse("agenda:action_delete", args=[world.pow_action.pk])
    page = client_for(world.users["coordinator"]).get(world.pow_action.get_absolute_url())
    assert delete_url in page.content.decode()
    page = client_for(world.users["partner_pow"]).get(world.pow_action.get_absolute_url())
    assert delete_url not in page.content.decode()


def test_editable_by_lists_what_each_role_may_edit(world):
    def editable(role):
        user = world.users[role]
        return set(Action.objects.editable_by(user).values_list("text", flat=True))

    assert editable("anonymous") == set()
    assert editable("viewer") == set()
    assert editable("partner_pow") == {
        "Actie die PoW trekt",
        "Conceptactie",
        "Actie in regio twee",
    }
    assert editable("partner_uwv") == {"Actie die alleen UWV trekt"}
    assert editable("coordinator") == {
        "Actie die PoW trekt",
        "Actie die alleen UWV trekt",
        "Conceptactie",
    }
    assert editable("coordinator_other_region") == {"Actie in regio twee"}


def test_deletable_by_is_for_coordinators_of_the_region_only(world):
    assert not Action.objects.deletable_by(world.users["partner_pow"]).exists()
    assert set(Action.objects.deletable_by(world.users["coordinator"])) == {
        world.pow_action,
        world.uwv_action,
        world.concept_action,
    }


def test_an_action_led_by_several_organisations_is_listed_once(world):
    world.pow_action.leads.add(world.uwv)
    editable = Action.objects.editable_by(world.users["coordinator"])
    assert editable.filter(pk=world.pow_action.pk).count() == 1


def test_an_inactive_account_may_edit_nothing(world):
    user = world.users["coordinator"]
    user.is_active = False
    user.save()
    assert not Action.objects.editable_by(user).exists()


@pytest.mark.parametrize(("role", "shown"), [("anonymous", False), ("viewer", True)])
def test_viewers_read_internal_notes_and_anonymous_visitors_do_not(world, client_for, role, shown):
    world.pow_action.internal_note = "Alleen voor ingelogde lezers"
    world.pow_action.save()
    page = client_for(world.users[role]).get(world.pow_action.get_absolute_url())
    assert ("Alleen voor ingelogde lezers" in page.content.decode()) == shown
