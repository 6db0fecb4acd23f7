"""The password policy (AUTH_PASSWORD_VALIDATORS): Django's checks with Vietnamese
messages, and a list of passwords common in Vietnam, compared without accents, case,
spaces or punctuation ("Mật khẩu 123" is "matkhau123").

Refused besides Django's list of 20,000 (CommonPasswordValidator): the Vietnamese list
below; one of its words
(or a repetition of it) with only digits and signs around it ("Thidua2026",
"m@tkh@u!"); a name of one to four common Vietnamese syllables with only digits and
signs around it ("Nguyễn Văn An 1990", "lan1995").
"""

import re
from difflib import SequenceMatcher

from django.contrib.auth import password_validation as django_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from thidua.common.text import fold

__all__ = [
    "CommonPasswordValidator",
    "MinimumLengthValidator",
    "NumericPasswordValidator",
    "UserAttributeSimilarityValidator",
    "folded_password",
    "why_common",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Whole passwords, folded (no accents, lower case, letters and digits only).
COMMON_PASSWORDS = _words(
    """
    matkhau matkhau1 matkhau12 matkhau123 matkhau1234 matkhau12345 matkhau123456
    matkhaucuatoi matkhaumoi matkhaumacdinh doimatkhau quenmatkhau
    anhyeuem emyeuanh yeuem yeuanh anhyeuem123 emyeuanh123 yeuemnhieu yeuanhnhieu
    anhnhoem emnhoanh iloveyou iloveyou123 iloveu teamo
    123456789 1234567890 0123456789 987654321 9876543210 123123123 147258369
    1111111111 0000000000 1234512345 123456789a a123456789 abc123456 abcd1234
    qwerty123 qwertyuiop asdfghjkl 1q2w3e4r5t 1qaz2wsx3edc zaq12wsx
    vietnam vietnam123 vietnamvodich toiyeuvietnam hanoi hanoi123 saigon hochiminh
    langson langson123 xinchao xinchao123 chaoban tamsotam
    thidua thidua123 khenthuong thiduakhenthuong tdkt tdkt123 ubnd ubnd123 hdnd
    sonoivu sokhdt vanthu canbo congchuc vienchuc quantri quantrivien quantrihethong
    admin admin123 administrator nguoidung taikhoan dangnhap vanphong coquan donvi
    hethong bimat
    """
)
# Words that stay guessable with digits and signs around them ("Thidua2026").
COMMON_WORDS = _words(
    """
    matkhau anhyeuem emyeuanh yeuem yeuanh anhnhoem emnhoanh iloveyou password
    thidua khenthuong thiduakhenthuong tdkt ubnd hdnd sonoivu sokhdt vanthu canbo
    congchuc vienchuc quantri quantrivien admin nguoidung taikhoan dangnhap vanphong
    coquan donvi hethong vietnam hanoi saigon hochiminh langson xinchao chaoban bimat
    qwerty qwertyuiop asdfgh asdfghjkl zxcvbnm abc abcd abcde abcdef
    """
)
# Syllables of common Vietnamese names (họ, đệm, tên), folded: "Nguyễn Văn An 1990".
NAME_SYLLABLES = _words(
    """
    nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh dao
    doan lam mai trinh truong luong lu ha cao chu kieu ta quach thai tang la vuong
    van thi huu duc minh quoc thanh ngoc xuan kim cong dinh gia bao
    an anh binh chi cuong dung dat diep giang hai hanh hang hien hieu hoa hoai hong
    hue hung huong huy huyen khanh khoa lan linh loan long my nam nga ngan nhung
    oanh phong phuong phuc quan quang quynh son tam tan thao thang thu thuy thuong
    tien trang trung tu tuan tung uyen viet vinh yen nhi lien loc dieu duy hau khoi
    kien nhan nghia thinh toan trieu tuyet vy
    """
)
_LEET = str.maketrans(
    {
        "@": "a",
        "$": "s",
        "!": "i",
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
    }
)
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_LETTERS = re.compile(r"[a-z]+")


def folded_password(password: str) -> str:
    """No accents, lower case, letters and digits only: "Mật khẩu 123" -> "matkhau123"."""
    return _NOT_ALNUM.sub("", fold(password))


_BETWEEN_LETTERS = re.compile(r"(?<=[a-z])[013457@$!]+(?=[a-z])")


def _unleet(password: str) -> str:
    """Signs and digits written for letters where they stand between letters, and
    @ $ anywhere ("m@tkh@u2026" -> "matkhau2026", "pa55word" -> "password",
    "@dmin!" -> "admin!"); digits at the ends stay digits (a year)."""
    text = _BETWEEN_LETTERS.sub(lambda m: m.group().translate(_LEET), fold(password))
    return text.translate(str.maketrans({"@": "a", "$": "s"}))


def _splits_into(letters: str, words: frozenset, most: int) -> bool:
    """Whether ``letters`` is a run of at most ``most`` of ``words``."""
    if not letters:
        return False
    best = [0] + [most + 1] * len(letters)  # fewest words covering letters[:i]
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - 12), end):
            if letters[start:end] in words and best[start] + 1 < best[end]:
                best[end] = best[start] + 1
    return best[-1] <= most


