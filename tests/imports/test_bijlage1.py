"""Bijlage 1 of the 2020-2022 agenda, laid out as the council printed it, imported into a new
agenda of a new region gives the same pillars, themes and actions, verbatim."""

import pytest
from django.core.management import call_command

from agenda.models import Agenda

from .builders import bijlage1_layout, docx_bytes, xlsx_bytes

DEMO = "zkij-2020-2022"


def structure(agenda):
    return [
        (
            pillar.name,
            [
                (
                    theme.number,
                    theme.name,
                    theme.target_group,
                    [
                        (
                            action.text,
                            action.target_group_text,
                            action.scope.name.casefold() if action.scope else "",
                            action.status.name if action.status else "",
                            action.lead_text,
                            action.financing_text,
                        )
                        for action in theme.actions.select_related("scope", "status").order_by(
                            "order"
                        )
                    ],
                )
                for theme in pillar.themes.order_by("number")
            ],
        )
        for pillar in agenda.pillars.order_by("order")
    ]


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("bijlage1.xlsx", lambda layout: xlsx_bytes(*layout)),
        ("bijlage1.docx", lambda layout: docx_bytes(*layout)),
        ("bijlage1-regelafbrekingen.docx", lambda layout: docx_bytes(*layout, line_breaks=True)),
    ],
)
def test_bijlage1_printed_layout_imports_verbatim_into_a_new_region(
    demo, coordinator, new_region, tmp_path, name, build
):
    demo_agenda = Agenda.objects.get(slug=DEMO)
    path = tmp_path / name
    path.write_bytes(build(bijlage1_layout(demo_agenda)))

    call_command(
        "import_agenda",
        str(path),
        agenda="nieuw-2020-2022",
        user="anna",
        region=new_region.slug,
        title="Nieuwe agenda",
        first_year=2020,
        last_year=2022,
        create_missing=True,
    )

    imported = Agenda.objects.get(slug="nieuw-2020-2022")
    assert imported.region == new_region
    assert structure(imported) == structure(demo_agenda)
    record = imported.themes.first().history.first()
    assert record.history_user.username == "anna"
    assert name in record.history_change_reason
