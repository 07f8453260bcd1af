import { defineWebSocketHandler } from "nitro";
import { act, hostile } from "../lib/hostile";

// upgrade returns or throws hostile value ?kind= (none: accept). A message "caught <name>"
// sends that value inside a try and reports what send threw; "uncaught <name>" lets the hook
// throw; "throw <name>" throws hostile value <name> from the hook; anything else is echoed.
export default defineWebSocketHandler({
  upgrade(request) {
    const kind = new URL(request.url).searchParams.get("kind");
    if (kind) return act(kind);
  },
  message(peer, message) {
    const [how, kind] = message.text().split(" ");
    if (how === "caught") {
      try {
        peer.send(hostile[kind]());
        peer.send("sent");
      } catch (e) {
        peer.send("caught " + (e instanceof Error ? e.message : String(e)));
      }
      return;
    }
    if (how === "throw") act("throw-" + kind);
    if (how === "uncaught") {
      peer.send(hostile[kind]());
      return;
    }
    peer.send("echo " + message.text());
  },
});
