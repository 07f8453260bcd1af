import { defineHandler } from "nitro/h3";
import mime from "mime";

export default defineHandler(() => ({
  json: mime.getType("data.json"),
  svg: mime.getType("/a/b/icon.svg"),
  unknown: mime.getType("file.nope"),
  ext: mime.getExtension("text/html"),
  all: [...(mime.getAllExtensions("image/jpeg") ?? [])].sort(),
}));
