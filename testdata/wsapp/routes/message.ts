import { defineWebSocketHandler } from "nitro";

// Replies with what every Message method gives for the frame it received.
export default defineWebSocketHandler({
  message(peer, message) {
    let json: unknown;
    try {
      json = message.json();
    } catch (e) {
      json = "error:" + (e as Error).name;
    }
    const raw = message.rawData;
    peer.send(
      JSON.stringify({
        text: message.text(),
        str: `${message}`,
        toString: message.toString(),
        json,
        u8: Array.from(message.uint8Array()),
        u8IsUint8Array: message.uint8Array() instanceof Uint8Array,
        abLength: message.arrayBuffer().byteLength,
        abIsArrayBuffer: message.arrayBuffer() instanceof ArrayBuffer,
        blobSize: message.blob().size,
        blobIsBlob: message.blob() instanceof Blob,
        rawType: typeof raw === "string" ? "string" : raw instanceof Uint8Array ? "Uint8Array" : typeof raw,
        dataType: typeof message.data === "string" ? "string" : message.data instanceof Uint8Array ? "Uint8Array" : typeof message.data,
        id: message.id,
        sameId: message.id === message.id,
        peerIsPeer: message.peer === peer,
      }),
    );
  },
});
