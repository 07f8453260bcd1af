import { fromNodeHandler, defineNodeHandler, defineHandler } from "h3";
export default defineHandler((event) => fromNodeHandler(defineNodeHandler((req, res) => {
  res.setHeader("content-type", "text/plain");
  res.end("node handler saw " + req.method + " " + req.url);
}))(event));
