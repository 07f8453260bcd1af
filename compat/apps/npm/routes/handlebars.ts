import { defineHandler } from "nitro/h3";
import Handlebars from "handlebars";

const hb = Handlebars.create();
hb.registerHelper("upper", (s: string) => s.toUpperCase());
const tpl = hb.compile("Hello {{upper name}}! {{#each items}}[{{@index}}:{{this}}]{{/each}} {{{raw}}} {{esc}}");

export default defineHandler(() => ({ out: tpl({ name: "ada", items: ["a", "b"], raw: "<b>", esc: "<i>" }) }));
