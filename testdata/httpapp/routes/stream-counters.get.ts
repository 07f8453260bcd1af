import { defineHandler } from "nitro";
import { counters } from "../lib/streams";

export default defineHandler(() => counters);
