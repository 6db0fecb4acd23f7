"""Who opens the data exchange of an agency (tests/access_matrix.py): its TĐKT office
(``organizations.change_agency``); everyone else sees the agency: 403."""

from ..access_matrix import route
from ..organizations.access import office_of

ROUTES = [
    route(f"exchange:{name}", agency, office_of(agency))
    for name in ("agency-exchange", "agency-exchange-export")
    for agency in ("skhdt", "other")
]
