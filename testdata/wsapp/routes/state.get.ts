import { defineHandler } from "nitro";
import { events, closes } from "../lib/state";

export default defineHandler(() => ({ events, closes }));
