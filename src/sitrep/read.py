"""Read articles from files: one `read()` over .txt (+ .meta.json), .html and .jsonl.

Every reader returns the same `Article` record. A bad input never stops a batch:
`read()` yields an `InputError` naming the file (and line) in its place.
"""
from __future__ import annotations

import json
import os
import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .models import Article

MAX_BYTES = 5_000_000  # a news article is kilobytes; anything this large is not one
MAX_CHARS = 300_000    # ≈50,000 words: longer texts are books or dumps, not one article
MIN_WORDS = 5          # "Home | About" is navigation, not an article
META_KEYS = ("published", "outlet", "url", "title", "language")
SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Unambiguous zone abbreviations of European news (IST, shared by India, Ireland and Israel, is left out)
ZONE_OFFSETS = {"CET": "+0100", "CEST": "+0200", "BST": "+0100", "EET": "+0200", "EEST": "+0300",
                "WET": "+0000", "WEST": "+0100", "MSK": "+0300"}
EUROPEAN_ZONES = re.compile(r"\b(" + "|".join(ZONE_OFFSETS) + r")\b")


class InputError(ValueError):
    """An input that cannot be read as an article; str() is a one-line message naming it."""

    def __init__(self, where: str, why: str):
        super().__init__(f"{where}: {why}")
        self.where, self.why = where, why

    def __reduce__(self):  # crosses process boundaries intact (worker → parent)
        return (InputError, (self.where, self.why))


def parse_published(value: object, where: str) -> Optional[str]:
    """The publication date (YYYY-MM-DD) of a date as news metadata writes it; see `parse_timestamp`."""
    stamp = parse_timestamp(value, where)
    return stamp[:10] if stamp else None


def parse_timestamp(value: object, where: str) -> Optional[str]:
    """A publication date or time as scrapers and feeds give it — "2021-02-16", "Dec 17, 2016",
    "Wed Nov 23, 2016 | 4:58pm EST", "2009-03-20 12:24:52-05", RFC 2822 — as ISO 8601, with the
    time and zone kept when given. Unparseable → InputError."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(where, f"publication date must be a string, got {type(value).__name__}")
    text = " ".join(value.replace("|", " ").split())
    # European zones neither RFC 2822's parser nor dateparser knows ("10:00 CET" kept no zone)
    text = EUROPEAN_ZONES.sub(lambda m: ZONE_OFFSETS[m.group(1)], text)
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        from email.utils import parsedate_to_datetime
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser
    from dateparser.timezone_parser import pop_tz_offset_from_string

    has_time = any(c == ":" for c in text)
    zoned = pop_tz_offset_from_string(text)[1] is not None  # keep "EST" when given, invent none
    found = dateparser.parse(text, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": zoned,
                                                                "PREFER_DAY_OF_MONTH": "first",
                                                                "REQUIRE_PARTS": ["day", "month", "year"]})
    if found is None or len(text) > 80 or not any(c.isdigit() for c in text):  # "yesterday" is no metadata
        raise InputError(where, f"unknown publication date {value!r}")
    return found.isoformat() if has_time else found.date().isoformat()


def check_text(text: str, where: str) -> str:
    _check_unicode(text, "text", where)
    if not text.strip():
        raise InputError(where, "empty article")
    if len(text) > MAX_CHARS:
        raise InputError(where, f"too long for one article ({len(text):,} characters; limit {MAX_CHARS:,})")
    return text


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def check_language(article: Article, where: str) -> None:
    """sitrep's pipeline reads English; say so plainly instead of producing nonsense. A text is
    refused only when the detector is sure: enough letters to judge, another language at ≥ 0.9
    and English itself below 0.05 — short wire items and English-based creole look-alikes
    ("pcm") are never dropped."""
    declared = (article.language or "").lower()[:2]
    if declared and declared != "en":
        raise InputError(where, f"language {article.language!r} is not supported (sitrep reads English)")
    sample = article.text[:4000]
    if sum(c.isalpha() for c in sample) >= 40:
        ranked = _identifier().rank(sample)
        lang, confidence = ranked[0]
        english = dict(ranked).get("en", 0.0)
        if lang != "en" and confidence >= 0.9 and english < 0.05:
            raise InputError(where, f"not English (detected {lang!r}); sitrep reads English")
    article.language = "en"


def decode(raw: bytes, where: str) -> str:
    if len(raw) > MAX_BYTES:
        raise InputError(where, f"too large ({len(raw):,} bytes; limit {MAX_BYTES:,})")
    if b"\x00" in raw[:8192]:
        raise InputError(where, "binary content, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(where, "not UTF-8 text") from None


def from_html(html: str, where: str, meta: Optional[dict] = None) -> Article:
    """Main text and metadata out of an HTML page, with trafilatura."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    words = len([w for w in (text or "").split() if any(c.isalnum() for c in w)])
    if words < MIN_WORDS:
        raise InputError(where, "no article text found in the HTML")
    if words < BOILERPLATE_WORDS and (kind := boilerplate(text)):
        raise InputError(where, f"the HTML page holds no article, only {kind}")
    found = trafilatura.extract_metadata(html)
    merged = {
        "title": getattr(found, "title", None),
        "url": getattr(found, "url", None),
        "published": getattr(found, "date", None),
        "outlet": getattr(found, "sitename", None),
    }
    merged.update({k: v for k, v in (meta or {}).items() if v})
    return make_article(text, merged, where)


