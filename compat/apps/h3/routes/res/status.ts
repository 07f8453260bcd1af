import { setResponseStatus, getResponseStatus, getResponseStatusText, defineHandler } from "h3";
export default defineHandler((event) => {
  setResponseStatus(event, 202, "Taken In");
  return { status: getResponseStatus(event), text: getResponseStatusText(event) };
});
