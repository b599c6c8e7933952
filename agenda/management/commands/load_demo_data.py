from django.core.management.base import BaseCommand, CommandError

from agenda.models import Agenda
from common.demo import load_all


class Command(BaseCommand):
    help = "Load the real demo agenda (fixtures/*.yaml). Idempotent: a second run changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only load when the database holds no agenda yet.",
        )

    def handle(self, *args, **options):
        if options["if_empty"] and Agenda.objects.exists():
            self.stdout.write("The database already holds agendas; demo data not loaded.")
            return
        try:
            changed = load_all(log=lambda msg: self.stdout.write(f"  {msg}"))
        except (OSError, KeyError, ValueError) as exc:
            raise CommandError(f"Demo data could not be loaded: {exc!r}") from exc
        self.stdout.write(
            self.style.SUCCESS(f"Demo data loaded: {changed} rows created or changed.")
        )
