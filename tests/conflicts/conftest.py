import pytest
from django.db import transaction


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    """The demo data, loaded once per test module and rolled back after it."""
    from common.demo import load_all

    with django_db_blocker.unblock(), transaction.atomic():
        load_all()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_data(demo_once, db):
    """The real demo agenda; each test runs in a savepoint on top of the module's load."""
