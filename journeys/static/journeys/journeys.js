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
