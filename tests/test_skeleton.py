"""Every app has the same skeleton (docs/developer/architecture.md, "Skeleton"): the
modules below exist where the table says, view modules live in ``views``, and no form is
defined in a views module."""

import importlib
import inspect
import pkgutil
from pathlib import Path

from django import forms
from django.conf import settings

SRC = Path(__file__).resolve().parent.parent / "src" / "thidua"

# Packages of src/thidua that are not Django apps: settings, date formats, the law as
# pure Python (no Django), demo data loaded through the services.
NOT_APPS = {"settings", "formats", "eligibility", "demo", "templates", "static"}

# The apps of one domain each, bottom to top (pyproject.toml, the layers contract).
DOMAIN = [
    "accounts",
    "organizations",
    "documents",
    "awards",
    "movements",
    "nominations",
    "councils",
    "decisions",
    "submissions",
]

# What every domain app has. A module may be a file (``forms.py``) or a package
# (``forms/``).
CORE = {"apps", "models", "services", "selectors", "forms", "views", "urls", "actions"}

# Where a domain app has less than the core, and why.
EXCEPT = {
    # accounts know nothing of the tree: who sees which account is a read of the tree
    # (organizations/account_selectors.py), and the accounts pages read it too, so their
    # URLs are the site's (site/account_urls.py, namespace ``accounts``).
    "accounts": {"selectors", "urls"},
}

# The skeleton of each app as it is: what the table in architecture.md shows.
SKELETON = {
    "accounts": CORE - EXCEPT["accounts"] | {"enums", "management"},
    "organizations": CORE
    | {"enums", "rules", "validators", "workflows", "tasks", "management"},
    "documents": CORE | {"rules", "workflows", "tasks", "rendering", "management"},
    "awards": CORE,
    "movements": CORE | {"enums", "rules", "workflows", "tasks", "rendering"},
    "nominations": CORE | {"enums", "rules", "workflows", "tasks"},
    "councils": CORE | {"enums", "rules", "workflows", "rendering"},
    "decisions": CORE | {"enums", "rules", "workflows", "rendering"},
    "submissions": CORE | {"enums", "rules", "workflows", "rendering"},
    "exchange": {"apps", "actions", "forms", "views", "urls", "management"},
    "reports": {"apps", "selectors", "forms", "views", "urls"},
    "api": {"apps", "urls"},
    "site": {"apps", "selectors", "views", "urls", "management"},
    "common": {"apps", "actions", "models", "services", "selectors", "forms", "views"}
    | {"tasks", "management"},
}


def _has(app: str, module: str) -> bool:
    if module == "management":
        return (SRC / app / "management" / "commands" / "__init__.py").exists()
    return (SRC / app / f"{module}.py").exists() or (
        SRC / app / module / "__init__.py"
    ).exists()


def _apps() -> set[str]:
    return {
        path.parent.name
        for path in SRC.glob("*/__init__.py")
        if path.parent.name not in NOT_APPS
    }


def test_every_package_is_an_installed_app():
    """dashboards went into site; api and exchange are apps with their own URLs."""
    assert _apps() == set(SKELETON)
    installed = {name.removeprefix("thidua.") for name in settings.INSTALLED_APPS}
    assert set(SKELETON) <= installed
    assert all(_has(app, "apps") for app in SKELETON)


def test_every_domain_app_has_the_core_less_its_stated_exceptions():
    for app in DOMAIN:
        assert CORE - EXCEPT.get(app, set()) <= SKELETON[app], app


def test_every_app_has_the_modules_of_its_row():
    missing = {
        app: sorted(m for m in modules if not _has(app, m))
        for app, modules in SKELETON.items()
    }
    assert {app: m for app, m in missing.items() if m} == {}


def test_no_view_module_outside_views():
    """No ``*_views.py``, ``*_view.py`` or ``views_*.py``: pages live in ``views``."""
    odd = [
        str(path.relative_to(SRC))
        for pattern in ("*_views.py", "*_view.py", "views_*.py")
        for path in SRC.rglob(pattern)
    ]
    assert odd == []


def _view_modules():
    for app in SKELETON:
        if (SRC / app / "views.py").exists():
            yield importlib.import_module(f"thidua.{app}.views")
        elif (SRC / app / "views").is_dir():
            package = importlib.import_module(f"thidua.{app}.views")
            yield package
            for info in pkgutil.iter_modules(package.__path__):
                yield importlib.import_module(f"{package.__name__}.{info.name}")


def test_no_form_is_defined_in_a_views_module():
    found = {
        f"{module.__name__}.{name}"
        for module in _view_modules()
        for name, obj in vars(module).items()
        if inspect.isclass(obj)
        and obj.__module__ == module.__name__
        and issubclass(obj, forms.BaseForm | forms.BaseFormSet)
    }
    assert not found
