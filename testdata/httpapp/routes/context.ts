import { defineHandler } from "nitro";

export default defineHandler((event) => ({ order: event.context.order, user: event.context.user }));
