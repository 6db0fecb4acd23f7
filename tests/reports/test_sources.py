"""The report sources the forms count are registered by the apps that own the records
(common/report_sources.py); a form counting an unregistered one fails at start."""

from dataclasses import replace

from thidua.reports import checks
from thidua.reports.definitions import REGIMES


def test_a_form_counting_an_unregistered_source_fails_the_check(monkeypatch):
    assert checks.check_report_sources(None) == []
    regime = REGIMES["tt02_2023"]
    form = replace(regime.forms[0], source="nowhere")
    monkeypatch.setitem(REGIMES, "tt02_2023", replace(regime, forms=(form,)))
    [error] = checks.check_report_sources(None)
    assert error.id == "thidua.reports.E002" and "'nowhere'" in error.msg
