"""Views never write to the database themselves: every create, update and delete goes through
a service function, which takes the acting user, checks the permission again, writes in one
transaction and records the history under that user. This test reads every view module."""

import ast
from pathlib import Path

import pytest

from config.architecture import APPS

ROOT = Path(__file__).resolve().parent.parent

# Methods that write: on a model instance, a form, a related manager or a QuerySet.
WRITES = {
    "save",
    "save_m2m",
    "delete",
    "set",
    "add",
    "remove",
    "clear",
    "create",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
}


def view_modules():
    for app in APPS:
        yield from sorted((ROOT / app).glob("*views*.py"))


VIEW_MODULES = list(view_modules())


def writes_in(path: Path) -> list[str]:
    """`file:line .method` for every write method a module calls or passes on."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Attribute) and node.attr in WRITES and not _is_cache(node.value):
            found.append(f"{path.name}:{node.lineno} .{node.attr}")
    return found


def _is_cache(node) -> bool:
    """`cache.set(...)` stores a rendered page in Django's cache, not in the database."""
    return isinstance(node, ast.Name) and node.id == "cache"


def test_the_view_modules_of_every_editing_app_are_read():
    names = {str(p.relative_to(ROOT)) for p in VIEW_MODULES}
    for expected in (
        "bodies/views.py",
        "governance/region_views.py",
        "financing/views.py",
        "evaluation/views.py",
        "evaluation/succession_views.py",
        "agenda/edit_views.py",
        "governance/invitation_views.py",
        "imports/views.py",
    ):
        assert expected in names


def test_the_scan_finds_a_write_in_a_view(tmp_path):
    view = tmp_path / "views.py"
    view.write_text(
        "def v(request, form):\n    form.save()\n    obj.tags.set([])\n    cache.set('k', 1)\n"
    )
    assert [line.split(" ")[1] for line in writes_in(view)] == [".save", ".set"]


@pytest.mark.parametrize("path", VIEW_MODULES, ids=[str(p.relative_to(ROOT)) for p in VIEW_MODULES])
def test_a_view_module_leaves_writing_to_the_services(path):
    assert writes_in(path) == []


def test_every_delete_is_confirmed_on_the_one_shared_page():
    templates = ROOT / "templates"
    pages = sorted(str(p.relative_to(templates)) for p in templates.rglob("*confirm_delete*"))
    assert pages == ["common/confirm_delete.html"]
    for path in VIEW_MODULES:
        assert "confirm_delete.html" not in path.read_text(), path
