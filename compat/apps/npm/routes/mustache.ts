import { defineHandler } from "nitro/h3";
import Mustache from "mustache";

export default defineHandler(() => ({
  out: Mustache.render("Hi {{name}}! {{#items}}<{{.}}>{{/items}}{{^none}} none{{/none}} {{{raw}}} {{esc}}", {
    name: "Ada",
    items: ["a", "b"],
    raw: "<b>",
    esc: "<i>",
  }),
}));
