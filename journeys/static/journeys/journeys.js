// Small behaviours that need no build step: codebook pickers, the transcript editor and
// self-submitting filters. The Content-Security-Policy allows no inline script or on*=
// attribute, so every behaviour lives here and is bound to data- attributes.
document.addEventListener("click", (event) => {
  const option = event.target.closest("[data-pick-id]");
  if (option) {
    // A codebook picker option: put the term's id in the hidden field, its label in the box.
    const picker = option.closest(".picker");
    picker.querySelector("input[type=hidden]").value = option.dataset.pickId;
    picker.querySelector("input[type=search]").value = option.dataset.pickLabel;
    picker.querySelector(".picker-options").innerHTML = "";
    event.preventDefault();
    return;
  }
  const add = event.target.closest("[data-add-segment]");
  if (add) {
    // Clone the empty template row of the transcript editor and renumber its fields.
    const list = document.getElementById("segments");
    const total = document.getElementById("id_segments-TOTAL_FORMS");
    const html = document.getElementById("segment-template").innerHTML.replaceAll("__prefix__", total.value);
    list.insertAdjacentHTML("beforeend", html);
    total.value = Number(total.value) + 1;
    list.lastElementChild.querySelector("textarea").focus();
    event.preventDefault();
  }
});
document.addEventListener("keydown", (event) => {
  // Escape closes an open picker list without choosing.
  if (event.key === "Escape") {
    document.querySelectorAll(".picker-options").forEach((list) => { list.innerHTML = ""; });
  }
});
document.addEventListener("change", (event) => {
  // A filter marked data-autosubmit (e.g. the codebook's kind) reloads the list at once.
  const field = event.target.closest("[data-autosubmit]");
  if (field && field.form) {
    field.form.requestSubmit();
  }
});
// The review page: j and k move between the details found, a accepts, r rejects, e edits
// the replacement of the focused one; typing in a field is left alone.
document.addEventListener("keydown", (event) => {
  const rows = [...document.querySelectorAll("tr.detail")];
  if (!rows.length || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target.closest("input, textarea, select")) return;
  let at = rows.findIndex((row) => row.classList.contains("focused"));
  const focus = (index) => {
    rows.forEach((row) => row.classList.remove("focused"));
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    row.classList.add("focused");
    row.scrollIntoView({ block: "nearest" });
  };
  if (event.key === "j" || event.key === "k") {
    focus(at + (event.key === "j" ? 1 : -1));
  } else if (at >= 0 && (event.key === "a" || event.key === "r")) {
    rows[at].querySelector(`button[data-key-action="${event.key}"]`).click();
  } else if (at >= 0 && event.key === "e") {
    rows[at].querySelector('input[data-key-action="e"]').focus();
  } else {
    return;
  }
  event.preventDefault();
});
// The transcript editor: a transcript longer than one interview may hold is not sent (the
// server would refuse it, and a very large one would be lost with a bare error); the page
// says so in its language and keeps everything typed.
document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-max-chars]");
  if (!form) return;
  let total = 0;
  form.querySelectorAll("#segments textarea").forEach((area) => {
    total += [...area.value.trim()].length;
  });
  const notice = document.getElementById("transcript-too-long");
  if (total > Number(form.dataset.maxChars)) {
    event.preventDefault();
    notice.hidden = false;
    notice.scrollIntoView({ block: "center" });
  } else {
    notice.hidden = true;
  }
});
// The top bar's menu is a <details>: it opens and closes without script; a click elsewhere
// or Escape closes it too, as a menu is expected to.
document.addEventListener("click", (event) => {
  document.querySelectorAll("details.menu[open]").forEach((menu) => {
    if (!menu.contains(event.target)) menu.open = false;
  });
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll("details.menu[open]").forEach((menu) => {
    menu.open = false;
    menu.querySelector("summary").focus();
  });
});
