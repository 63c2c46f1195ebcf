"""The command line as editors and CI use it: --version, path arguments, explain, colour, progress,
gcc-style lines, SARIF, and the configuration mistakes that used to pass silently."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from healthguide import __version__
from healthguide.progress import Progress
from healthguide.terminal import wants_colour
from support import ROOT, TODAY, build_fixture, run_cli
from test_online import Recorder, server  # noqa: F401 - the local registry server fixture

ANSI = re.compile(r"\x1b\[[0-9;]*m")
GCC_LINE = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning|info): (?P<code>HG\d{3}) ")


def _plain_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR")}
    return {**env, "PYTHONPATH": str(ROOT / "scripts"), "HEALTHGUIDE_TODAY": TODAY.isoformat(), "TERM": "xterm", **extra}


def run_in_terminal(project: Path, *args: str, tty: str, env: dict[str, str]) -> tuple[int, str, str]:
    """Run the CLI with stdout or stderr (``tty``) attached to a pseudo-terminal, the other to a pipe."""
    master, slave = pty.openpty()
    streams = {"stdout": slave if tty == "stdout" else subprocess.PIPE,
               "stderr": slave if tty == "stderr" else subprocess.PIPE}
    proc = subprocess.Popen([sys.executable, "-m", "healthguide", *args], cwd=project, env=env,
                            stdin=subprocess.DEVNULL, **streams)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    piped = (proc.stdout or proc.stderr).read().decode("utf-8", "replace")  # type: ignore[union-attr]
    code = proc.wait(timeout=300)
    return code, b"".join(chunks).decode("utf-8", "replace"), piped


def _broken_project(tmp_path: Path) -> Path:
    project = build_fixture(tmp_path)
    page = project / "docs" / "topic" / "flat-feet.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the stretches](strech.md).\n", encoding="utf-8")
    (project / "docs" / "extra.md").write_text("---\ntitle: Extra\ndescription: A plain page with a broken link "
                                               "to check that path arguments filter.\ntype: page\n---\n\n"
                                               "[gone](nowhere.md)\n", encoding="utf-8")
    return project


# --- --version, explain -------------------------------------------------------------------------------

def test_version(tmp_path: Path) -> None:
    done = run_cli(tmp_path, "--version")
    assert done.returncode == 0 and done.stdout.strip() == f"healthguide {__version__}"


def test_explain_prints_the_code_documentation(tmp_path: Path) -> None:
    done = run_cli(tmp_path, "explain", "HG301")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("HG301 link-target-missing: an error by default")
    assert "[stretches](strech.md)" in done.stdout and "**Fix:**" in done.stdout   # from CONTRIBUTING.md
    assert run_cli(tmp_path, "explain", "orphan-page").stdout.startswith("HG204 orphan-page: a warning by default")
    listing = run_cli(tmp_path, "explain", "--list").stdout
    assert "HG501  uncited-claim" in listing and "HG107  placeholder-in-front-matter" in listing


def test_explain_unknown_code_suggests_the_nearest(tmp_path: Path) -> None:
    done = run_cli(tmp_path, "explain", "HG3O1")
    assert done.returncode == 2 and "did you mean HG301?" in done.stderr and "Traceback" not in done.stderr


# --- path arguments, gcc-style lines, SARIF ------------------------------------------------------------

def test_path_arguments_report_only_those_files(tmp_path: Path) -> None:
    project = _broken_project(tmp_path)
    everything = run_cli(project, "check")
    assert "docs/topic/flat-feet.md:" in everything.stdout and "docs/extra.md:" in everything.stdout
    one = run_cli(project, "check", "docs/extra.md")
    assert one.returncode == 1 and "docs/extra.md:7:8: error: HG301" in one.stdout
    assert "flat-feet.md" not in one.stdout and "1 error(s)" in one.stdout
    folder = run_cli(project, "check", "docs/topic")
    assert "docs/topic/flat-feet.md:" in folder.stdout and "extra.md" not in folder.stdout
    clean = run_cli(project, "check", "docs/index.md")
    assert clean.returncode == 0 and "0 error(s)" in clean.stdout
    missing = run_cli(project, "check", "docs/no-such.md")
    assert missing.returncode == 2 and "no such file or folder: docs/no-such.md" in missing.stderr


def test_text_lines_match_a_gcc_problem_matcher(tmp_path: Path) -> None:
    done = run_cli(_broken_project(tmp_path), "check")
    lines = [line for line in done.stdout.splitlines() if not line.startswith("    hint:") and "error(s)" not in line]
    assert lines and all(GCC_LINE.match(line) for line in lines), lines
    first = GCC_LINE.match(lines[0])
    assert first and first["level"] == "error" and first["code"] == "HG301"


def test_sarif_output(tmp_path: Path) -> None:
    done = run_cli(_broken_project(tmp_path), "check", "--format", "sarif")
    assert done.returncode == 1
    log = json.loads(done.stdout)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "healthguide"
    assert [r["id"] for r in rules] == sorted({r["ruleId"] for r in run["results"]})
    result = next(r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/extra.md")
    assert result["ruleId"] == "HG301" and result["level"] == "error" and rules[result["ruleIndex"]]["id"] == "HG301"
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 7, "startColumn": 8}
    assert "Hint:" in result["message"]["text"]
    assert rules[result["ruleIndex"]]["defaultConfiguration"] == {"level": "error"}


# --- colour --------------------------------------------------------------------------------------------

class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("env", "tty", "colour"), [
    ({}, True, True),
    ({}, False, False),
    ({"NO_COLOR": "1"}, True, False),
    ({"FORCE_COLOR": "1"}, False, True),
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, True, False),
    ({"CI": "true"}, True, False),
    ({"TERM": "dumb"}, True, False),
])
def test_colour_decision(env: dict[str, str], tty: bool, colour: bool) -> None:
    stream = _Tty() if tty else io.StringIO()
    assert wants_colour(stream, {"TERM": "xterm", **env}) is colour


def test_colour_in_a_terminal_plain_in_a_pipe(tmp_path: Path) -> None:
    project = _broken_project(tmp_path)
    code, shown, _ = run_in_terminal(project, "check", tty="stdout", env=_plain_env())
    assert code == 1 and "\x1b[1;31merror\x1b[0m" in shown
    assert GCC_LINE.match(ANSI.sub("", shown.splitlines()[0]))
    code, shown, _ = run_in_terminal(project, "check", tty="stdout", env=_plain_env(NO_COLOR="1"))
    assert code == 1 and "\x1b[" not in shown
    code, shown, _ = run_in_terminal(project, "check", tty="stdout", env=_plain_env(CI="true"))
    assert "\x1b[" not in shown
    piped = subprocess.run([sys.executable, "-m", "healthguide", "check"], cwd=project, env=_plain_env(),
                           capture_output=True, text=True, timeout=300)
    assert "\x1b[" not in piped.stdout
    forced = subprocess.run([sys.executable, "-m", "healthguide", "check"], cwd=project, env=_plain_env(FORCE_COLOR="1"),
                            capture_output=True, text=True, timeout=300)
    assert "\x1b[1;31merror\x1b[0m" in forced.stdout


# --- progress --------------------------------------------------------------------------------------------

def test_progress_line_names_what_is_slow() -> None:
    stream = _Tty()
    bar = Progress("online links", total=4, stream=stream, enabled=True)
    bar.update(1, 4)
    bar.start("https://example.org/slow")
    bar._item_began -= 5      # as if it had been waiting for five seconds
    line = bar.line()
    assert line.startswith("online links  [#####---------------] 1/4")
    assert "waiting 5s for https://example.org/slow" in line
    assert Progress("x", stream=io.StringIO()).enabled is False     # not a terminal: inert


def _large_project(tmp_path: Path, pages: int) -> Path:
    project = build_fixture(tmp_path)
    folder = project / "docs" / "many"
    folder.mkdir()
    for i in range(pages):
        (folder / f"p{i:03}.md").write_text(f"---\ntitle: Page {i}\ndescription: One of many small plain pages made "
                                            f"to test the progress line of a cold check.\ntype: page\n---\n\n"
                                            f"Page {i} links [home](../index.md).\n", encoding="utf-8")
    return project


def test_cold_check_of_a_large_site_shows_progress_only_in_a_terminal(tmp_path: Path) -> None:
    project = _large_project(tmp_path, 120)
    code, shown, out = run_in_terminal(project, "check", "--no-cache", "docs/index.md", tty="stderr", env=_plain_env())
    assert code == 0, out + shown
    assert "parsing pages" in shown and re.search(r"\d+/1\d\d", shown)
    assert "parsing pages" not in out                 # the report itself stays clean
    code, shown, _ = run_in_terminal(project, "check", "--no-cache", tty="stderr", env=_plain_env(CI="true"))
    assert "parsing pages" not in shown
    piped = subprocess.run([sys.executable, "-m", "healthguide", "check", "--no-cache"], cwd=project, env=_plain_env(),
                           capture_output=True, text=True, timeout=300)
    assert piped.stderr == ""


def test_online_identifiers_show_progress_in_a_terminal(tmp_path: Path, server: tuple[str, Recorder]) -> None:  # noqa: F811
    base, _ = server
    project = build_fixture(tmp_path)
    env = _plain_env(HEALTHGUIDE_DOI_API=base, HEALTHGUIDE_PUBMED_API=base)
    args = ("online", "identifiers", "--cache-dir", str(tmp_path / "cache"), "--no-cache")
    code, shown, out = run_in_terminal(project, *args, tty="stderr", env=env)
    assert code == 0, out + shown
    assert "online identifiers" in shown and "/" in shown
    piped = subprocess.run([sys.executable, "-m", "healthguide", *args], cwd=project, env=env,
                           capture_output=True, text=True, timeout=300)
    assert piped.returncode == 0 and piped.stderr == ""


# --- mistakes that used to pass silently -------------------------------------------------------------

def test_misspelt_plugin_name_is_an_error_with_its_line(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - healthguide:", "  - healthguid:"), encoding="utf-8")
    line = next(i for i, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if "healthguid:" in text)
    done = run_cli(project, "check")
    assert done.returncode == 2
    assert f"mkdocs.yml:{line}:5: error: plugins: unknown plugin 'healthguid'; did you mean 'healthguide'?" in done.stderr


def test_other_plugins_are_left_alone(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins:\n", "plugins:\n  - search\n"), encoding="utf-8")
    assert run_cli(project, "check").returncode == 0


def test_unknown_option_names_its_line_and_the_nearest_option(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("min_sources: 2", "min_sources: 2\n      min_source: 3"),
                      encoding="utf-8")
    line = next(i for i, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if "min_source:" in text)
    done = run_cli(project, "check")
    assert done.returncode == 2
    assert f"mkdocs.yml:{line}:7: error: plugins: healthguide: unknown option 'min_source' (did you mean 'min_sources'?)" \
        in done.stderr


def test_a_tab_in_yaml_gets_the_tab_hint_not_the_colon_hint(tmp_path: Path) -> None:
    project = build_fixture(tmp_path)
    (project / "docs" / "tabbed.md").write_text("---\ntitle: Tabbed\n\tdescription: indented with a tab\n---\n\nText.\n",
                                                encoding="utf-8")
    done = run_cli(project, "check", "docs/tabbed.md")
    assert "docs/tabbed.md:3:1: error: HG012" in done.stdout
    assert "not a tab" in done.stdout and "colon" not in done.stdout
    colon = project / "docs" / "colon.md"
    colon.write_text("---\ntitle: Heel pain: what helps\n---\n\nText.\n", encoding="utf-8")
    assert "colon" in run_cli(project, "check", "docs/colon.md").stdout
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n\tkey: value\n", encoding="utf-8")
    done = run_cli(project, "check")
    assert done.returncode == 2 and "Indent with spaces, not a tab." in done.stderr


# --- pre-commit -------------------------------------------------------------------------------------------

# Keys pre-commit accepts in a hook definition (pre-commit's clientlib MANIFEST_HOOK_DICT).
HOOK_KEYS = {"id", "name", "entry", "language", "alias", "files", "exclude", "types", "types_or", "exclude_types",
             "additional_dependencies", "args", "always_run", "fail_fast", "pass_filenames", "description",
             "language_version", "log_file", "minimum_pre_commit_version", "require_serial", "stages", "verbose"}


def test_pre_commit_hook_for_other_repositories(tmp_path: Path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert set(hook) <= HOOK_KEYS and hook["id"] == "healthguide-check" and hook["language"] == "python"
    assert ".venv" not in hook["entry"] and hook["entry"].split()[0] == "healthguide"   # the console script
    assert any(d.startswith("mkdocs-material") for d in hook["additional_dependencies"])
    assert re.search(hook["files"], "docs/topic/page.md") and not re.search(hook["files"], "README.md")
    # Run the entry as pre-commit would, in another repository, with the hook's environment on PATH.
    project = _broken_project(tmp_path)
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-q", "--allow-empty",
                    "-m", "start"], cwd=project, check=True)
    env = _plain_env(PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    env.pop("PYTHONPATH")
    done = subprocess.run([*hook["entry"].split(), *hook.get("args", [])], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1 and "docs/extra.md:7:8: error: HG301" in done.stdout, done.stdout + done.stderr


def test_pre_commit_config_of_this_repository_needs_no_particular_venv() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    for repo in config["repos"]:
        for hook in repo["hooks"]:
            assert set(hook) <= HOOK_KEYS and ".venv" not in hook["entry"]
