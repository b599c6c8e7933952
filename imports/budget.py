"""An agenda's budget on one screen: lines of action × financier, a column per year.

Each line is an action and the funding stream that pays for it, with an amount per year of the
agenda typed the Dutch way. Saving writes the financing app's allocations in one transaction,
in bulk, with history: new amounts are created, changed ones updated, and an emptied cell
clears the budgeted amount (the allocation stays, with any realised amount).
"""

from collections import defaultdict

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from agenda.models import Action, Agenda, shorten
from financing.forms import DutchAmountField
from financing.models import Allocation, FundingStream

EMPTY_LINES = 3


def _action_number(action) -> str:
    """ "4." for an action under theme 4, else its number as the plan writes it."""
    return f"{action.theme.number}." if action.theme_id else action.place_number


class BudgetLineForm(forms.Form):
    def __init__(self, *args, actions, streams, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.years = years
        self.fields["action"] = forms.TypedChoiceField(
            label=gettext_lazy("Action or measure"),
            choices=[("", "—")]
            + [(a.pk, f"{_action_number(a)} {shorten(a.text, 70)}") for a in actions],
            coerce=int,
            required=False,
        )
        self.fields["stream"] = forms.TypedChoiceField(
            label=gettext_lazy("Financier"),
            choices=[("", "—")] + [(s.pk, str(s)) for s in streams],
            coerce=int,
            required=False,
        )
        for year in years:
            self.fields[f"y{year}"] = DutchAmountField(label=str(year), required=False)

    def clean(self):
        data = super().clean()
        amounts = [data.get(f"y{year}") for year in self.years]
        has_amount = any(a is not None for a in amounts)
        if has_amount and not data.get("action"):
            self.add_error("action", _("Choose the action these amounts are for."))
        if has_amount and not data.get("stream"):
            self.add_error("stream", _("Choose who finances these amounts."))
        return data


class BaseBudgetFormSet(forms.BaseFormSet):
    def clean(self):
        seen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data"):
                continue
            key = (form.cleaned_data.get("action"), form.cleaned_data.get("stream"))
            if all(key):
                if key in seen:
                    form.add_error(
                        "stream", _("This action and financier already have a line above.")
                    )
                seen.add(key)


def budget_formset(agenda, data=None):
    actions = list(Action.objects.filter(agenda=agenda).select_related("theme").in_document_order())
    streams = list(FundingStream.objects.filter(region=agenda.owner_region).order_by("name"))
    allocations = Allocation.objects.filter(action__agenda=agenda, year__in=agenda.years).order_by(
        "action__theme__number", "action__order", "stream__name"
    )
    lines = {}
    for allocation in allocations:
        line = lines.setdefault(
            (allocation.action_id, allocation.stream_id),
            {"action": allocation.action_id, "stream": allocation.stream_id},
        )
        if allocation.budgeted is not None:
            line[f"y{allocation.year}"] = _format(allocation.budgeted)
    formset_class = forms.formset_factory(
        BudgetLineForm, formset=BaseBudgetFormSet, extra=EMPTY_LINES, max_num=2000
    )
    return formset_class(
        data,
        initial=list(lines.values()),
        prefix="b",
        form_kwargs={"actions": actions, "streams": streams, "years": agenda.years},
    )


def _format(amount):
    from financing.amounts import format_dutch_amount

    return format_dutch_amount(amount)


@transaction.atomic
def budget_save(agenda, formset, *, user) -> dict:
    """Write the grid: create, update or clear allocations. Returns the counts. Only the
    agenda's coordinators (`Agenda.objects.editable_by`) may."""
    if not Agenda.objects.filter(pk=agenda.pk).editable_by(user).exists():
        raise PermissionDenied(_("You may not change the budget of this agenda."))
    wanted = {}
    for form in formset.forms:
        data = form.cleaned_data
        if not data.get("action") or not data.get("stream"):
            continue
        for year in agenda.years:
            wanted[(data["stream"], data["action"], year)] = data.get(f"y{year}")
    valid_actions = set(Action.objects.filter(agenda=agenda).values_list("pk", flat=True))
    valid_streams = set(
        FundingStream.objects.filter(region=agenda.owner_region).values_list("pk", flat=True)
    )
    wanted = {k: v for k, v in wanted.items() if k[0] in valid_streams and k[1] in valid_actions}
    existing = {
        (a.stream_id, a.action_id, a.year): a
        for a in Allocation.objects.filter(action__agenda=agenda, year__in=agenda.years)
    }
    now = timezone.now()
    new, changed = [], []
    for key, amount in wanted.items():
        allocation = existing.get(key)
        if allocation is None:
            if amount is not None:
                new.append(
                    Allocation(stream_id=key[0], action_id=key[1], year=key[2], budgeted=amount)
                )
        elif allocation.budgeted != amount:
            allocation.budgeted = amount
            allocation.updated_at = now
            changed.append(allocation)
    history = {
        "default_user": user,
        "default_change_reason": _("Budget entered as a grid"),
    }
    if new:
        bulk_create_with_history(new, Allocation, **history)
        pairs = {(a.stream_id, agenda.pk) for a in new}
        FundingStream.agendas.through.objects.bulk_create(
            [FundingStream.agendas.through(fundingstream_id=s, agenda_id=a) for s, a in pairs],
            ignore_conflicts=True,
        )
    if changed:
        bulk_update_with_history(changed, Allocation, ["budgeted", "updated_at"], **history)
    counts = defaultdict(int, created=len(new), changed=len(changed))
    return dict(counts)
