"""The data version changes with every recorded change, on a new connection too."""

import pytest
from django.db import connection

from agenda.models import Scope, Status
from common.dataversion import site_version
from governance.models import Region

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_version_follows_every_change_on_old_and_new_connections():
    before = site_version(Status, Scope)
    assert site_version(Status, Scope) == before  # asked again on the same connection
    region = Region.objects.create(slug="versie", name="Versie")
    changed = site_version(Status, Scope)
    assert changed != before
    connection.close()  # a new connection (PostgreSQL prepares the query anew)
    assert site_version(Status, Scope) == changed
    Status.objects.create(slug="nieuw", name="Nieuw", order=9)
    added = site_version(Status, Scope)
    assert added != changed
    region.delete()
    assert site_version(Status, Scope) != added
