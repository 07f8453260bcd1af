import { defineHandler } from "nitro";
import { publish } from "azote";

export default defineHandler(async (event) => ({
  delivered: publish(event.url.searchParams.get("topic") || "feed", await event.req.text()),
}));
