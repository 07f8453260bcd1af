import { defineHandler } from "nitro";
import { publish, peers } from "azote";

// Server-side publish: ?topic=&ns= ; body is the data.
export default defineHandler(async (event) => {
  const topic = event.url.searchParams.get("topic") || "room";
  const namespace = event.url.searchParams.get("ns") || undefined;
  const data = await event.req.text();
  const delivered = publish(topic, data, namespace ? { namespace } : undefined);
  return { delivered };
});
