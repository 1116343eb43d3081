// Period picker (templates/wards/_period_picker.html): a week, month, quarter or year snaps the dates to
// that period around the start date (the server does the same without this script); "custom" leaves
// them alone. A week is Monday to Saturday, the period of the weekly report.
(function () {
  "use strict";

  const MONTHS = { month: 1, quarter: 3, year: 12 };

  function iso(day) {
    const pad = (n) => String(n).padStart(2, "0");
    return day.getFullYear() + "-" + pad(day.getMonth() + 1) + "-" + pad(day.getDate());
  }

  function parse(value) {
    const parts = value.split("-").map(Number);
    return parts.length === 3 ? new Date(parts[0], parts[1] - 1, parts[2]) : null;
  }

  function snap(form) {
    const kind = form.querySelector("[data-period-kind]").value;
    const start = form.querySelector("[name=start]");
    const end = form.querySelector("[name=end]");
    const day = start && parse(start.value);
    if (!day || kind === "custom") {
      return;
    }
    let first;
    let last;
    if (kind === "week") {
      first = new Date(day.getFullYear(), day.getMonth(), day.getDate() - ((day.getDay() + 6) % 7));
      last = new Date(first.getFullYear(), first.getMonth(), first.getDate() + 5);
    } else {
      const months = MONTHS[kind];
      first = new Date(day.getFullYear(), Math.floor(day.getMonth() / months) * months, 1);
      last = new Date(first.getFullYear(), first.getMonth() + months, 0);
    }
    start.value = iso(first);
    end.value = iso(last);
  }

  document.querySelectorAll("[data-period-picker]").forEach(function (form) {
    form.querySelector("[data-period-kind]").addEventListener("change", function () { snap(form); });
    const start = form.querySelector("[name=start]");
    if (start) {
      start.addEventListener("change", function () { snap(form); });
    }
  });
})();
