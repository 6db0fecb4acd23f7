"""The organisation forms' widgets: the date box lives in common/forms.py (accounts,
below this app, uses it too) and is re-exported here for the apps that import it."""

from thidua.common.forms import DateInput

__all__ = ["DateInput"]
