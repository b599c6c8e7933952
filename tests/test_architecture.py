"""The apps' imports follow the layers of config/architecture.py: none points up or sideways
(except the listed known ones), and none goes round in a cycle."""

import ast
import re
from pathlib import Path

from config.architecture import APPS, KNOWN_UPWARD_IMPORTS, LAYERS, layer_of

ROOT = Path(__file__).resolve().parent.parent


def imported_apps(app: str) -> dict[str, list[str]]:
    """The other apps `app` imports, each with where (lazy imports inside functions too)."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                target = name.split(".")[0]
                if target in APPS and target != app:
                    where = f"{path.relative_to(ROOT)}:{node.lineno}"
                    found.setdefault(target, []).append(where)
    return found


def import_graph() -> dict[str, dict[str, list[str]]]:
    return {app: imported_apps(app) for app in APPS}


def test_every_app_is_in_one_layer():
    apps = [app for layer in LAYERS for app in layer]
    assert len(apps) == len(set(apps))
    on_disk = {p.parent.name for p in ROOT.glob("*/apps.py")}
    assert on_disk <= set(apps), f"apps missing from config/architecture.py: {on_disk - set(apps)}"


def test_no_app_imports_from_its_own_layer_or_above():
    wrong = []
    for app, targets in import_graph().items():
        for target, places in targets.items():
            if layer_of(target) >= layer_of(app) and (app, target) not in KNOWN_UPWARD_IMPORTS:
                wrong.append(f"{app} -> {target} ({', '.join(places)})")
    assert not wrong, "imports that point up or sideways:\n" + "\n".join(wrong)


def test_the_known_upward_imports_are_still_there():
    graph = import_graph()
    gone = [edge for edge in KNOWN_UPWARD_IMPORTS if edge[1] not in graph[edge[0]]]
    assert not gone, f"no longer imported, remove from KNOWN_UPWARD_IMPORTS: {gone}"


def test_there_is_no_import_cycle_outside_the_known_upward_imports():
    graph = {
        app: {t for t in targets if (app, t) not in KNOWN_UPWARD_IMPORTS}
        for app, targets in import_graph().items()
    }
    visiting, done = set(), set()

    def visit(app, path):
        assert app not in visiting, "import cycle: " + " -> ".join([*path, app])
        if app in done:
            return
        visiting.add(app)
        for target in sorted(graph[app]):
            visit(target, [*path, app])
        visiting.discard(app)
        done.add(app)

    for app in graph:
        visit(app, [])


def test_common_holds_plumbing_only():
    assert imported_apps("common") == {}


# The URL namespaces and the app each belongs to.
NAMESPACES = {
    "agenda": "agenda",
    "bodies": "bodies",
    "evaluation": "evaluation",
    "financing": "financing",
    "governance": "governance",
    "imports": "imports",
    "sso": "sso",
    "api_tokens": "api",
}
URL_NAME = re.compile(r"""(?:\{%\s*url\s+|reverse(?:_lazy)?\(\s*)["']([a-z_]+):""")


def linked_apps(app: str) -> dict[str, list[str]]:
    """The other apps whose pages `app` links to by URL name, in its code and its templates."""
    found: dict[str, list[str]] = {}
    places = [p for p in (ROOT / app).rglob("*.py") if "migrations" not in p.parts]
    places += sorted((ROOT / "templates" / app).rglob("*.*"))
    for path in places:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for namespace in URL_NAME.findall(line):
                target = NAMESPACES.get(namespace)
                if target and target != app:
                    found.setdefault(target, []).append(f"{path.relative_to(ROOT)}:{number}")
    return found


def test_no_app_links_to_the_pages_of_an_app_above_it():
    """A page of a lower app shows another app's link only through a registry
    (agenda/sections.py) or the site's wiring (config/), never by naming its URL."""
    wrong = []
    for app in APPS:
        for target, places in linked_apps(app).items():
            if layer_of(target) >= layer_of(app):
                wrong.append(f"{app} -> {target} ({', '.join(places)})")
    assert not wrong, "links that point up or sideways:\n" + "\n".join(wrong)


def test_the_link_check_sees_a_link_that_points_up():
    assert URL_NAME.findall("""<a href="{% url 'bodies:bijlage2_pdf' agenda.slug %}">""") == [
        "bodies"
    ]
    assert URL_NAME.findall('return reverse("agenda:home")') == ["agenda"]
