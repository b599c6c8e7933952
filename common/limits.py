"""How long a typed text may be: limits that fit real use with plenty of headroom.

The longest action text in the seed documents is under 300 characters, the longest theme
narrative about 3,200. Every text field of the portal uses one of these limits; the model
refuses longer texts (`full_clean`), and forms state the limit and refuse them as well.
"""

from django.core.validators import MaxLengthValidator
from django.db import models

# Notes beside a value, target groups, leads and parties as written.
SHORT_TEXT = 500
# An action, a remit, a description, a source note.
TEXT = 1_000
# Results, internal notes, consultation input and responses.
LONG_TEXT = 3_000
# The introduction of a pillar and the narrative of a theme.
NARRATIVE = 8_000


class LimitedTextField(models.TextField):
    """A TextField whose `max_length` also holds in model validation (Django's TextField
    leaves it to forms). Migrations see an ordinary TextField with `max_length`."""

    def __init__(self, *args, max_length: int, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)
        self._validators = [*self._validators, MaxLengthValidator(max_length)]

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        return name, "django.db.models.TextField", args, kwargs
