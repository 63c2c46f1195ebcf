/* Foot to Back self-check. Runs only in this browser: no requests, no storage, no cookies.
 *
 * The page's Markdown checklist is the single source of advice. Each checklist item lists the answers
 * it fits in data-hg-when (tokens such as "fever=yes"). This script reveals the question form (from the
 * self-check.html template), turns the answers into tokens and shows the matching items:
 * emergency signs first, then same-day signs, otherwise the pages that fit. It never names a diagnosis.
 */
(function () {
  "use strict";

  function init() {
    var form = document.getElementById("hg-selfcheck");
    var checklist = document.getElementById("hg-selfcheck-checklist");
    if (!form || !checklist || form.dataset.ready) return;
    form.dataset.ready = "1";
    var anchor = document.getElementById("the-checklist") || checklist;   // the questions go above the checklist
    anchor.parentNode.insertBefore(form, anchor);
    form.hidden = false;
    var result = document.getElementById("hg-selfcheck-result");

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      show(result, tokens(form), checklist);
    });
    form.addEventListener("reset", function () {
      result.textContent = "";
    });
  }

  function tokens(form) {
    var out = [];
    var inputs = form.querySelectorAll("input:checked");
    for (var i = 0; i < inputs.length; i++) out.push(inputs[i].name + "=" + inputs[i].value);
    return out;
  }

  function matches(item, answers) {
    var wanted = (item.getAttribute("data-hg-when") || "").split(/\s+/);
    for (var i = 0; i < wanted.length; i++) {
      if (wanted[i] === "always" || answers.indexOf(wanted[i]) !== -1) return true;
    }
    return false;
  }

  /* A copy of a care box that keeps only the items matching the answers; null if none match. */
  function careBox(box, answers) {
    if (!box) return null;
    var copy = box.cloneNode(true);
    var items = copy.querySelectorAll("li[data-hg-when]");
    var kept = 0;
    for (var i = 0; i < items.length; i++) {
      if (matches(items[i], answers)) kept++;
      else items[i].parentNode.removeChild(items[i]);
    }
    return kept ? copy : null;
  }

  function pages(checklist, answers) {
    var list = document.createElement("ul");
    var items = checklist.querySelectorAll("#hg-selfcheck-pages li[data-hg-when]");
    for (var i = 0; i < items.length; i++) {
      if (matches(items[i], answers)) list.appendChild(items[i].cloneNode(true));
    }
    return list;
  }

  function para(text, className) {
    var p = document.createElement("p");
    p.textContent = text;
    if (className) p.className = className;
    return p;
  }

  function show(result, answers, checklist) {
    result.textContent = "";
    var heading = document.createElement("h3");
    heading.id = "hg-selfcheck-result-title";
    heading.tabIndex = -1;
    result.appendChild(heading);
    if (!answers.length) {
      heading.textContent = "No answers yet";
      result.appendChild(para("Answer at least one question, then choose Show my result."));
      heading.focus();
      return;
    }
    var emergency = careBox(checklist.querySelector(".care-emergency"), answers);
    var urgent = careBox(checklist.querySelector(".care-urgent"), answers);
    if (emergency) {
      heading.textContent = "Get help now";
      result.appendChild(para("Your answers include a warning sign that needs help straight away."));
      result.appendChild(emergency);
    } else if (urgent) {
      heading.textContent = "Get advice today";
      result.appendChild(para("Your answers include a sign that should be checked the same day."));
      result.appendChild(urgent);
      result.appendChild(para("Once you have advice, these pages may also help:"));
      result.appendChild(pages(checklist, answers));
    } else {
      heading.textContent = "Pages that fit your answers";
      result.appendChild(para("None of your answers is a warning sign. That does not rule anything out, so get checked if you are worried or the pain is not easing."));
      result.appendChild(pages(checklist, answers));
    }
    result.appendChild(para("This check does not name a diagnosis. Only a clinician who examines you can say what is causing your pain.", "hg-selfcheck__note"));
    heading.focus();
  }

  // Material's instant loading swaps pages without a reload: hook into its document$ when present.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
