import { defineHandler } from "nitro/h3";
import { marked } from "marked";

export default defineHandler(() => ({
  html: marked.parse("# Title\n\nSome **bold** and [a link](https://example.com).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", { async: false }),
  inline: marked.parseInline("*hi* `there`", { async: false }),
}));
