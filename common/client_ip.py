"""The address of the person behind a request, also behind the documented TLS proxy.

Without a proxy (`BEHIND_TLS_PROXY` off) the address is the connection's (`REMOTE_ADDR`) and
X-Forwarded-For is ignored: anyone can send that header.

Behind the proxy, each of the `TRUSTED_PROXY_COUNT` proxies appends the address it saw to
X-Forwarded-For, and the last of them is the connection itself. Only that tail of the chain is
handed to django-ipware, which accepts it only when every hop is one of `TRUSTED_PROXIES`; the
address before them is the visitor's. Whatever a visitor writes into the header themselves
stays to the left of that tail and is never used. A request that did not come through the
trusted proxies is known by its own connection address.
"""

from types import SimpleNamespace

from django.conf import settings
from ipware.ip import get_client_ip


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    proxies = list(getattr(settings, "TRUSTED_PROXIES", []))
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 1)
    if not getattr(settings, "BEHIND_TLS_PROXY", False) or not proxies or count < 1 or not remote:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    chain = [hop.strip() for hop in forwarded.split(",") if hop.strip()] + [remote]
    if len(chain) < count + 1:
        return remote
    tail = SimpleNamespace(META={"HTTP_X_FORWARDED_FOR": ", ".join(chain[-(count + 1) :])})
    address, _routable = get_client_ip(
        tail,
        proxy_order="left-most",
        proxy_count=count,
        proxy_trusted_ips=proxies,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
    )
    return address or remote
