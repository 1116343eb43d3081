// The week table (templates/procedures/week.html): column totals of every count, and per row the
// sum of the statuses, marked when it differs from the cases received (the server refuses that row).
(function () {
  "use strict";

  const table = document.querySelector("[data-week-table]");
  if (!table) {
    return;
  }
  const statuses = new Set(table.dataset.statusFields.split(" "));
  const format = new Intl.NumberFormat("vi-VN");

  function value(input) {
    const number = parseInt(input.value, 10);
    return Number.isNaN(number) ? 0 : number;
  }

  function update() {
    const columns = [];
    let grand = 0;
    table.querySelectorAll("[data-row]").forEach(function (row) {
      let statusSum = 0;
      let received = 0;
      row.querySelectorAll("input.count").forEach(function (input, index) {
        const number = value(input);
        columns[index] = (columns[index] || 0) + number;
        if (statuses.has(input.dataset.count)) {
          statusSum += number;
        }
        if (input.dataset.count === "received") {
          received = number;
        }
      });
      const cell = row.querySelector("[data-row-total]");
      cell.textContent = format.format(statusSum);
      cell.classList.toggle("mismatch", statusSum !== received);
      grand += statusSum;
    });
    table.querySelectorAll("[data-column-total]").forEach(function (cell, index) {
      cell.textContent = format.format(columns[index] || 0);
    });
    table.querySelector("[data-grand-total]").textContent = format.format(grand);
  }

  table.addEventListener("input", update);
  update();
})();
