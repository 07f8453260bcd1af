// The object form with only WebSocket hooks: upgrades get the hooks, plain requests 426.
export default {
  websocket: {
    open(peer) {
      peer.send("object form");
    },
  },
};
