/* The admin complaint map (templates/admin/_map.html): pins coloured by status and clustered,
   fetched from /admin/cases/map.json with the queue's filters, and the cases placed only in
   words listed beside it; or, on a case page, that case's one pin. A file of its own: the
   Content-Security-Policy runs no inline script. */
(function () {
  "use strict";

  var THAILAND = [13.0, 101.0];
  var OSM_COPYRIGHT = "https://www.openstreetmap.org/copyright";

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  // The credit is plain text (a setting); OpenStreetMap's licence asks for a link to it.
  function attributionHtml(text) {
    var html = escapeHtml(text);
    return html.replace("OpenStreetMap", '<a href="' + OSM_COPYRIGHT + '">OpenStreetMap</a>');
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function colours(box) {
    var out = {};
    box.querySelectorAll(".casemap-legend li").forEach(function (li) {
      out[li.getAttribute("data-status")] = li.getAttribute("data-colour");
    });
    return out;
  }

  function newMap(box) {
    var map = L.map(box.querySelector(".casemap-map"), { scrollWheelZoom: false });
    var tiles = box.getAttribute("data-tiles");
    if (tiles) {
      L.tileLayer(tiles, {
        maxZoom: 19,
        attribution: attributionHtml(box.getAttribute("data-attribution") || ""),
      }).addTo(map);
    }
    return map;
  }

  function pinMarker(latlng, colour, status) {
    return L.circleMarker(latlng, {
      status: status,
      radius: 9,
      color: "#ffffff",
      weight: 2,
      fillColor: colour || "#1f5f8b",
      fillOpacity: 0.95,
    });
  }

  // A group of nearby pins: its count inside a ring whose arcs are the statuses' shares, so
  // the mix of open and finished cases shows before anyone zooms in.
  function clusterIcon(byStatus) {
    return function (cluster) {
      var markers = cluster.getAllChildMarkers();
      var counts = {};
      markers.forEach(function (m) {
        counts[m.options.status] = (counts[m.options.status] || 0) + 1;
      });
      var stops = [];
      var at = 0;
      Object.keys(byStatus).forEach(function (status) {
        if (!counts[status]) return;
        var end = at + (counts[status] / markers.length) * 360;
        stops.push(byStatus[status] + " " + at + "deg " + end + "deg");
        at = end;
      });
      var size = markers.length < 10 ? 36 : markers.length < 100 ? 42 : 48;
      return L.divIcon({
        html:
          '<div class="ring" style="background: conic-gradient(' + stops.join(", ") + ')">' +
          "<span>" + markers.length + "</span></div>",
        className: "casemap-cluster",
        iconSize: L.point(size, size),
      });
    };
  }

  function popup(p, colour) {
    var box = el("div", "casemap-popup");
    var link = el("a", "", p.case_number);
    link.href = p.url;
    box.appendChild(link);
    box.appendChild(el("div", "", p.category));
    var status = el("div", "");
    var dot = el("span", "dot");
    dot.style.background = colour;
    status.appendChild(dot);
    status.appendChild(document.createTextNode(p.status_th + (p.overdue ? " · เกินกำหนด" : "")));
    box.appendChild(status);
    if (p.place) box.appendChild(el("div", "", p.place));
    return box;
  }

  function textItem(t) {
    var li = el("li", "");
    var link = el("a", "", t.case_number);
    link.href = t.url;
    li.appendChild(link);
    li.appendChild(document.createTextNode(" · " + t.status_th + (t.overdue ? " · เกินกำหนด" : "")));
    li.appendChild(el("span", "place", t.place));
    li.appendChild(el("span", "note", t.category));
    return li;
  }

  function showOne(box) {
    var at = [parseFloat(box.getAttribute("data-lat")), parseFloat(box.getAttribute("data-lng"))];
    var map = newMap(box);
    pinMarker(at, box.getAttribute("data-colour"), "").addTo(map);
    map.setView(at, 16);
  }

  function showMany(box) {
    var map = newMap(box);
    var status = box.querySelector(".casemap-status");
    var list = box.querySelector(".casemap-text");
    var byStatus = colours(box);
    map.setView(THAILAND, 5);
    fetch(box.getAttribute("data-points"), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (r) {
        var json = (r.headers.get("Content-Type") || "").indexOf("application/json") === 0;
        if (!r.ok || !json) throw new Error(String(r.status));
        return r.json();
      })
      .then(function (data) {
        var cluster = L.markerClusterGroup({
          maxClusterRadius: 40,
          showCoverageOnHover: false,
          iconCreateFunction: clusterIcon(byStatus),
        });
        data.pins.forEach(function (p) {
          var colour = byStatus[p.status];
          var marker = pinMarker([p.lat, p.lng], colour, p.status);
          marker.bindPopup(popup(p, colour));
          cluster.addLayer(marker);
        });
        map.addLayer(cluster);
        if (data.pins.length) map.fitBounds(cluster.getBounds(), { maxZoom: 16, padding: [30, 30] });
        data.text_only.forEach(function (t) {
          list.appendChild(textItem(t));
        });
        if (!data.text_only.length) list.appendChild(el("li", "note", "ไม่มี"));
        status.textContent =
          "ระบุพิกัด " + data.pins.length + " เรื่อง · ระบุสถานที่เป็นข้อความ " +
          data.text_only.length + " เรื่อง" +
          (data.truncated ? " (แสดงเฉพาะเรื่องล่าสุด กรองเพิ่มเพื่อดูเรื่องอื่น)" : "");
        box.setAttribute("data-loaded", "1");
      })
      .catch(function () {
        status.textContent = "โหลดข้อมูลแผนที่ไม่สำเร็จ กรุณาโหลดหน้านี้ใหม่ หรือเข้าสู่ระบบอีกครั้ง";
        box.setAttribute("data-loaded", "error");
      });
  }

  document.querySelectorAll(".casemap").forEach(function (box) {
    if (typeof L === "undefined") return;
    if (box.hasAttribute("data-lat")) showOne(box);
    else showMany(box);
  });
})();
