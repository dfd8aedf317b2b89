import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context';
import { HandInType, SealedFileType } from './assignments.types';
import type { HandIn } from './hand-in.entity';

/** The receipt's list is for reading, not for exporting: the zip has every file. */
const MAX_LISTED = 1000;

@Resolver(() => HandInType)
export class HandInResolver {
  /**
   * Reached only through a hand-in the caller may already see. Walks the
   * sealed tree of this one hand-in, so ask for it on a receipt, not on a
   * list of every student's hand-ins.
   */
  @FieldResolver(() => [SealedFileType], {
    description: `The files sealed, by path (the receipt's list; at most ${MAX_LISTED}: download the zip for more).`,
  })
  async files(
    @Root() handIn: HandIn,
    @Arg('first', () => Int, { defaultValue: MAX_LISTED, description: `At most ${MAX_LISTED}.` }) first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SealedFileType[]> {
    const limit = Math.max(0, Math.min(first, MAX_LISTED));
    const files: SealedFileType[] = [];
    if (limit === 0) return files;
    for await (const { path, entry } of ctx.services.handIns.leaves(handIn.rootTreeId)) {
      files.push({ path: path.join('/'), sizeBytes: entry.size });
      if (files.length >= limit) break;
    }
    return files;
  }
}
