"""Serialising and re-reading a strategy in every format, in memory and on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eculture import Strategy


def test_json_round_trip(e_culture: Strategy) -> None:
    text = e_culture.to_json()
    again = Strategy.from_json(text)
    assert again.to_json() == text
    assert again == e_culture
    assert json.loads(text) == e_culture.document()


def test_yaml_round_trip(e_culture: Strategy) -> None:
    text = e_culture.to_yaml()
    assert not text.lstrip().startswith("{")
    again = Strategy.from_yaml(text)
    assert again.to_json() == e_culture.to_json()
    assert again.to_yaml() == text


def test_toml_round_trip(e_culture: Strategy) -> None:
    text = e_culture.to_toml()
    assert "[strategy]" in text
    again = Strategy.from_toml(text)
    assert again.to_json() == e_culture.to_json()
    assert again.to_toml() == text


@pytest.mark.parametrize("ext", ["json", "yaml", "yml", "toml"])
def test_save_and_load(e_culture: Strategy, tmp_path: Path, ext: str) -> None:
    path = tmp_path / f"plan.{ext}"
    e_culture.save(path)
    assert path.read_text(encoding="utf-8").endswith("\n")
    loaded = Strategy.load(path)
    assert loaded.to_json() == e_culture.to_json()
    # str paths work as well as os.PathLike.
    assert Strategy.load(str(path)) == loaded


def test_saved_formats_match_to_methods(e_culture: Strategy, tmp_path: Path) -> None:
    for ext, text in [
        ("json", e_culture.to_json()),
        ("yaml", e_culture.to_yaml()),
        ("toml", e_culture.to_toml()),
    ]:
        path = tmp_path / f"plan.{ext}"
        e_culture.save(str(path))
        assert path.read_text(encoding="utf-8").rstrip("\n") == text.rstrip("\n")


def test_non_ascii_survives(e_culture: Strategy) -> None:
    title = e_culture.document()["strategy"]["title"]["az"]
    assert any(ord(ch) > 127 for ch in title)
    for text, parse in [
        (e_culture.to_json(), Strategy.from_json),
        (e_culture.to_yaml(), Strategy.from_yaml),
        (e_culture.to_toml(), Strategy.from_toml),
    ]:
        assert parse(text).document()["strategy"]["title"]["az"] == title
