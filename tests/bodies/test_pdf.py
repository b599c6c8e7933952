"""Bijlage 2 read back: every body and member, names shown as the reader may see them."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.factories import make_user

from .seed_bijlage2 import BIJLAGE_2_ROWS

pytestmark = pytest.mark.django_db

PDF_URL = reverse("bodies:bijlage2_pdf", args=["zkij-2020-2022"])


def pdf_text(content: bytes) -> str:
    """The text of the PDF with the line breaks of table cells undone."""
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    text = re.sub(r"-\n", "-", text)
    return re.sub(r"\s+", " ", text)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def bijlage2(demo, client):
    def fetch(user=None):
        if user is not None:
            client.force_login(user)
        response = client.get(PDF_URL)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        return response.content

    return fetch


def test_the_logged_in_pdf_lists_every_body_and_every_member_as_written(bijlage2):
    text = pdf_text(bijlage2(make_user("lezer", role="viewer")))
    assert "Bijlage 2: Actuele samenstelling regionale overlegstructuur" in text
    for heading in ("Bestuurlijk", "Tactisch en uitvoerend", "Overige overleggen"):
        assert heading in text
    for name, _reach, _remit, _marks, municipalities, others in BIJLAGE_2_ROWS:
        assert flat(name) in text
        for seat in re.split(r", (?![^()]*\))", municipalities + ", " + others):
            if seat.strip():
                assert flat(seat.strip()) in text, seat
    assert "naam afgeschermd" not in text
    assert "niet openbaar maken" in text


def test_the_public_pdf_names_office_holders_and_withholds_civil_servants(bijlage2):
    text = pdf_text(bijlage2())
    for seat in (
        "Floor Roduner (vz)",
        "Annemiek van Outvorst (secr)",
        "Rob van Hooven (UWV)",
        "Jan Welmers (vz, Heliomare)",
        "Rosalie Smit (?)",
        "(Marieke van Dijk, Jeroen Verwoort, Serge Ferraro)",
    ):
        assert seat in text
    for hidden in ("Marc van der Zalm", "Jorien Kaper", "Karin Meulenbelt", "Myrthe de Vlieger"):
        assert hidden not in text
    assert "naam afgeschermd (Heemstede)" in text
    assert "Openbare versie" in text


def test_the_pdf_has_the_pillar_columns_in_the_agendas_order(bijlage2):
    text = pdf_text(bijlage2())
    assert (
        "Pijler: 1. Uitkering naar werk; 2. Onderwijs naar werk; 3. Werk naar werk; "
        "4. Werkgelegenheid." in text
    )
    assert "vastgesteld 20 oktober 2020" in text


def test_a_concept_agendas_bijlage_2_is_not_public(concept_demo, client):
    url = reverse("bodies:bijlage2_pdf", args=["zkij-werkplan-2023"])
    assert client.get(url).status_code == 404


def test_pillar_column_headers_never_split_a_word(bijlage2):
    raw = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(bijlage2())).pages)
    words = {
        w
        for name in ["Uitkering naar werk", "Onderwijs naar werk", "Werkgelegenheid"]
        for w in name.split()
    }
    for word in words:
        for cut in range(1, len(word)):
            assert f"{word[:cut]}\n{word[cut:]}" not in raw, word
            assert f"{word[:cut]} {word[cut:]}" not in raw, word
    assert "x = " in raw and "? = " in raw
