"""The evaluation of the 2020-2022 agenda as the seed (001, chapter 3) writes it."""

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from agenda.models import Action, Agenda
from common.demo import load_all
from evaluation.extract import derive_outcome, read_rows
from evaluation.models import SETBACK_OUTCOMES, Evaluation, EvaluationFund, Outcome

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "evaluation_zkij_2020_2022.yaml"


@pytest.fixture
def agenda(demo):
    return Agenda.objects.get(slug="zkij-2020-2022")


def test_the_seed_holds_42_activities_in_four_pillars(seed_text):
    rows = read_rows(seed_text("001"))
    assert len(rows) == 42
    assert Counter(r.section_number for r in rows) == {1: 6, 2: 16, 3: 16, 4: 4}
    assert all(len(r.cells) == 8 for r in rows)


def test_a_row_cut_by_a_page_break_is_glued_to_the_row_before():
    header = "TITEL\tACTIE\tB\tB\tV\tB\tI\tE"
    text = "\n".join(
        [
            "3. Evaluatie per activiteit",
            "3.1 Van werk naar werk",
            header,
            "Titel\tActie\tBeoogd\tBehaald deel een",
            header,
            "deel twee\tVervolg\tPartijen\tn.v.t.\tInfo",
            "4. Conclusies",
        ]
    )
    [row] = read_rows(text)
    assert row.cells[3] == "Behaald deel een deel twee"
    assert row.cells[4:] == ["Vervolg", "Partijen", "n.v.t.", "Info"]
    assert any("paginagrens" in note for note in row.notes)


def test_the_fixture_is_what_the_extraction_makes_of_the_seed(seed_text):
    """Regenerate it with scripts/extract_evaluation.py when the seed or the rules change."""
    rows = read_rows(seed_text("001"))
    items = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))["evaluations"]
    assert [i["title"] for i in items] == [r.title for r in rows]
    for item, row in zip(items, rows, strict=True):
        assert item["achieved_result"] == row.cells[3]
        assert item["outcome"] == derive_outcome(row.cells[3], row.cells[4])[0]


def test_ten_activities_were_delayed_stopped_or_not_started(agenda):
    counts = Evaluation.objects.in_agenda(agenda).outcome_counts()
    assert sum(counts.values()) == 42
    assert sum(counts[o] for o in SETBACK_OUTCOMES) == 10
    assert counts == {
        Outcome.COMPLETED: 6,
        Outcome.CONTINUING: 14,
        Outcome.REGULAR: 12,
        Outcome.DELAYED: 3,
        Outcome.STOPPED: 3,
        Outcome.NOT_STARTED: 4,
    }
    setbacks = set(
        Evaluation.objects.in_agenda(agenda)
        .filter(outcome__in=SETBACK_OUTCOMES)
        .values_list("title", flat=True)
    )
    # The four the evaluation names in §2.3 are among them.
    assert {
        "SPRONG",
        "Skills",
        "Inclusieve technologie",
        "om- en bijscholingsarrangementen",
    } <= setbacks


def test_every_outcome_says_it_was_derived(agenda):
    for evaluation in Evaluation.objects.in_agenda(agenda):
        assert evaluation.outcome_note.startswith("Afgeleid")


def test_activities_are_linked_to_bijlage_1_or_added_later(agenda):
    evaluations = Evaluation.objects.in_agenda(agenda).select_related("action")
    added = [e for e in evaluations if e.action.added_later]
    linked = [e for e in evaluations if not e.action.added_later]
    assert len(added) == 10 and len(linked) == 32
    assert all("Bijlage 1 (000), thema" in e.source_note for e in linked)
    assert all("Toegevoegd tijdens de looptijd" in e.action.source_note for e in added)
    # An activity the agenda gained goes under a theme of the pillar the evaluation names.
    assert all(e.action.theme.pillar_id == e.pillar_id for e in added)
    wwj = Evaluation.objects.get(action__theme__agenda=agenda, title="Aanpak WW Jongeren")
    assert wwj.action.text.startswith("Extra inzet op toeleiding van jongeren")
    assert wwj.action.short_title == "Aanpak WW Jongeren"
    hr = Action.objects.get(theme__agenda=agenda, short_title="HR Network Techport")
    assert hr.added_later and hr.theme.number == 6


def test_the_evaluation_groups_by_its_own_pillars(agenda):
    rmt = Evaluation.objects.get(action__theme__agenda=agenda, title="Regionaal Mobiliteitsteam")
    assert rmt.pillar.name == "Werk naar werk"
    assert rmt.action.theme.pillar.name == "Uitkering naar werk"


def test_amounts_are_stored_as_amounts(agenda):
    wwj = Evaluation.objects.get(action__theme__agenda=agenda, title="Aanpak WW Jongeren")
    assert [(f.amount, f.stream_text) for f in wwj.funds.all()] == [
        (Decimal("320000.00"), "Perspectief op Werk"),
        (Decimal("37500.00"), "Aanpak Jeugdwerkloosheid"),
    ]
    rmt = Evaluation.objects.get(action__theme__agenda=agenda, title="Regionaal Mobiliteitsteam")
    assert [(f.amount, f.year) for f in rmt.funds.all()] == [(Decimal("240000.00"), 2021)]
    assert EvaluationFund.objects.filter(evaluation__title="Netwerken Werkt!").count() == 0


def test_text_is_kept_verbatim(agenda):
    talent = Evaluation.objects.get(action__theme__agenda=agenda, title="Talent naar de zorg")
    assert "in totaal 81 deelnemers zijn gestart" in talent.achieved_result
    hoofdzak = Evaluation.objects.get(action__theme__agenda=agenda, title="Hoofdzak } Werk")
    assert "GGZ Pamassia" in hoofdzak.parties_text  # the seed's typo stays


def test_a_second_load_changes_nothing(demo):
    assert load_all() == 0


def test_funds_used_are_realised_amounts_in_the_financing(agenda):
    from financing.models import Allocation

    talent = Evaluation.objects.get(action__theme__agenda=agenda, title="Talent naar de zorg")
    allocation = Allocation.objects.get(action=talent.action, stream__abbreviation="PoW")
    assert allocation.realised == Decimal("193000.00")
    assert allocation.year == 2022
    assert "geen jaar" in allocation.realised_note
    rmt = Evaluation.objects.get(action__theme__agenda=agenda, title="Regionaal Mobiliteitsteam")
    assert Allocation.objects.get(action=rmt.action).year == 2021
    jwl = Evaluation.objects.get(action__theme__agenda=agenda, title="Jeugdwerkloosheid")
    assert sorted(Allocation.objects.filter(action=jwl.action).values_list("year", flat=True)) == [
        2020,
        2021,
        2022,
    ]
    booked = Allocation.objects.filter(action__theme__agenda=agenda, realised__isnull=False).count()
    assert booked == EvaluationFund.objects.filter(evaluation__pillar__agenda=agenda).count()


def test_measurable_results_named_in_the_evaluation_are_indicators(agenda):
    from evaluation.models import Indicator

    hoofdzak = Evaluation.objects.get(action__theme__agenda=agenda, title="Hoofdzak } Werk")
    indicator = Indicator.objects.get(action=hoofdzak.action, name="Klanten in traject naar werk")
    assert (indicator.target, indicator.actual) == (Decimal("100"), Decimal("50"))
    assert indicator.measured_on.isoformat() == "2022-09-30"
    assert indicator.progress_percent == 50
