// Server-side publish (azote): POST /publish with a text body reaches every peer subscribed to
// "chat" (the /chat route), from plain HTTP:
//   curl -X POST --data 'hello from curl' http://localhost:3000/publish
import { defineHandler } from "nitro";
import { publish, peers } from "azote";

export default defineHandler(async (event) => {
  const text = await event.req.text();
  const delivered = publish("chat", { system: text });
  return { delivered, peers: peers("/chat").size };
});
