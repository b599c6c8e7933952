"""An action sits under a theme, directly under a pillar, or under the agenda alone: it names
its agenda and (optionally) its pillar itself, filled in from its theme for existing rows."""

import django.db.models.deletion
from django.db import migrations, models


def fill_from_theme(apps, schema_editor):
    Action = apps.get_model("agenda", "Action")
    HistoricalAction = apps.get_model("agenda", "HistoricalAction")
    Theme = apps.get_model("agenda", "Theme")
    HistoricalTheme = apps.get_model("agenda", "HistoricalTheme")
    places = {}
    for row in HistoricalTheme.objects.order_by("history_date").values("id", "agenda_id", "pillar_id"):
        places[row["id"]] = (row["agenda_id"], row["pillar_id"])
    for theme in Theme.objects.values("id", "agenda_id", "pillar_id"):
        places[theme["id"]] = (theme["agenda_id"], theme["pillar_id"])
    for model in (Action, HistoricalAction):
        for theme_id in model.objects.values_list("theme_id", flat=True).distinct():
            if theme_id in places:
                agenda_id, pillar_id = places[theme_id]
                model.objects.filter(theme_id=theme_id).update(
                    agenda_id=agenda_id, pillar_id=pillar_id
                )


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0009_merge_beheerder_role"),
    ]

    operations = [
        migrations.AddField(
            model_name="action",
            name="agenda",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="actions",
                to="agenda.agenda",
                verbose_name="agenda",
            ),
        ),
        migrations.AddField(
            model_name="historicalaction",
            name="agenda",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="agenda.agenda",
                verbose_name="agenda",
            ),
        ),
        migrations.AddField(
            model_name="action",
            name="pillar",
            field=models.ForeignKey(
                blank=True,
                help_text="Empty for a line of the agenda as a whole, such as its coordination.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="actions",
                to="agenda.pillar",
                verbose_name="pillar",
            ),
        ),
        migrations.AddField(
            model_name="historicalaction",
            name="pillar",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Empty for a line of the agenda as a whole, such as its coordination.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="agenda.pillar",
                verbose_name="pillar",
            ),
        ),
        migrations.RunPython(fill_from_theme, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="action",
            name="agenda",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="actions",
                to="agenda.agenda",
                verbose_name="agenda",
            ),
        ),
        migrations.AlterField(
            model_name="action",
            name="theme",
            field=models.ForeignKey(
                blank=True,
                help_text="Empty for a line directly under its pillar or under the agenda.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="actions",
                to="agenda.theme",
                verbose_name="theme",
            ),
        ),
    ]
