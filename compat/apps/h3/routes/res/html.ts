import { html, raw, defineHandler } from "h3";
export default defineHandler((event) => {
  const name = event.url.searchParams.get("name") ?? "<world>";
  if (event.url.searchParams.has("string")) return html("<p>plain markup</p>");
  return html`<h1>Hello ${name}</h1>${raw("<em>raw</em>")}`;
});
