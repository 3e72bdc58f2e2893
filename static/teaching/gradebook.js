// The gradebook grid: keyboard entry, and each cell saved as the teacher leaves it.
//
// Enter and Shift+Enter move down and up, the arrows move in every direction,
// Tab and Shift+Tab follow the page's own order (right, then the next row), and
// Shift+F2 opens the cell's comment. Saves go out one after another, so the
// last thing typed is the last thing stored.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";

  const table = document.getElementById("gradebook");
  const tokenTag = document.querySelector('meta[name="csrf-token"]');
  if (!table || !tokenTag) {
    return;
  }
  const token = tokenTag.getAttribute("content");
  const status = document.getElementById("grid-status");
  const grid = Array.from(table.tBodies[0].rows).map(function (row) {
    return Array.from(row.querySelectorAll("input.score"));
  });
  let queue = Promise.resolve();
  const lastSent = new WeakMap();
  let pending = 0;

  function where(input) {
    const row = input.closest("tr").sectionRowIndex;
    return { row: row, column: grid[row].indexOf(input) };
  }

  function move(input, down, right) {
    const here = where(input);
    const row = grid[here.row + down];
    const target = row && row[here.column + right];
    if (target) {
      target.focus();
    } else {
      input.select();
    }
  }

  function cellOf(input) {
    return input.closest("td");
  }

  function errorOf(input) {
    return cellOf(input).querySelector(".cell-error");
  }

  function clearError(input) {
    const error = errorOf(input);
    if (error) {
      error.remove();
    }
    input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", input.dataset.describedby);
    cellOf(input).classList.remove("invalid");
  }

  function showError(input, message) {
    let error = errorOf(input);
    if (!error) {
      error = document.createElement("span");
      error.className = "cell-error";
      error.id = input.dataset.describedby + "-error";
      error.setAttribute("role", "alert");
      cellOf(input).appendChild(error);
    }
    error.textContent = message;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", input.dataset.describedby + " " + error.id);
    cellOf(input).classList.add("invalid");
  }

  function showFlags(input, flags, comment) {
    const cell = cellOf(input);
    ["missing", "excused", "incomplete", "late"].forEach(function (flag) {
      cell.classList.toggle("flag-" + flag, flags.indexOf(flag) !== -1);
    });
    cell.classList.toggle("commented", comment !== "");
    if (comment) {
      cell.setAttribute("title", comment);
    } else {
      cell.removeAttribute("title");
    }
    document.getElementById(input.dataset.describedby).textContent = comment
      ? "Comment: " + comment
      : "";
  }

  function showAverage(input, average, letter) {
    const cell = input.closest("tr").querySelector("[data-average]");
    cell.querySelector(".percent").textContent = average === null ? "—" : average + " %";
    cell.querySelector(".letter").textContent = letter;
  }

  function stored(input, sentValue, answer) {
    input.dataset.saved = answer.text;
    input.dataset.comment = answer.comment;
    if (document.activeElement !== input || input.value.trim() === sentValue) {
      input.value = answer.text;
      lastSent.set(input, answer.text);
      if (document.activeElement === input) {
        input.select();
      }
    }
    clearError(input);
    showFlags(input, answer.flags, answer.comment);
    showAverage(input, answer.average, answer.letter);
  }

  function showProgress() {
    const unsaved = table.querySelectorAll("td.invalid").length;
    if (pending > 0) {
      status.textContent = "Saving…";
    } else if (unsaved > 0) {
      status.textContent = unsaved + (unsaved === 1 ? " score is" : " scores are") +
        " not saved: see the message next to the cell.";
    } else {
      status.textContent = "All scores are saved.";
    }
  }

  function post(input, fields) {
    const body = new URLSearchParams(fields);
    return fetch(input.dataset.url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": token, Accept: "application/json" },
      body: body,
    }).then(function (response) {
      return response.json().then(
        function (answer) { return { ok: response.ok, answer: answer }; },
        function () { return { ok: false, answer: {} }; }
      );
    });
  }

  function unsavedMessage(answer) {
    return answer.error ||
      "This score could not be saved. Reload the page and type it again.";
  }

  // Send one change of a cell after every earlier change has been answered.
  function send(input, fields) {
    pending += 1;
    showProgress();
    const next = queue.then(function () {
      return post(input, fields).then(
        function (result) { return result; },
        function () {
          return {
            ok: false,
            answer: { error: "The server could not be reached: this score is not saved." },
          };
        }
      );
    }).then(function (result) {
      pending -= 1;
      if (result.ok) {
        stored(input, fields.value, result.answer);
      } else if (!("comment" in fields)) {
        showError(input, unsavedMessage(result.answer));
      }
      showProgress();
      if (!result.ok && "comment" in fields) {
        throw new Error(unsavedMessage(result.answer));
      }
    });
    queue = next.catch(function () {});
    return next;
  }

  function commit(input) {
    const value = input.value.trim();
    if (value === lastSent.get(input)) {
      return;
    }
    lastSent.set(input, value);
    send(input, { value: value });
  }

  // Comments, in one dialog shared by every cell.
  const dialog = document.getElementById("comment-dialog");
  const commentForm = document.getElementById("comment-form");
  const commentText = document.getElementById("comment-text");
  const commentError = document.getElementById("comment-error");
  let commenting = null;

  function openComment(input) {
    commit(input);
    commenting = input;
    document.getElementById("comment-cell").textContent = input.getAttribute("aria-label");
    commentText.value = input.dataset.comment || "";
    commentError.textContent = "";
    dialog.showModal();
    commentText.focus();
  }

  commentForm.addEventListener("submit", function (event) {
    event.preventDefault();
    const input = commenting;
    send(input, { comment: commentText.value.trim() }).then(
      function () { dialog.close(); },
      function (error) { commentError.textContent = error.message; }
    );
  });
  document.getElementById("comment-cancel").addEventListener("click", function () {
    dialog.close();
  });
  dialog.addEventListener("close", function () {
    if (commenting) {
      commenting.focus();
      commenting = null;
    }
  });

  // The grid's keys.
  const moves = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };

  function onKey(event) {
    const input = event.target;
    if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      commit(input);
      move(input, event.shiftKey ? -1 : 1, 0);
    } else if (event.key in moves && !event.shiftKey) {
      event.preventDefault();
      commit(input);
      move(input, moves[event.key][0], moves[event.key][1]);
    } else if (event.key === "F2" && event.shiftKey) {
      event.preventDefault();
      openComment(input);
    } else if (event.key === "Escape") {
      input.value = input.dataset.saved;
      input.select();
    }
  }

  grid.forEach(function (row) {
    row.forEach(function (input) {
      input.dataset.describedby = input.getAttribute("aria-describedby");
      lastSent.set(input, input.dataset.saved);
      input.addEventListener("keydown", onKey);
      input.addEventListener("focus", function () { input.select(); });
      input.addEventListener("blur", function () { commit(input); });
    });
  });
});
