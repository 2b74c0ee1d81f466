"""The temporal scorer reads TimeML and MEANTIME CAT XML into the same text and spans."""
from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "temporal.py"
spec = importlib.util.spec_from_file_location("temporal_bench", BENCH)
temporal = importlib.util.module_from_spec(spec)
spec.loader.exec_module(temporal)

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>t1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-02-16" temporalFunction="false" functionInDocument="CREATION_TIME">February 16, 2021</TIMEX3></DCT>
<TEXT>Rockets hit the base <TIMEX3 tid="t1" type="DATE" value="2021-02-15">late Monday</TIMEX3>, and
officials met <TIMEX3 tid="t2" type="TIME" value="2021-02-16TMO">early Tuesday morning</TIMEX3>.</TEXT>
</TimeML>
"""

CAT = """<?xml version="1.0" ?><Document doc_id="1" doc_name="d" lang="en">
<token number="0" sentence="0" t_id="1">Rockets</token>
<token number="1" sentence="0" t_id="2">hit</token>
<token number="2" sentence="0" t_id="3">on</token>
<token number="3" sentence="0" t_id="4">Monday</token>
<token number="4" sentence="0" t_id="5">,</token>
<token number="5" sentence="0" t_id="6">officials</token>
<token number="6" sentence="0" t_id="7">said</token>
<token number="7" sentence="0" t_id="8">.</token>
<Markables>
<TIMEX3 m_id="1" type="DATE" value="2021-02-15" functionInDocument="NONE"><token_anchor t_id="4"/></TIMEX3>
<TIMEX3 m_id="2" type="DATE" value="16-02-2021" functionInDocument="CREATION_TIME"/>
</Markables>
</Document>
"""


def test_timeml(tmp_path):
    path = tmp_path / "a.tml"
    path.write_text(TML, encoding="utf-8")
    doc = temporal.read_tml(path)
    assert doc.dct == "2021-02-16"
    assert [(t["text"], t["value"]) for t in doc.timexes] == [
        ("late Monday", "2021-02-15"), ("early Tuesday morning", "2021-02-16TMO")]
    assert all(doc.text[t["start"]:t["end"]] == t["text"] for t in doc.timexes)


def test_meantime_cat(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text(CAT, encoding="utf-8")
    doc = temporal.read_cat(path)
    assert doc.text == "Rockets hit on Monday, officials said."
    assert doc.dct == "2021-02-16"  # MEANTIME's day-first form, read as ISO
    assert [(t["text"], t["value"]) for t in doc.timexes] == [("Monday", "2021-02-15")]


def test_scores():
    assert temporal.prf(8, 10, 16) == (0.8, 0.5, 2 * 0.8 * 0.5 / 1.3)
