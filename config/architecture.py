"""The layers of the portal, lowest first. An app imports only from apps in lower layers
(never from its own layer's siblings or from above), and no imports go round in a cycle,
lazy imports inside functions included. tests/test_architecture.py reads every app's imports
and holds them to this list.

- `common` is plumbing only: history, versions and edit conflicts, PDFs, upserts, forms.
- `accounts` is the lowest domain layer, on Django alone: the roles, the access rules (who
  coordinates which region, the QuerySet rules the domain apps build on), the login
  decorator and the login and password pages.
- `governance` is the ground every other app stands on: regions, municipalities,
  organisations, the users' profiles and the making of users (accounts with a role,
  invitations, `manage.py add_user`). Its bodies and decision routes sit above the agenda;
  see below.
- `agenda` holds agendas, pillars, themes and actions.
- `financing` and `evaluation` stand on the agenda, side by side.
- `api` (the read-only open data), `imports` (agendas from files) and `sso` (login with an
  organisation account) stand on top: they use the apps below and nothing uses them.
"""

LAYERS = [
    ["common"],
    ["accounts"],
    ["governance"],
    ["agenda"],
    ["financing", "evaluation"],
    ["api", "imports", "sso"],
]

# Imports that still point up, each with why; the architecture test fails when one of them
# disappears (remove it here) or a new one appears. Moving the bodies and decision routes
# out of `governance` into an app of their own above `agenda` removes it.
KNOWN_UPWARD_IMPORTS = {
    ("governance", "agenda"): "bodies cover pillars and decision routes treat agendas",
}

APPS = [app for layer in LAYERS for app in layer]


def layer_of(app: str) -> int:
    for index, layer in enumerate(LAYERS):
        if app in layer:
            return index
    raise KeyError(app)