def _is_repeat_of_common_word(letters: str) -> bool:
    for word in COMMON_WORDS:
        if len(letters) % len(word) == 0 and letters == word * (
            len(letters) // len(word)
        ):
            return True
    return False


def why_common(password: str) -> str | None:
    """The reason ``password`` is refused as common in Vietnam, or None."""
    for text in {fold(password), _unleet(password)}:
        plain = _NOT_ALNUM.sub("", text)
        if plain in COMMON_PASSWORDS:
            return _("Mật khẩu này quá phổ biến, dễ bị đoán.")
        words = _LETTERS.findall(text)
        # Only letters in one place: the rest is digits and signs (a year, "123").
        if len(words) == 0:
            continue
        letters = "".join(words)
        joined_by_signs = len(words) == 1 or not re.search(r"[a-z][0-9]+[a-z]", text)
        if not joined_by_signs:
            continue
        if _is_repeat_of_common_word(letters):
            return _(
                "Mật khẩu chỉ là một từ phổ biến (như “matkhau”, “thidua”, "
                "“anhyeuem”) thêm số hoặc ký hiệu, dễ bị đoán."
            )
        if _splits_into(letters, NAME_SYLLABLES, 4):
            return _(
                "Mật khẩu chỉ là một tên người thêm số (như tên và năm sinh), dễ bị đoán."
            )
    return None


class MinimumLengthValidator(django_validation.MinimumLengthValidator):
    def get_error_message(self):
        return _("Mật khẩu quá ngắn: cần ít nhất %d ký tự.") % self.min_length

    def get_help_text(self):
        return ngettext(
            "Mật khẩu có ít nhất %(n)d ký tự.",
            "Mật khẩu có ít nhất %(n)d ký tự.",
            self.min_length,
        ) % {"n": self.min_length}


class UserAttributeSimilarityValidator(
    django_validation.UserAttributeSimilarityValidator
):
    """Django's check, also without accents: "Nguyễn Văn Ánh" is close to "nguyenvananh"."""

    LABELS = {
        "username": "tên đăng nhập",
        "first_name": "tên",
        "last_name": "họ và đệm",
        "email": "thư điện tử",
    }

    def validate(self, password, user=None):
        if not user:
            return
        candidates = {password.lower(), folded_password(password)}
        for name in self.user_attributes:
            value = getattr(user, name, None)
            if not value or not isinstance(value, str):
                continue
            parts = {*re.split(r"\W+", value.lower()), value.lower()}
            parts |= {folded_password(p) for p in parts}
            for part in filter(None, parts):
                for candidate in candidates:
                    if django_validation.exceeds_maximum_length_ratio(
                        candidate, self.max_similarity, part
                    ):
                        continue
                    ratio = SequenceMatcher(a=candidate, b=part).quick_ratio()
                    if ratio >= self.max_similarity:
                        raise ValidationError(
                            self.get_error_message(),
                            code="password_too_similar",
                            params={"verbose_name": self.LABELS.get(name, name)},
                        )

    def get_error_message(self):
        return _("Mật khẩu quá giống %(verbose_name)s của tài khoản.")

    def get_help_text(self):
        return _("Mật khẩu không được giống tên đăng nhập, họ tên hay thư điện tử.")


class CommonPasswordValidator(django_validation.CommonPasswordValidator):
    """Django's list of 20,000 (as typed and without accents or signs), then the
    Vietnamese list and patterns of :func:`why_common`; one message at most."""

    def validate(self, password, user=None):
        reason = None
        for candidate in (password.lower().strip(), folded_password(password)):
            if candidate in self.passwords:
                reason = self.get_error_message()
        reason = reason or why_common(password)
        if reason:
            raise ValidationError(reason, code="password_too_common")

    def get_error_message(self):
        return _("Mật khẩu này quá phổ biến, dễ bị đoán.")

    def get_help_text(self):
        return _(
            "Không dùng mật khẩu thông dụng như “matkhau123”, “anhyeuem”, “Thidua2026” "
            "hay tên kèm năm sinh."
        )


class NumericPasswordValidator(django_validation.NumericPasswordValidator):
    def get_error_message(self):
        return _("Mật khẩu không được chỉ gồm chữ số.")

    def get_help_text(self):
        return _("Mật khẩu không được chỉ gồm chữ số.")
