"""The law engine's tests run without Django: ``python -m pytest -p no:django
tests/eligibility`` (tests/test_eligibility_standalone.py proves it with Django made
unimportable). Nothing here, nor in the root conftest, may import Django; tests that
need it (the management command) are in tests/eligibility_django."""


def pytest_addoption(parser, pluginmanager):
    # pyproject.toml sets pytest-django's DJANGO_SETTINGS_MODULE ini key; without the
    # plugin pytest warns of an unknown key, and filterwarnings=error makes that fatal.
    if not pluginmanager.has_plugin("django"):
        parser.addini("DJANGO_SETTINGS_MODULE", "unused without pytest-django")
