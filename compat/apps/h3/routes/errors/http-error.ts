import { HTTPError, defineHandler } from "h3";
export default defineHandler((event) => {
  switch (event.url.searchParams.get("kind")) {
    case "status": throw HTTPError.status(418, "Teapot", { message: "short and stout" });
    case "headers": throw new HTTPError({ status: 429, message: "slow down", headers: { "retry-after": "7" } });
    case "returned": return new HTTPError({ status: 409, message: "returned error", data: { field: "name" } });
    case "cause": throw new HTTPError(new Error("wrapped cause"));
    default: throw new HTTPError({ status: 422, statusText: "Bad Things", message: "invalid input", data: { field: "email" } });
  }
});
