// azote's srvx adapter: what h3 imports from "srvx" (the build resolves the bare "srvx" here,
// as srvx itself resolves to its node, bun or deno adapter). h3 answers with FastResponse;
// like srvx's Node adapter, the reference runtime, it types a string body
// "text/plain; charset=UTF-8" where the web Response says "text/plain;charset=UTF-8".
export const FastURL = URL;

export class FastResponse extends Response {
  constructor(body, init) {
    if (typeof body === "string") {
      const headers = new Headers(init && init.headers);
      if (!headers.has("content-type")) {
        headers.set("content-type", "text/plain; charset=UTF-8");
        init = Object.assign({}, init, { headers });
      }
    }
    super(body, init);
  }
}
