"""The direction of dependencies of DESIGN §3, read from the import statements of every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OURS = {
    "kimtra_portal",
    "wards",
    "accounts",
    "staffing",
    "assets",
    "procedures",
    "indicators",
    "reports",
    "city",
    "dashboard",
    "demo",
}

# What each app may import of ours (besides itself); the project package only wires the apps together.
ALLOWED = {
    "wards": set(),
    "accounts": {"wards"},
    "staffing": {"wards"},
    "assets": {"wards"},
    "procedures": {"wards"},
    "indicators": {"wards"},
    "reports": {"wards", "staffing", "assets", "procedures", "indicators", "kimtra_portal"},
    "city": {"wards", "staffing", "assets", "procedures", "indicators", "reports", "kimtra_portal"},
    "dashboard": {"wards", "staffing", "assets", "procedures", "indicators", "reports"},
    "demo": OURS - {"demo"},
}


def imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names & OURS


def violations(app: str) -> list[str]:
    found = []
    for path in sorted((ROOT / app).rglob("*.py")):
        for other in sorted(imported_apps(path) - ALLOWED[app] - {app}):
            found.append(f"{path.relative_to(ROOT)} imports {other}")
    return found


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_imports_follow_the_design(app: str) -> None:
    assert violations(app) == []


def test_the_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from reports.models import Report\nimport city.views\nfrom .models import X\n")
    assert imported_apps(module) == {"reports", "city"}
