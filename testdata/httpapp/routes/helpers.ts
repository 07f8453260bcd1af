import { defineHandler } from "nitro";
import {
  getQuery, getRouterParam, getRouterParams, readBody, getRequestHeader, getRequestHeaders,
  setResponseStatus, setResponseHeader, setResponseHeaders, getRequestIP, getCookie, setCookie,
  deleteCookie, sendRedirect, redirect, noContent,
} from "h3";

export default defineHandler(async (event) => {
  const op = getQuery(event).op;
  switch (op) {
    case "query": return getQuery(event);
    case "headers": return { one: getRequestHeader(event, "x-one"), all: getRequestHeaders(event)["x-two"] };
    case "body": return { body: await readBody(event) };
    case "status": setResponseStatus(event, 418, "Teapot Here"); return "short and stout";
    case "set-headers": setResponseHeader(event, "x-a", "1"); setResponseHeaders(event, { "x-b": "2" }); return "ok";
    case "ip": return { ip: getRequestIP(event) };
    case "cookies":
      setCookie(event, "session", "abc def", { httpOnly: true, maxAge: 60 });
      deleteCookie(event, "old");
      return { theme: getCookie(event, "theme") };
    case "redirect": return sendRedirect(event, "/elsewhere", 307);
    case "redirect2": return redirect("/other");
    case "no-content": return noContent();
  }
  return { params: getRouterParams(event), id: getRouterParam(event, "id") };
});
