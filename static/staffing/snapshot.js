// Column totals of the snapshot form, kept up to date while the clerk types.
(function () {
  "use strict";
  const form = document.getElementById("snapshot-form");
  if (!form) {
    return;
  }
  const formatter = new Intl.NumberFormat("vi-VN");
  function refresh() {
    form.querySelectorAll("[data-total-of]").forEach(function (cell) {
      const name = cell.getAttribute("data-total-of");
      let sum = 0;
      form.querySelectorAll('input[name$="-' + name + '"]').forEach(function (input) {
        const value = parseInt(input.value, 10);
        if (!Number.isNaN(value)) {
          sum += value;
        }
      });
      cell.textContent = formatter.format(sum);
    });
  }
  form.addEventListener("input", refresh);
  refresh();
})();
