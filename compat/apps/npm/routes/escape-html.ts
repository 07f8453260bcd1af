import { defineHandler } from "nitro/h3";
import escapeHtml from "escape-html";

export default defineHandler(() => ({ escaped: escapeHtml(`<a href="x">Tom & 'Jerry'</a>`) }));
