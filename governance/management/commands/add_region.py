"""manage.py add_region NAME --slug SLUG [--subregion NAME ...]
[--municipality "NAME;INHABITANTS;YEAR;SOURCE" ...]

Creates a region with its sub-regions and municipalities, all or nothing. The region's first
coordinator is then made with `manage.py add_user USERNAME --role coordinator --region SLUG`
or invited in the browser.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from governance.region_services import municipality_create_unchecked, region_create_unchecked


def parse_municipality(text: str) -> dict:
    """ "Haarlem;162000;2024;CBS" -> the fields of a municipality (only the name is required)."""
    parts = [part.strip() for part in text.split(";")]
    if not parts[0] or len(parts) > 4:
        raise CommandError(
            f"Gemeente / municipality '{text}': gebruik / use \"NAAM;INWONERS;JAAR;BRON\"."
        )
    parts += [""] * (4 - len(parts))
    name, inhabitants, year, source = parts
    data = {"name": name, "inhabitants_source": source}
    for field, value, label in (
        ("inhabitants", inhabitants, "inwoners / inhabitants"),
        ("inhabitants_year", year, "jaar / year"),
    ):
        cleaned = value.replace(".", "").replace(" ", "")
        if cleaned and not cleaned.isdigit():
            raise CommandError(
                f"Gemeente / municipality '{name}': {label} '{value}' is geen geheel getal / "
                "is not a whole number."
            )
        data[field] = int(cleaned) if cleaned else None
    return data


class Command(BaseCommand):
    help = "Create a region with its sub-regions and municipalities."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument(
            "--slug", required=True, help="The region's web address, e.g. zuid-kennemerland."
        )
        parser.add_argument(
            "--subregion", action="append", default=[], help="Repeat for each sub-region."
        )
        parser.add_argument(
            "--municipality",
            action="append",
            default=[],
            metavar="NAME;INHABITANTS;YEAR;SOURCE",
            help="Repeat for each municipality; only the name is required.",
        )

    def handle(self, *args, **options):
        municipalities = [parse_municipality(text) for text in options["municipality"]]
        try:
            with transaction.atomic():
                region = region_create_unchecked(
                    user=None,
                    name=options["name"],
                    slug=options["slug"],
                    subregions=options["subregion"],
                )
                for data in municipalities:
                    municipality_create_unchecked(user=None, region=region, data=data)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Regio / region '{region.name}' ({region.slug}) aangemaakt / created, "
                f"{len(municipalities)} gemeente(n) / municipalities."
            )
        )
