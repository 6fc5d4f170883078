"""Shared fixtures: the embedded strategy and small hand-made documents."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Callable, Dict

import pytest

import eculture

ROOT = Path(__file__).resolve().parents[2]

# A small valid plan: a -> b -> c (b depends on a, c on b), no clusters or modules.
MINIMAL: Dict[str, Any] = {
    "strategy": {
        "id": "test-plan",
        "title": {"az": "Sınaq", "en": "Test plan"},
        "period": {"start": "2024", "end": "2026"},
        "coordinating_body": "moc",
        "monitoring_body": "caerc",
    },
    "organizations": [
        {"id": "moc", "name": {"en": "Ministry"}, "kind": "ministry"},
        {"id": "caerc", "name": {"en": "Analysis centre"}, "kind": "analysis_centre"},
    ],
    "directions": [{"id": "P1", "title": {"en": "Direction one"}}],
    "measures": [
        {"id": "a", "direction": "P1", "title": {"en": "A"}, "main_executor": "moc"},
        {
            "id": "b",
            "direction": "P1",
            "title": {"en": "B"},
            "main_executor": "moc",
            "depends_on": ["a"],
        },
        {
            "id": "c",
            "direction": "P1",
            "title": {"en": "C"},
            "main_executor": "moc",
            "depends_on": ["b"],
        },
    ],
}


@pytest.fixture(scope="session")
def e_culture() -> eculture.Strategy:
    return eculture.Strategy.e_culture()


@pytest.fixture
def make_doc() -> Callable[..., Dict[str, Any]]:
    """A fresh deep copy of MINIMAL, to be edited by the test."""
    return lambda: copy.deepcopy(MINIMAL)


def strategy_of(doc: Dict[str, Any]) -> eculture.Strategy:
    return eculture.Strategy.from_json(json.dumps(doc))


def dep_id(dep: Any) -> str:
    """A `depends_on` entry is either an id or {"id": ..., "type": ..., "lag_days": ...}."""
    return dep if isinstance(dep, str) else dep["id"]
