import { AcceptanceMode, ApprovalStage, ServiceCategory, ServiceChannel } from '@yizhan/shared';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/scalars';

/*
 * The dashboard's figures (docs/dashboard.md). Every rate carries its numerator and denominator,
 * every average its sum and count, so a reader can check a figure and add figures up.
 */

@ObjectType('Rate', { description: 'numerator / denominator; value is null when the denominator is 0.' })
export class Rate {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float)
  numerator!: number;

  @Field(() => Float)
  denominator!: number;
}

@ObjectType('Average', { description: 'sum / count; value is null when the count is 0.' })
export class Average {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float)
  sum!: number;

  @Field(() => Int)
  count!: number;
}

@ObjectType('SpeedUp', { description: 'How much faster than the reference time: 1 − actual / reference (0.5 = twice as fast); null without a reference.' })
export class SpeedUp {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Int, { description: 'Σ working days taken.' })
  actualWorkingDays!: number;

  @Field(() => Int, { description: 'Σ working days allowed (statutory or promised).' })
  referenceWorkingDays!: number;
}

@ObjectType('ChannelCount')
class ChannelCount {
  @Field(() => ServiceChannel)
  channel!: ServiceChannel;

  @Field(() => Int)
  count!: number;
}

@ObjectType('CategoryCount')
class CategoryCount {
  @Field(() => ServiceCategory)
  category!: ServiceCategory;

  @Field(() => Int)
  count!: number;
}

@ObjectType('StageCount')
export class StageCount {
  @Field(() => ApprovalStage)
  stage!: ApprovalStage;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ModeCount')
export class ModeCount {
  @Field(() => AcceptanceMode)
  mode!: AcceptanceMode;

  @Field(() => Int)
  count!: number;
}

@ObjectType('StationFigureValues')
class StationFigureValues {
  @Field(() => Int, { description: 'Requests received in the period (all channels, invalidated ones left out).' })
  requestsReceived!: number;

  @Field(() => [ChannelCount])
  byChannel!: ChannelCount[];

  @Field(() => [CategoryCount])
  byCategory!: CategoryCount[];

  @Field(() => Int, { description: 'On-site visits made (上门服务), on the day of the visit.' })
  onsiteVisits!: number;

  @Field(() => Int, { description: 'Requests whose outcome solved the problem, on the day replied.' })
  problemsSolved!: number;

  @Field(() => Int, { description: 'Σ jobs filled (解决用工).' })
  jobsFilled!: number;

  @Field(() => Float, { description: 'Σ financing arranged, in 10,000 yuan (万元).' })
  financingAmount!: number;

  @Field(() => Int, { description: 'Enterprises newly registered through a station (驿站新办), by establishment date.' })
  newRegistrations!: number;
}

@ObjectType('StationMonth')
export class StationMonth extends StationFigureValues {
  @Field(() => String, { description: 'YYYY-MM.' })
  month!: string;
}

@ObjectType('StationFigures', { description: 'What the stations did in the period.' })
export class StationFigures extends StationFigureValues {
  @Field(() => [StationMonth], { description: 'Each month of the period, zeros included.' })
  monthly!: StationMonth[];
}

@ObjectType('JointAcceptanceFigures', { description: '联合验收: joint completion acceptances decided in the period.' })
export class JointAcceptanceFigures {
  @Field(() => Int)
  decided!: number;

  @Field(() => Rate, { description: 'Passed first time / decided.' })
  firstPassRate!: Rate;

  @Field(() => Average, { description: 'Working days from acceptance to decision, pauses excluded.' })
  averageWorkingDays!: Average;

  @Field(() => SpeedUp, { description: 'Against the promised working days.' })
  speedUpVsPromised!: SpeedUp;
}

@ObjectType('ApprovalMonth')
export class ApprovalMonth {
  @Field(() => String, { description: 'YYYY-MM.' })
  month!: string;

  @Field(() => Int)
  accepted!: number;

  @Field(() => Int)
  tolerantAccepted!: number;

  @Field(() => Int)
  decided!: number;

  @Field(() => Average)
  averageWorkingDays!: Average;
}

@ObjectType('ApprovalFigures', { description: 'Approvals accepted and decided in the period.' })
export class ApprovalFigures {
  @Field(() => Int, { description: 'Approvals accepted in the period.' })
  accepted!: number;

  @Field(() => [StageCount])
  byStage!: StageCount[];

  @Field(() => [ModeCount])
  byMode!: ModeCount[];

  @Field(() => Int, { description: '容缺受理: accepted with materials to follow.' })
  tolerantAccepted!: number;

  @Field(() => Int, { description: '拿地即开工 projects recorded in the period.' })
  landFirstProjects!: number;

  @Field(() => Int, { description: 'Approvals decided (approved or rejected) in the period.' })
  decided!: number;

  @Field(() => Average, { description: 'Working days from acceptance to decision, pauses excluded.' })
  averageWorkingDays!: Average;

  @Field(() => Rate, { description: 'Decided by the promised due date / decided.' })
  onTimeRate!: Rate;

  @Field(() => SpeedUp, { description: 'Against the statutory working days.' })
  speedUpVsStatutory!: SpeedUp;

  @Field(() => JointAcceptanceFigures)
  jointAcceptance!: JointAcceptanceFigures;

  @Field(() => [ApprovalMonth], { description: 'Each month of the period, zeros included.' })
  monthly!: ApprovalMonth[];
}

@ObjectType('HotlineMonth')
export class HotlineMonth {
  @Field(() => String, { description: 'YYYY-MM.' })
  month!: string;

  @Field(() => Int)
  received!: number;

  @Field(() => Rate)
  onTimeRate!: Rate;

  @Field(() => Rate)
  callbackRate!: Rate;

  @Field(() => Rate)
  satisfactionRate!: Rate;
}

@ObjectType('HotlineFigures', { description: '12345 hotline tickets in the period.' })
export class HotlineFigures {
  @Field(() => Int, { description: 'Tickets received in the period.' })
  received!: number;

  @Field(() => Rate, { description: 'Replied by the deadline / due in the period.' })
  onTimeRate!: Rate;

  @Field(() => Rate, { description: 'Reached at callback / replied in the period, anonymous requesters and those without a phone left out.' })
  callbackRate!: Rate;

  @Field(() => Rate, { description: 'Rated BASIC or better / reached.' })
  satisfactionRate!: Rate;

  @Field(() => Rate, { description: 'Rated SATISFIED or better / reached.' })
  strictSatisfactionRate!: Rate;

  @Field(() => Rate, { description: 'Repeats of an earlier ticket / received.' })
  repeatRate!: Rate;

  @Field(() => Average, { description: 'Working days from the clock’s start to the reply, of tickets replied in the period.' })
  averageHandlingWorkingDays!: Average;

  @Field(() => [HotlineMonth], { description: 'Each month of the period, zeros included.' })
  monthly!: HotlineMonth[];
}

@ObjectType('Dashboard', {
  description:
    'KPIs of a period (dates in Asia/Shanghai, both included), park-wide or for one station. Each part is null, with a FORBIDDEN error, for a role that may not see it.',
})
export class Dashboard {
  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar)
  to!: string;

  @Field(() => ID, { nullable: true })
  stationId!: string | null;
}
