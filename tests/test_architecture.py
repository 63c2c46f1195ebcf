"""The house rules of the core, checked: layers, the catalogue, configuration without import side effects."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import healthguide
from healthguide.catalogue import CATALOGUE, Catalogue, Family, Stage
from healthguide.findings import CODES, Code

PACKAGE = Path(healthguide.__file__).parent
# What loads or renders: none of it may import a check family (or the catalogue, which lists them).
LOWER_LAYERS = ("load", "analysis", "theme", "model", "findings", "settings")
CHECKS = ("healthguide.checks", "healthguide.catalogue")


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth of the file (function-level imports included)."""
    name = _module(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            out.add(base)
            out.update(f"{base}.{alias.name}" for alias in node.names)
    return out


def _lower_layer_files() -> list[Path]:
    files = []
    for name in LOWER_LAYERS:
        target = PACKAGE / name
        files.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target.with_suffix(".py")])
    return files


@pytest.mark.parametrize("path", _lower_layer_files(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_nothing_that_loads_or_renders_imports_a_check_family(path: Path) -> None:
    bad = sorted(m for m in _imports(path) if m.startswith(CHECKS))
    assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}: derived facts belong in analysis/, on the model"


def test_no_module_keeps_memos_at_module_level() -> None:
    """Facts reach the checks through the model, never through module-level caches keyed by id()."""
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.AnnAssign | ast.Assign):
                value = node.value
                empty = isinstance(value, ast.Dict) and not value.keys or (
                    isinstance(value, ast.Call) and getattr(value.func, "id", "") in ("dict", "defaultdict"))
                assert not empty, f"{path.relative_to(PACKAGE)}:{node.lineno}: a module-level mutable mapping"


def test_a_severity_map_is_validated_in_a_fresh_interpreter() -> None:
    """Configuration names codes of every stage, with nothing imported beforehand (no registration by import)."""
    program = (
        "from healthguide.settings import settings_from_mapping\n"
        "from healthguide.catalogue import CATALOGUE\n"
        "s = settings_from_mapping({'severity': {'HG301': 'warn', 'HG001': 'info', 'HG601': 'warn',"
        " 'HG350': 'ignore', 'reference-unused': 'error'}}, CATALOGUE)\n"
        "print(sorted((k, v.value) for k, v in s.severity.items()))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ("[('HG001', 'info'), ('HG301', 'warn'), ('HG350', 'ignore'), "
                                   "('HG406', 'error'), ('HG601', 'warn')]")


def test_an_unknown_code_is_refused_by_name() -> None:
    from healthguide.settings import SettingsError, settings_from_mapping

    with pytest.raises(SettingsError, match="unknown finding code 'HG999'"):
        settings_from_mapping({"severity": {"HG999": "warn"}}, CATALOGUE)


def _declared_codes() -> dict[str, str]:
    """Every Code a module of the package declares at module level: code -> module."""
    import importlib

    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "__main__.py":
            continue
        module = importlib.import_module(_module(path))
        for value in vars(module).values():
            if isinstance(value, Code) and value.code not in out:
                out[value.code] = module.__name__
    return out


def test_the_catalogue_lists_every_declared_code() -> None:
    listed = {c.code for c in CATALOGUE.codes()}
    missing = {code: mod for code, mod in _declared_codes().items() if code not in listed}
    assert not missing, f"declared but not in healthguide/catalogue.py: {missing}"


def test_every_site_family_module_is_listed() -> None:
    listed = {f.check.__module__ for f in CATALOGUE.families if f.check is not None}
    modules = {f"healthguide.checks.{p.stem}" for p in (PACKAGE / "checks").glob("*.py") if p.stem != "__init__"}
    unlisted = {m for m in modules - listed if "def check(" in (PACKAGE / "checks" / f"{m.rsplit('.', 1)[1]}.py").read_text()}
    assert not unlisted, f"check families not listed in the catalogue: {sorted(unlisted)}"


def test_retired_codes_cannot_come_back() -> None:
    code = CODES.define("HG999", "example", CATALOGUE.codes()[0].severity, "an example")
    with pytest.raises(ValueError, match="retired"):
        Catalogue((Family("example", Stage.LOAD, (code,)),), retired={"HG999": "merged into HG998"})
    with pytest.raises(ValueError, match="twice"):
        Catalogue((Family("a", Stage.LOAD, (code,)), Family("b", Stage.LOAD, (code,))))


def test_every_stage_has_codes() -> None:
    assert {f.stage for f in CATALOGUE.families} == set(Stage)
