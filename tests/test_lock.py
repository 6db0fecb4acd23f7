"""The Python lock (requirements/*.txt) agrees with pyproject.toml and with what is
installed: a dependency edited in pyproject.toml without ``scripts/lock.sh``, a
hand-edited or unhashed pin, a transitive package missing from the lock, or a venv that
drifted from it fails here."""

import importlib.util
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ROOT / "requirements"


def _lock_module():
    spec = importlib.util.spec_from_file_location(
        "lock_sync", ROOT / "scripts/lock_sync.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lock_sync = _lock_module()
normalize = lock_sync.normalize


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _requirements(profile: str) -> list[Requirement]:
    project = _pyproject()["project"]
    lines = list(project["dependencies"])
    if profile == "test":
        lines += project["optional-dependencies"]["test"]
    for raw in (LOCKS / "build.in").read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.lstrip().startswith("#"):
            lines.append(raw.strip())
    return [Requirement(line) for line in lines]


@pytest.fixture(scope="module", params=["main", "test"])
def profile(request):
    return request.param


def test_every_direct_dependency_is_pinned_exactly_and_locked_at_that_version(profile):
    lock = lock_sync.read_lock(LOCKS / f"{profile}.txt")
    for requirement in _requirements(profile):
        pins = [s for s in requirement.specifier if s.operator == "=="]
        assert len(pins) == 1, f"pyproject.toml: {requirement} must be pinned with =="
        name = normalize(requirement.name)
        assert name in lock, f"{name} is in pyproject.toml, not in {profile}.txt"
        assert lock[name][0] == pins[0].version, (
            f"{name}: pyproject.toml says {pins[0].version}, {profile}.txt "
            f"{lock[name][0]} — run scripts/lock.sh"
        )


def test_every_locked_package_carries_hashes(profile):
    lock = lock_sync.read_lock(LOCKS / f"{profile}.txt")
    assert lock
    assert [name for name, (_v, hashes) in lock.items() if not hashes] == []


def test_the_test_lock_runs_the_servers_versions():
    main = lock_sync.read_lock(LOCKS / "main.txt")
    test = lock_sync.read_lock(LOCKS / "test.txt")
    assert set(main) <= set(test)
    assert {n: v for n, (v, _h) in main.items() if test[n][0] != v} == {}


def test_a_hand_edited_pin_is_refused(tmp_path):
    edited = tmp_path / "lock.txt"
    edited.write_text("django>=5.2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a hashed pin"):
        lock_sync.read_lock(edited)


def _closure(requirements: list[Requirement]) -> set[str]:
    """Every distribution the requirements pull in, read from the installed metadata
    (markers evaluated for this interpreter, extras followed)."""
    seen: set[tuple[str, str]] = set()
    names: set[str] = set()
    todo = [(r, "") for r in requirements]
    while todo:
        requirement, extra = todo.pop()
        environment = {**default_environment(), "extra": extra}
        if requirement.marker and not requirement.marker.evaluate(environment):
            continue
        name = normalize(requirement.name)
        names.add(name)
        for wanted in [""] + sorted(requirement.extras):
            if (name, wanted) in seen:
                continue
            seen.add((name, wanted))
            for line in metadata.requires(name) or []:
                todo.append((Requirement(line), wanted))
    return names


def test_the_lock_holds_every_transitive_dependency_and_nothing_else():
    """Walks the installed metadata from pyproject.toml's dependencies: each package
    reached is locked, each locked package is reached (a stale entry would be installed
    on servers for nothing)."""
    lock = lock_sync.read_lock(LOCKS / "test.txt")
    reached = _closure(_requirements("test"))
    assert sorted(reached - set(lock)) == []
    assert sorted(set(lock) - reached) == []


def test_the_installed_packages_are_the_lock():
    """The venv the suite runs in was installed from the lock, to the version."""
    lock = lock_sync.read_lock(LOCKS / "test.txt")
    installed = {
        normalize(d.metadata["Name"]): d.version for d in metadata.distributions()
    }
    assert lock_sync.unlisted_distributions(lock) == []
    drift = {
        name: (version, installed.get(name))
        for name, (version, _h) in lock.items()
        if installed.get(name) != version
    }
    assert drift == {}
    assert sys.prefix != sys.base_prefix, "the suite runs inside the project's venv"


def test_one_licence_everywhere():
    import json

    assert _pyproject()["project"]["license"] == "Apache-2.0"
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["license"] == "Apache-2.0"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in text and "Version 2.0, January 2004" in text
    assert metadata.metadata("thidua")["License-Expression"] == "Apache-2.0"
