import { createError, H3Error, HTTPError, isError, defineHandler } from "h3";
export default defineHandler((event) => {
  if (event.url.searchParams.has("check")) {
    return { isError: isError(createError({ status: 400 })), plain: isError(new Error("x")), alias: H3Error === HTTPError };
  }
  if (event.url.searchParams.has("number")) throw createError(404, { message: "numbered" });
  throw createError({ statusCode: 400, statusMessage: "Nope", message: "legacy options", data: { legacy: true } });
});
