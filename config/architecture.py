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
  invitations, `manage.py add_user`).
- `agenda` holds agendas, pillars, themes and actions.
- `financing`, `evaluation` and `bodies` stand on the agenda, side by side. `bodies` holds the
  consultative bodies (overleggen), their members and the decision routes of the agendas: a
  body covers pillars and a decision route treats an agenda.
- `api` (the read-only open data), `imports` (agendas from files) and `sso` (login with an
  organisation account) stand on top: they use the apps below and nothing uses them.
"""

LAYERS = [
    ["common"],
    ["accounts"],
    ["governance"],
    ["agenda"],
    ["financing", "evaluation", "bodies"],
    ["api", "imports", "sso"],
]

# Imports that point up, each with why it must. None do: the architecture test fails on a new
# one, and on one listed here that has disappeared.
KNOWN_UPWARD_IMPORTS: dict[tuple[str, str], str] = {}

APPS = [app for layer in LAYERS for app in layer]


def layer_of(app: str) -> int:
    for index, layer in enumerate(LAYERS):
        if app in layer:
            return index
    raise KeyError(app)
