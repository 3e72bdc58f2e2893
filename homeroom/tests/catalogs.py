"""The translation catalogs as tests read them: which messages families see,
and which of them a rendered page still shows in English.
"""

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"

# Where the messages a family or a student reads come from: their pages, the
# layout, the emails and PDFs they receive, and the forms and models behind them.
FAMILY_FACING = (
    "accounts/",
    "attendance/",
    "family/",
    "messaging/",
    "reports/",
    "templates/",
    "api/templates/",
    "api/views_account.py",
    "office/mailing.py",
    "office/models.py",
    "office/templates/office/email/",
    "office/templates/office/interim_pdf.html",
    "office/templates/office/letter_pdf.html",
    "office/templates/office/report_cards_pdf.html",
    "records/models.py",
)

# The sign-in and account-creation pages, and the layout around them: the
# pages every language, Portuguese included, translates in full.
SIGN_IN_AND_CREATION = (
    "templates/base.html",
    "templates/40",
    "templates/500.html",
    "accounts/forms.py",
    "accounts/templates/accounts/sign_in.html",
    "accounts/templates/accounts/create_account.html",
    "accounts/templates/accounts/account_created.html",
    "accounts/templates/accounts/not_open_yet.html",
    "accounts/templates/accounts/email/welcome",
    "accounts/templates/accounts/email/existing_account",
)

PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[sd]")
TAG = re.compile(r"<[^>]+>")
SPACES = re.compile(r"\s+")
PRODUCT = "Homeroom"  # the portal's name, the same in every language
WORDS_FOR_A_SEARCH = 4  # shorter messages must be a whole text to count


def catalog(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def references(entry: polib.POEntry) -> list[str]:
    return [path for path, _line in entry.occurrences]


def is_from(entry: polib.POEntry, prefixes: tuple[str, ...]) -> bool:
    return any(path.startswith(prefixes) for path in references(entry))


def entries_from(language: str, prefixes: tuple[str, ...]) -> list[polib.POEntry]:
    return [
        entry
        for entry in catalog(language)
        if not entry.obsolete and is_from(entry, prefixes)
    ]


def first_translation(entry: polib.POEntry) -> str:
    if entry.msgid_plural:
        return str(entry.msgstr_plural.get(0, ""))
    return str(entry.msgstr)


@dataclass(frozen=True)
class English:
    """A message's English text as a page would show it, as a pattern."""

    msgid: str
    pattern: re.Pattern[str]
    searchable: bool  # long enough to look for inside a longer text


def normal(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def english(msgid: str) -> English | None:
    """The pattern of a message, or None when it has too few letters to find."""
    text = normal(TAG.sub(" ", msgid)).replace("%%", "%")
    parts = PLACEHOLDER.split(text)
    words = "".join(parts).replace(PRODUCT, "")
    if not re.search(r"[A-Za-z]{2}", words):
        return None
    pattern = ".+?".join(re.escape(part) for part in parts)
    return English(msgid, re.compile(pattern), len(text.split()) >= WORDS_FOR_A_SEARCH)


@cache
def english_of(language: str, prefixes: tuple[str, ...]) -> tuple[English, ...]:
    """The family-facing messages whose translation differs from the English."""
    found = []
    for entry in entries_from(language, prefixes):
        if first_translation(entry) == entry.msgid:
            continue  # the same in both languages, such as "%(percent)s %%"
        for msgid in filter(None, [entry.msgid, entry.msgid_plural]):
            shown = english(msgid)
            if shown is not None:
                found.append(shown)
    return tuple(found)


class Texts(HTMLParser):
    """Every text and every readable attribute of a page, spaces made single."""

    READABLE = frozenset({"title", "aria-label", "alt", "placeholder"})
    HIDDEN = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        self.texts += [normal(v) for k, v in attrs if k in self.READABLE and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden and data.strip():
            self.texts.append(normal(data))


def texts_of(html: str) -> list[str]:
    parser = Texts()
    parser.feed(html)
    return parser.texts


def untranslated(
    html: str, language: str, prefixes: tuple[str, ...] = FAMILY_FACING
) -> list[str]:
    """The English messages a page in `language` still shows."""
    texts = texts_of(html)
    whole = " ".join(texts)
    return sorted(
        {
            shown.msgid
            for shown in english_of(language, prefixes)
            if any(shown.pattern.fullmatch(text) for text in texts)
            or (shown.searchable and shown.pattern.search(whole))
        }
    )
