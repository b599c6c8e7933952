import pytest

from governance.models import Region
from governance.user_services import user_create

PASSWORD = "Proef-wachtwoord-voor-tests-2026"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def new_region(db):
    return Region.objects.create(name="Regio Nieuw", slug="regio-nieuw")


@pytest.fixture
def coordinator(new_region):
    return user_create(
        username="anna",
        role="coordinator",
        password=PASSWORD,
        region=new_region,
        full_name="Anna de Vries",
    )
