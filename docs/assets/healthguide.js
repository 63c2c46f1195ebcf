/* Foot to Back: citation previews can be dismissed with Escape (WCAG 1.4.13). First-party, no requests. */
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = document.querySelectorAll("sup.hg-cite:hover, sup.hg-cite:focus-within");
    for (var i = 0; i < open.length; i++) open[i].classList.add("hg-cite--dismissed");
  });
  function reset(event) {
    var cite = event.target.closest && event.target.closest("sup.hg-cite");
    if (cite) cite.classList.remove("hg-cite--dismissed");
  }
  document.addEventListener("focusin", reset);
  document.addEventListener("mouseover", reset);
})();
