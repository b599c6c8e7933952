"""The funding chapter of the 2020-2022 agenda as demo data."""

from decimal import Decimal

import pytest

from agenda.models import Action
from common.demo import load_all
from financing.models import FundingStream, YearAmount

pytestmark = pytest.mark.django_db


def year(slug, y):
    return YearAmount.objects.get(stream__slug=slug, year=y)


def test_chapter_five_figures_are_loaded_with_their_kind(demo_data):
    assert year("decentralisatie-uitkering-versterken-arbeidsmarktregio", 2020).amount == Decimal(
        "76921"
    )
    pow_2020 = year("perspectief-op-werk", 2020)
    assert (pow_2020.kind, pow_2020.amount) == ("besteed", Decimal("1000000"))
    pow_2022 = year("perspectief-op-werk", 2022)
    assert (pow_2022.kind, pow_2022.amount) == ("onbekend", None)
    assert year("regionale-mobiliteitsteams", 2021).amount == Decimal("109000000")
    assert year("bij-en-omscholing", 2021).amount == Decimal("181000000")
    assert not YearAmount.objects.filter(stream__slug="bij-en-omscholing", year=2020).exists()
    ajw = FundingStream.objects.get(slug="aanpak-jeugdwerkloosheid")
    assert ajw.stated_total_note == "totaal € 346 miljoen t/m 2024"
    assert ajw.stated_total == Decimal("346000000")


def test_every_stream_has_a_source(demo_data):
    assert not FundingStream.objects.filter(source_note="").exists()


def test_bijlage_one_financing_texts_link_the_streams_they_name(demo_data):
    pow_actions = FundingStream.objects.get(slug="perspectief-op-werk").actions.all()
    texts = {a.financing_text for a in pow_actions}
    assert "PoW" in texts
    assert "nader te bepalen, mogelijk deels uit PoW" in texts
    assert "O&O-financiering, eventueel deels stimulering uit PoW" in texts
    named = Action.objects.filter(financing_text__icontains="pow").count()
    assert pow_actions.count() == named
    steunpakket = FundingStream.objects.get(slug="landelijk-steunpakket")
    assert {a.financing_text for a in steunpakket.actions.all()} == {
        "Via landelijk steunpakket",
        "Via landelijk steunpakket en reguliere financiering onderwijs",
    }
    assert FundingStream.objects.get(slug="tozo").actions.count() == 2
    assert FundingStream.objects.get(slug="web").actions.count() == 1
    assert FundingStream.objects.get(slug="budget-ijmond-werkt").actions.count() == 5
    # The text as written is kept on the action.
    assert Action.objects.filter(financing_text="Tozo-budget").exists()


def test_loading_twice_changes_nothing(demo_data):
    assert load_all() == 0
