"""Generate normalize/dates/data/holiday_dates.tsv: dates of lunar and lunisolar holidays.

Chinese, Islamic, Hindu/Sikh and Buddhist holidays follow the moon (and, for some, official
sighting), so they cannot be computed by a short formula; the date normalizer reads them from a
table instead. This script writes that table from the date tables that ship with python-holidays
(https://github.com/vacanza/holidays, MIT): only the dates (facts) are carried over.

It is run by hand when the table needs refreshing, never at run time or in CI, and python-holidays
is not a dependency of the project:

    pip install holidays   # in a scratch environment
    python tools/gen_holiday_dates.py > normalize/dates/data/holiday_dates.tsv

Western and Orthodox Easter, the Hebrew calendar and fixed-cycle calendars are arithmetic and are
computed by normalize/dates/anchor.py, not tabulated here.
"""

from __future__ import annotations

import sys
from datetime import date

FIRST, LAST = 1950, 2060

# table key -> (calendar class name, attribute of the date table); Hindu tables come from
# India's observance (drikpanchang-based) and cover fewer years.
SOURCES: dict[str, tuple[str, str]] = {
    "lunar_new_year": ("chinese", "LUNAR_NEW_YEAR_DATES"),
    "mid_autumn": ("chinese", "MID_AUTUMN_DATES"),
    "dragon_boat": ("chinese", "DRAGON_BOAT_DATES"),
    "ramadan_beginning": ("islamic", "RAMADAN_BEGINNING_DATES"),
    "eid_al_fitr": ("islamic", "EID_AL_FITR_DATES"),
    "eid_al_adha": ("islamic", "EID_AL_ADHA_DATES"),
    "hijri_new_year": ("islamic", "HIJRI_NEW_YEAR_DATES"),
    "ashura": ("islamic", "ASHURA_DATES"),
    "arbaeen": ("islamic", "ARBAEEN_DATES"),
    "mawlid": ("islamic", "MAWLID_DATES"),
    "isra_and_miraj": ("islamic", "ISRA_AND_MIRAJ_DATES"),
    "laylat_al_qadr": ("islamic", "LAYLAT_AL_QADR_DATES"),
    "jumuatul_wida": ("islamic", "JUMUATUL_WIDA_DATES"),
    "vesak": ("buddhist", "VESAK_DATES"),
    "thaipusam": ("hindu", "THAIPUSAM_DATES"),
    "diwali": ("hindu", "DIWALI_INDIA_DATES"),  # other years: FALLBACKS
    "naraka_chaturdashi": ("hindu", "NARAKA_CHATURDASHI_DATES"),
    "govardhan_puja": ("hindu", "GOVARDHAN_PUJA_DATES"),
    "kali_puja": ("hindu", "KALI_PUJA_DATES"),
    "chhath_puja": ("hindu", "CHHATH_PUJA_DATES"),
    "dussehra": ("hindu", "DUSSEHRA_DATES"),
    "maha_ashtami": ("hindu", "MAHA_ASHTAMI_DATES"),
    "maha_navami": ("hindu", "MAHA_NAVAMI_DATES"),
    "sharad_navratri": ("hindu", "SHARAD_NAVRATRI_DATES"),
    "chaitra_navratri": ("hindu", "CHAITRA_NAVRATRI_DATES"),
    "holi": ("hindu", "HOLI_DATES"),
    "hola_mohalla": ("hindu", "HOLA_MOHOLLA_DATES"),
    "janmashtami": ("hindu", "JANMASHTAMI_DATES"),
    "raksha_bandhan": ("hindu", "RAKSHA_BANDHAN_DATES"),
    "basant_panchami": ("hindu", "BASANT_PANCHAMI_DATES"),
    "makar_sankranti": ("hindu", "MAKAR_SANKRANTI_DATES"),
    "pongal": ("hindu", "PONGAL_DATES"),
    "vaisakhi": ("hindu", "VAISAKHI_DATES"),
    "pohela_boishakh": ("hindu", "POHELA_BOISHAKH_DATES"),
    "vishu": ("hindu", "VISHU_DATES"),
    "puthandu": ("hindu", "PUTHANDU_DATES"),
    "gudi_padwa": ("hindu", "GUDI_PADWA_DATES"),
    "onam": ("hindu", "ONAM_DATES"),
    "ganesh_chaturthi": ("hindu", "GANESH_CHATURTHI_DATES"),
    "maha_shivaratri": ("hindu", "MAHA_SHIVARATRI_DATES"),
    "ram_navami": ("hindu", "RAM_NAVAMI_DATES"),
    "hanuman_jayanti": ("hindu", "HANUMAN_JAYANTI_DATES"),
    "mahavir_jayanti": ("hindu", "MAHAVIR_JAYANTI_DATES"),
    "karwa_chauth": ("hindu", "KARWA_CHAUTH_DATES"),
    "rath_yatra": ("hindu", "RATH_YATRA_DATES"),
    "buddha_purnima": ("hindu", "BUDDHA_PURNIMA_DATES"),
    "guru_nanak_jayanti": ("hindu", "GURU_NANAK_JAYANTI_DATES"),
    "guru_gobind_singh_jayanti": ("hindu", "GURU_GOBIND_SINGH_JAYANTI_DATES"),
    "guru_ravidas_jayanti": ("hindu", "GURU_RAVIDAS_JAYANTI_DATES"),
}
# Wider tables for the years the first source does not cover (they may differ from India's
# observance by a day): Diwali as listed for Nepal, Singapore and Malaysia.
FALLBACKS: dict[str, tuple[str, str]] = {
    "diwali": ("hindu", "DIWALI_DATES"),
}


