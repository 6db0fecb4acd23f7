"""The law as thidua cites it: the texts and the wording of the provisions read, each
with an anchor that a verdict's "Căn cứ" links to (issue #16 point 6)."""

from django.views.generic import TemplateView

from thidua.eligibility.wording import DOCUMENTS, PASSAGES


class LegalTextsView(TemplateView):
    """Every signed-in user: legal texts are public (Luật Sở hữu trí tuệ Art 15)."""

    template_name = "common/legal_texts.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["documents"] = [
            (document, [p for p in PASSAGES if p.doc == document.short])
            for document in DOCUMENTS
        ]
        return context
