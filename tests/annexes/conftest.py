import pytest
from django.contrib.auth.models import Group

from governance.models import Profile, Region


@pytest.fixture
def coordinator(demo, django_user_model):
    user = django_user_model.objects.create_user("coordinator", password="a long passphrase 1")
    user.groups.add(Group.objects.get_or_create(name="coordinator")[0])
    Profile.objects.update_or_create(
        user=user, defaults={"region": Region.objects.get(name="Zuid-Kennemerland en IJmond")}
    )
    return user


@pytest.fixture
def viewer(demo, django_user_model):
    user = django_user_model.objects.create_user("viewer", password="a long passphrase 1")
    user.groups.add(Group.objects.get_or_create(name="viewer")[0])
    return user
