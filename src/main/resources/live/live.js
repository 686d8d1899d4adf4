// The live seat page: draws the event's sections from the public API and follows its availability stream. On each
// message it updates the counts and re-reads the seat maps of the reserved sections. No framework, no CDN.
(function () {
  "use strict";
  var STATES = { A: "available", H: "held", B: "booked" };
  var match = location.pathname.match(/^\/events\/([^/]+)\/live\/?$/);
  var eventId = match ? decodeURIComponent(match[1]) : "";
  var api = "/api/v1/events/" + encodeURIComponent(eventId);
  var sectionsById = {};

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function getJson(path) {
    return fetch(path, { headers: { Accept: "application/json" }, cache: "no-store" }).then(function (response) {
      if (!response.ok) { throw new Error(path + " answered " + response.status); }
      return response.json();
    });
  }

  function countsText(counts) {
    return counts.available + " available · " + counts.held + " held · " + counts.booked + " booked · of "
        + counts.total;
  }

  function drawSections(event) {
    document.getElementById("event-name").textContent = event.name + " · live seats";
    var container = document.getElementById("sections");
    (event.sections || []).forEach(function (section) {
      var box = el("section", { "class": "section", "data-section": section.id,
                                "aria-labelledby": "title-" + section.id });
      box.appendChild(el("h2", { id: "title-" + section.id }, section.name || section.id));
      var counts = el("p", { "class": "counts", "data-counts": section.id });
      box.appendChild(counts);
      var reserved = Array.isArray(section.rows);
      var map = reserved ? el("div", { "class": "seat-map", role: "group",
                                       "aria-label": "Seats of " + (section.name || section.id) }) : null;
      if (map) {
        // Rows are drawn from the front (the first row) down, so the stage sits above them, as wide as the rows.
        var seating = el("div", { "class": "seating" });
        seating.appendChild(el("div", { "class": "stage", "data-stage": section.id }, "Stage"));
        seating.appendChild(map);
        box.appendChild(seating);
      }
      container.appendChild(box);
      sectionsById[section.id] = { section: section, counts: counts, map: map, accessible: accessibleSeats(section) };
    });
  }

  function accessibleSeats(section) {
    var seats = {};
    (section.rows || []).forEach(function (row) {
      (row.accessible || []).forEach(function (seat) { seats[row.row + "-" + seat] = true; });
    });
    return seats;
  }

  function showCounts(status) {
    document.getElementById("totals").textContent = countsText(status);
    (status.sections || []).forEach(function (counts) {
      var known = sectionsById[counts.id];
      if (known) { known.counts.textContent = countsText(counts); }
    });
  }

  function drawSeatMap(known, seatMap) {
    var rows = document.createDocumentFragment();
    seatMap.rows.forEach(function (row) {
      var line = el("div", { "class": "row", "data-row": row.row });
      line.appendChild(el("span", { "class": "row-label", "aria-hidden": "true" }, row.row));
      for (var i = 0; i < row.states.length; i++) {
        var state = STATES[row.states.charAt(i)] || "unknown";
        var seat = row.row + "-" + (i + 1);
        var label = "Row " + row.row + ", seat " + (i + 1) + ": " + state
            + (known.accessible[seat] ? ", wheelchair space" : "");
        line.appendChild(el("span", { "class": "seat", role: "img", "data-seat": seat, "data-state": state,
                                      "data-accessible": known.accessible[seat] ? "true" : "false",
                                      "aria-label": label, title: label }));
      }
      rows.appendChild(line);
    });
    known.map.replaceChildren(rows);
  }

  var refreshing = null;
  var again = false;

  // One re-read at a time; a message arriving meanwhile asks for one more afterwards.
  function refreshSeatMaps() {
    if (refreshing) { again = true; return refreshing; }
    var reads = Object.keys(sectionsById).filter(function (id) { return sectionsById[id].map; }).map(function (id) {
      return getJson(api + "/sections/" + encodeURIComponent(id) + "/seats").then(function (seatMap) {
        drawSeatMap(sectionsById[id], seatMap);
      });
    });
    refreshing = Promise.all(reads).catch(function (error) { console.warn(error); }).then(function () {
      refreshing = null;
      document.body.setAttribute("data-seq", document.body.getAttribute("data-pending-seq") || "");
      if (again) { again = false; return refreshSeatMaps(); }
    });
    return refreshing;
  }

  function follow() {
    var connection = document.getElementById("connection");
    var stream = new EventSource(api + "/availability");
    stream.addEventListener("open", function () {
      connection.setAttribute("data-state", "live");
      connection.textContent = "Live";
    });
    stream.addEventListener("availability", function (message) {
      document.body.setAttribute("data-pending-seq", message.lastEventId);
      showCounts(JSON.parse(message.data));
      refreshSeatMaps();
    });
    stream.addEventListener("error", function () {
      connection.setAttribute("data-state", "reconnecting");
      connection.textContent = "Reconnecting…";
    });
  }

  getJson(api).then(function (event) {
    drawSections(event);
    return Promise.all([getJson(api + "/status").then(showCounts), refreshSeatMaps()]);
  }).then(follow).catch(function (error) {
    var connection = document.getElementById("connection");
    connection.setAttribute("data-state", "failed");
    connection.textContent = "Cannot show this event: " + error.message;
  });
})();
