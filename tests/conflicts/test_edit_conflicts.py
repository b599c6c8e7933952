"""Every model a user can edit: two coordinators open the same edit form and both save. The
second gets the conflict page (409) naming the first one's change, keeps their own input, and
the first change survives."""

from decimal import Decimal

import pytest
from django import forms
from django.test import Client
from django.urls import reverse

from agenda.models import Action, Agenda, Pillar, Theme
from bodies.models import Body, ConsultationInput, DecisionStep, Membership, Person
from evaluation import services as evaluation_services
from evaluation.models import Evaluation, Indicator
from financing import services as financing_services
from financing.models import Allocation, Distribution, FundingStream, YearAmount
from governance.models import Municipality, Organisation, Region
from governance.user_services import user_create

PASSWORD = "Proef-wachtwoord-voor-tests-2026"


def _agenda():
    return Agenda.objects.filter(region__isnull=False).order_by("first_year").first()


def _action():
    return Action.objects.filter(theme__agenda=_agenda()).order_by("pk").first()


def _region():
    return _agenda().region


def _stream():
    return FundingStream.objects.filter(region=_region()).order_by("pk").first()


def _year_amount():
    stream = _stream()
    return (
        YearAmount.objects.filter(stream=stream).first()
        or financing_services.year_amount_set(stream=stream, year=2021, amount=Decimal("1000"))[0]
    )


def _allocation():
    return Allocation.objects.filter(
        action__theme__agenda=_agenda(), budgeted__isnull=False
    ).first() or Allocation.objects.create(
        action=_action(), stream=_stream(), year=2021, budgeted=Decimal("1000")
    )


def _distribution():
    region = _region()
    for index, municipality in enumerate(Municipality.objects.filter(region=region)):
        if not municipality.inhabitants:
            municipality.inhabitants = 1000 + index
            municipality.save()
    allocation = _allocation()
    return Distribution.objects.filter(allocation=allocation).first() or (
        financing_services.distribution_split(allocation=allocation)
    )


def _decision_step():
    agenda = _agenda()
    return DecisionStep.objects.filter(agenda=agenda).first() or DecisionStep.objects.create(
        agenda=agenda, order=1, body_text="Gemeenteraad", purpose=DecisionStep.Purpose.INFORM
    )


def _consultation():
    agenda = _agenda()
    return ConsultationInput.objects.filter(agenda=agenda).first() or (
        ConsultationInput.objects.create(
            agenda=agenda,
            partner=Organisation.objects.first(),
            order=1,
            input_text="Inbreng",
        )
    )


def _evaluation():
    action = _action()
    return Evaluation.objects.filter(action=action).first() or evaluation_services.evaluation_save(
        action=action, data={"title": "Evaluatie", "pillar": action.theme.pillar}
    )


def _indicator():
    action = _action()
    return Indicator.objects.filter(action=action).first() or (
        evaluation_services.indicator_save(action=action, data={"name": "Deelnemers"})
    )


# model, the object, the URL of its edit form
EDITS = {
    "agenda": (lambda: _agenda(), lambda o: reverse("agenda:agenda_edit", args=[o.slug])),
    "pillar": (
        lambda: Pillar.objects.filter(agenda=_agenda()).first(),
        lambda o: reverse("agenda:pillar_edit", args=[o.pk]),
    ),
    "theme": (
        lambda: Theme.objects.filter(agenda=_agenda()).first(),
        lambda o: reverse("agenda:theme_edit", args=[o.pk]),
    ),
    "action": (lambda: _action(), lambda o: reverse("agenda:action_edit", args=[o.pk])),
    "funding stream": (
        lambda: _stream(),
        lambda o: reverse("financing:stream_update", args=[o.pk]),
    ),
    "yearly amount": (
        lambda: _year_amount(),
        lambda o: reverse("financing:year_amount_update", args=[o.pk]),
    ),
    "allocation": (
        lambda: _allocation(),
        lambda o: reverse("financing:allocation_update", args=[o.pk]),
    ),
    "distribution": (
        lambda: _distribution(),
        lambda o: reverse("financing:distribute_allocation", args=[o.allocation_id]),
    ),
    "municipality": (
        lambda: Municipality.objects.filter(region=_region()).order_by("name").first(),
        lambda o: reverse("financing:inhabitants_edit", args=[o.region.slug]),
    ),
    "municipality on the region page": (
        lambda: Municipality.objects.filter(region=_region()).order_by("name").first(),
        lambda o: reverse("governance:municipality_update", args=[o.pk]),
    ),
    "body": (
        lambda: Body.objects.filter(region=_region()).first(),
        lambda o: reverse("bodies:body_update", args=[o.pk]),
    ),
    "membership": (
        lambda: Membership.objects.filter(body__region=_region()).first(),
        lambda o: reverse("bodies:membership_update", args=[o.pk]),
    ),
    "person": (
        lambda: Person.objects.filter(region=_region()).first(),
        lambda o: reverse("bodies:person_update", args=[o.pk]),
    ),
    "decision step": (
        lambda: _decision_step(),
        lambda o: reverse("bodies:decision_step_update", args=[o.pk]),
    ),
    "consultation input": (
        lambda: _consultation(),
        lambda o: reverse("bodies:consultation_update", args=[o.pk]),
    ),
    "evaluation": (
        lambda: _evaluation(),
        lambda o: reverse("evaluation:evaluation_edit", args=[o.action_id]),
    ),
    "indicator": (
        lambda: _indicator(),
        lambda o: reverse("evaluation:indicator_edit", args=[o.pk]),
    ),
}


