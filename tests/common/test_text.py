import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.common.text import (
    fold,
    nfc,
    nul_path,
    person_sort_key,
    split_name,
    vi_name_key,
)

VI_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
word = st.text(alphabet=VI_LETTERS + VI_LETTERS.upper(), min_size=1, max_size=6)
name = st.lists(word, min_size=2, max_size=4).map(" ".join)


def test_fold_strips_tones_marks_and_case():
    assert fold("Nguyễn Văn Ánh ĐẶNG") == "nguyen van anh dang"
    assert fold("  Trần\u00a0 Thị  ") == "tran thi"


def test_nfc_joins_decomposed_text():
    decomposed = unicodedata.normalize("NFD", "Nguyễn")
    assert decomposed != "Nguyễn"
    assert nfc(decomposed) == "Nguyễn"


def test_split_name_gives_ho_dem_ten():
    assert split_name("Nguyễn Thị Thu Hà") == ("Nguyễn", "Thị Thu", "Hà")
    assert split_name("Hà") == ("", "", "Hà")


def test_names_sort_by_ten_then_ho_then_dem_in_vietnamese_alphabet():
    names = [
        "Vũ Đức",
        "Lê Ánh",
        "Trần Ăn",
        "Hoàng Dũng",
        "Nguyễn Văn Anh",
        "Phạm Âu",
        "Đỗ Ông",
        "Lê Thị Oanh",
        "Bùi Ơn",
        "Hà Ưng",
        "Lý Uyên",
        "Trần An",
        "Nguyễn An",
    ]
    expected = [
        "Nguyễn An",
        "Trần An",
        "Nguyễn Văn Anh",
        "Lê Ánh",
        "Trần Ăn",
        "Phạm Âu",
        "Hoàng Dũng",
        "Vũ Đức",
        "Lê Thị Oanh",
        "Đỗ Ông",
        "Bùi Ơn",
        "Lý Uyên",
        "Hà Ưng",
    ]
    assert sorted(names, key=vi_name_key) == expected
    assert sorted(names, key=person_sort_key) == expected


@settings(max_examples=400, deadline=None)
@given(st.lists(name, min_size=2, max_size=8))
def test_database_sort_key_orders_like_the_python_key(names):
    by_python = sorted(names, key=lambda n: (vi_name_key(n), n))
    by_db = sorted(names, key=lambda n: (person_sort_key(n), n))
    assert [vi_name_key(n) for n in by_python] == [vi_name_key(n) for n in by_db]


@settings(max_examples=200, deadline=None)
@given(name)
def test_sort_key_is_hex_only_and_ignores_normal_form(value):
    key = person_sort_key(value)
    assert set(key) <= set("0123456789abcdef")
    assert person_sort_key(unicodedata.normalize("NFD", value)) == key
    assert fold(unicodedata.normalize("NFD", value)) == fold(value)


def test_nul_path_names_where_a_nul_byte_hides_in_json():
    assert nul_path({"a": [1, {"b": "ok"}, {"c": "x\x00"}]}) == "a[2].c"
    assert nul_path({"k\x00": 1}) == "k" and nul_path("\x00") == ""
    assert nul_path({"a": ["ok", 2, None, True]}) is None
