"""Annexes kept by content: stored once, served again until what they print changes; large
ones made in the background by the task worker."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from agenda import annex_views
from agenda.models import Action, Agenda, Status
from common.models import StoredPdf

from .pdftext import read_pdf

SLUG = "zkij-2020-2022"
URL = f"/agendas/{SLUG}/bijlage-1.pdf"
# Serving a stored annex: the session, the agenda, its content version and the stored file.
QUERIES_FOR_A_STORED_ANNEX = 9


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.django_db
def test_a_repeated_download_is_served_from_storage_and_a_conditional_get_gets_304(
    demo, client, monkeypatch, django_assert_max_num_queries
):
    first = client.get(URL)
    assert first.status_code == 200
    assert body(first).startswith(b"%PDF")
    assert first["ETag"] and first["Last-Modified"]

    def must_not_render(*args, **kwargs):
        raise AssertionError("an unchanged annex is not rendered again")

    monkeypatch.setattr(annex_views, "layout_bijlage1", must_not_render)
    with django_assert_max_num_queries(QUERIES_FOR_A_STORED_ANNEX):
        again = client.get(URL)
        streamed = body(again)
    assert again.status_code == 200
    assert streamed == body(first)
    assert again["ETag"] == first["ETag"]

    cached = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert cached.status_code == 304
    assert not cached.content


@pytest.mark.django_db
def test_a_changed_status_gives_a_new_annex(demo, client):
    first = client.get(URL)
    agenda = Agenda.objects.get(slug=SLUG)
    action = Action.objects.in_agenda(agenda).first()
    action.status = Status.objects.exclude(pk=action.status_id).first()
    action.save()

    second = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert body(second).startswith(b"%PDF")
    assert body(second) != body(first)
    # the old version's file is gone; one file per document
    assert StoredPdf.objects.filter(kind=f"bijlage1:{agenda.pk}").count() == 1


@pytest.mark.django_db
def test_a_changed_part_size_gives_a_new_annex(demo, client, settings):
    first = client.get(URL)
    settings.ANNEX_CHUNK_ACTIONS = 20  # the demo agenda is now laid out in parts
    second = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    # One layout is tagged; the parts merged are not.
    assert "/StructTreeRoot" in read_pdf(body(first)).reader.trailer["/Root"]
    assert "/StructTreeRoot" not in read_pdf(body(second)).reader.trailer["/Root"]


@pytest.mark.django_db
def test_a_changed_text_gives_a_new_version_of_a_selection(demo, client):
    url = f"/agendas/{SLUG}/acties/bijlage-1.pdf?status=loopt"
    first = client.get(url)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    action = Action.objects.in_agenda(Agenda.objects.get(slug=SLUG)).filter(status__slug="loopt")
    action.update(text="Een nieuwe tekst")
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_large_annex_goes_from_queued_to_ready_through_the_task_worker(client, settings):
    from tests.agenda.test_table_queries import build_agenda

    agenda = build_agenda("groot", 12)
    settings.ANNEX_BACKGROUND_THRESHOLD = 10
    url = reverse("agenda:bijlage1_pdf", args=[agenda.slug])

    response = client.get(url)
    assert response.status_code == 302
    progress_url = response["Location"]
    page = client.get(progress_url)
    html = page.content.decode()
    assert "De pdf wacht om gemaakt te worden." in html
    assert '<meta http-equiv="refresh"' in html
    assert "<progress" in html
    # asking again does not queue a second job
    assert client.get(url)["Location"] == progress_url
    assert StoredPdf.objects.get().state == StoredPdf.State.QUEUED

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    record = StoredPdf.objects.get()
    assert record.state == StoredPdf.State.READY, record.error
    html = client.get(progress_url).content.decode()
    assert "De pdf is klaar." in html
    assert '<meta http-equiv="refresh"' not in html
    download = reverse("annex_download", args=[record.pk])
    assert f'href="{download}"' in html
    pdf = body(client.get(download))
    assert pdf.startswith(b"%PDF")
    # the document's own address now serves the stored file directly
    direct = client.get(url)
    assert direct.status_code == 200
    assert body(direct) == pdf


@pytest.mark.django_db
def test_the_annex_of_a_concept_agenda_made_in_the_background_is_not_public(client, settings):
    from tests.agenda.test_table_queries import build_agenda

    agenda = build_agenda("concept", 12)
    agenda.state = Agenda.State.CONCEPT
    agenda.save()
    record = StoredPdf.objects.create(
        kind="bijlage1:x", version="v", params={"agenda": agenda.pk, "public": False}
    )
    assert client.get(reverse("annex_progress", args=[record.pk])).status_code == 404
    assert client.get(reverse("annex_download", args=[record.pk])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_task_worker_lays_a_large_annex_out_in_parts(client, settings):
    from tests.agenda.test_table_queries import build_agenda

    from .pdftext import squeeze

    agenda = build_agenda("in-delen", 12)
    settings.ANNEX_BACKGROUND_THRESHOLD = 10
    settings.ANNEX_CHUNK_ACTIONS = 5
    url = reverse("agenda:bijlage1_pdf", args=[agenda.slug])
    assert client.get(url).status_code == 302

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    record = StoredPdf.objects.get()
    assert record.state == StoredPdf.State.READY, record.error
    assert record.progress == 100
    pdf = read_pdf(body(client.get(url)))
    total = len(pdf.pages)
    assert total >= 3, "each part starts on a page of its own"
    for number, text in enumerate(pdf.pages, start=1):
        assert f"pagina {number} van {total}" in text
    for i in range(12):
        assert squeeze(f"Actie {i} voor werkzoekenden") in pdf.flat
