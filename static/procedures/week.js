// The week table (templates/procedures/week.html): column totals of every count, and per row the
// sum of the statuses, marked when it differs from the cases received plus those carried over from the
// previous period (the server refuses that row).
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
        if (input.dataset.count === "received" || input.dataset.count === "carried_over") {
          received += number;
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

  // Keyboard entry as in a spreadsheet: Enter and the arrows move between the cells of the table.
  const rows = Array.from(table.querySelectorAll("[data-row]")).map(function (row) {
    return Array.from(row.querySelectorAll("input.count"));
  });

  function move(input, rowStep, columnStep) {
    for (let r = 0; r < rows.length; r += 1) {
      const c = rows[r].indexOf(input);
      if (c === -1) {
        continue;
      }
      const target = (rows[r + rowStep] || [])[c + columnStep];
      if (target) {
        target.focus();
        target.select();
      }
      return Boolean(target);
    }
    return false;
  }

  table.addEventListener("keydown", function (event) {
    const input = event.target;
    if (!input.matches || !input.matches("input.count")) {
      return;
    }
    // A cell just reached has its value selected: the arrows then move on, as in a spreadsheet.
    const atStart = input.selectionStart === 0;
    const atEnd = input.selectionEnd === input.value.length;
    let moved = false;
    if (event.key === "Enter") {
      // Enter never submits the week half typed; the button below does.
      move(input, event.shiftKey ? -1 : 1, 0);
      event.preventDefault();
      return;
    }
    if (event.key === "ArrowDown") {
      moved = move(input, 1, 0);
    } else if (event.key === "ArrowUp") {
      moved = move(input, -1, 0);
    } else if (event.key === "ArrowRight" && atEnd) {
      moved = move(input, 0, 1);
    } else if (event.key === "ArrowLeft" && atStart) {
      moved = move(input, 0, -1);
    }
    if (moved) {
      event.preventDefault();
    }
  });
})();
