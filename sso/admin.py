from django.contrib import admin

from .models import OIDCIdentity


@admin.register(OIDCIdentity)
class OIDCIdentityAdmin(admin.ModelAdmin):
    """Also the place to link an existing local account to an organisation account: add a row
    with the provider's issuer and the person's `sub`."""

    list_display = ["user", "sub", "issuer", "created", "last_login"]
    search_fields = ["user__username", "user__email", "sub"]
    readonly_fields = ["created", "last_login"]
    raw_id_fields = ["user"]
