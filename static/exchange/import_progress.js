// The import page's progress bar: asks the server every second how far the
// import has gone, and reloads the page for the summary once it is over.
(function () {
  "use strict";

  var box = document.querySelector("[data-progress-url]");
  if (!box) {
    return;
  }
  var url = box.getAttribute("data-progress-url");
  var bar = box.querySelector("progress");
  var label = box.querySelector("label");
  var counts = box.querySelector("[data-counts]");
  var status = document.querySelector("[data-status]");
  var shownStep = null;

  function show(progress) {
    if (status) {
      status.textContent = progress.status_label;
    }
    if (progress.status === "running" && progress.step !== shownStep) {
      shownStep = progress.step;
      label.textContent = progress.step || "Starting";
    }
    if (progress.total > 0) {
      bar.max = progress.total;
      bar.value = progress.done;
      counts.textContent =
        progress.done.toLocaleString() + " of " + progress.total.toLocaleString() + " rows";
    } else {
      bar.removeAttribute("value");
    }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.json();
      })
      .then(function (progress) {
        if (progress.finished) {
          window.location.reload();
          return;
        }
        show(progress);
        window.setTimeout(poll, 1000);
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }

  window.setTimeout(poll, 1000);
})();
