// Range picker (templates/wards/_range_picker.html): "week" and "month" snap the dates to the
// Monday-Sunday week or the calendar month of the start date; "custom" leaves them alone.
(function () {
  "use strict";

  function iso(day) {
    const pad = (n) => String(n).padStart(2, "0");
    return day.getFullYear() + "-" + pad(day.getMonth() + 1) + "-" + pad(day.getDate());
  }

  function parse(value) {
    const parts = value.split("-").map(Number);
    return parts.length === 3 ? new Date(parts[0], parts[1] - 1, parts[2]) : null;
  }

  function snap(form) {
    const mode = form.querySelector("[data-range-mode]").value;
    const start = form.querySelector("[name=start]");
    const end = form.querySelector("[name=end]");
    const day = parse(start.value);
    if (!day || mode === "custom") {
      return;
    }
    let first;
    let last;
    if (mode === "week") {
      first = new Date(day.getFullYear(), day.getMonth(), day.getDate() - ((day.getDay() + 6) % 7));
      last = new Date(first.getFullYear(), first.getMonth(), first.getDate() + 6);
    } else {
      first = new Date(day.getFullYear(), day.getMonth(), 1);
      last = new Date(day.getFullYear(), day.getMonth() + 1, 0);
    }
    start.value = iso(first);
    end.value = iso(last);
  }

  document.querySelectorAll("[data-range-picker]").forEach(function (form) {
    form.querySelector("[data-range-mode]").addEventListener("change", function () { snap(form); });
    form.querySelector("[name=start]").addEventListener("change", function () { snap(form); });
  });
})();
