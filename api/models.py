"""Personal API tokens: a user makes one in the portal, sees it once, and can revoke it.

Only a SHA-256 hash of the token is stored (a token is 256 random bits, so a fast hash is
enough); the first characters are kept to tell tokens apart in the list.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# What every token starts with, so a leaked one is recognisable (e.g. by secret scanners).
TOKEN_PREFIX = "doe_"
# The characters shown in the list: the prefix and the first few random characters.
SHOWN_LENGTH = len(TOKEN_PREFIX) + 6


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)

    def of_user(self, user):
        return self.filter(user=user)

    def editable_by(self, user):
        """A token is its owner's alone to revoke (for anyone else it does not exist)."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.of_user(user)


class ApiToken(models.Model):
    """A personal token: reads the API with the rights of its user until it is revoked."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("What you use it for, e.g. 'dashboard'.")
    )
    key_hash = models.CharField(_("hash of the token"), max_length=64, unique=True, editable=False)
    shown_start = models.CharField(_("start of the token"), max_length=20, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        constraints = [
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | Q(revoked_at__gte=models.F("created_at")),
                name="apitoken_revoked_after_created",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.shown_start}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
