"""Every change is attributed: who, when, and the fields before and after; also after deletion."""

from django.urls import reverse

from agenda import services
from agenda.models import Action, Theme
from common.history import history_entries


def test_a_status_change_is_listed_under_the_name_of_who_made_it(world, client_for):
    client = client_for(world.users["coordinator"])
    client.post(
        reverse("agenda:action_status", args=[world.pow_action.pk]),
        {"status": world.vertraagd.pk, "version": 1},
    )
    page = client.get(reverse("agenda:action_history", args=[world.pow_action.pk]))
    [latest, *_older] = page.context["entries"]
    assert latest.user_name == "Anna Coördinator"
    assert [(c.label, c.before, c.after) for c in latest.changes] == [
        ("Status", "loopt", "vertraagd")
    ]
    html = page.content.decode()
    assert "door Anna Coördinator" in html
    assert "vertraagd" in html


def test_a_partner_change_is_attributed_to_the_partner(world, client_for):
    client = client_for(world.users["partner_pow"])
    client.post(
        reverse("agenda:action_edit", args=[world.pow_action.pk]),
        {"text": "Nieuwe tekst", "status": world.loopt.pk, "version": 1},
    )
    record = world.pow_action.history.first()
    assert record.history_user == world.users["partner_pow"]
    [entry] = history_entries([record])
    assert entry.user_name == "Piet Partner"
    assert ("Actie", "Actie die PoW trekt", "Nieuwe tekst") in [
        (c.label, c.before, c.after) for c in entry.changes
    ]


def test_a_change_of_leads_shows_the_organisations_before_and_after(world):
    services.action_update(
        action=world.uwv_action,
        user=world.users["coordinator"],
        expected_version=1,
        data={"leads": [world.uwv, world.pow], "status": world.vertraagd},
    )
    [entry] = history_entries(world.uwv_action.history.all()[:1])
    changes = {c.name: (c.before, c.after) for c in entry.changes}
    assert changes["leads"] == ("UWV", "Perspectief op Werk (PoW), UWV")
    assert changes["status"] == ("loopt", "vertraagd")
    # One edit is one entry, however many tables it touched.
    assert world.uwv_action.history.filter(version=2).count() == 1


def test_history_survives_deletion_of_the_action(world, client_for):
    action_id = world.pow_action.pk
    services.action_status_update(
        action=world.pow_action,
        user=world.users["partner_pow"],
        expected_version=1,
        status=world.vertraagd,
    )
    client = client_for(world.users["coordinator"])
    client.post(reverse("agenda:action_delete", args=[action_id]))
    assert not Action.objects.filter(pk=action_id).exists()

    page = client.get(reverse("agenda:action_history", args=[action_id]))
    assert page.status_code == 200
    assert page.context["deleted"]
    kinds = [(e.kind, e.user_name) for e in page.context["entries"]]
    assert kinds[0] == ("deleted", "Anna Coördinator")
    assert ("changed", "Piet Partner") in kinds

    changes = client.get(reverse("agenda:agenda_changes", args=[world.agenda.slug]))
    [deleted] = changes.context["deleted"]
    assert deleted["label"] == "Actie die PoW trekt"
    assert deleted["user_name"] == "Anna Coördinator"
    assert reverse("agenda:action_history", args=[action_id]) in changes.content.decode()


def test_history_of_an_action_that_never_existed_is_not_found(world, client_for):
    client = client_for(world.users["viewer"])
    assert client.get(reverse("agenda:action_history", args=[99999])).status_code == 404


def test_the_agenda_changes_list_names_changes_of_themes_and_actions(world, client_for):
    services.theme_update(
        theme=world.theme, user=world.users["coordinator"], data={"name": "Van werk naar werk!"}
    )
    services.action_status_update(
        action=world.uwv_action,
        user=world.users["partner_uwv"],
        expected_version=1,
        status=world.vertraagd,
    )
    client = client_for(world.users["viewer"])
    rows = client.get(reverse("agenda:agenda_changes", args=[world.agenda.slug])).context["rows"]
    first, second = rows[0], rows[1]
    assert (first["entry"].user_name, first["url"]) == (
        "Ursula Uwv",
        reverse("agenda:action_history", args=[world.uwv_action.pk]),
    )
    assert second["entry"].user_name == "Anna Coördinator"
    assert second["url"] == reverse("agenda:theme_history", args=[world.theme.pk])


def test_a_deleted_related_row_is_named_as_it_was(world):
    services.action_update(
        action=world.uwv_action,
        user=world.users["coordinator"],
        expected_version=1,
        data={"theme": world.empty_theme, "order": 1},
    )
    services.action_update(
        action=world.uwv_action,
        user=world.users["coordinator"],
        expected_version=2,
        data={"theme": world.theme, "order": 2},
    )
    services.theme_delete(theme=world.empty_theme, user=world.users["coordinator"])
    assert not Theme.objects.filter(pk=world.empty_theme.pk).exists()
    entries = history_entries(world.uwv_action.history.all())
    moved_back = {c.name: c.before for c in entries[0].changes}
    assert moved_back["theme"] == "2. Nog leeg (verwijderd)"


def test_the_history_table_escapes_user_text(world, client_for):
    services.action_update(
        action=world.pow_action,
        user=world.users["coordinator"],
        expected_version=1,
        data={"text": "<script>alert(1)</script>"},
    )
    page = client_for(world.users["viewer"]).get(
        reverse("agenda:action_history", args=[world.pow_action.pk])
    )
    html = page.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_history_page_does_not_query_per_change(world, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(world.users["viewer"])
    url = reverse("agenda:action_history", args=[world.pow_action.pk])

    def change_status_times(n):
        for _ in range(n):
            action = Action.objects.get(pk=world.pow_action.pk)
            new = world.vertraagd if action.status == world.loopt else world.loopt
            services.action_status_update(
                action=action,
                user=world.users["coordinator"],
                expected_version=action.version,
                status=new,
            )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    change_status_times(2)
    few = queries()
    change_status_times(10)
    assert queries() == few
