"""The role `beheerder`: the portal's functional administrator (creates regions and invites
their first coordinators); in the agendas it reads what a viewer reads."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEW = ["view_agenda", "view_pillar", "view_theme", "view_action", "view_status", "view_scope"]


def create_role(apps, schema_editor):
    agenda_config = apps.get_app_config("agenda")
    agenda_config.models_module = True
    create_permissions(agenda_config, apps=apps, verbosity=0)
    agenda_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="beheerder")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="agenda", codename__in=VIEW)
    )


def remove_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="beheerder").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0004_merge_0003_edit_versions_0003_text_limits"),
    ]

    operations = [migrations.RunPython(create_role, remove_role)]
