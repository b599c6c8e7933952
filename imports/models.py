from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from agenda.models import Agenda


class ImportUpload(models.Model):
    """An uploaded agenda file, kept between the preview and the confirmation.

    The file is held in the database (at most 10 MB), so no upload folder is needed; the column
    mapping and the creations the coordinator ticked are stored with it.
    """

    agenda = models.ForeignKey(
        Agenda, on_delete=models.CASCADE, related_name="imports", verbose_name=_("agenda")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("user"),
    )
    file_name = models.CharField(_("file name"), max_length=255)
    data = models.BinaryField(_("file"))
    mapping = models.JSONField(_("column mapping"), default=list, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    applied_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return self.file_name
