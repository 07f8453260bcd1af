import { defineHandler } from "nitro/h3";
import Papa from "papaparse";

export default defineHandler(() => ({
  parsed: Papa.parse("name,age\nAda,36\n\"Lovelace, A\",37\n", { header: true, dynamicTyping: true, skipEmptyLines: true }).data,
  unparsed: Papa.unparse([{ a: 1, b: "x,y" }, { a: 2, b: 'q"uote' }]),
}));
