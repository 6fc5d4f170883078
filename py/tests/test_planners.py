"""MS Project XML and Primavera XER from Python (docs/planners.md): the same core as Rust, so
the files, their round trip and the findings are the same. The proof against MPXJ is
test_mpxj.py."""

import pytest

import eculture
from eculture import ParseError, Strategy


def relations(s):
    return sorted((e["from"], e["to"], e["relation"], e["lag_days"]) for e in s.dependencies())


@pytest.mark.parametrize("fmt", ["mspdi", "xer"])
def test_round_trip_through_text_bytes_and_files(fmt, tmp_path):
    s = eculture.Strategy.e_culture()
    write = s.to_mspdi if fmt == "mspdi" else s.to_xer
    read = Strategy.from_mspdi if fmt == "mspdi" else Strategy.from_xer
    text = write(calendar="weekdays")
    assert isinstance(text, str)
    back = read(text.encode())
    assert len(back.document()["measures"]) == len(s.document()["measures"])
    assert relations(back) == relations(s)
    path = tmp_path / ("plan.xml" if fmt == "mspdi" else "plan.xer")
    assert write(path, calendar="weekdays") is None
    assert path.read_text(encoding="utf-8") == text
    for again in (read(path), read(str(path)), Strategy.load(path)):
        assert relations(again) == relations(s)
    codes = {d.code for d in back.validate()}
    assert "unsupported_project_data" in codes, "the calendar is a finding"
    assert back.schedule(calendar="weekdays").finish_date == s.schedule(calendar="weekdays").finish_date


def test_schedule_options_reach_the_file():
    s = eculture.Strategy.e_culture()
    assert "<DayWorking>0</DayWorking>" not in s.to_mspdi()
    assert "<DayWorking>0</DayWorking>" in s.to_mspdi(calendar="weekdays")
    assert "2024-02-05 08:00" in s.to_xer(start="2024-02-05")
    with pytest.raises(eculture.EcultureError):
        s.to_xer(baseline="no-such-baseline")


def test_hostile_files_raise_parse_errors():
    bomb = b'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aa">]><Project><Name>&a;</Name></Project>'
    with pytest.raises(ParseError, match="DOCTYPE"):
        Strategy.from_mspdi(bomb)
    with pytest.raises(ParseError, match="ERMHDR"):
        Strategy.from_xer(b"not an xer file")
