"""The portal's roles as groups with permissions: coordinator, partner and viewer.

Coordinators keep the agendas of their region (the region is on their profile), partner
editors edit the actions their organisation leads, viewers read concept agendas and internal
notes. Which rows a role may touch is decided by the access rules; these permissions say what
kind of change it may make at all.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "coordinator": [
        "add_agenda",
        "change_agenda",
        "view_agenda",
        "add_pillar",
        "change_pillar",
        "delete_pillar",
        "view_pillar",
        "add_theme",
        "change_theme",
        "delete_theme",
        "view_theme",
        "add_action",
        "change_action",
        "delete_action",
        "view_action",
        "view_status",
        "view_scope",
    ],
    "partner": [
        "change_action",
        "view_action",
        "view_agenda",
        "view_pillar",
        "view_theme",
        "view_status",
        "view_scope",
    ],
    "viewer": [
        "view_action",
        "view_agenda",
        "view_pillar",
        "view_theme",
        "view_status",
        "view_scope",
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; make the agenda's now.
    agenda_config = apps.get_app_config("agenda")
    agenda_config.models_module = True
    create_permissions(agenda_config, apps=apps, verbosity=0)
    agenda_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        permissions = Permission.objects.filter(
            content_type__app_label="agenda", codename__in=codenames
        )
        group.permissions.add(*permissions)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0001_agendas_pillars_themes_actions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
