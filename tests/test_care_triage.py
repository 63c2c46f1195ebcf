"""The self-check never falsely reassures: properties of the real triage code over the real warning signs.

triage() lives in the packaged theme's assets/self-check.js, the script the built page runs. These tests run that same
file in node (one process, one JSON line per question) with the signs from docs/care/warning-signs.yaml,
exhaustively where the space is small and with hypothesis where it is not (3^N answer sets for N signs: 3^34 today).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from healthguide.load import care
from healthguide.theme.package import SCRIPTS, package_dir
from support import ROOT

SCRIPT = package_dir() / "assets" / "self-check.js"
DATA = care.load_care(ROOT / "docs" / "care" / "warning-signs.yaml", "care/warning-signs.yaml")
SIGNS = [{"id": s.id, "level": s.level.value} for s in DATA.signs]
IDS = [s["id"] for s in SIGNS]
RANK = {"self-care": 0, "soon": 1, "urgent": 2, "emergency": 3}

RUNNER = """
const {triage} = require(process.argv[1]);
const lines = require('readline').createInterface({input: process.stdin});
lines.on('line', (line) => {
  const q = JSON.parse(line);
  process.stdout.write(JSON.stringify(triage(q.signs, q.answers)) + '\\n');
});
"""


class Triage:
    """A node process running the page's own triage(); ask() sends answers and returns its verdict."""

    def __init__(self) -> None:
        node = shutil.which("node")
        assert node, "node is needed to run the self-check's script (make browser-deps installs it)"
        self.proc = subprocess.Popen([node, "-e", RUNNER, str(SCRIPT)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, bufsize=1)

    def ask(self, answers: dict[str, str], signs: list[dict[str, str]] = SIGNS) -> dict[str, object]:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(json.dumps({"signs": signs, "answers": answers}) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())  # type: ignore[no-any-return]

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def triage() -> Iterator[Triage]:
    runner = Triage()
    yield runner
    runner.close()


def all_no() -> dict[str, str]:
    return dict.fromkeys(IDS, "no")


def expected_level(answers: dict[str, str]) -> str:
    levels = [s["level"] for s in SIGNS if answers.get(s["id"]) in ("yes", "unsure")]
    return max(levels, key=RANK.__getitem__, default="self-care")


def test_the_data_has_every_level_and_the_signs_the_issue_lists() -> None:
    assert not DATA.problems
    assert {s["level"] for s in SIGNS} == {"emergency", "urgent", "soon"}
    for sign in ("bladder", "saddle", "sexual", "both-legs", "chest", "major-injury", "cancer", "weight-loss", "fever",
                 "night-pain", "immune", "thin-bones", "age", "injury-foot", "snap", "achilles", "calf", "hot-foot",
                 "diabetes-wound", "inflammatory", "one-leg", "recent-infection"):
        assert sign in IDS, sign


@pytest.mark.parametrize("answer", ["yes", "unsure"])
def test_each_sign_alone_reaches_its_level(triage: Triage, answer: str) -> None:
    for sign in SIGNS:
        got = triage.ask({**all_no(), sign["id"]: answer})
        assert got["level"] == sign["level"], sign
        assert got["complete"] and got["show"] and not got["reassure"], sign
        assert got["reasons"] == [sign["id"]]


@pytest.mark.parametrize("answer", ["yes", "unsure"])
def test_back_pain_after_an_infection_wound_or_back_procedure_needs_help_today(triage: Triage, answer: str) -> None:
    got = triage.ask({**all_no(), "recent-infection": answer})
    assert got == {"level": "urgent", "reasons": ["recent-infection"], "missing": [], "complete": True, "show": True,
                   "reassure": False}
    sign = next(s for s in DATA.signs if s.id == "recent-infection")
    assert sign.pages == ("all",) and "A&E" in sign.go and "today" in sign.go, "A&E after a back procedure with fever or leg signs"


def test_all_no_is_self_care_and_the_only_reassurance(triage: Triage) -> None:
    got = triage.ask(all_no())
    assert got == {"level": "self-care", "reasons": [], "missing": [], "complete": True, "show": True, "reassure": True}


def test_no_answers_at_all_asks_for_them(triage: Triage) -> None:
    got = triage.ask({})
    assert not got["show"] and not got["reassure"] and got["missing"] == IDS


def test_skipping_any_one_question_never_reassures(triage: Triage) -> None:
    for skipped in IDS:
        answers = all_no()
        del answers[skipped]
        got = triage.ask(answers)
        assert not got["reassure"] and not got["show"] and got["missing"] == [skipped], skipped


def test_an_emergency_sign_shows_at_once_even_with_questions_left(triage: Triage) -> None:
    for sign in (s for s in SIGNS if s["level"] == "emergency"):
        got = triage.ask({sign["id"]: "yes"})
        assert got["show"] and got["level"] == "emergency" and not got["complete"] and not got["reassure"]


ANSWER = st.sampled_from(["yes", "no", "unsure"])
FULL = st.fixed_dictionaries({i: ANSWER for i in IDS})
PARTIAL = st.dictionaries(st.sampled_from(IDS), ANSWER)


@settings(deadline=None)
@given(FULL)
def test_the_level_is_the_most_urgent_sign_answered_yes_or_not_sure(triage: Triage, answers: dict[str, str]) -> None:
    got = triage.ask(answers)
    assert got["level"] == expected_level(answers)
    assert got["complete"] and got["show"]
    assert got["reassure"] == all(v == "no" for v in answers.values())


@settings(deadline=None)
@given(FULL, st.sampled_from(IDS), st.sampled_from(["yes", "unsure"]))
def test_adding_a_sign_never_lowers_the_level(triage: Triage, answers: dict[str, str], extra: str, how: str) -> None:
    before = triage.ask(answers)
    after = triage.ask({**answers, extra: how})
    assert RANK[after["level"]] >= RANK[before["level"]]
    assert not after["reassure"]


@settings(deadline=None)
@given(PARTIAL)
def test_unanswered_questions_never_reassure(triage: Triage, answers: dict[str, str]) -> None:
    got = triage.ask(answers)
    if len(answers) < len(IDS):
        assert not got["reassure"] and not got["complete"]
        assert not got["show"] or got["level"] == "emergency", "only an emergency is shown before every answer"
    assert got["level"] == expected_level(answers)


def test_the_script_is_the_one_the_site_publishes() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "assets/self-check.js" in SCRIPTS and "healthguide.theme.care" in config   # the plugin links SCRIPTS on every page
    assert SCRIPT.is_file() and Path(DATA.path).name == "warning-signs.yaml"
