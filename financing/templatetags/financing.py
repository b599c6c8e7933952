"""Template helpers of the financing app: amounts per year as the funding chapter writes them."""

from django import template
from django.utils.translation import gettext as _

from common.templatetags.portal import format_euro
from financing.models import YearAmount
from financing.selectors import Total

register = template.Library()


@register.filter
def year_amount(cell: YearAmount | None) -> str:
    """ "€ 76.921", "€ 1.000.000 (besteed)", "besteed", "nog onbekend", "n.v.t." or ""."""
    if cell is None:
        return ""
    if cell.kind == YearAmount.Kind.SPENT:
        if cell.amount is None:
            return _("spent")
        return _("%(amount)s (spent)") % {"amount": format_euro(cell.amount)}
    if cell.kind == YearAmount.Kind.UNKNOWN:
        # A source may give a range or say why there is no figure ("0,5 tot 1,0 mio").
        return cell.note or _("not yet known")
    if cell.kind == YearAmount.Kind.NOT_APPLICABLE:
        return _("n/a")
    if cell.note and not cell.note.startswith("€"):
        # An amount the source gives approximately: "circa 0,2 mio".
        return f"{format_euro(cell.amount)} ({cell.note})"
    return format_euro(cell.amount)


@register.filter
def total_amount(total: Total) -> str:
    """A total of known amounts, saying when some amounts are not yet known."""
    if not total.has_any and total.has_unknown:
        return _("not yet known")
    if not total.has_any:
        return ""
    text = format_euro(total.amount)
    if total.has_unknown:
        text = _("%(amount)s + not yet known") % {"amount": text}
    return text
