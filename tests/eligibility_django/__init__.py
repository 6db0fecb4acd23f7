"""Tests of the law engine that need Django: the ``eligibility`` management command
and the ``thidua eligibility`` console command (tests/eligibility runs without Django)."""
