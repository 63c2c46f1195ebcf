"""The supply chain: hashed locks per dependency group, with no index URL or machine path in them; each
install step uses only its group; every runtime import is a declared dependency; updates are proposed."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
import yaml

from support import ROOT

REQ = ROOT / "requirements"
GROUPS = ("build", "online", "test", "engines", "dev")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def lock_entries(group: str) -> list[str]:
    text = (REQ / f"{group}.txt").read_text(encoding="utf-8")
    return re.split(r"\n(?=\S)", re.sub(r"(?m)^\s*#.*\n?", "", text).strip())


@pytest.mark.parametrize("group", GROUPS)
def test_every_pin_has_a_version_and_a_hash(group: str) -> None:
    entries = lock_entries(group)
    assert len(entries) >= 3
    for entry in entries:
        first = entry.split("\\")[0].strip()
        assert re.fullmatch(r"[A-Za-z0-9._\-]+==[A-Za-z0-9.+!\-]+(\s*;.*)?", first), f"{group}.txt: not pinned with ==: {first}"
        assert re.search(r"--hash=sha256:[0-9a-f]{64}", entry), f"{group}.txt: no --hash for {first}"


# pip's configuration on a developer's machine may add local indexes and wheel folders; pip-compile copies
# them into the lock unless told not to, and then the lock only installs on that machine.
MACHINE_SPECIFIC = re.compile(r"--(?:extra-)?index-url|--find-links|--trusted-host|\bfile://|(?:^|\s)-f\s"
                              r"|(?:^|[\s=])/(?:opt|home|root|tmp|usr|var|etc|work)/", re.MULTILINE)


@pytest.mark.parametrize("group", GROUPS)
def test_locks_carry_no_index_url_or_local_path(group: str) -> None:
    text = (REQ / f"{group}.txt").read_text(encoding="utf-8")
    found = MACHINE_SPECIFIC.findall(text)
    assert not found, f"requirements/{group}.txt names a machine-specific source {found}: re-run `make lock`"


def test_the_machine_specific_pattern_catches_what_pip_compile_used_to_copy() -> None:
    for line in ("--extra-index-url file:///opt/pypi/simple", "--find-links /opt/wheels", "--index-url https://x",
                 "    # via -r /home/me/project/requirements.in"):
        assert MACHINE_SPECIFIC.search(line), line
    assert not MACHINE_SPECIFIC.search("    # via -r build.in\nmkdocs==1.6.1 \\\n    --hash=sha256:" + "0" * 64)


def test_lock_target_compiles_every_group_without_machine_sources() -> None:
    recipe = MAKEFILE[MAKEFILE.index("\nlock:"):]
    for flag in ("--no-emit-index-url", "--no-emit-find-links", "--generate-hashes", "piptools compile"):
        assert flag in recipe
    assert re.search(r"LOCK_GROUPS := build online test engines dev\b", MAKEFILE)
    assert re.search(r"^lock: \$\(DEV_STAMP\)", MAKEFILE, re.MULTILINE), "make lock must install pip-tools first"
    assert "pip-tools" in {e.split("==")[0] for e in lock_entries("dev")}
    # `make test` runs `make lint`, so the linters come with the group it installs.
    assert {"ruff", "mypy"} <= {e.split("==")[0] for e in lock_entries("test")}
    assert re.search(r"^lint: \$\(TEST_STAMP\)", MAKEFILE, re.MULTILINE)
    assert re.search(r"^test: \$\(TEST_STAMP\).* lint$", MAKEFILE, re.MULTILINE)


def test_groups_are_layered_and_consistent() -> None:
    """A package pinned in two groups has one version (later groups are constrained by earlier locks)."""
    seen: dict[str, tuple[str, str]] = {}
    for group in GROUPS:
        for entry in lock_entries(group):
            name, version = entry.split("\\")[0].strip().split("==")
            if name in seen:
                assert seen[name][1] == version, f"{name}: {seen[name]} vs {group} {version}"
            seen[name] = (group, version)
    build = {e.split("==")[0] for e in lock_entries("build")}
    assert not build & {"playwright", "pytest", "hypothesis", "linkchecker", "httpx", "pip-tools", "setuptools", "textstat"}


def test_make_site_installs_only_the_build_group_with_hashes() -> None:
    assert re.search(r"^check: \$\(STAMP\)$", MAKEFILE, re.MULTILINE)
    # No ENGINE: the build group only; ENGINE=properdocs|zensical adds the engines group.
    assert re.search(r"^site: check \$\(if \$\(ENGINE\),\$\(ENGINES_STAMP\)\)$", MAKEFILE, re.MULTILINE)
    stamp = MAKEFILE[MAKEFILE.index("$(STAMP): "):]
    stamp = stamp[:stamp.index("\n\n")]
    assert "--require-hashes" in MAKEFILE and "$(PIP_INSTALL) -r $(REQ)/build.txt\n" in stamp
    assert not re.search(r"(online|test|engines|dev)\.txt", stamp)
    assert re.search(r"^test: \$\(TEST_STAMP\)", MAKEFILE, re.MULTILINE)
    # The tests build on every engine, so the test install brings the engines group with it.
    test_stamp = MAKEFILE[MAKEFILE.index("$(TEST_STAMP): "):]
    assert "$(REQ)/engines.txt" in test_stamp[:test_stamp.index("\n\n")]
    assert {"zensical", "properdocs"} <= {e.split("==")[0] for e in lock_entries("engines")}


# Packages of the other groups (and the setuptools that textstat needed): the build must not import them.
NOT_BUILD = ("httpx", "linkchecker", "pytest", "playwright", "hypothesis", "properdocs", "zensical", "piptools",
             "pkg_resources", "setuptools", "textstat")
BLOCKER = f"""
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {NOT_BUILD!r}:
            raise ImportError("not in the build group: " + name)
