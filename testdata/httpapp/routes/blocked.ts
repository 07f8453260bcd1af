import { defineHandler } from "nitro";

export default defineHandler(() => "the route never runs");
