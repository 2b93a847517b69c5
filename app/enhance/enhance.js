// app/enhance/enhance.js — the only script a plain page loads (decision 037): an anonymous reader's page is server-rendered HTML that
// works without JavaScript; this adds two conveniences and nothing a page needs. No framework, no strings
// (the buttons' text is in the HTML, in the page's language).

// 打印 / Print: the button is in the page, hidden until a script can open the print dialog.
for (const button of document.querySelectorAll("button[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// Province → city: without a script the city list keeps every city grouped by province (the server checks
// that they agree); with it, the list holds only the chosen province's cities.
for (const fieldset of document.querySelectorAll("[data-region-select]")) {
  const province = fieldset.querySelector("select[data-region-province]");
  const city = fieldset.querySelector("select[data-region-city]");
  if (!province || !city) continue;
  const blank = city.querySelector('option[value=""]');
  const groups = [...city.querySelectorAll("optgroup")].map((group) => group.cloneNode(true));
  const narrow = (keepChoice) => {
    const chosen = city.value;
    const group = groups.find((g) => g.dataset.province === province.value);
    const options = group ? [...group.children].map((o) => o.cloneNode(true)) : [];
    city.replaceChildren(...(blank ? [blank.cloneNode(true)] : []), ...options);
    city.value = keepChoice && options.some((o) => o.value === chosen) ? chosen : "";
  };
  province.addEventListener("change", () => narrow(false));
  narrow(true);
}
