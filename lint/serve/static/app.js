// reportlint serve: send each document to the local server, show its findings, offer the downloads.
// The documents stay in this page (for the downloads, which send them again); the server keeps nothing.
(function () {
  "use strict";
  var maxSize = 0;
  var results = document.getElementById("results");
  var status = document.getElementById("status");
  var profile = document.getElementById("profile");
  var documents = [];  // {name, blob, card}

  function say(text) { status.textContent = text; status.className = text ? "error-box" : ""; }
  function megabytes(n) { return (n / 1024 / 1024).toFixed(1).replace(/\.0$/, ""); }
  function query(name) {
    return "?name=" + encodeURIComponent(name) + "&profile=" + encodeURIComponent(profile.value);
  }
  function post(path, doc) {
    return fetch(path + query(doc.name), {method: "POST", body: doc.blob}).then(function (response) {
      if (response.ok) return response;
      return response.json().then(function (body) { throw new Error(body.error || response.statusText); },
                                  function () { throw new Error(response.status + " " + response.statusText); });
    });
  }
  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }
  function filename(response, fallback) {
    var header = response.headers.get("Content-Disposition") || "";
    var m = /filename\*=UTF-8''([^;]+)/.exec(header);
    return m ? decodeURIComponent(m[1]) : fallback;
  }
  function button(label, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", action);
    return b;
  }
  function download(doc, path, fallback) {
    say("");
    post(path, doc).then(function (response) {
      return response.blob().then(function (blob) { save(blob, filename(response, fallback)); });
    }).catch(function (error) { say(error.message); });
  }
  function show(doc, body) {
    doc.card.textContent = "";
    var actions = document.createElement("div");
    actions.className = "actions";
    actions.appendChild(button("下载带批注的 Word 文件", function () {
      download(doc, "/api/annotate", doc.name + ".docx");
    }));
    if (body.fixable) {
      actions.appendChild(button("下载修正后的文本", function () { download(doc, "/api/fix", doc.name); }));
    }
    var summary = document.createElement("p");
    summary.className = "summary";
    summary.textContent = body.summary;
    var holder = document.createElement("div");
    holder.innerHTML = body.html;  // built and escaped by the server (lint/formats/html.py)
    doc.card.appendChild(summary);
    doc.card.appendChild(actions);
    doc.card.appendChild(holder.firstChild);
  }
  function refuse(doc, message) {
    doc.card.textContent = "";
    var p = document.createElement("p");
    p.className = "error-box";
    p.textContent = message;
    doc.card.appendChild(p);
  }
  function check(doc) {
    if (doc.blob.size > maxSize) {
      refuse(doc, "「" + doc.name + "」太大（" + megabytes(doc.blob.size) + " MB），上限为 " + megabytes(maxSize) +
                  " MB：请只上传报告本身。");
      return Promise.resolve();
    }
    doc.card.textContent = "正在检查「" + doc.name + "」…";
    doc.card.className = "result pending";
    return post("/api/lint", doc).then(function (response) { return response.json(); })
      .then(function (body) { doc.card.className = "result"; show(doc, body); })
      .catch(function (error) { doc.card.className = "result"; refuse(doc, error.message); });
  }
  function add(name, blob) {
    var card = document.createElement("div");
    card.className = "result";
    results.appendChild(card);
    var doc = {name: name, blob: blob, card: card};
    documents.push(doc);
    return check(doc);
  }
  function addFiles(list) {
    say("");
    for (var i = 0; i < list.length; i++) add(list[i].name, list[i]);
  }

  var drop = document.getElementById("drop");
  var input = document.getElementById("files");
  input.addEventListener("change", function () { addFiles(input.files); input.value = ""; });
  ["dragenter", "dragover"].forEach(function (type) {
    drop.addEventListener(type, function (event) { event.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (type) {
    drop.addEventListener(type, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    addFiles(event.dataTransfer.files);
  });
  drop.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); input.click(); }
  });
  document.getElementById("paste-check").addEventListener("click", function () {
    var text = document.getElementById("paste").value;
    if (!text.trim()) { say("请先粘贴文字。"); return; }
    say("");
    add("粘贴的文字.txt", new Blob([text], {type: "text/plain;charset=utf-8"}));
  });
  document.getElementById("clear").addEventListener("click", function () {
    documents = [];
    results.textContent = "";
    say("");
  });
  profile.addEventListener("change", function () { documents.forEach(check); });

  fetch("/api/info").then(function (r) { return r.json(); }).then(function (info) {
    maxSize = info.max_size;
    document.getElementById("limit").textContent = "每个文件不超过 " + megabytes(maxSize) + " MB";
    info.profiles.forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      option.textContent = name;
      profile.appendChild(option);
    });
    document.body.setAttribute("data-ready", "1");
  }).catch(function () { say("无法连接 reportlint 服务，请确认它仍在运行。"); });
  fetch("/api/rules").then(function (r) { return r.text(); }).then(function (html) {
    document.getElementById("rules-box").innerHTML = html;  // the rules' own documentation, escaped by the server
  });
})();
