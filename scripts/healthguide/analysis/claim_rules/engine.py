"""How the rules run: a sentence's words found once, each pattern woken only by its own words."""

from __future__ import annotations

import re
from collections.abc import Iterable

_TOKEN = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")


def words_of(text: str) -> frozenset[str]:
    """The lower-case words of ``text``, and "#" when it holds a digit (what ``Rule`` triggers on)."""
    found = _TOKEN.findall(text.lower())
    if _DIGIT.search(text):
        found.append("#")
    return frozenset(found)


class Needs:
    """A rule's third part in place of ``unless``: the rule, woken by its own rare word, also needs one of ``words``
    (woken by that common set, it would run on most sentences). Checked against the words already in hand, before
    the pattern runs."""

    __slots__ = ("words",)

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)


class Rule:
    """A pattern that runs only when the sentence holds one of its trigger words (None: always) and, with ``needs``,
    one of those too; and not when ``unless`` matches the sentence."""

    __slots__ = ("_compiled", "_flags", "_source", "needs", "triggers", "unless")

    def __init__(self, triggers: str | None, pattern: str, flags: int, unless: re.Pattern[str] | None = None,
                 needs: frozenset[str] | None = None) -> None:
        self.triggers = frozenset(triggers.split()) if triggers is not None else None
        self._source, self._flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None
        self.unless = unless
        self.needs = needs

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern, compiled the first time its words wake it: a warm check judges one page,
        whose words wake few of the ~150 rules, and compiling all of them cost a tenth of such a run."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        return compiled


class AnyOf:
    """Rules tried one after another: in Python's engine much faster than one long alternation,
    and a rule whose words are absent costs a set lookup."""

    def __init__(self, *rules: str | tuple[str | None, str] | tuple[str | None, str, re.Pattern[str] | Needs],
                 flags: int = 0) -> None:
        built = []
        for rule in rules:
            if isinstance(rule, str):
                built.append(Rule(None, rule, flags))
                continue
            third = rule[2] if len(rule) > 2 else None  # type: ignore[misc]
            if isinstance(third, Needs):
                built.append(Rule(rule[0], rule[1], flags, needs=third.words))
            else:
                built.append(Rule(rule[0], rule[1], flags, third))
        self.rules = tuple(built)
        # Which rules each trigger word wakes (and those that always run): a sentence meets one set
        # intersection instead of a look at every rule's words. Rules still run in their written order.
        self._always = tuple(i for i, made in enumerate(built) if made.triggers is None)
        index: dict[str, list[int]] = {}
        for i, made in enumerate(built):
            for word in made.triggers or ():
                index.setdefault(word, []).append(i)
        self._index = {word: tuple(found) for word, found in index.items()}
        self._vocabulary = frozenset(index)
        self._orders: dict[frozenset[str], tuple[int, ...]] = {}   # woken words -> the rules to run, in order

    @property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(rule.pattern for rule in self.rules)

    def search(self, text: str, words: frozenset[str] | None = None) -> re.Match[str] | None:
        if words is None:
            words = words_of(text)
        woken = self._vocabulary.intersection(words)
        if not woken and not self._always:
            return None
        order = self._orders.get(woken) if woken else self._always
        if order is None:   # the same few sets of woken words recur from sentence to sentence: sorted once each
            if len(self._orders) >= 4096:
                self._orders.clear()
            index = self._index
            order = self._orders[woken] = tuple(sorted({i for word in woken for i in index[word]}.union(self._always)))
        rules = self.rules
        for i in order:
            rule = rules[i]
            if rule.needs is not None and rule.needs.isdisjoint(words):
                continue
            found = rule.pattern.search(text)
            if found and not (rule.unless and rule.unless.search(text)):
                return found
        return None
