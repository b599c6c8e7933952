from django.db import models
from django.utils.translation import gettext_lazy as _


class StoredPdf(models.Model):
    """A generated annex kept in the file storage, under the version of what it prints.

    `kind` names the document ("bijlage1:<agenda id>"); `version` is a hash of everything
    printed in it (see `common.annexes.content_version`), so a change to any printed value
    gives a new version and a new file, and an unchanged annex is served from storage.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("being made")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("document"), max_length=200)
    version = models.CharField(_("version"), max_length=64)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(_("file"), upload_to="annexes/", blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("stored annex")
        verbose_name_plural = _("stored annexes")
        constraints = [
            models.UniqueConstraint(fields=["kind", "version"], name="storedpdf_one_per_version")
        ]

    def __str__(self):
        return f"{self.kind} {self.version[:12]} ({self.state})"
