// The report page made for editing: sections changed but not saved are marked (in the contents too),
// one button saves them all, leaving the page with unsaved changes asks first, and the list of figures
// can be searched. A section comes back from the server after each save; one refused keeps the text
// typed and stays marked (the server sets data-dirty on its form).
(function () {
  "use strict";

  const sections = document.getElementById("report-sections");
  const saveAll = document.getElementById("save-all");
  const state = document.getElementById("save-state");

  function dirtyForms() {
    return Array.from(document.querySelectorAll("form[data-section-form][data-dirty]"));
  }

  function refresh() {
    const dirty = new Set(dirtyForms().map((form) => form.dataset.sectionForm));
    for (const card of document.querySelectorAll(".report-section")) {
      const isDirty = dirty.has(card.dataset.section);
      card.classList.toggle("is-dirty", isDirty);
      card.classList.toggle("has-error", Boolean(card.querySelector("[data-section-error]")));
      card.querySelector("[data-unsaved-badge]")?.classList.toggle("d-none", !isDirty);
    }
    for (const item of document.querySelectorAll("[data-toc]")) {
      item.querySelector("[data-toc-unsaved]").classList.toggle("d-none", !dirty.has(item.dataset.toc));
    }
    if (saveAll) {
      saveAll.disabled = dirty.size === 0;
      document.getElementById("dirty-count").textContent = String(dirty.size);
    }
    if (state && sections) {
      state.textContent = dirty.size
        ? sections.dataset.unsavedText.replace("{count}", String(dirty.size))
        : sections.dataset.cleanText;
    }
  }

  function markDirty(event) {
    const form = event.target.closest && event.target.closest("form[data-section-form]");
    if (form && !form.dataset.dirty) {
      form.dataset.dirty = "1";
      refresh();
    }
  }

  document.addEventListener("input", markDirty);
  document.addEventListener("change", markDirty);
  // A swapped section is the server's answer: saved (clean) or refused (still marked dirty).
  document.body.addEventListener("htmx:afterSwap", refresh);

  // One section after the other: the server saves each under its own lock, and a small database
  // (SQLite) would refuse writes that arrive all at once.
  function saveNext(queue) {
    const form = queue.shift();
    if (!form) return;
    form.addEventListener("htmx:afterRequest", () => saveNext(queue), { once: true });
    window.htmx.trigger(form, "submit");
  }

  saveAll?.addEventListener("click", () => saveNext(dirtyForms()));

  window.addEventListener("beforeunload", (event) => {
    if (dirtyForms().length) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  for (const button of document.querySelectorAll("[data-sections]")) {
    button.addEventListener("click", () => {
      for (const card of document.querySelectorAll("details.report-section")) {
        card.open = button.dataset.sections === "open";
      }
    });
  }
  // Following a link of the contents opens a collapsed section.
  for (const link of document.querySelectorAll("#report-toc a")) {
    link.addEventListener("click", () => {
      const target = document.querySelector(link.getAttribute("href"));
      if (target) target.open = true;
    });
  }

  // Searching ignores accents, so "tiep nhan" finds "tiếp nhận".
  const plain = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  const search = document.getElementById("placeholder-search");
  const filter = () => {
    const wanted = plain(search.value.trim());
    let shown = 0;
    for (const row of document.querySelectorAll("tr[data-placeholder]")) {
      const match = !wanted || plain(row.textContent).includes(wanted);
      row.classList.toggle("d-none", !match);
      shown += match ? 1 : 0;
    }
    document.getElementById("placeholder-none").classList.toggle("d-none", shown > 0);
  };
  search?.addEventListener("input", filter);
  // The rows come with each preview (out of band): a refreshed list keeps the search typed.
  document.body.addEventListener("htmx:oobAfterSwap", (event) => {
    if (search && event.detail.target?.id === "placeholder-rows") filter();
  });
  // A preview that fails leaves no rows; say so rather than "Loading…" for ever.
  document.body.addEventListener("htmx:responseError", (event) => {
    const rows = document.getElementById("placeholder-rows");
    if (rows && event.detail.elt?.id === "report-preview" && !rows.querySelector("tr[data-placeholder]")) {
      rows.querySelector("td").textContent = rows.dataset.errorText;
    }
  });

  refresh();
})();
