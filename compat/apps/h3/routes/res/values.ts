import { defineHandler } from "h3";
export default defineHandler((event) => {
  switch (event.url.searchParams.get("kind")) {
    case "number": return 42;
    case "boolean": return false;
    case "null": return null;
    case "undefined": return undefined;
    case "bigint": return 10n;
    case "bytes": return new TextEncoder().encode("bytes!");
    case "buffer": return new TextEncoder().encode("arraybuffer").buffer;
    case "blob": return new Blob(["blob body"], { type: "text/x-blob" });
    case "array": return [1, 2];
    case "symbol": return Symbol("s");
    case "function": return () => "fn";
    default: return "string";
  }
});
