import { AppealType, ServiceCategory, ServiceChannel } from '@yizhan/shared';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('CategoryEntry', { description: 'A service category with its labels and time limit.' })
export class CategoryEntry {
  @Field(() => ServiceCategory)
  value!: ServiceCategory;

  @Field(() => String)
  labelZh!: string;

  @Field(() => String)
  labelEn!: string;

  @Field(() => Int, { description: 'Working days a request of this category may take (counted per channel rules).' })
  dueWorkingDays!: number;
}

@ObjectType('ChannelEntry')
export class ChannelEntry {
  @Field(() => ServiceChannel)
  value!: ServiceChannel;

  @Field(() => String)
  labelZh!: string;

  @Field(() => String)
  labelEn!: string;

  @Field(() => Int, { description: 'Default working days for this channel.' })
  dueWorkingDays!: number;

  @Field(() => String, { description: 'When the clock starts: receipt, or signing for hotline tickets.' })
  clockStartsAt!: string;
}

@ObjectType('AppealTypeEntry')
export class AppealTypeEntry {
  @Field(() => AppealType)
  value!: AppealType;

  @Field(() => String)
  labelZh!: string;

  @Field(() => String)
  labelEn!: string;
}

@ObjectType('ServiceCatalog', { description: 'What the stations and the hotline handle, and how fast (public).' })
export class ServiceCatalog {
  @Field(() => [CategoryEntry])
  categories!: CategoryEntry[];

  @Field(() => [ChannelEntry])
  channels!: ChannelEntry[];

  @Field(() => [AppealTypeEntry])
  appealTypes!: AppealTypeEntry[];
}
