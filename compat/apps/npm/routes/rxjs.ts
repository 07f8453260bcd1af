import { defineHandler } from "nitro/h3";
import { filter, firstValueFrom, from, map, of, reduce, toArray, zip } from "rxjs";

export default defineHandler(async () => ({
  doubled: await firstValueFrom(of(1, 2, 3, 4).pipe(filter((x) => x % 2 === 0), map((x) => x * 10), toArray())),
  sum: await firstValueFrom(from([1, 2, 3]).pipe(reduce((a, b) => a + b, 0))),
  zipped: await firstValueFrom(zip(of("a", "b"), of(1, 2)).pipe(toArray())),
}));
