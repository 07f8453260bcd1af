import { defineHandler } from "nitro/h3";
import { basename, dirname, extname, join, normalize, relative } from "pathe";

export default defineHandler(() => ({
  join: join("/a/b", "../c", "d.txt"),
  normalize: normalize("a//b/./c/.."),
  windows: normalize("C:\\Users\\ada\\file.ts"),
  base: basename("/x/y/file.tar.gz", ".gz"),
  dir: dirname("/x/y/file.ts"),
  ext: extname("file.test.ts"),
  rel: relative("/a/b/c", "/a/d"),
}));
