import { defineHandler, html, HTTPError, createError } from "nitro";

// GET /types?kind=... returns one value of each kind SPEC 7 lists.
export default defineHandler(async (event) => {
  const kind = event.url.searchParams.get("kind");
  switch (kind) {
    case "string": return "plain text";
    case "html": return html`<h1>${"hi"}</h1>`;
    case "object": return { a: 1, list: [1, 2] };
    case "array": return [1, "two"];
    case "number": return 42;
    case "boolean": return true;
    case "null": return null;
    case "undefined": return undefined;
    case "bytes": return new Uint8Array([1, 2, 3]);
    case "arraybuffer": return new Uint8Array([4, 5]).buffer;
    case "response": return new Response("made by hand", { status: 201, statusText: "Made", headers: { "x-made": "yes" } });
    case "promise": return new Promise((resolve) => setTimeout(() => resolve({ late: true }), 10));
    case "status": event.res.status = 202; event.res.statusText = "Accepted Later"; event.res.headers.set("x-extra", "1"); return "accepted";
    case "http-error": throw new HTTPError({ status: 422, statusText: "Unprocessable", message: "bad input", data: { field: "name" } });
    case "create-error": throw createError({ status: 409, message: "conflict" });
    case "returned-error": return new HTTPError("returned, not thrown", { status: 400 });
    case "throw": throw new Error("secret internals");
    case "reject": await Promise.resolve(); throw new TypeError("async failure");
    case "spin": while (true) {}
  }
  return "unknown kind";
});
