"""The bodies, their members and the decision routes now belong to the bodies app (see
bodies 0001). Their tables stay as they are; they only leave governance's state here, the
models that point at others first."""

from django.db import migrations

MOVED_OUT = [
    "HistoricalBody_agendas",
    "HistoricalMembership",
    "HistoricalPersonAlias",
    "HistoricalPerson",
    "HistoricalDecisionStep",
    "HistoricalConsultationInput",
    "HistoricalBodyPillar",
    "HistoricalBody",
    "Membership",
    "PersonAlias",
    "Person",
    "DecisionStep",
    "ConsultationInput",
    "BodyPillar",
    "Body",
]


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0008_merge_regions_and_plan_shapes"),
        ("bodies", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name=name) for name in MOVED_OUT],
            database_operations=[],
        ),
    ]
