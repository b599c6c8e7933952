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
            pillar = evaluation.pillar
            label = pillar.name if pillar else str(agenda.outside_top_levels)
            group = {"pillar": pillar, "label": label, "evaluations": []}
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


# A palette entry per outcome (common.charts.PALETTE), the same on every chart: done is green,
# stopped red, delayed amber.
OUTCOME_TONES = {
    Outcome.COMPLETED: 5,
    Outcome.CONTINUING: 0,
    Outcome.REGULAR: 2,
    Outcome.DELAYED: 1,
    Outcome.STOPPED: 4,
    Outcome.NOT_STARTED: 6,
}


def outcomes_per_pillar(groups: list[dict]) -> dict:
    """The number of evaluated activities per outcome for each pillar group of `evaluation_groups`.

    Only the outcomes that occur get a column. Returns the columns (value, label), the rows
    (group, cells as (label, count), total) and the totals per column.
    """
    tallies = []
    for group in groups:
        tally = dict.fromkeys(Outcome.values, 0)
        for evaluation in group["evaluations"]:
            tally[evaluation.outcome] += 1
        tallies.append(tally)
    columns = [
        (value, label) for value, label in Outcome.choices if any(tally[value] for tally in tallies)
    ]
    rows = []
    for group, tally in zip(groups, tallies, strict=True):
        cells = [(label, tally[value]) for value, label in columns]
        rows.append({"group": group, "cells": cells, "total": sum(c for _l, c in cells)})
    totals = [sum(row["cells"][i][1] for row in rows) for i in range(len(columns))]
    return {"columns": columns, "rows": rows, "totals": totals, "total": sum(totals)}