def _classes() -> dict[str, type]:
    from holidays.calendars.buddhist import _BuddhistLunisolar
    from holidays.calendars.chinese import _ChineseLunisolar
    from holidays.calendars.hindu import _HinduLunisolar
    from holidays.calendars.islamic import _IslamicLunar

    return {"chinese": _ChineseLunisolar, "islamic": _IslamicLunar, "hindu": _HinduLunisolar,
            "buddhist": _BuddhistLunisolar}


def _days(raw: tuple) -> list[tuple[int, int]]:
    """(month, day) or ((month, day), (month, day)) -> a list of (month, day)."""
    return [raw] if isinstance(raw[0], int) else list(raw)


def main() -> None:
    import holidays

    classes = _classes()
    rows: list[str] = []
    cover: list[str] = []
    for key, (calendar, attr) in SOURCES.items():
        table = dict(getattr(classes[calendar], attr))
        note = calendar
        if key in FALLBACKS:
            wide = getattr(classes[FALLBACKS[key][0]], FALLBACKS[key][1])
            note += f"; {min(table)}-{max(table)} as observed in India, other years "
            note += FALLBACKS[key][1]
            table = {**wide, **table}
        years = [y for y in sorted(table) if FIRST <= y <= LAST]
        cover.append(f"#   {key}: {years[0]}-{years[-1]} ({note})")
        for year in years:
            days = ",".join(date(year, m, d).isoformat() for m, d in _days(table[year]))
            rows.append(f"{key}\t{year}\t{days}")
    out = sys.stdout
    out.write(
        "# Dates of lunar and lunisolar holidays, one row per holiday and Gregorian year:\n"
        "# key<TAB>year<TAB>date[,date] (a holiday of a lunar year can fall twice in one\n"
        "# Gregorian year). GENERATED by tools/gen_holiday_dates.py from the date tables of\n"
        f"# python-holidays {holidays.__version__} (MIT; dates only): Chinese lunisolar tables,\n"
        "# Islamic tables (Umm al-Qura based estimates; local sighting may differ by a day),\n"
        "# Hindu/Sikh tables as observed in India, Buddhist (Southeast Asian) Vesak.\n"
        "# Do not edit by hand. Years covered per key (outside them a mention of that holiday\n"
        "# resolves to an underspecified day with a reason, never a guess):\n"
    )
    out.write("\n".join(cover) + "\n")
    out.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
