"""The award select, grouped as officers look for a form."""

from thidua.common.awards import grouped_choices
from thidua.eligibility.catalog import COLLECTIVE_CODES, INDIVIDUAL_CODES


def test_groups_hold_every_code_once_and_skip_empty_groups():
    groups = grouped_choices(INDIVIDUAL_CODES)
    assert [str(label) for label, _ in groups] == [
        "Danh hiệu thi đua",
        "Bằng khen, Giấy khen",
        "Huân chương",
        "Danh hiệu vinh dự nhà nước",
        "Kỷ niệm chương",
    ]
    codes = [code for _, options in groups for code, _name in options]
    assert sorted(codes) == sorted(INDIVIDUAL_CODES)
    collective = grouped_choices(COLLECTIVE_CODES)
    assert "Kỷ niệm chương" not in [str(label) for label, _ in collective]
    assert ("HCLD_2", "Huân chương Lao động hạng Nhì") in dict(collective)[
        next(label for label, _ in collective if str(label) == "Huân chương")
    ]


def test_a_grouped_select_renders_optgroups_with_the_chosen_option():
    from django import forms
    from django.template import Context, Template

    class Pick(forms.Form):
        code = forms.ChoiceField(choices=grouped_choices(INDIVIDUAL_CODES))
        kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])

    html = Template("{% include 'includes/form_fields.html' %}").render(
        Context({"form": Pick(data={"code": "GIAY_KHEN", "kind": "b"})})
    )
    assert '<optgroup label="Bằng khen, Giấy khen">' in html
    assert '<option value="GIAY_KHEN" selected>Giấy khen</option>' in html
    assert '<option value="b" selected>B</option>' in html
    assert "<optgroup" not in html.split('name="kind"')[1]
