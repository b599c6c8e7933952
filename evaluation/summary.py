"""The evaluation of an agenda as its overview and annex show it: per pillar, with counts."""

from agenda.models import Agenda

from .models import SETBACK_OUTCOMES, Evaluation, Outcome


def agenda_evaluations(agenda: Agenda):
    return (
        Evaluation.objects.in_agenda(agenda)
        .select_related("pillar", "action__theme")
        .prefetch_related("funds", "parties")
        .in_evaluation_order()
    )


def evaluation_groups(agenda: Agenda):
    """Groups of evaluations per pillar in the evaluation's order, the counts by outcome, total.

    The evaluation may order the pillars differently from the agenda (the 2020-2022 evaluation
    starts with 'werk naar werk'): a pillar comes where its first activity comes.
    """
    groups: list[dict] = []
    by_pillar: dict[int, dict] = {}
    evaluations = list(agenda_evaluations(agenda))
    for evaluation in evaluations:
        group = by_pillar.get(evaluation.pillar_id)
        if group is None:
            group = {"pillar": evaluation.pillar, "evaluations": []}
            by_pillar[evaluation.pillar_id] = group
            groups.append(group)
        group["evaluations"].append(evaluation)
    for position, group in enumerate(groups, start=1):
        group["position"] = position
    tally = dict.fromkeys(Outcome.values, 0)
    for evaluation in evaluations:
        tally[evaluation.outcome] += 1
    counts = [
        {
            "outcome": value,
            "label": label,
            "count": tally[value],
            "setback": value in SETBACK_OUTCOMES,
        }
        for value, label in Outcome.choices
    ]
    return groups, counts, len(evaluations)
