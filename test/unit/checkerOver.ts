/** Test helper: a checker over source files given as texts, beside other news so that shared words weigh as in a real folder. */
import { SourceIndex } from '../../server/src/engine/sourceIndex';
import { createChecker } from '../../server/src/engine/defaults';

/** Unrelated news, a second file in the index: a word every file shares weighs little, as it does in a real folder. */
export const OTHER_NEWS = [
  'The council approved a new budget for the library on Tuesday.',
  'Heavy rain closed two roads near the harbour overnight.',
  'The museum will reopen in spring after a long refit.',
  'A local bakery won a regional prize for its bread.',
  'Ticket prices for the ferry rose by five per cent.',
  'Police said 14 people were questioned after the match.',
].join(' ');

/** A checker over these files (name -> text) and a file of other news. */
export function checkerAmongNews(files: Record<string, string>, options: object = {}) {
  const index = new SourceIndex();
  for (const [name, text] of Object.entries(files)) index.addFile(name, text);
  index.addFile('other-news.txt', OTHER_NEWS);
  return createChecker(index, options);
}
