import { defineHandler } from "nitro/h3";
import slugify from "slugify";

export default defineHandler(() => ({
  plain: slugify("Hello World & Friends!"),
  lower: slugify("Crème Brûlée à la carte", { lower: true, strict: true }),
}));
