import { defineWebSocketHandler } from "nitro";
import { closes } from "../lib/state";

// Each text message is a JSON command that exercises one Peer property or method.
export default defineWebSocketHandler({
  open(peer) {
    peer.send(JSON.stringify({ id: peer.id }));
  },
  async message(peer, message) {
    const cmd = message.json();
    switch (cmd.op) {
      case "send": {
        const values: Record<string, unknown> = {
          string: "hello",
          bytes: new Uint8Array([1, 2, 3]),
          arraybuffer: new Uint8Array([4, 5]).buffer,
          view: new Uint8Array([9, 8, 7, 6]).subarray(1, 3),
          dataview: new DataView(new Uint8Array([1, 2, 3, 4]).buffer, 2),
          object: { a: 1, b: [true, null] },
          array: [1, "two", { three: 3 }],
          number: 42.5,
          boolean: false,
          bigint: BigInt("12345678901234567890"),
          null: null,
          undefined: undefined,
        };
        const queued = peer.send(values[cmd.kind]);
        peer.send(JSON.stringify({ queued: typeof queued }));
        return;
      }
      case "subscribe":
        peer.subscribe(cmd.topic);
        peer.send(JSON.stringify([...peer.topics]));
        return;
      case "unsubscribe":
        peer.unsubscribe(cmd.topic);
        peer.send(JSON.stringify([...peer.topics]));
        return;
      case "publish":
        peer.publish(cmd.topic, cmd.data);
        return;
      case "peers":
        peer.send(JSON.stringify([...peer.peers].map((p) => p.id)));
        return;
      case "close":
        closes[peer.id] = { code: -1, reason: "pending" };
        peer.close(cmd.code, cmd.reason);
        return;
      case "close-then-send":
        peer.close(1000, "bye");
        peer.send("after close is ignored");
        return;
      case "terminate":
        peer.terminate();
        return;
      case "ping":
        peer.ping(cmd.data);
        peer.send("pinged");
        return;
      case "buffered":
        peer.send(JSON.stringify({ bufferedAmount: peer.bufferedAmount }));
        return;
      case "drain":
        await peer.waitForDrain({ threshold: 0 });
        peer.send(`drained:${peer.bufferedAmount}`);
        return;
      case "context":
        peer.context.count = (peer.context.count || 0) + 1;
        peer.send(JSON.stringify(peer.context));
        return;
      case "throw":
        throw new Error("hook exploded on purpose");
      case "reject":
        await Promise.resolve();
        throw new Error("async hook rejected on purpose");
      case "spin":
        while (true) {}
      case "drain-abort": {
        const controller = new AbortController();
        const waiting = peer.waitForDrain({ threshold: -1, signal: controller.signal });
        controller.abort("changed my mind");
        try {
          await waiting;
          peer.send("resolved");
        } catch (reason) {
          peer.send(`aborted:${reason}`);
        }
        try {
          await peer.waitForDrain({ signal: AbortSignal.abort("already") });
        } catch (reason) {
          peer.send(`pre-aborted:${reason}`);
        }
        return;
      }
      case "busy": {
        const end = Date.now() + 150;
        while (Date.now() < end) {}
        peer.send("done busy");
        return;
      }
    }
    peer.send("unknown op " + cmd.op);
  },
  close(peer, details) {
    closes[peer.id] = { code: details.code, reason: details.reason };
  },
});
