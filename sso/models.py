"""Which account of the identity provider belongs to which portal account."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OIDCIdentity(models.Model):
    """An account at an OpenID Connect provider, known by its issuer and `sub` claim.

    The `sub` is the provider's stable identifier of a person; an e-mail address is never used
    to find the portal account, so a changed or reused address cannot take over an account.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="oidc_identities",
        verbose_name=_("user"),
    )
    issuer = models.CharField(_("issuer"), max_length=500)
    sub = models.CharField(_("subject (sub)"), max_length=255)
    created = models.DateTimeField(_("first login"), auto_now_add=True)
    last_login = models.DateTimeField(_("last login"), null=True, blank=True)

    class Meta:
        verbose_name = _("organisation account")
        verbose_name_plural = _("organisation accounts")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "sub"], name="sso_unique_issuer_sub"),
        ]

    def __str__(self):
        return f"{self.sub} @ {self.issuer}"
