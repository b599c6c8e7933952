"""The form error summary links to every field in error; the header names the region."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.models import Region


def test_the_error_summary_takes_focus_and_links_to_each_field_in_error(world, client_for):
    client = client_for(world.users["coordinator"])
    url = reverse("agenda:action_edit", args=[world.pow_action.pk])
    response = client.post(url, {"text": "", "version": "x"})
    html = response.content.decode()
    summary = html[html.index('id="error-summary"') - 200 :]
    summary = summary[: summary.index("</ul>")]
    assert 'tabindex="-1" autofocus' in summary
    assert "Het formulier is niet opgeslagen." in summary
    targets = re.findall(r'<a href="#([^"]+)">', summary)
    assert targets, "the summary links to the fields in error"
    for target in targets:
        assert f'id="{target}"' in html  # each link leads to its field


def test_a_form_without_errors_has_no_summary(world, client_for):
    client = client_for(world.users["coordinator"])
    html = client.get(reverse("agenda:action_edit", args=[world.pow_action.pk])).content.decode()
    assert 'id="error-summary"' not in html


def test_the_header_names_the_only_region_and_shows_its_logo(db, client):
    Region.objects.create(
        name="Zuid-Kennemerland en IJmond", slug="zkij", logo_path="img/regio-logo.svg"
    )
    html = client.get("/").content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    assert "Zuid-Kennemerland en IJmond" in header
    assert 'src="/static/img/regio-logo.svg"' in header


def test_the_header_names_no_region_when_the_portal_serves_several(world, client):
    header = client.get("/").content.decode().split("</header>")[0]
    assert "Regio Een" not in header and "Regio Twee" not in header


@pytest.mark.parametrize(
    "path", ["../secret.svg", "/etc/logo.png", "https://elders.nl/logo.svg", "img/logo.gif"]
)
def test_a_region_logo_must_be_a_static_image_path(db, path):
    region = Region(name="Regio", slug="regio", logo_path=path)
    with pytest.raises(ValidationError):
        region.full_clean()
