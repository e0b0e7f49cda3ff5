import { benchVisits } from "/work/main/server/bench/visits";

const v = await benchVisits({ duration: 10 });
console.log(v.visits.rps);
await new Promise((r) => setTimeout(r, 100));
