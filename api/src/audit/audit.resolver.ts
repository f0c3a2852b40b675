import { HISTORY_READERS } from '@yizhan/shared';
import { Arg, Args, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../common/connection';
import type { Paging } from '../common/page';
import type { Context } from '../context';
import { AuditEvent, AuditEventConnection } from './audit.type';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized(...HISTORY_READERS)
  @Query(() => AuditEventConnection, {
    description: 'History, newest first: of one record (within your scope), or the whole journal (administrators).',
  })
  auditEvents(
    @Arg('entityId', () => ID, { nullable: true }) entityId: string | undefined,
    @Args(() => PageArgs) paging: Paging,
    @Ctx() { services }: Context,
  ) {
    return services.audit.list(entityId ?? undefined, paging).then(AuditEventConnection.of);
  }
}
