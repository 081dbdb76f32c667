"""The public surface: every public name documented, the stubs naming what
the module defines, the exceptions' hierarchy."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import according
from according import _according

STUBS = Path(according.__file__).with_name("_according.pyi")


def public(names: list[str]) -> list[str]:
    return [n for n in names if not n.startswith("_")]


def test_every_public_name_has_a_docstring() -> None:
    assert according.__doc__
    for name in according.__all__:
        obj = getattr(according, name)
        if isinstance(obj, str):
            continue
        assert inspect.getdoc(obj), name
        # An exception's attributes are described in its docstring.
        if inspect.isclass(obj) and not issubclass(obj, BaseException):
            for member in public(dir(obj)):
                if member in dir(Exception) or member in dir(object):
                    continue
                attr = inspect.getattr_static(obj, member)
                assert getattr(attr, "__doc__", None), f"{name}.{member}"


def stub_names() -> dict[str, set[str]]:
    tree = ast.parse(STUBS.read_text())
    names: dict[str, set[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            names[node.name] = {
                n.name for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
            }
        elif isinstance(node, ast.FunctionDef):
            names[node.name] = set()
    return names


def test_the_stubs_name_exactly_what_the_module_defines() -> None:
    stubs = stub_names()
    runtime = {n for n in public(dir(_according))}
    assert set(stubs) == runtime
    for name, members in stubs.items():
        obj = getattr(_according, name)
        if not inspect.isclass(obj):
            continue
        defined = {m for m in public(dir(obj)) if m not in dir(object)}
        assert {m for m in members if not m.startswith("_")} == defined, name


def test_the_exceptions_form_one_hierarchy() -> None:
    for name in ("UnknownIdError", "ParseError", "UnsupportedVersionError", "InvalidValueError",
                 "InvalidGraphError", "LimitExceededError", "IoError"):
        assert issubclass(getattr(according, name), according.Error), name
    assert issubclass(according.UnknownIdError, LookupError)
    assert issubclass(according.ParseError, ValueError)
    assert issubclass(according.IoError, OSError)
    assert issubclass(according.UnsupportedVersionError, according.ParseError)


def test_the_package_docstring_example_runs() -> None:
    import doctest

    failed, attempted = doctest.testmod(according)
    assert attempted > 0 and failed == 0


def test_version() -> None:
    assert according.__version__ == "0.1.0"
