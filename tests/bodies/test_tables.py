"""The bodies left the governance app without changing the database: every table, the
histories and the many-to-many tables included, keeps its governance_ name."""

from django.apps import apps


def test_every_table_of_the_bodies_keeps_its_governance_name():
    tables = set()
    for model in apps.get_app_config("bodies").get_models(include_auto_created=True):
        tables.add(model._meta.db_table)
        for field in model._meta.local_many_to_many:
            tables.add(field.remote_field.through._meta.db_table)
    names = [
        "body",
        "bodypillar",
        "person",
        "personalias",
        "membership",
        "decisionstep",
        "consultationinput",
    ]
    expected = {f"governance_{name}" for name in names}
    expected |= {f"governance_historical{name}" for name in names}
    expected |= {"governance_body_agendas", "governance_historicalbody_agendas"}
    assert tables == expected
