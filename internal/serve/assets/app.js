// mou serve works without this script. It adds three small helps: the
// error summary takes the focus when a page shows one, so that a screen
// reader reads it first; leaving a page with answers not yet saved asks
// first; and the preview of the document can be shown beside the form,
// where it is drawn again each time the page is saved.
(function () {
  "use strict";
  var summary = document.querySelector("[data-focus]");
  if (summary) {
    summary.focus();
  }
  var changed = false;
  document.addEventListener("input", function (e) {
    if (e.target.form) {
      changed = true;
    }
  });
  document.addEventListener("submit", function () {
    changed = false;
  });
  window.addEventListener("beforeunload", function (e) {
    if (changed) {
      e.preventDefault();
      e.returnValue = "";
    }
  });

  // The live preview. Its address changes with the file, so the frame
  // loads the document again after every save; whether it is shown is
  // remembered from page to page.
  var link = document.querySelector("[data-preview]");
  var page = document.querySelector(".page");
  if (!link || !page) {
    return;
  }
  var key = "mou-preview";
  var toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "button button-secondary preview-toggle";
  toggle.setAttribute("aria-controls", "preview");
  link.parentNode.appendChild(toggle);
  var panel = null;
  function show(on) {
    toggle.textContent = on ? "Hide the preview" : "Show the preview beside the form";
    toggle.setAttribute("aria-expanded", on ? "true" : "false");
    document.body.classList.toggle("previewing", on);
    if (on && !panel) {
      panel = document.createElement("aside");
      panel.id = "preview";
      panel.className = "preview";
      panel.setAttribute("aria-label", "Preview of " + link.getAttribute("data-document"));
      var frame = document.createElement("iframe");
      frame.title = "Preview of " + link.getAttribute("data-document");
      // Chrome's and Firefox's viewers read these: no page list, and
      // the page as wide as the frame.
      frame.src = link.getAttribute("data-preview") + "#navpanes=0&view=FitH";
      panel.appendChild(frame);
      page.appendChild(panel);
    } else if (!on && panel) {
      panel.remove();
      panel = null;
    }
    try {
      sessionStorage.setItem(key, on ? "on" : "off");
    } catch (e) {
      // Without storage the choice lasts for this page only.
    }
  }
  toggle.addEventListener("click", function () {
    show(!panel);
  });
  var remembered = "off";
  try {
    remembered = sessionStorage.getItem(key) || "off";
  } catch (e) {
    remembered = "off";
  }
  show(remembered === "on");
})();
