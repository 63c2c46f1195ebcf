/* Foot to Back self-check. Runs only in this browser: no requests, no storage, no cookies.
 *
 * Everything it asks and says comes from docs/care/warning-signs.yaml: the Markdown extension
 * healthguide.care writes the form (hidden until this script runs) with the signs and levels as JSON in
 * its data-hg-care attribute, and the no-JavaScript checklist below it. This script only scores.
 *
 * Rules (tests/test_care_triage.py runs triage() itself, in node, over the answers):
 *  - "not sure" counts as yes; the level is the most urgent level among the signs answered yes or not sure;
 *  - no result until every warning-sign question is answered, except that an emergency sign already
 *    answered is shown at once (waiting to finish the form would be unsafe);
 *  - "no warning signs" only when every warning-sign question is answered "no", and then with what to watch for;
 *  - never a diagnosis.
 */
(function () {
  "use strict";

  var RANK = { "self-care": 0, soon: 1, urgent: 2, emergency: 3 };

  /* signs: [{id, level}], answers: {id: "yes" | "no" | "unsure"}; anything else is unanswered. */
  function triage(signs, answers) {
    var level = "self-care", reasons = [], missing = [];
    for (var i = 0; i < signs.length; i++) {
      var sign = signs[i], answer = answers[sign.id];
      if (answer === "yes" || answer === "unsure") {
        reasons.push(sign.id);
        if (RANK[sign.level] > RANK[level]) level = sign.level;
      } else if (answer !== "no") {
        missing.push(sign.id);
      }
    }
    var complete = missing.length === 0;
    return {
      level: level,
      reasons: reasons,
      missing: missing,
      complete: complete,
      show: complete || level === "emergency",   // otherwise: ask for the missing answers first
      reassure: complete && reasons.length === 0
    };
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function list(items) {
    var ul = el("ul");
    for (var i = 0; i < items.length; i++) ul.appendChild(el("li", "", items[i]));
    return ul;
  }

  function box(kind, title, lines) {
    var div = el("div", "admonition " + kind);
    div.appendChild(el("p", "admonition-title", title));
    for (var i = 0; i < lines.length; i++) div.appendChild(el("p", "", lines[i]));
    return div;
  }

  function answersOf(form) {
    var out = {}, tokens = [];
    var inputs = form.querySelectorAll("input:checked");
    for (var i = 0; i < inputs.length; i++) {
      out[inputs[i].name] = inputs[i].value;
      tokens.push(inputs[i].name + "=" + inputs[i].value);
    }
    return { byName: out, tokens: tokens };
  }

  function pages(answers) {
    var out = el("ul");
    var items = document.querySelectorAll("#hg-selfcheck-pages li[data-hg-when]");
    for (var i = 0; i < items.length; i++) {
      var wanted = (items[i].getAttribute("data-hg-when") || "").split(/\s+/);
      for (var j = 0; j < wanted.length; j++) {
        if (wanted[j] === "always" || answers.tokens.indexOf(wanted[j]) !== -1) {
          out.appendChild(items[i].cloneNode(true));
          break;
        }
      }
    }
    return out;
  }

  function show(form, data, result) {
    var answers = answersOf(form);
    var outcome = triage(data.signs, answers.byName);
    var byId = {};
    for (var i = 0; i < data.signs.length; i++) byId[data.signs[i].id] = data.signs[i];
    result.textContent = "";
    var heading = el("h3");
    heading.id = "hg-selfcheck-result-title";
    heading.tabIndex = -1;
    result.appendChild(heading);

    if (!outcome.show) {
      heading.textContent = "Answer every question first";
      result.appendChild(el("p", "", outcome.missing.length + " warning-sign question" + (outcome.missing.length === 1 ? " is" : "s are") +
        " not answered yet. Choose yes, no or not sure for each one, then choose Show my result."));
      if (outcome.reasons.length) {
        var info = data.levels[outcome.level];
        result.appendChild(el("p", "", "Your answers so far already include a warning sign. " + info.action));
      }
      var first = form.querySelector('fieldset[data-hg-sign="' + outcome.missing[0] + '"]');
      if (first) first.classList.add("hg-selfcheck__q--missing");
      heading.focus();
      return;
    }

    var level = data.levels[outcome.level];
    heading.textContent = level.heading;
    if (outcome.reassure) {
      result.appendChild(el("p", "", "You answered no to every warning-sign question. That does not rule anything out. " + level.action));
      result.appendChild(el("p", "", "Get help at once if any of these start:"));
      result.appendChild(list(data.signs.filter(function (s) { return s.level === "emergency"; }).map(function (s) { return s.text; })));
      result.appendChild(el("p", "", "Get help the same day if any of these start:"));
      result.appendChild(list(data.signs.filter(function (s) { return s.level === "urgent"; }).map(function (s) { return s.text; })));
    } else {
      result.appendChild(el("p", "", "Why: you answered yes or not sure to:"));
      result.appendChild(list(outcome.reasons.map(function (id) { return byId[id].text; })));
      // A sign's own instruction (e.g. a minor injuries unit for a snap) comes first; the level's general
      // advice is added only for signs that have none, so the two never contradict each other.
      var todo = [], general = false;
      for (var k = 0; k < outcome.reasons.length; k++) {
        var go = byId[outcome.reasons[k]].go;
        if (!go) general = true;
        else if (todo.indexOf(go) === -1 && byId[outcome.reasons[k]].level === outcome.level) todo.push(go);
      }
      if (general || !todo.length) todo.push(level.action);
      result.appendChild(box(level.box, "What to do now", todo));
      if (!outcome.complete) {
        result.appendChild(el("p", "", "Do not stop to answer the other questions before you get help."));
      }
    }
    if (outcome.level !== "emergency") {
      result.appendChild(el("p", "", outcome.reassure ? "Pages that fit your answers:" : "Once you have advice, these pages may also help:"));
      result.appendChild(pages(answers));
    }
    result.appendChild(el("p", "hg-selfcheck__note", "This check does not name a diagnosis. Only a clinician who examines you can say what is causing your pain."));
    heading.focus();
  }

  function init() {
    var form = document.getElementById("hg-selfcheck");
    if (!form || form.dataset.ready) return;
    var data;
    try {
      data = JSON.parse(form.getAttribute("data-hg-care") || "");
    } catch (err) {
      return;   // the checklist below the form still gives all the advice
    }
    form.dataset.ready = "1";
    form.hidden = false;
    var result = document.getElementById("hg-selfcheck-result");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var marked = form.querySelectorAll(".hg-selfcheck__q--missing");
      for (var i = 0; i < marked.length; i++) marked[i].classList.remove("hg-selfcheck__q--missing");
      show(form, data, result);
    });
    form.addEventListener("reset", function () {
      result.textContent = "";
    });
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { triage: triage, RANK: RANK };   // node: the tests run the same triage()
  }
  if (typeof document === "undefined") return;
  // Material's instant loading swaps pages without a reload: hook into its document$ when present.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
