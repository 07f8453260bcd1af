import { defineHandler } from "nitro/h3";
import Decimal from "decimal.js";

export default defineHandler(() => ({
  sum: new Decimal(0.1).plus(0.2).toString(),
  div: new Decimal(1).div(3).toFixed(30),
  sqrt: new Decimal(2).sqrt().toSignificantDigits(40).toString(),
  pow: new Decimal(2).pow(100).toString(),
}));
