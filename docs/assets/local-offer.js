// Local Offer: the age filter on the home page and the share button.
// Everything works without this script; it only makes pages nicer to use.
(function () {
  "use strict";

  function applyAge(form, age) {
    var lines = document.querySelectorAll(".lo-line");
    lines.forEach(function (line) {
      var from = Number(line.dataset.ageFrom), to = Number(line.dataset.ageTo);
      var fits = !age || (age >= from && age < to);
      line.hidden = !fits;
    });
    document.querySelectorAll(".lo-category").forEach(function (section) {
      section.hidden = !section.querySelector(".lo-line:not([hidden])");
    });
    // The sentence for each age comes translated with the page: no wording here.
    var status = form.querySelector(".lo-age__status");
    var option = form.querySelector('option[value="' + age + '"]');
    if (status) status.textContent = age && option ? option.dataset.status : "";
  }

  function setupAgeFilter() {
    var form = document.querySelector("[data-lo-age-filter]");
    if (!form) return;
    var select = form.querySelector("select");
    var params = new URLSearchParams(location.search);
    var age = Number(params.get("age")) || 0;
    if (age) select.value = String(age);
    applyAge(form, age);
    select.addEventListener("change", function () {
      var chosen = Number(select.value) || 0;
      var url = new URL(location.href);
      if (chosen) url.searchParams.set("age", chosen); else url.searchParams.delete("age");
      history.replaceState(null, "", url);  // the age stays in the link, ready to share
      applyAge(form, chosen);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      select.dispatchEvent(new Event("change"));
    });
  }

  function setupShare() {
    document.querySelectorAll("[data-lo-share]").forEach(function (box) {
      var button = box.querySelector(".lo-share__button");
      if (!button) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var data = { title: box.dataset.title, url: box.dataset.url };
        if (navigator.share) {
          navigator.share(data).catch(function () {});
        } else if (navigator.clipboard) {
          navigator.clipboard.writeText(data.url).then(function () { button.textContent = box.dataset.copied; });
        }
      });
    });
  }

  setupAgeFilter();
  setupShare();
})();
