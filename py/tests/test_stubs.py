"""The hand-written stubs (eculture/__init__.pyi) match the runtime module.

A light, dependency-free stand-in for `mypy.stubtest`: every public name, method, property and
parameter in the stub exists at runtime with the same kind, and nothing public is missing.
"""

from __future__ import annotations

import ast
import inspect
import sys
from pathlib import Path
from typing import Dict, List, Set

import pytest

import eculture

STUB = Path(eculture.__file__).with_name("__init__.pyi")
TREE = ast.parse(STUB.read_text(encoding="utf-8"))
NATIVE_CLASSES: Dict[str, ast.ClassDef] = {
    node.name: node
    for node in TREE.body
    if isinstance(node, ast.ClassDef) and not node.name.startswith("_")
}
FUNCTIONS: Dict[str, ast.FunctionDef] = {
    node.name: node for node in TREE.body if isinstance(node, ast.FunctionDef)
}


def decorators(fn: ast.FunctionDef) -> Set[str]:
    return {d.id for d in fn.decorator_list if isinstance(d, ast.Name)}


def stub_params(fn: ast.FunctionDef) -> List[str]:
    a = fn.args
    names = [p.arg for p in [*a.posonlyargs, *a.args, *a.kwonlyargs]]
    names += [p.arg for p in (a.vararg, a.kwarg) if p is not None]
    return [n for n in names if n not in ("self", "cls")]


def runtime_params(obj: object) -> List[str]:
    sig = inspect.signature(obj)  # type: ignore[arg-type]
    return [n for n in sig.parameters if n not in ("self", "cls", "$self", "$cls")]


def test_all_matches() -> None:
    stub_all = next(
        ast.literal_eval(node.value)
        for node in TREE.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    )
    assert sorted(stub_all) == sorted(eculture.__all__)
    for name in eculture.__all__:
        assert hasattr(eculture, name), name
        assert (
            name in NATIVE_CLASSES
            or name in FUNCTIONS
            or f"as {name}" in STUB.read_text(encoding="utf-8")
            or name == "__version__"
        ), f"{name} is not declared in the stub"


@pytest.mark.parametrize("name", sorted(NATIVE_CLASSES))
def test_class_members(name: str) -> None:
    cls = getattr(eculture, name)
    assert cls.__module__ == "eculture"
    node = NATIVE_CLASSES[name]
    methods = {n.name: n for n in node.body if isinstance(n, ast.FunctionDef)}
    public_stub = {m for m in methods if not m.startswith("_")}
    public_runtime = {m for m in dir(cls) if not m.startswith("_")}
    assert public_stub == public_runtime
    for mname, fn in methods.items():
        if mname == "__new__":
            if sys.version_info < (3, 10):
                # abi3 classes carry no text signature for the constructor before 3.10.
                continue
            assert runtime_params(cls) == stub_params(fn)
            continue
        assert mname in cls.__dict__ or mname in ("__eq__", "__hash__"), mname
        raw = inspect.getattr_static(cls, mname)
        kinds = decorators(fn)
        if "property" in kinds:
            assert inspect.isdatadescriptor(raw), f"{name}.{mname} should be a property"
            continue
        if "staticmethod" in kinds:
            assert isinstance(raw, staticmethod), f"{name}.{mname} should be a staticmethod"
        else:
            assert callable(raw) and not isinstance(raw, staticmethod), mname
        if mname in ("__eq__", "__hash__"):
            continue
        assert runtime_params(getattr(cls, mname)) == stub_params(fn), f"{name}.{mname}"


def test_functions() -> None:
    for name, fn in FUNCTIONS.items():
        assert runtime_params(getattr(eculture, name)) == stub_params(fn)


def test_unhashable_classes_are_marked() -> None:
    # Classes with __eq__ and no __hash__ in the stub must be unhashable at runtime.
    for name, node in NATIVE_CLASSES.items():
        declared = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
        cls = getattr(eculture, name)
        if "__eq__" in declared and "__hash__" not in declared:
            assert cls.__hash__ is None, name
        if "__hash__" in declared:
            assert cls.__hash__ is not None, name
