// Admin pages' small behaviours, from a file because the CSP allows no inline script.
// Without script every page still works: forms have their own submit buttons.
(function () {
  "use strict";

  // On a phone each table row is shown as a card: every cell gets its column's heading as
  // data-label, which the stylesheet prints before the value.
  function labelCells(table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    if (!heads.length) return;
    table.classList.add("cards");
    Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (tr) {
      var col = 0;
      Array.prototype.forEach.call(tr.children, function (cell) {
        // A cell across the whole row ("ไม่มีรายการ") speaks for the row, not for one column.
        var whole = (cell.colSpan || 1) >= heads.length && heads.length > 1;
        if (!whole && !cell.hasAttribute("data-label") && heads[col]) {
          cell.setAttribute("data-label", heads[col]);
        }
        col += cell.colSpan || 1;
      });
    });
  }

  // <select data-autosubmit>: choosing sends its form (the button stays for no-script use).
  function autosubmit(select) {
    select.addEventListener("change", function () {
      if (select.form) select.form.submit();
    });
  }

  // <button data-print>: prints the page.
  function printButton(button) {
    button.addEventListener("click", function () {
      window.print();
    });
  }

  function ready() {
    Array.prototype.forEach.call(document.querySelectorAll("table.data"), labelCells);
    Array.prototype.forEach.call(document.querySelectorAll("select[data-autosubmit]"), autosubmit);
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), printButton);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
