// reportlint's report: jump to a finding, show what a highlight means, open a rule's explanation.
// Event delegation on the document, so it also serves the findings the local web page adds later.
(function () {
  "use strict";
  function openRule(id) {
    var rule = document.getElementById(id);
    if (rule && rule.tagName === "DETAILS") {
      rule.open = true;
      rule.scrollIntoView({block: "start"});
    }
  }
  function flash(id) {
    var marks = document.querySelectorAll("mark[data-f]");
    for (var i = 0; i < marks.length; i++) {
      var on = (" " + marks[i].getAttribute("data-f") + " ").indexOf(" " + id + " ") >= 0;
      marks[i].classList.toggle("flash", on);
    }
  }
  function closeBar() {
    var bar = document.getElementById("rl-bar");
    if (bar) bar.parentNode.removeChild(bar);
  }
  function showBar(mark) {
    closeBar();
    var bar = document.createElement("div");
    bar.id = "rl-bar";
    bar.setAttribute("role", "dialog");
    var close = document.createElement("button");
    close.className = "close";
    close.type = "button";
    close.textContent = "关闭";
    bar.appendChild(close);
    var list = document.createElement("ol");
    list.className = "findings";
    mark.getAttribute("data-f").split(" ").forEach(function (id) {
      var item = document.querySelector('li[data-f="' + id + '"]');
      if (item) list.appendChild(item.cloneNode(true));
    });
    bar.appendChild(list);
    document.body.appendChild(bar);
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var rule = target.closest("a.rule");
    if (rule) {
      event.preventDefault();
      closeBar();
      openRule(rule.getAttribute("href").slice(1));
      return;
    }
    var go = target.closest("a.go");
    if (go) {
      var id = go.getAttribute("href").slice(1);
      var anchor = document.getElementById(id);
      if (anchor) {
        event.preventDefault();
        closeBar();
        anchor.scrollIntoView({block: "center"});
        flash(id);
      }
      return;
    }
    if (target.closest("#rl-bar button.close")) {
      closeBar();
      return;
    }
    var mark = target.closest("mark[data-f]");
    if (mark) showBar(mark);
  });
  function fromHash() {
    if (location.hash.indexOf("#rule-") === 0) openRule(location.hash.slice(1));
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
