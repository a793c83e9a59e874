// Keying in paper questionnaires: a score typed moves the cursor to the next box, so a
// sheet is five digits and Enter. The page works without this file.
document.querySelectorAll("form.paper .score input").forEach(function (box, i, boxes) {
  box.addEventListener("input", function () {
    if (/^[1-5๑-๕]$/.test(box.value) && i + 1 < boxes.length) {
      boxes[i + 1].focus();
      boxes[i + 1].select();
    }
  });
});
