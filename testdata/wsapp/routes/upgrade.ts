import { defineWebSocketHandler } from "nitro";

export default defineWebSocketHandler({
  async upgrade(request) {
    const mode = new URL(request.url).searchParams.get("mode");
    switch (mode) {
      case "headers":
        return { headers: { "x-hello": "world" } };
      case "headers-instance":
        return { headers: new Headers([["x-from", "headers"]]) };
      case "namespace":
        return { namespace: "custom-ns" };
      case "context":
        return { context: { userId: "u-1", role: "admin" } };
      case "protocol":
        return { protocol: "chat.v2" };
      case "protocol-header":
        return { headers: { "sec-websocket-protocol": "chat.v1" } };
      case "async":
        await new Promise((r) => setTimeout(r, 20));
        return { context: { waited: true } };
      case "reject":
        throw new Response("nope", { status: 403, statusText: "Go Away", headers: { "x-why": "test" } });
      case "return-response":
        return new Response("payment please", { status: 402 });
      case "throw-object":
        throw { response: new Response("teapot", { status: 418, statusText: "I'm a teapot" }) };
      case "throw-error":
        throw new Error("upgrade exploded");
      case "reject-promise":
        await Promise.resolve();
        throw new Response("later no", { status: 401 });
      case "spin":
        while (true) {}
      case "tag":
        request.tag = "tagged";
        request.context.user = "ada";
        return;
      case "context-only":
        request.context.user = "grace";
        return;
    }
  },
  open(peer) {
    peer.send(
      JSON.stringify({
        id: peer.id,
        str: `${peer}`,
        toString: peer.toString(),
        json: JSON.stringify(peer),
        namespace: peer.namespace,
        context: peer.context,
        url: peer.request.url,
        method: peer.request.method,
        host: peer.request.headers.get("host"),
        custom: peer.request.headers.get("x-custom"),
        tag: peer.request.tag,
        requestUser: peer.request.context?.user,
        requestClient: peer.request.context?.clientAddress,
        remoteAddress: peer.remoteAddress,
        ws: {
          readyState: peer.websocket.readyState,
          protocol: peer.websocket.protocol,
          url: peer.websocket.url,
          bufferedAmount: peer.websocket.bufferedAmount,
        },
        topics: [...peer.topics],
        peersIsSet: peer.peers instanceof Set,
      }),
    );
  },
});
