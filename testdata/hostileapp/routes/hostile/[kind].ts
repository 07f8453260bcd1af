import { defineHandler, getRouterParam } from "h3";
import { act } from "../../lib/hostile";

// Returns or throws hostile value `kind` (issue 11 hardening).
export default defineHandler((event) => act(getRouterParam(event, "kind")!));
