"""CONTRIBUTING.md documents every finding code: each registered code needs a heading with an example and a fix."""

from __future__ import annotations

import re

from healthguide.catalogue import CATALOGUE
from support import ROOT


def _sections() -> dict[str, str]:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    parts = re.split(r"^#### (HG\d{3})\b.*$", text, flags=re.MULTILINE)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def test_every_code_is_documented() -> None:
    sections = _sections()
    missing = [f"{c.code} {c.name}" for c in CATALOGUE.codes() if c.code not in sections]
    assert not missing, ("document these codes in CONTRIBUTING.md under '#### HGnnn name', "
                         f"with an example and the fix: {', '.join(missing)}")


def test_each_code_section_has_example_and_fix() -> None:
    for code, body in _sections().items():
        assert "Example" in body and "Fix" in body, f"{code}: give an 'Example' and a 'Fix'"


def test_no_documented_code_is_unknown() -> None:
    unknown = [code for code in _sections() if code not in CATALOGUE]
    assert not unknown, f"CONTRIBUTING.md documents codes no check defines: {unknown}"


def test_workflows_are_valid_and_call_make_targets() -> None:
    import yaml

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.MULTILINE))
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    triggers: set[str] = set()
    for path in workflows:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        triggers |= set(data.get(True) or data.get("on") or {})   # YAML 1.1 reads `on:` as True
        for job in data["jobs"].values():
            for step in job["steps"]:
                run = step.get("run", "")
                for target in re.findall(r"\bmake (\w[\w-]*)", run):
                    assert target in targets, f"{path.name}: `make {target}` is not a Makefile target"
    assert {"pull_request", "schedule", "workflow_dispatch"} <= triggers
    pr = (ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    assert "make check CHANGED=\"origin/$BASE_REF\" FORMAT=github" in pr and "BASE_REF: ${{ github.base_ref }}" in pr
    assert "make site" in pr and "make test" in pr
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert "check CHANGED=HEAD" in hooks["repos"][0]["hooks"][0]["entry"]
