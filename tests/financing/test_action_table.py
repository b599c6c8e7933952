"""The action table filters on funding stream, and its export names streams and amounts."""

import csv
import io

import pytest

from agenda.models import Action
from financing.models import FundingStream

pytestmark = pytest.mark.django_db

URL = "/agendas/zkij-2020-2022/acties/"


def csv_rows(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def exported_texts(client, **params) -> set[str]:
    rows = csv_rows(client.get(URL, {**params, "_export": "csv"}))
    return {row[4] for row in rows[1:]}


def test_the_funding_filter_shows_the_actions_whose_financing_names_the_stream(client, demo_data):
    tozo = FundingStream.objects.get(slug="tozo")
    assert exported_texts(client, funding="tozo") == {a.text for a in tozo.actions.all()}
    html = client.get(URL, {"funding": "tozo"}).content.decode()
    assert 'value="tozo" selected' in html


def test_the_funding_filter_includes_actions_with_an_allocation(client, demo_data):
    ajw = FundingStream.objects.get(slug="aanpak-jeugdwerkloosheid")
    allocated = {a.text for a in Action.objects.filter(allocations__stream=ajw)}
    # Named in no financing text of Bijlage 1, but paid by it according to the evaluation.
    assert allocated and not ajw.actions.exists()
    assert exported_texts(client, funding="aanpak-jeugdwerkloosheid") == allocated


def test_an_unknown_funding_stream_gives_a_form_error_not_a_crash(client, demo_data):
    response = client.get(URL, {"funding": "bestaat-niet"})
    assert response.status_code == 200
    assert "funding" in response.context["filter"].form.errors


def test_the_export_names_the_streams_with_their_amounts(client, demo_data):
    rows = csv_rows(client.get(URL, {"_export": "csv"}))
    assert rows[0][-1] == "Financieringsbronnen en bedragen"
    funding = {row[4]: row[-1] for row in rows[1:]}
    talent = next(text for text in funding if text.startswith("Talent naar de zorg"))
    assert funding[talent] == "Perspectief op Werk: gerealiseerd € 193.000 (2022)"
    tozo = next(text for text in funding if text.startswith("Pilot aanpak zelfstandigen TOZO"))
    assert funding[tozo] == "Tozo-middelen"
