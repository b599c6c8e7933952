"""The pages every editable model shares, so that a create, update or delete view is only the
look-up of its object, its form and the service function that writes:

- `save_form` runs the service on a valid POST in one transaction, guarded by the
  edit-conflict check (`save_or_conflict`: after a conflict the writes are undone and the
  form's own `show_conflict` runs, e.g. the action form merges the two people's input), puts a
  refusal (`ValidationError`) on the form, and redirects with a message when it is saved;
- `form_page` shows a form (`templates/common/object_form.html`, or a page's own template
  with its own context), with status 409 after an edit conflict;
- `edit_page` is the two together: a create or update view ends in it, e.g.
  `return edit_page(request, form, lambda: services.x_save(user=request.user, ...),
  done_url=..., done_message=..., template="app/x_form.html", context={...})`; every
  create and update view of a model ends in it (a page of two steps, such as merging
  organisations, answers its first step itself and then ends in it too);
- `confirm_delete` asks first (`templates/common/confirm_delete.html`), runs the delete
  service on POST and shows why when it is refused.
"""

from collections.abc import Callable, Iterable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .versioning import form_status, save_or_conflict


def add_errors(form, error: ValidationError) -> None:
    """Put a service's refusal on the form: at the field it names, otherwise above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _message(done_message, result) -> str:
    return done_message(result) if callable(done_message) else done_message


def save_form(
    request,
    form,
    save: Callable[[], object],
    *,
    done_url,
    done_message,
    warnings: Callable[[object], Iterable[str]] | None = None,
):
    """On a valid POST run `save()` (a service function) and redirect to `done_url` (or
    `done_url(result)`) with `done_message` (or `done_message(result)`), followed by a warning
    for each of `warnings(result)`. Returns None when the form is to be shown (again): a GET,
    invalid input, a refusal or an edit conflict, and then nothing has been written."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = save_or_conflict(form, save)
    except ValidationError as error:
        add_errors(form, error)
        return None
    if getattr(form, "conflict", None):
        return None
    messages.success(request, _message(done_message, result))
    for warning in warnings(result) if warnings else ():
        messages.warning(request, warning)
    return HttpResponseRedirect(done_url(result) if callable(done_url) else done_url)


def edit_page(request, form, save, *, done_url, done_message, warnings=None, **page):
    """A whole create or update view after its look-ups: `save_form`, or else `form_page`
    with `page` (title, cancel_url, crumbs, intro; or template and context)."""
    return save_form(
        request, form, save, done_url=done_url, done_message=done_message, warnings=warnings
    ) or form_page(request, form, **page)


def form_page(
    request,
    form,
    *,
    title: str = "",
    cancel_url: str = "",
    crumbs=None,
    intro: str = "",
    template: str | None = None,
    context: dict | None = None,
):
    """The form on the shared page, `templates/common/object_form.html`, with `title`,
    `cancel_url`, `crumbs` and `intro`; or, given `template`, on that page of its own with
    `form` and the variables of `context`. Status 409 after an edit conflict."""
    if template is None:
        template = "common/object_form.html"
        context = {
            "title": title,
            "cancel_url": cancel_url,
            "crumbs": crumbs,
            "intro": intro,
            **(context or {}),
        }
    return TemplateResponse(
        request, template, {"form": form, **(context or {})}, status=form_status(form)
    )


def confirm_delete(
    request,
    *,
    delete: Callable[[], object],
    done_url: str,
    done_message: str | Callable[[object], str],
    question: str,
    cancel_url: str,
    title: str = "",
    consequences: Iterable[str] = (),
    crumbs=None,
    related: Iterable[tuple[str, int]] = (),
    protected: Iterable[str] = (),
    history_kept: bool = False,
):
    """Ask `question`; on POST run `delete()` and go to `done_url` with `done_message` (or
    `done_message(result)` when it is a function of what `delete()` returned). A
    `ValidationError` from `delete()` (other data still refers to the row) is shown instead
    and nothing is deleted. `related` lists what goes with it (name, count), `protected` what
    still refers to it (then the page only explains); `history_kept` says the change history
    stays readable."""
    errors: list[str] = []
    if request.method == "POST":
        try:
            result = delete()
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, _message(done_message, result))
            return HttpResponseRedirect(done_url)
    return TemplateResponse(
        request,
        "common/confirm_delete.html",
        {
            "title": title or _("Confirm deletion"),
            "question": question,
            "consequences": list(consequences),
            "errors": errors,
            "cancel_url": cancel_url,
            "crumbs": crumbs,
            "related": list(related),
            "protected": list(protected),
            "history_kept": history_kept,
        },
    )
