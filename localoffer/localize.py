"""Facts formatted for a reader's locale with Babel: money, numbers, dates,
times and phone numbers. Translators never type a figure; this module does.

Digits: `latn` (0-9) by default, because a young person compares the figure
with a letter from the council or DWP, which uses 0-9. A council may choose
`native` per language: the locale's own digits and separators."""
from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from functools import cached_property

import phonenumbers
from babel import Locale, dates, numbers

# British English, not Babel's US `en` ("1 April 2026", not "April 1, 2026").
LOCALE_FOR = {"en": "en_GB"}
NATIVE_DIGITS = {
    "arab": "٠١٢٣٤٥٦٧٨٩",
    "arabext": "۰۱۲۳۴۵۶۷۸۹",
    "beng": "০১২৩৪৫৬৭৮৯",
    "deva": "०१२३४५६७८९",
    "ethi": "0123456789",  # CLDR's Ethiopic system has no zero; Tigrinya uses 0-9 day to day
}


def babel_locale(code: str) -> Locale:
    return Locale.parse(LOCALE_FOR.get(code, code.replace("-", "_")))


def text_direction(code: str) -> str:
    return "rtl" if babel_locale(code).character_order == "right-to-left" else "ltr"


@dataclass(frozen=True)
class Phone:
    shown: str  # as dialled in the UK: 020 7364 1140
    tel: str  # E.164, ASCII only: +442073641140, or the short code: 999


def phone(number: str) -> Phone:
    parsed = phonenumbers.parse(number, "GB")
    if phonenumbers.is_valid_number_for_region(parsed, "GB"):
        return Phone(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL),
                     phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
    return Phone(number, "".join(ch for ch in number if ch.isdigit()))  # a short code such as 999


class Formatter:
    """Formats values for one language code."""

    def __init__(self, code: str, digits: str = "latn"):
        self.code, self.locale = code, babel_locale(code)
        self.native = digits == "native"
        system = self.locale.default_numbering_system if self.native else "latn"
        self._digits = str.maketrans("0123456789", NATIVE_DIGITS.get(system, "0123456789"))
        self._system = "default" if self.native else "latn"

    def _digits_of(self, text: str) -> str:
        return text.translate(self._digits) if self.native else text

    @cached_property
    def _whole_pounds(self):
        pattern = copy.copy(self.locale.currency_formats["standard"])
        pattern.frac_prec = (0, 0)
        return pattern

    def money(self, value, currency: str = "GBP") -> str:
        whole = float(value).is_integer()
        text = numbers.format_currency(value, currency, locale=self.locale, numbering_system=self._system,
                                       format=self._whole_pounds if whole else None, currency_digits=not whole)
        # "£" in every language, as on the letters a young person compares it with (CLDR has "UK£" in some)
        symbol = numbers.get_currency_symbol(currency, locale=self.locale)
        return self._digits_of(text.replace(symbol, "£") if currency == "GBP" else text)

    def number(self, value) -> str:
        return self._digits_of(numbers.format_decimal(value, locale=self.locale, numbering_system=self._system))

    def date(self, value: dt.date) -> str:
        return self._digits_of(dates.format_date(value, "long", locale=self.locale))

    def time(self, value: dt.time) -> str:
        return self._digits_of(dates.format_time(value, "short", locale=self.locale))
