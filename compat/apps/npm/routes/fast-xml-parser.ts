import { defineHandler } from "nitro/h3";
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";

const xml = `<?xml version="1.0"?><catalog><book id="1"><title>Go</title><price>10.5</price></book><book id="2"><title>JS</title><price>8</price></book></catalog>`;

export default defineHandler(() => {
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
  return {
    parsed,
    built: new XMLBuilder({ ignoreAttributes: false }).build({ note: { "@_lang": "en", to: "Ada", body: "hi & bye" } }),
    valid: XMLValidator.validate("<a><b></a>") === true,
  };
});
