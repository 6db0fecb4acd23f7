"""The package import names every fault of a manifest before writing anything, and the
export refuses a tờ trình whose files are not there yet."""

import json

import pytest
from django.core.exceptions import ValidationError

from thidua.submissions.models import Submission
from thidua.submissions.services.package import (
    build_package,
    import_package,
    package_file,
)

from .test_submissions import _rewrite, _upload
from .test_submissions import package as package  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def _manifest(change):
    def rewrite(name, content):
        if name != "manifest.json":
            return name, content
        manifest = json.loads(content)
        change(manifest)
        return name, json.dumps(manifest).encode()

    return rewrite


def _set(path, value):
    def change(manifest):
        *parents, last = path
        target = manifest
        for key in parents:
            target = target[key]
        target[last] = value

    return change


# (change of the manifest, a message the refusal must hold)
MANIFEST_FAULTS = [
    (lambda n, c: (None if n == "manifest.json" else n, c), "Gói thiếu tệp manifest.json."),
    (lambda n, c: (n, b"{" if n == "manifest.json" else c), "manifest.json không phải JSON hợp lệ."),
    (_manifest(_set(["format"], "zip")), "Gói không phải hồ sơ tờ trình của thidua."),
    (_manifest(_set(["version"], 2)), "Phiên bản gói 2 chưa được hỗ trợ."),
    (_manifest(_set(["document", "summary"], "")), "document.summary: thiếu dữ liệu."),
    (_manifest(_set(["from", "name"], 123)), "from.name: phải là chuỗi không quá 255 ký tự."),
    (_manifest(_set(["files", 0], "to-trinh.pdf")), "files[1]: tệp không có trong gói."),
    (_manifest(_set(["document", "issued_on"], "20/01/2026")), "document.issued_on: ngày không hợp lệ (YYYY-MM-DD)."),
    (_manifest(_set(["items"], [])), "items: gói không có đối tượng đề nghị nào."),
    (_manifest(_set(["items"], ["CSTD_BO_TINH"])), "Đối tượng 1: dữ liệu không hợp lệ."),
    (_manifest(_set(["items", 0, "year"], 1900)), "Đối tượng 1: năm thành tích không hợp lệ."),
    (_manifest(_set(["items", 0, "award_type"], "x")), "Đối tượng 1: loại hình khen thưởng không hợp lệ."),
]  # fmt: skip


def test_every_manifest_fault_is_named_and_nothing_written(package, org, users):
    _s, data = package
    before = Submission.objects.count()
    for change, message in MANIFEST_FAULTS:
        with pytest.raises(ValidationError) as exc:
            import_package(
                _upload(_rewrite(data, change)),
                to_agency=org.other,
                actor=users["admin"],
            )
        assert message in exc.value.messages, message
    assert Submission.objects.count() == before


def test_a_package_over_the_limit_is_refused_unread(package, org, users, settings):
    _s, data = package
    settings.THIDUA_MAX_PACKAGE_BYTES = len(data) - 1
    with pytest.raises(ValidationError, match="Gói quá lớn"):
        import_package(_upload(data), to_agency=org.other, actor=users["admin"])


def test_export_waits_for_the_rendered_tờ_trình(sent):
    submission, _nomination = sent
    with pytest.raises(ValidationError, match="đang được tạo tệp"):
        build_package(submission)


def test_export_refuses_a_dossier_file_that_is_gone(package):
    submission, _data = package
    item = submission.items.get()
    item.files[0]["sha256"] = "0" * 64
    item.save(update_fields=["files"])
    with pytest.raises(ValidationError, match="thiếu tệp"):
        build_package(submission)


def test_a_file_the_item_does_not_list_is_none(package, org, users):
    submission, data = package
    item = submission.items.get()
    assert package_file(item, len(item.files)) is None
    imported = import_package(_upload(data), to_agency=org.other, actor=users["admin"])
    copy = imported.items.get()
    assert package_file(copy, 0)[1].startswith(b"%PDF")
    copy.files[0]["path"] = "ho-so/khong-co.pdf"
    assert package_file(copy, 0) is None
    del copy.files[0]["path"]
    assert package_file(copy, 0) is None


def test_returning_an_imported_item_touches_nothing_below(package, org, users):
    from thidua.submissions.enums import ItemOutcome
    from thidua.submissions.services.submission import return_item

    submission, data = package
    nomination = submission.items.get().nomination
    imported = import_package(_upload(data), to_agency=org.other, actor=users["admin"])
    item = return_item(
        imported.items.get(), reason="Thiếu biên bản", actor=users["admin"]
    )
    assert item.outcome == ItemOutcome.RETURNED
    state = nomination.state
    nomination.refresh_from_db()
    assert nomination.state == state  # the sender's copy is not linked to the import


def test_an_item_forwarded_further_up_reads_its_file_from_the_package_it_came_in(
    package, org, users
):
    """Sở Tài chính imported the tờ trình and sends the item up: the copy it sends has
    no nomination here, its files are in the package the original came in."""
    from thidua.submissions.models import SubmissionItem

    _submission, data = package
    imported = import_package(_upload(data), to_agency=org.other, actor=users["admin"])
    copy = imported.items.get()
    forwarded = SubmissionItem(source=copy, files=list(copy.files))
    name, content = package_file(forwarded, 0)
    assert content.startswith(b"%PDF") and name


def test_two_imports_of_one_package_at_the_same_moment_make_one_submission(
    package, org, users, monkeypatch
):
    """The second import passed the duplicate check before the first was written: the
    unique (agency, SHA-256) refuses its row and it answers with the first one."""
    from django.db.models import QuerySet

    _submission, data = package
    first = import_package(_upload(data), to_agency=org.other, actor=users["admin"])
    real_first = QuerySet.first

    def unseen(queryset):  # the check runs before the other import commits
        return None if queryset.model is Submission else real_first(queryset)

    monkeypatch.setattr(QuerySet, "first", unseen)
    again = import_package(_upload(data), to_agency=org.other, actor=users["admin"])
    monkeypatch.undo()
    assert again == first
    assert Submission.objects.filter(to_agency=org.other).count() == 1
    assert first.items.count() == 1
