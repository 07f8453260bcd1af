import { defineHandler } from "nitro";
import { publish } from "azote";

// Server-side publish to the news: the body is the message.
export default defineHandler(async (event) => ({ delivered: publish("news", await event.req.text()) }));
