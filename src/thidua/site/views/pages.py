"""The pages that read across every domain: home page, audit log, search."""

from django.utils import timezone
from django.views.generic import TemplateView

from thidua.councils.selectors import open_papers_for
from thidua.organizations.access import scopes_for
from thidua.organizations.selectors import dashboard_figures

from ..search import MIN_QUERY_LENGTH, search_all
from ..selectors import activity_for_user, todo_lines

__all__ = ["DashboardView", "SearchView"]


class DashboardView(TemplateView):
    template_name = "common/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["scopes"] = scopes_for(self.request.user)
        context["todo"] = todo_lines(self.request.user)
        context["figures"] = dashboard_figures(self.request.user)
        context["recent"] = activity_for_user(self.request.user)[:10]
        # A council member's open ballot papers, first thing on his home page.
        context["papers"] = [
            paper
            for paper in open_papers_for(self.request.user, on=timezone.localdate())
            if not paper.voted
        ]
        return context


class SearchView(TemplateView):
    """``/tim-kiem/?q=…``: matches of every kind the user may see (docs/search.md)."""

    template_name = "common/search.html"

    def get_template_names(self):
        if self.request.htmx and self.request.htmx.target == "search-results":
            return ["common/_search_results.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "")[:200]
        context["query"] = query
        context["min_length"] = MIN_QUERY_LENGTH
        context["results"] = search_all(self.request.user, query)
        return context
