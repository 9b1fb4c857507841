// The NLU is trained once per process (about a second) on first use and then
// shared by every turn and by POST /v1/nlu/parse.
import { trainNlu, type Nlu } from './nlu/index.ts';

let trained: Nlu | undefined;

export function sharedNlu(): Nlu {
  trained ??= trainNlu();
  return trained;
}