def form_data(form) -> dict:
    """What a browser sends back for the form as it was opened."""
    data = {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        value = form[name].value()
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            if value:
                data[key] = "on"
            continue
        if isinstance(field, forms.ModelMultipleChoiceField) or isinstance(
            widget, forms.SelectMultiple
        ):
            data[key] = [str(getattr(v, "pk", v)) for v in (value or [])]
            continue
        if value is None:
            data[key] = ""
            continue
        shown = widget.format_value(value)
        if isinstance(shown, list):
            shown = shown[0] if shown else ""
        data[key] = "" if shown is None else str(shown)
    return data


def text_field(form) -> str:
    """A free-text field of the form to change."""
    for name in ("source_note", "note", "internal_note", "intro", "name", "title", "text"):
        if isinstance(form.fields.get(name), forms.CharField):
            return name
    for name, field in form.fields.items():
        if (
            isinstance(field, forms.CharField)
            and not isinstance(field.widget, forms.HiddenInput)
            and not isinstance(field, forms.SlugField)
            and name not in {"slug", "lead_text"}
            and not getattr(field, "choices", None)
        ):
            return name
    raise AssertionError(f"no text field in {type(form).__name__}")


def coordinator(region, username, full_name):
    user = user_create(
        username=username,
        role="coordinator",
        password=PASSWORD,
        region=region,
        full_name=full_name,
    )
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", list(EDITS))
def test_the_second_of_two_conflicting_saves_gets_the_conflict_page(demo_data, model):
    get_object, url_of = EDITS[model]
    obj = get_object()
    assert obj is not None, f"no {model} to edit"
    region = Region.objects.get(pk=_region().pk)
    anna = coordinator(region, "anna", "Anna Eerste")
    bert = coordinator(region, "bert", "Bert Tweede")
    url = url_of(obj)

    # Both open the form.
    anna_page, bert_page = anna.get(url), bert.get(url)
    assert anna_page.status_code == bert_page.status_code == 200
    anna_data = form_data(anna_page.context["form"])
    bert_data = form_data(bert_page.context["form"])
    field = text_field(anna_page.context["form"])

    anna_data[field] = "Wijziging van Anna"
    first = anna.post(url, anna_data)
    assert first.status_code == 302, first.context["form"].errors if first.context else first

    bert_data[field] = "Wijziging van Bert"
    second = bert.post(url, bert_data)
    assert second.status_code == 409
    page = second.content.decode()
    assert "Anna Eerste" in page  # who changed it
    assert "Wijziging van Bert" in page  # the input is kept

    # The first change survives.
    if model == "distribution":
        saved = Distribution.objects.get(allocation_id=obj.allocation_id)
    else:
        saved = type(obj).objects.get(pk=obj.pk)
    form_field = {"source_" + str(obj.pk): "inhabitants_source"}.get(field, field)
    assert getattr(saved, form_field) == "Wijziging van Anna"

    # Saving again from the conflict page is a deliberate choice, and works.
    again = form_data(second.context["form"])
    again[field] = "Wijziging van Bert"
    assert bert.post(url, again).status_code == 302


def test_an_admin_edit_raises_the_version(demo_data, admin_client):
    organisation = Organisation.objects.order_by("pk").first()
    before = organisation.version
    page = admin_client.get(reverse("admin:governance_organisation_change", args=[organisation.pk]))
    data = form_data(page.context["adminform"].form)
    data["name"] = organisation.name + " (nieuw)"
    response = admin_client.post(
        reverse("admin:governance_organisation_change", args=[organisation.pk]), data
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.version == before + 1


def test_an_admin_save_over_a_newer_version_is_refused(demo_data, admin_client):
    organisation = Organisation.objects.order_by("pk").first()
    url = reverse("admin:governance_organisation_change", args=[organisation.pk])
    page = admin_client.get(url)
    assert 'name="opened_version"' in page.content.decode()
    data = form_data(page.context["adminform"].form)
    organisation.name += " (tussendoor)"
    organisation.save()
    data["name"] = "Overschreven"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    organisation.refresh_from_db()
    assert organisation.name.endswith("(tussendoor)")
