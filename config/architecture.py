"""The layers of the portal, lowest first. An app imports only from apps in lower layers
(never from its own layer's siblings or from above), and no imports go round in a cycle,
lazy imports inside functions included. tests/test_architecture.py reads every app's imports
and holds them to this list.

- `common` is plumbing only: history, versions and edit conflicts, PDFs, upserts, forms.
- `governance` is the ground every app stands on: regions, municipalities, organisations and
  the users' profiles.
- `accounts` holds the roles, who coordinates which region, the login decorator and the
  template filters that ask about permissions.
- `agenda` holds agendas, pillars, themes and actions.
- `financing`, `evaluation` and `bodies` stand on the agenda, side by side. `bodies` holds the
  consultative bodies (overleggen), their members and the decision routes of the agendas: a
  body covers pillars and a decision route treats an agenda.
- `api` (the read-only open data), `imports` (agendas from files) and `sso` (login with an
  organisation account) stand on top: they use the apps below and nothing uses them.
"""

LAYERS = [
    ["common"],
    ["governance"],
    ["accounts"],
    ["agenda"],
    ["financing", "evaluation", "bodies"],
    ["api", "imports", "sso"],
]

# Imports that still point up, each with why; the architecture test fails when one of them
# disappears (remove it here) or a new one appears.
KNOWN_UPWARD_IMPORTS = {
    ("governance", "accounts"): "bodies and people are edited by a region's coordinators",
}

APPS = [app for layer in LAYERS for app in layer]


def layer_of(app: str) -> int:
    for index, layer in enumerate(LAYERS):
        if app in layer:
            return index
    raise KeyError(app)
