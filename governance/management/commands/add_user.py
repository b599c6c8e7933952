"""manage.py add_user USERNAME --role coordinator|partner|viewer|beheerder [--organisation ABBR]
[--region SLUG] --password-env VAR

The password is read from the named environment variable, never from the command line
(where it would end up in the shell history and the process list).
"""

import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.access import COORDINATOR, PARTNER, ROLES
from governance.user_services import find_organisation, find_region, user_create


class Command(BaseCommand):
    help = (
        "Create an account with a role (coordinator, partner, viewer or beheerder: the portal's "
        "administrator, who creates regions). The password is read "
        "from the environment variable named by --password-env."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, help=", ".join(ROLES))
        parser.add_argument(
            "--organisation",
            help="Abbreviation or name of the organisation a partner editor edits for.",
        )
        parser.add_argument(
            "--region",
            help="Slug of the region a coordinator coordinates (default: the only region).",
        )
        parser.add_argument(
            "--password-env",
            required=True,
            metavar="VAR",
            help="Name of the environment variable holding the password.",
        )
        parser.add_argument("--email", default="")
        parser.add_argument("--name", default="", help="Full name, shown in the history.")

    def handle(self, *args, **options):
        role = options["role"]
        if role not in ROLES:
            raise CommandError(
                f"Onbekende rol / unknown role '{role}': kies / choose {', '.join(ROLES)}."
            )
        variable = options["password_env"]
        password = os.environ.get(variable)
        if not password:
            raise CommandError(
                f"De omgevingsvariabele {variable} is niet gezet of leeg / "
                f"the environment variable {variable} is not set or empty."
            )
        try:
            organisation = (
                find_organisation(options["organisation"]) if options["organisation"] else None
            )
            region = None
            if role == COORDINATOR or options["region"]:
                region = find_region(options["region"])
            if role == PARTNER and organisation is None:
                raise CommandError(
                    "Een partner-redacteur heeft --organisation nodig / "
                    "a partner editor needs --organisation."
                )
            user = user_create(
                username=options["username"],
                role=role,
                password=password,
                organisation=organisation,
                region=region,
                email=options["email"],
                full_name=options["name"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        where = organisation or region
        self.stdout.write(
            self.style.SUCCESS(
                f"Account '{user.username}' aangemaakt / created: {role}"
                + (f" ({where})" if where else "")
            )
        )