sys.meta_path.insert(0, Block())
"""


def test_check_and_build_need_nothing_outside_the_build_group(tmp_path: Path) -> None:
    check = BLOCKER + "from healthguide.cli import main; sys.exit(main(['check', '--no-cache', '-f', sys.argv[1]]))"
    done = subprocess.run([sys.executable, "-c", check, str(ROOT / "mkdocs.yml")], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    build = BLOCKER + "from mkdocs.__main__ import cli; cli()"
    done = subprocess.run([sys.executable, "-c", build, "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"),
                           "-d", str(tmp_path / "site")], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "site" / "index.html").is_file()


def _third_party_imports() -> dict[str, list[str]]:
    """Top-level modules imported anywhere in the package that are not in the standard library."""
    found: dict[str, list[str]] = {}
    package = ROOT / "scripts" / "healthguide"
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "healthguide":
                    found.setdefault(top, []).append(path.relative_to(ROOT).as_posix())
    return found


def test_every_runtime_import_is_a_declared_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {re.split(r"[<>=!~;\[ ]", d)[0].lower().replace("_", "-")
                for d in [*project["dependencies"], *sum(project["optional-dependencies"].values(), [])]}
    providers = metadata.packages_distributions()
    imports = _third_party_imports()
    assert {"markdown", "yaml", "pyphen", "mkdocs"} <= set(imports)
    for module, where in sorted(imports.items()):
        dists = {d.lower().replace("_", "-") for d in providers.get(module, [])}
        assert dists & declared, f"{module} (imported in {where[0]}) comes from {sorted(dists) or '?'}, " \
                                 "which pyproject.toml does not declare"


def test_dependabot_proposes_updates_for_every_ecosystem() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    seen = {(u["package-ecosystem"], d) for u in config["updates"] for d in u.get("directories") or [u["directory"]]}
    assert ("pip", "/requirements") in seen
    assert ("github-actions", "/") in seen
    for lock in ROOT.glob("tests/*/package-lock.json"):
        assert ("npm", "/" + lock.parent.relative_to(ROOT).as_posix()) in seen, lock
