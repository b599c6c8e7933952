"""Template filters and tags shared by every app: Dutch amounts, plain-text paragraphs and
tables that scroll sideways."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


def format_euro(value, cents: bool | None = None) -> str:
    """Format an amount the Dutch way: `€ 1.000.000` or `€ 1.000.000,50`.

    Cents are shown only when the amount has them, unless `cents` says otherwise.
    """
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    negative = amount < 0
    amount = abs(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole, fraction = divmod(amount, 1)
    whole_text = f"{int(whole):,}".replace(",", ".")
    show_cents = cents if cents is not None else fraction != 0
    text = f"€ {whole_text}"
    if show_cents:
        text += f",{int(fraction * 100):02d}"
    return f"-{text}" if negative else text


@register.filter
def euro(value):
    return format_euro(value)


@register.filter
def euro_cents(value):
    return format_euro(value, cents=True)


@register.filter
def paragraphs(text):
    """Plain text with blank lines between paragraphs as escaped <p> elements."""
    if not text:
        return ""
    parts = [p.strip() for p in str(text).split("\n\n") if p.strip()]
    return format_html_join(
        "\n",
        "<p>{}</p>",
        ((mark_safe(conditional_escape(p).replace("\n", "<br>")),) for p in parts),
    )


@register.simple_block_tag
def scroll_table(content, stacked=False, labelledby=""):
    """`{% scroll_table %}<caption>…</tbody>{% endscroll_table %}`: a table in a box that scrolls
    sideways where the screen is too narrow for it.

    `stacked=True`: on a phone its rows stack as cards instead (see narrow.css); `labelledby`:
    the id of the caption naming it, which makes the box a region the keyboard can scroll.
    """
    box = "portal-table-scroll portal-table-scroll--stacks" if stacked else "portal-table-scroll"
    table = "utrecht-table utrecht-table--html-table portal-stack" if stacked else "utrecht-table"
    region = (
        format_html(' tabindex="0" role="region" aria-labelledby="{}"', labelledby)
        if labelledby
        else ""
    )
    return format_html(
        '<div class="{}"{}>\n<table class="{}">{}</table>\n</div>', box, region, table, content
    )
