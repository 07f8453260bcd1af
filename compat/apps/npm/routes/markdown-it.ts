import { defineHandler } from "nitro/h3";
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ linkify: true, typographer: true });

export default defineHandler(() => ({
  html: md.render("# Title\n\nSome *emphasis*, `code` and https://example.com \"quotes\"\n\n- a\n- b\n\n```js\nlet x = 1;\n```\n"),
}));
