"""Reading inputs: formats, metadata, and a one-line error for every kind of bad input."""
from __future__ import annotations

import json

import pytest

from sitrep.read import Article, InputError, read

TEXT = "Police arrested twelve protesters in Nairobi on Tuesday, a police spokesman said."


def only(path, **kw):
    return list(read([path], **kw))


def test_txt_with_meta(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "a.meta.json").write_text(json.dumps({"published": "2024-05-21", "outlet": "wire", "title": "T"}))
    (a,) = only(tmp_path / "a.txt")
    assert isinstance(a, Article) and a.published == "2024-05-21" and a.outlet == "wire" and a.title == "T"


def test_published_option_fills_a_missing_date(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (a,) = only(tmp_path / "a.txt", published="2024-05-22")
    assert a.published == "2024-05-22"


def test_html_main_text_and_metadata(tmp_path):
    html = ("<html><head><title>Arrests in Nairobi</title><meta name='date' content='2024-05-21'></head>"
            "<body><nav>Home | World</nav><article><h1>Arrests in Nairobi</h1><p>" + TEXT + "</p><p>"
            + TEXT.replace("twelve", "more") + "</p></article><footer>Subscribe</footer></body></html>")
    (tmp_path / "a.html").write_text(html)
    (a,) = only(tmp_path / "a.html")
    assert isinstance(a, Article), a
    assert "arrested twelve protesters" in a.text and "Subscribe" not in a.text
    assert a.published == "2024-05-21"


@pytest.mark.parametrize("name,content,message", [
    ("empty.txt", b"", "empty article"),
    ("blank.txt", b"   \n\n ", "empty article"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content"),
    ("latin1.txt", "Caf\xe9 attack".encode("latin-1"), "not UTF-8"),
    ("broken.html", b"<html><body><div></div></body>", "no article text"),
    ("french.txt", "La police a arrêté douze manifestants à Dakar mardi, a déclaré un porte-parole de la police."
     .encode(), "not English"),
])
def test_bad_inputs_name_the_file(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    (err,) = only(tmp_path / name)
    assert isinstance(err, InputError)
    assert str(err).startswith(str(tmp_path / name)) and message in str(err)
    assert "\n" not in str(err)


def test_huge_file(tmp_path):
    (tmp_path / "huge.txt").write_bytes(b"word " * 1_100_000)
    (err,) = only(tmp_path / "huge.txt")
    assert isinstance(err, InputError) and "too large" in str(err)


def test_unknown_date_and_bad_meta(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "a.meta.json").write_text('{"published": "last Tuesday"}')
    (err,) = only(tmp_path / "a.txt")
    assert isinstance(err, InputError) and "unknown publication date" in str(err)
    (tmp_path / "a.meta.json").write_text("{not json")
    (err,) = only(tmp_path / "a.txt")
    assert isinstance(err, InputError) and "a.meta.json" in str(err) and "malformed JSON" in str(err)


def test_jsonl_lines_fail_one_by_one(tmp_path):
    lines = [json.dumps({"text": TEXT, "published": "2024-05-21"}), "[1, 2, 3]", "{broken",
             json.dumps({"title": "no text"}), json.dumps({"html": f"<html><body><p>{TEXT}</p></body></html>"})]
    (tmp_path / "a.jsonl").write_text("\n".join(lines))
    out = only(tmp_path / "a.jsonl")
    assert [type(x).__name__ for x in out] == ["Article", "InputError", "InputError", "InputError", "Article"]
    assert str(out[1]).startswith(f"{tmp_path / 'a.jsonl'}:2:") and "must be an object" in str(out[1])
    assert ":3:" in str(out[2]) and ":4:" in str(out[3])


def test_missing_path():
    (err,) = only("/no/such/file.txt")
    assert isinstance(err, InputError) and "no such file" in str(err)


def test_folder_is_walked_in_order(tmp_path):
    for n in ("b", "a"):
        (tmp_path / f"{n}.txt").write_text(TEXT.replace("twelve", n))
    (tmp_path / "notes.md").write_text("ignored")
    out = only(tmp_path)
    assert [a.source.rsplit("/", 1)[1] for a in out] == ["a.txt", "b.txt"]
