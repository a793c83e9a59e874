// Citizen forms' small helps, from a file because the CSP allows no inline script. Every
// form works without it: the server also drops the name and phone of an anonymous report.
(function () {
  "use strict";
  var anon = document.getElementById("anonymous");
  var note = document.getElementById("anonymous-note");
  if (!anon) return;
  var fields = ["contact_name", "phone"].map(function (id) { return document.getElementById(id); })
    .filter(Boolean);

  function apply(announce) {
    var hadText = fields.some(function (f) { return f.value.trim() !== ""; });
    fields.forEach(function (f) {
      if (anon.checked) f.value = "";
      f.disabled = anon.checked;
    });
    if (note) {
      note.hidden = !anon.checked;
      note.textContent = anon.checked && announce && hadText
        ? "ล้างชื่อและเบอร์โทรศัพท์ที่กรอกไว้แล้ว ระบบจะไม่บันทึกข้อมูลติดต่อของท่าน"
        : "ไม่ระบุตัวตน: ระบบจะไม่บันทึกชื่อและเบอร์โทรศัพท์ของท่าน";
    }
  }

  anon.addEventListener("change", function () { apply(true); });
  apply(false);
})();