# What a page shows instead of its article: short text saying one of these is not news
BOILERPLATE_WORDS = 150
BOILERPLATE = {
    "an error page": re.compile(r"\b(page (you are looking for|you requested|was) not (be )?found|page not found|"
                                r"(does not|doesn't) exist or has been (moved|removed)|error 404|404 error|"
                                r"access denied|forbidden)\b", re.I),
    "a cookie notice": re.compile(r"\b(we use cookies|use of cookies|cookie (policy|settings)|accept all cookies)\b",
                                  re.I),
    "a paywall": re.compile(r"\b(subscribe to (continue|read)|already a subscriber|limit of free articles|"
                            r"to continue reading|sign in to (continue|read))\b", re.I),
    "a robot check": re.compile(r"\b(verify (that )?you are (a )?human|enable javascript|javascript is (disabled|"
                                r"required)|checking your browser)\b", re.I),
}


def boilerplate(text: str) -> Optional[str]:
    """What kind of non-article a short page's text is ("a paywall"), or None."""
    return next((kind for kind, pattern in BOILERPLATE.items() if pattern.search(text)), None)


def make_article(text: str, meta: dict, where: str) -> Article:
    check_text(text, where)
    for key in ("title", "outlet", "url", "language"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise InputError(where, f"metadata {key!r} must be a string")
        _check_unicode(meta.get(key), key, where)
    stamp = parse_timestamp(meta.get("published"), where)
    article = Article(
        text=text,
        title=meta.get("title"),
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        published=stamp[:10] if stamp else None,
        published_at=stamp if stamp and len(stamp) > 10 else None,
        language=meta.get("language"),
        source=where,
    )
    check_language(article, where)
    return article


def _check_unicode(value: Optional[str], key: str, where: str) -> None:
    """JSON may escape a lone surrogate ("\\udc00"): no text can hold one, so no store can either;
    nor a NUL ("\\u0000"), which PostgreSQL cannot store (a store must not depend on its back end)."""
    if value and "\x00" in value:
        raise InputError(where, f"{key} holds a NUL character (U+0000 at character {value.index(chr(0))}): "
                                "not text")
    lone = LONE_SURROGATE.search(value) if value else None
    if lone:
        at = lone.start()
        raise InputError(where, f"{key} holds a lone surrogate (U+{ord(value[at]):04X} at character {at}): "
                                "not Unicode text")


def read_meta(path: Path) -> dict:
    meta_path = path.with_name(path.name[: -len(path.suffix)] + ".meta.json")
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(decode(read_bounded(meta_path, str(meta_path), limit=1_000_000), str(meta_path)))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(str(meta_path), f"malformed JSON ({exc})") from None
    except RecursionError:
        raise InputError(str(meta_path), "malformed JSON (nested too deeply)") from None
    if not isinstance(meta, dict):
        raise InputError(str(meta_path), "metadata must be a JSON object")
    return {k: meta.get(k) for k in META_KEYS}


def read_jsonl(path: Path) -> Iterator[Union[Article, InputError]]:
    """A JSON Lines file of any size, read a line at a time: each line (an article) is held to
    the one-article byte limit, the file as a whole to none."""
    where = str(path)
    try:
        _check_regular(path, where)
        with open(path, "rb") as fh:
            seen = False
            for n, line in enumerate(_bounded_lines(fh), 1):
                if line is None:
                    yield InputError(f"{where}:{n}", f"line too large (over {MAX_BYTES:,} bytes); skipped")
                    continue
                if n == 1:
                    line = line.removeprefix(b"\xef\xbb\xbf")
                try:
                    text = line.decode("utf-8")
                except UnicodeDecodeError:
                    yield InputError(f"{where}:{n}", "not UTF-8 text")
                    continue
                if text.strip():
                    seen = True
                    yield json_line(text, f"{where}:{n}")
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(where, exc.strerror or str(exc))
        return
    if not seen:
        yield InputError(where, "empty file")


def _bounded_lines(fh) -> Iterator[Optional[bytes]]:
    """Lines of a binary file split at "\n" only; None in place of a line over MAX_BYTES (its
    bytes are skipped, never held whole)."""
    while True:
        line = fh.readline(MAX_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line.rstrip(b"\n")


def _check_regular(path: Path, where: str) -> None:
    """A FIFO, device or socket would block a read or never end: refused before it is opened."""
    import stat

    if not stat.S_ISREG(path.stat().st_mode):
        raise InputError(where, "not a regular file (a FIFO, device or socket); skipped")


def read_bounded(path: Path, where: str, limit: int = MAX_BYTES) -> bytes:
    """A regular file's bytes, refused before reading when over `limit` (a 3 GB file is never read)."""
    _check_regular(path, where)
    size = path.stat().st_size
    if size > limit:
        raise InputError(where, f"too large ({size:,} bytes; limit {limit:,})")
    with open(path, "rb") as fh:
        raw = fh.read(limit + 1)
    if len(raw) > limit:  # it grew while being read
        raise InputError(where, f"too large (over {limit:,} bytes)")
    return raw


def json_lines(raw: str, name: str) -> Iterator[Union[Article, InputError]]:
    """One Article (or InputError naming `name:line`) per non-blank JSON line. Lines are separated
    by "\n" only: U+2028 or U+0085 inside a line is text, not a break."""
    for n, line in enumerate(raw.split("\n"), 1):
        if line.strip():
            yield json_line(line, f"{name}:{n}")


def json_line(line: str, where: str) -> Union[Article, InputError]:
    """The article one JSON line holds, or the InputError saying why it holds none."""
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return InputError(where, f"malformed JSON ({exc.args[0]})")
    except RecursionError:
        return InputError(where, "malformed JSON (nested too deeply)")
    try:
        return from_object(obj, where)
    except InputError as exc:
        return exc


def from_object(obj: object, where: str) -> Article:
    """An article from a JSON object with `text` or `html` and the metadata keys."""
    if not isinstance(obj, dict):
        raise InputError(where, f"a JSON line must be an object, got {type(obj).__name__}")
    meta = {k: obj.get(k) for k in META_KEYS}
    if isinstance(obj.get("text"), str):
        return make_article(obj["text"], meta, where)
    if isinstance(obj.get("html"), str):
        return from_html(obj["html"], where, meta)
    raise InputError(where, "needs a 'text' or 'html' string")


def read_file(path: Path) -> Iterator[Union[Article, InputError]]:
    where = str(path)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(path)
        return
    try:
        text = decode(read_bounded(path, where), where)
        meta = read_meta(path)
        if suffix in (".html", ".htm"):
            yield from_html(text, where, meta)
        else:
            yield make_article(text, meta, where)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(where, exc.strerror or str(exc))


def expand(paths: Iterable[Union[str, Path]]) -> Iterator[Union[Path, InputError]]:
    """Files named directly, and every readable file inside named folders (sorted); an
    unreadable folder is an InputError naming it, and the walk goes on."""
    for p in map(Path, paths):
        if p.is_dir():
            unreadable: list[OSError] = []
            found = []
            for folder, dirs, files in os.walk(p, onerror=unreadable.append):
                dirs.sort()
                found.extend(Path(folder) / f for f in files if Path(f).suffix.lower() in SUFFIXES)
            for exc in unreadable:
                yield InputError(str(exc.filename or p), f"folder not readable ({exc.strerror or exc})")
            yield from sorted(found)
        elif p.exists():
            yield p  # a FIFO or device named outright is refused when read, by name
        else:
            yield InputError(str(p), "no such file or folder")


def read(paths: Iterable[Union[str, Path]], published: Optional[str] = None) -> Iterator[Union[Article, InputError]]:
    """Every article found under `paths`; `published` fills a missing publication date."""
    default = parse_published(published, "--published") if published else None
    for item in expand(paths):
        if isinstance(item, InputError):
            yield item
            continue
        for result in read_file(item):
            if isinstance(result, Article) and not result.published:
                result.published = default
            yield result
