/* Foot to Back: first-party behaviour for readers on phones and keyboards. No requests, no storage.
   - Citation previews stay inside the viewport, open on tap (a second tap follows the link) and close
     with Escape (WCAG 1.4.13).
   - The folded references list opens when a citation is followed, a #ref- address is opened or the page
     is printed; "Back to the text" returns to the citation that was followed.
   - The header's menu and search buttons (Material's labels) can be reached and pressed from the keyboard;
     Escape in search returns focus to where the reader was. */
(function () {
  "use strict";
  var MARGIN = 8;

  // Each number's preview is the span right after its link (a marker may hold several numbers).
  function previewOf(link) {
    var next = link && link.nextElementSibling;
    return next && next.classList.contains("hg-cite__preview") ? next : null;
  }

  function placePreview(link) {
    var preview = previewOf(link);
    if (!preview) return;
    var viewport = document.documentElement.clientWidth;
    var rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    var width = Math.min(22 * rem, viewport - 2 * MARGIN);
    var origin = link.closest("sup.hg-cite").getBoundingClientRect().left;   // the preview's containing block
    var left = link.getBoundingClientRect().left;
    // Start under the number, then shift so both edges stay on screen.
    var shift = Math.min(0, viewport - MARGIN - (left + width));
    shift = Math.max(shift, MARGIN - left);
    preview.style.width = width + "px";
    preview.style.left = (left - origin + shift) + "px";
  }

  function closeAll(except) {
    var open = document.querySelectorAll("a.hg-cite__link.hg-cite--open");
    for (var i = 0; i < open.length; i++) if (open[i] !== except) open[i].classList.remove("hg-cite--open");
  }

  function openReferences(hash) {
    var id = decodeURIComponent((hash || "").replace(/^#/, ""));
    if (!id) return;
    var target = document.getElementById(id);
    var fold = target && target.closest(".hg-references__fold");
    if (fold && !fold.open) {
      fold.open = true;
      target.scrollIntoView();
    }
  }

  var pointer = "mouse";
  document.addEventListener("pointerdown", function (event) { pointer = event.pointerType || "mouse"; }, true);

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.hg-cite__link");
    if (!link) {
      if (!(event.target.closest && event.target.closest(".hg-cite__preview"))) closeAll(null);
      return;
    }
    // A tap opens the preview where the reader is; a second tap on the same number goes to the list.
    if (pointer !== "mouse" && !link.classList.contains("hg-cite--open") && previewOf(link)) {
      event.preventDefault();
      closeAll(link);
      link.closest("sup.hg-cite").classList.remove("hg-cite--dismissed");
      link.classList.add("hg-cite--open");
      placePreview(link);
      return;
    }
    closeAll(null);
    var target = document.getElementById((link.getAttribute("href") || "").slice(1));
    var back = target && target.querySelector(".hg-ref__back");
    if (back && link.id) back.setAttribute("href", "#" + link.id);
    openReferences(link.getAttribute("href"));
  });

  function onEnter(event) {
    var link = event.target.closest && event.target.closest("a.hg-cite__link");
    if (!link) return;
    link.closest("sup.hg-cite").classList.remove("hg-cite--dismissed");
    placePreview(link);
  }
  document.addEventListener("focusin", onEnter);
  document.addEventListener("mouseover", onEnter);
  window.addEventListener("resize", function () {
    var open = document.querySelectorAll("a.hg-cite__link.hg-cite--open");
    for (var i = 0; i < open.length; i++) placePreview(open[i]);
  });

  window.addEventListener("hashchange", function () { openReferences(location.hash); });
  openReferences(location.hash);

  // Print the references in full, then fold them again.
  var reopened = [];
  window.addEventListener("beforeprint", function () {
    var folds = document.querySelectorAll(".hg-references__fold:not([open])");
    for (var i = 0; i < folds.length; i++) { folds[i].open = true; reopened.push(folds[i]); }
  });
  window.addEventListener("afterprint", function () {
    while (reopened.length) reopened.pop().open = false;
  });

  // Keyboard: Material's header menu and search buttons are labels; make them reachable buttons.
  var buttons = [["__drawer", "Open the menu"], ["__search", "Open search"]];
  buttons.forEach(function (item) {
    var label = document.querySelector('.md-header label.md-header__button[for="' + item[0] + '"]');
    if (!label) return;
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    label.setAttribute("aria-label", item[1]);
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      // Material already clicks a focused label on Enter; Space is ours (and must not scroll the page).
      if (event.key === " ") {
        event.preventDefault();
        label.click();
      }
      if (item[0] === "__search") {
        var input = document.querySelector(".md-search__input");
        if (input) setTimeout(function () { input.focus(); }, 0);
      } else {
        var first = document.querySelector(".md-sidebar--primary a[href]");
        if (first) setTimeout(function () { first.focus(); }, 300);
      }
    });
  });

  // Escape: dismiss an open preview, or leave search and go back to where the reader was.
  var beforeSearch = null;
  document.addEventListener("focusin", function (event) {
    if (!(event.target.closest && event.target.closest(".md-search"))) beforeSearch = event.target;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = document.querySelectorAll("sup.hg-cite:hover, sup.hg-cite:focus-within, sup.hg-cite:has(.hg-cite--open)");
    for (var i = 0; i < open.length; i++) open[i].classList.add("hg-cite--dismissed");
    closeAll(null);
    var toggle = document.getElementById("__search");
    var inSearch = document.activeElement && document.activeElement.closest && document.activeElement.closest(".md-search");
    if (!inSearch && !(toggle && toggle.checked)) return;
    setTimeout(function () {
      if (toggle && toggle.checked) toggle.click();
      var button = document.querySelector('.md-header label.md-header__button[for="__search"]');
      var back = beforeSearch && document.contains(beforeSearch) && beforeSearch.offsetParent !== null ? beforeSearch : null;
      if (!back && button && button.offsetParent !== null) back = button;
      if (!back) {
        back = document.querySelector(".md-content h1");
        if (back) back.setAttribute("tabindex", "-1");
      }
      if (back) back.focus();
    }, 0);
  });
})();
