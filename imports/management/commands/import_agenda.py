"""manage.py import_agenda FILE --agenda SLUG --user USERNAME [--dry-run]

Prints the preview. When any row is bad it lists every bad row, changes nothing and exits 1; a
complete import exits 0. The agenda is created when it does not exist yet (`--region`,
`--title`, `--first-year`, `--last-year` say where and what). Unknown statuses, scopes,
organisations and financiers are only created with `--create-missing`.
"""

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from accounts.access import is_coordinator_for
from agenda.models import Agenda
from governance.models import Region
from imports.reading import FileReadError, read_file
from imports.services import apply_plan, build_plan, check_mapping, find_header
from imports.text import preview_lines


class Command(BaseCommand):
    help = "Import an agenda from an XLSX, ODS, CSV or Word (.docx) file."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--agenda", required=True, help="slug of the agenda")
        parser.add_argument("--user", required=True, help="the coordinator the import is under")
        parser.add_argument("--dry-run", action="store_true", help="show the preview only")
        parser.add_argument("--region", help="slug of the region of a new agenda")
        parser.add_argument("--title", help="title of a new agenda")
        parser.add_argument("--first-year", type=int, help="first year of a new agenda")
        parser.add_argument("--last-year", type=int, help="last year of a new agenda")
        parser.add_argument(
            "--create-missing",
            action="store_true",
            help="create the unknown statuses, scopes, organisations and financiers",
        )

    def handle(self, *args, **options):
        translation.activate("nl")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"Gebruiker onbekend: {options['user']}")
        agenda = Agenda.objects.filter(slug=options["agenda"]).first()
        new_agenda = agenda is None
        if new_agenda:
            agenda = self._new_agenda(options)
        if not Agenda.objects.editable_by(user).filter(pk=agenda.pk).exists() and not (
            new_agenda and is_coordinator_for(user, agenda.region)
        ):
            raise CommandError(
                f"{user.username} coördineert de regio van agenda {agenda.slug} niet."
            )
        try:
            table = read_file(path.name, path.read_bytes())
            header = find_header(table)
        except FileReadError as exc:
            self.stderr.write(str(exc))
            sys.exit(1)
        problems = check_mapping(header)
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            sys.exit(1)
        with transaction.atomic():
            if new_agenda:
                agenda._history_user = user
                agenda._change_reason = f"Import uit {path.name}"
                agenda.save()
            try:
                plan = build_plan(
                    table, header, agenda, **_all_missing(table, header, agenda, options)
                )
            except FileReadError as exc:
                self.stderr.write(str(exc))
                transaction.set_rollback(True)
                sys.exit(1)
            for line in preview_lines(plan):
                self.stdout.write(line)
            if not plan.is_valid:
                self.stderr.write(
                    f"{len(plan.bad_rows)} rij(en) niet over te nemen; niets gewijzigd."
                )
                transaction.set_rollback(True)
                sys.exit(1)
            if options["dry_run"]:
                self.stdout.write("Proefdraai: niets gewijzigd.")
                transaction.set_rollback(True)
                return
            counts = apply_plan(plan, user=user, file_name=path.name)
        self.stdout.write(
            "Geïmporteerd: "
            + ", ".join(f"{key} {value}" for key, value in sorted(counts.items()) if value)
            if any(counts.values())
            else "Niets gewijzigd: de agenda bevat de rijen van het bestand al."
        )

    def _new_agenda(self, options):
        if not options["region"] or not options["title"]:
            raise CommandError(
                "De agenda bestaat nog niet: geef --region en --title om haar aan te maken."
            )
        region = Region.objects.filter(slug=options["region"]).first()
        if region is None:
            raise CommandError(f"Regio onbekend: {options['region']}")
        first = options["first_year"] or 2020
        last = options["last_year"] or first + 2
        return Agenda(
            slug=options["agenda"],
            title=options["title"],
            region=region,
            first_year=first,
            last_year=last,
        )


def _all_missing(table, header, agenda, options) -> dict:
    if not options["create_missing"]:
        return {}
    first = build_plan(table, header, agenda)
    return {
        "create_statuses": set(first.new_statuses),
        "create_scopes": set(first.new_scopes),
        "create_organisations": set(first.new_organisations),
        "create_streams": set(first.new_streams),
    }
