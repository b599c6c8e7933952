"""Every annex renders, whatever passes validation: texts up to the limits of every field it
shows, long unbroken words included (Bijlage 2 failed at a remit of 2,000 characters).

The suite runs the same few examples every time. To search further, run fresh random examples:

    ANNEX_EXAMPLES=50 PYTHONPATH=$PWD .venv/bin/pytest -q tests/hardening/test_annex_limits.py
"""

import os

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from agenda.models import Action, Theme
from bodies.models import Body, ConsultationInput, DecisionStep
from evaluation.models import Evaluation
from financing.models import FundingStream
from governance.models import Organisation

from .annex_texts import text_up_to

SLUG = "zkij-2020-2022"
# A few examples each, without shrinking: every example renders whole PDFs. ANNEX_EXAMPLES=n
# asks for n fresh random examples instead.
EXPLORE = int(os.environ.get("ANNEX_EXAMPLES") or 0)
EXAMPLES = settings(
    max_examples=EXPLORE or 4,
    phases=[Phase.explicit, Phase.generate],
    derandomize=not EXPLORE,  # the same examples in every run, so a run says the same each time
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def fields_strategy(model, names):
    """Values for the named text fields of `model`, each up to its limit; a required field
    gets a text a form would accept (not only spaces)."""
    values = {}
    for name in names:
        field = model._meta.get_field(name)
        text = text_up_to(field.max_length)
        values[name] = text if field.blank else text.filter(str.strip)
    return st.fixed_dictionaries(values)


def fill(instance, values):
    for name, value in values.items():
        setattr(instance, name, value)
    instance.full_clean()  # what is rendered passes validation
    instance.save()


def fetch_pdf(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    # A stored annex (the same content asked for again) comes as a file.
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content.startswith(b"%PDF")


def first_action_after_a_pillar():
    """The row that must also stay with the pillar heading above it: the hardest to place."""
    return Action.objects.filter(theme__agenda__slug=SLUG).order_by("theme__number", "order")[0]


@pytest.fixture
def logged_in_client(demo, client, django_user_model):
    user = django_user_model.objects.create_user("lezer", password="x")
    client.force_login(user)
    return client


def test_a_body_remit_of_two_thousand_characters_renders_in_bijlage_2(logged_in_client):
    body = Body.objects.filter(agendas__slug=SLUG).first()
    body.remit = ("Arbeidsmarkt en onderwijs " * 80)[:1000]
    body.reach = "Zuid-Kennemerland " * 16
    body.save()
    # The limit is 1,000 now; rows of a page and more still render (older data, long seats).
    Body.objects.filter(pk=body.pk).update(remit=("Arbeidsmarkt en onderwijs " * 80)[:2000])
    fetch_pdf(logged_in_client, reverse("bodies:bijlage2_pdf", args=[SLUG]))


def test_bijlage_1_renders_the_first_action_after_a_pillar_filled_with_unbroken_words(
    logged_in_client,
):
    action = first_action_after_a_pillar()
    text_fields = [
        f
        for f in Action._meta.concrete_fields
        if f.get_internal_type() in ("CharField", "TextField") and f.max_length and not f.choices
    ]
    fill(action, {f.name: "W" * f.max_length for f in text_fields})
    fetch_pdf(logged_in_client, reverse("agenda:bijlage1_pdf", args=[SLUG]))


def test_bijlage_1_renders_a_short_action_of_many_lines_after_a_pillar_heading(
    logged_in_client,
):
    # 360 characters, but 60 lines: taller than a page. It failed with "assert not
    # page_is_empty" when the row had to stay whole as well as with the heading.
    action = first_action_after_a_pillar()
    fill(action, {"text": "Regel\n" * 60})
    fetch_pdf(logged_in_client, reverse("agenda:bijlage1_pdf", args=[SLUG]))


@EXAMPLES
@given(
    values=fields_strategy(
        Action, ["short_title", "text", "target_group_text", "lead_text", "financing_text"]
    ),
    theme_values=fields_strategy(Theme, ["name", "target_group"]),
)
def test_bijlage_1_renders_an_action_filled_up_to_its_limits(
    logged_in_client, values, theme_values
):
    action = first_action_after_a_pillar()
    fill(action, values)
    fill(action.theme, theme_values)
    fetch_pdf(logged_in_client, reverse("agenda:bijlage1_pdf", args=[SLUG]))


@EXAMPLES
@given(values=fields_strategy(Body, ["name", "abbreviation", "reach", "remit"]))
def test_bijlage_2_renders_a_body_filled_up_to_its_limits(logged_in_client, values):
    body = Body.objects.filter(agendas__slug=SLUG).order_by("pk").first()
    fill(body, values)
    fetch_pdf(logged_in_client, reverse("bodies:bijlage2_pdf", args=[SLUG]))


@EXAMPLES
@given(values=fields_strategy(FundingStream, ["name", "stated_total_note", "source_note"]))
def test_the_funding_annex_renders_a_stream_filled_up_to_its_limits(logged_in_client, values):
    stream = FundingStream.objects.filter(agendas__slug=SLUG).order_by("pk").first()
    fill(stream, values)
    fetch_pdf(logged_in_client, reverse("financing:funding_pdf", args=[SLUG]))


@EXAMPLES
@given(
    values=fields_strategy(
        Evaluation,
        [
            "title",
            "action_text",
            "intended_result",
            "achieved_result",
            "follow_up",
            "parties_text",
            "funds_text",
            "extra_info",
        ],
    )
)
def test_the_evaluation_annex_renders_an_evaluation_filled_up_to_its_limits(
    logged_in_client, values
):
    evaluation = Evaluation.objects.filter(action__theme__agenda__slug=SLUG).order_by("pk").first()
    fill(evaluation, values)
    fetch_pdf(logged_in_client, reverse("evaluation:annex_pdf", args=[SLUG]))


@EXAMPLES
@given(
    step_values=fields_strategy(
        DecisionStep, ["date_text", "body_text", "conclusion", "source_note"]
    ),
    input_values=fields_strategy(ConsultationInput, ["input_text", "response_text", "source_note"]),
)
def test_the_behandeling_annex_renders_a_step_and_an_input_filled_up_to_their_limits(
    logged_in_client, step_values, input_values
):
    step = DecisionStep.objects.filter(agenda__slug=SLUG).order_by("order", "pk").first()
    step.body = None  # a body typed in full instead of one of the overview
    fill(step, step_values)
    point = ConsultationInput(
        agenda=step.agenda, partner=Organisation.objects.order_by("pk").first(), round=1
    )
    fill(point, input_values)
    fetch_pdf(logged_in_client, reverse("bodies:behandeling_pdf", args=[SLUG]))
